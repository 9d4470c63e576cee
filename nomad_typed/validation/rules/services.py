"""Services and checks, group and task level."""

from __future__ import annotations

import re

from nomad_typed.models import Service, ServiceCheck

from .._canonical import SECOND
from .._context import Context, GroupScope, TaskScope, dur, q, rule
from .._paths import Path
from .connect import connect_block
from .network import port_labels

__all__ = ["group_services", "task_services"]

_SERVICE_NAME = re.compile(r"[a-z0-9]|[a-z0-9][a-z0-9\-]{0,61}[a-z0-9]", re.IGNORECASE)
_ENV = re.compile(r"\$\{[^}]*\}")
_CONSUL_CHECKS = ("grpc", "tcp", "http", "script")
_NOMAD_CHECKS = ("tcp", "http")
_PASS_FAIL_TYPES = ("tcp", "http", "grpc")
_HTTP_METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "CONNECT", "OPTIONS", "TRACE")
_KINDS = ("", "api-gateway", "ingress-gateway", "mesh-gateway", "terminating-gateway")
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:")
_BAD_ESCAPE = re.compile(r"%(?![0-9A-Fa-f]{2})")


def _requires_port(check: ServiceCheck) -> bool:
    return check.type in ("grpc", "http", "tcp")


def _path_error(path: str) -> tuple[str, str] | None:
    if not path:
        return "V141", "http type must have http path"
    if path.startswith(":") or _BAD_ESCAPE.search(path) or any(ord(c) < 0x20 or ord(c) == 0x7F for c in path):
        return "V142", "http type must have valid http path"
    if _SCHEME.match(path):
        return "V142", "http type must have relative http path"
    return None


def _common_check_error(check: ServiceCheck, allowed: tuple[str, ...]) -> tuple[str, str] | None:
    """Nomad's ``validateCommon``: the first rule the check breaks, with Nomad's message."""
    check_type = (check.type or "").lower()
    if check_type not in allowed:
        return "V140", f"invalid check type ({q(check_type)}), must be one of {', '.join(allowed)}"
    if check_type == "http":
        found = _path_error(check.path or "")
        if found is not None:
            return found
    if check_type == "script" and not check.command:
        return "V143", "script type must have a valid script path"
    interval = check.interval or 0
    if interval == 0:
        return "V144", "missing required value interval. Interval cannot be less than 1s"
    if interval < SECOND:
        return "V145", f"interval ({dur(interval)}) cannot be lower than 1s"
    timeout = check.timeout or 0
    if timeout == 0:
        return "V146", "missing required value timeout. Timeout cannot be less than 1s"
    if timeout < SECOND:
        return "V147", f"timeout ({dur(timeout)}) is lower than required minimum timeout 1s"
    mode = check.address_mode or ""
    if mode == "auto":
        return "V149", 'invalid address_mode "auto" - auto only valid for services'
    if mode not in ("", "host", "driver", "alloc", "alloc_ipv6"):
        return "V150", f"invalid address_mode {q(mode)}"
    on_update = check.on_update or ""
    restart = check.check_restart
    if restart is not None:
        if on_update == "ignore":
            return "V152", 'on_update value "ignore" is not compatible with check_restart'
        if not restart.ignore_warnings and on_update == "ignore_warnings":
            return "V153", (
                'on_update value "ignore_warnings" not supported'
                ' with check_restart ignore_warnings value "false"'
            )
        if (restart.limit or 0) < 0:
            return "V154", f"limit must be greater than or equal to 0 but found {restart.limit}"
        if (restart.grace or 0) < 0:
            return "V155", f"grace period must be greater than or equal to 0 but found {restart.grace}"
    return None


def _thresholds(check: ServiceCheck) -> list[tuple[str, str, int]]:
    """Each pass/fail threshold: the rule limiting it to tcp/http/grpc checks, its name, its value."""
    return [
        ("V157", "success_before_passing", check.success_before_passing or 0),
        ("V158", "failures_before_critical", check.failures_before_critical or 0),
        ("V159", "failures_before_warning", check.failures_before_warning or 0),
    ]


def _consul_check_error(check: ServiceCheck) -> tuple[str, str] | None:
    found = _common_check_error(check, _CONSUL_CHECKS)
    if found is not None:
        return found
    check_type = (check.type or "").lower()
    if check.expose and check_type not in ("grpc", "http"):
        return "V156", "expose may only be set on HTTP or gRPC checks"
    # The agent raises negative thresholds to 0, so only "not supported" can come up here.
    for rule_id, name, value in _thresholds(check):
        if value > 0 and check.type not in _PASS_FAIL_TYPES:
            return rule_id, f"{name} not supported for check of type {q(check.type or '')}"
    if len((check.notes or "").encode()) > 255:
        return "V160", "notes must not be longer than 255 characters"
    return None


def _nomad_check_error(check: ServiceCheck) -> tuple[str, str] | None:
    found = _common_check_error(check, _NOMAD_CHECKS)
    if found is not None:
        return found
    if check.expose:
        return "V161", "expose may only be set for Consul service checks"
    if check.on_update == "ignore_warnings":
        return "V162", "on_update may only be set to ignore_warnings for Consul service checks"
    if check.check_restart is not None and check.check_restart.ignore_warnings:
        return "V163", "ignore_warnings on check_restart only supported for Consul service checks"
    if check.address_mode == "driver":
        return "V164", "address_mode = driver may only be set for Consul service checks"
    if check.type == "http" and check.method and check.method.upper() not in _HTTP_METHODS:
        return "V165", f"method type {q(check.method)} not supported in Nomad http check"
    for _, name, value in _thresholds(check):
        if value:
            return "V166", f"{name} may only be set for Consul service checks"
    if check.tls_server_name:
        return "V167", "tls_server_name may only be set for Consul service checks"
    return None


@rule("V102", "group services must be valid (Service rules)")
@rule("V110", "task services must be valid (Service rules)")
@rule("V120", "service names must be RFC 1123 labels")
@rule("V121", "a service address needs address_mode auto")
@rule("V125", "a service identity needs an audience")
@rule("V126", "http/tcp/grpc checks need a port on the check or the service")
@rule("V127", "tcp checks are not valid on Connect sidecar services")
@rule("V128", "Consul checks must be valid (first problem reported)")
@rule("V129", "Consul service kind must be a gateway kind or empty")
@rule("V131", "Connect native services need a task")
@rule("V132", "Connect native services need a port")
@rule("V133", "Nomad-provider checks need a port on the check or the service")
@rule("V134", "Nomad-provider checks must be valid (first problem reported)")
@rule("V135", "Nomad-provider services cannot use Connect")
@rule("V140", "check type must be allowed for the provider")
@rule("V141", "http checks need a path")
@rule("V142", "http check paths must be relative URLs")
@rule("V143", "script checks need a command")
@rule("V144", "check interval is required")
@rule("V145", "check interval must be at least 1s")
@rule("V146", "check timeout is required")
@rule("V147", "check timeout must be at least 1s")
@rule("V149", "check address_mode auto is for services only")
@rule("V150", "check address_mode must be known")
@rule("V152", "check on_update ignore conflicts with check_restart")
@rule("V153", "check on_update ignore_warnings needs check_restart ignore_warnings")
@rule("V154", "check_restart limit must not be negative")
@rule("V155", "check_restart grace must not be negative")
@rule("V156", "Consul check expose is for http and grpc checks")
@rule("V157", "success_before_passing is for tcp/http/grpc checks")
@rule("V158", "failures_before_critical is for tcp/http/grpc checks")
@rule("V159", "failures_before_warning is for tcp/http/grpc checks")
@rule("V160", "check notes are at most 255 characters")
@rule("V161", "Nomad checks cannot expose")
@rule("V162", "Nomad checks cannot use on_update ignore_warnings")
@rule("V163", "Nomad checks cannot use check_restart ignore_warnings")
@rule("V164", "Nomad checks cannot use address_mode driver")
@rule("V165", "Nomad http checks need a standard method")
@rule("V166", "Nomad checks cannot use success/failure thresholds")
@rule("V167", "Nomad checks cannot use tls_server_name")
def service_rules(ctx: Context, service: Service, path: Path) -> None:
    name = service.name or ""
    if _SERVICE_NAME.fullmatch(_ENV.sub("ENV-VAR", name)) is None:
        message = (
            "Service name must be valid per RFC 1123 and can contain only alphanumeric characters"
            f" or dashes and must be no longer than 63 characters: {q(name)}"
        )
        ctx.error("V120", (*path, "Name"), message)
    mode = service.address_mode or ""
    if mode in ("host", "driver", "alloc", "alloc_ipv6") and service.address:
        ctx.error("V121", (*path, "Address"), 'Service address_mode must be "auto" if address is set')
    provider = service.provider or ""
    for index, check in enumerate(service.checks or ()):
        check_path = (*path, "Checks", index)
        if not service.port_label and not check.port_label and _requires_port(check):
            message = (
                f"Check {check.name} invalid: check requires a port but neither check nor service"
                f" {q(name)} have a port"
            )
            ctx.error("V126" if provider != "nomad" else "V133", check_path, message)
            continue
        if provider == "consul":
            sidecar = service.connect is not None and service.connect.sidecar_service is not None
            if check.type == "tcp" and sidecar:
                message = f"Check {check.name} invalid: tcp checks are not valid for Connect enabled services"
                ctx.error("V127", check_path, message)
                continue
            found = _consul_check_error(check)
            if found is not None:
                rule_id, reason = found
                ctx.error(rule_id, check_path, f"Check {check.name} invalid: {reason}")
        elif provider == "nomad":
            found = _nomad_check_error(check)
            if found is not None:
                rule_id, reason = found
                ctx.error(rule_id, check_path, reason)
    if provider == "consul":
        if (service.kind or "") not in _KINDS:
            message = f"Service {name} kind must be one of consul service kind or empty"
            ctx.error("V129", (*path, "Kind"), message)
        if service.connect is not None:
            connect_block(ctx, service.connect, (*path, "Connect"))
            if service.connect.native and not service.task_name:
                message = f"Service {name} is Connect Native and requires setting the task"
                ctx.error("V131", (*path, "Connect"), message)
            if service.connect.native and not service.port_label:
                message = f"Service {name} is Connect Native and requires setting the port"
                ctx.error("V132", (*path, "Connect"), message)
    elif service.connect is not None:
        message = "Service with provider nomad cannot include Connect blocks"
        ctx.error("V135", (*path, "Connect"), message)
    if service.identity is not None and not service.identity.audience:
        message = "Service identity must provide at least one target aud value"
        ctx.error("V125", (*path, "Identity"), message)


@rule("V079", "group and task services must be consistent (V100-V107)")
@rule("V100", "a task service may only name its own task")
@rule("V103", "group services cannot use address_mode driver")
@rule("V104", "group checks with a task cannot use address_mode driver")
@rule("V105", "group checks must name a task of the group")
@rule("V106", "services must be unique by name, task and port")
@rule("V107", "all services of a group use one provider")
@rule("V080", "script checks of group services need a task")
def group_services(ctx: Context, scope: GroupScope) -> None:
    group = scope.group
    task_names = {task.name or "" for task in group.tasks or ()}
    seen: set[tuple[str, str, str]] = set()
    duplicates: list[tuple[str, str, str]] = []
    providers: set[str] = set()
    for task_index, task in enumerate(group.tasks or ()):
        for index, service in enumerate(task.services or ()):
            path = (*scope.path, "Tasks", task_index, "Services", index)
            original = _original_task_name(ctx, path)
            if original and original != task.name:
                message = (
                    f"Service {service.name} is invalid: may only specify task the service belongs to,"
                    f" got {q(original)}"
                )
                ctx.error("V100", (*path, "TaskName"), message)
            key = (service.name or "", task.name or "", service.port_label or "")
            if key in seen and key not in duplicates:
                duplicates.append(key)
            seen.add(key)
            providers.add(service.provider or "")
    for index, service in enumerate(group.services or ()):
        path = (*scope.path, "Services", index)
        key = (service.name or "", "group", service.port_label or "")
        if key in seen and key not in duplicates:
            duplicates.append(key)
        seen.add(key)
        providers.add(service.provider or "")
        before = len(ctx.issues)
        service_rules(ctx, service, path)
        if any(issue.severity == "error" for issue in ctx.issues[before:]):
            continue
        if service.address_mode == "driver":
            message = (
                f'service {q(service.name or "")} cannot use address_mode="driver", only services'
                ' defined in a "task" block can use this mode'
            )
            ctx.error("V103", (*path, "AddressMode"), message)
        for check_index, check in enumerate(service.checks or ()):
            if not check.task_name:
                continue
            check_path = (*path, "Checks", check_index)
            if check.address_mode == "driver":
                message = (
                    f'Check {q(service.name or "")} invalid: cannot use address_mode="driver", only'
                    ' checks defined in a "task" service block can use this mode'
                )
                ctx.error("V104", (*check_path, "AddressMode"), message)
            if check.task_name not in task_names:
                message = f"Check {check.name} invalid: refers to non-existent task {check.task_name}"
                ctx.error("V105", (*check_path, "TaskName"), message)
    if duplicates:
        listed = ", ".join(
            f"{task}->{name}" + (f":{port}" if port else "") for name, task, port in duplicates
        )
        ctx.error("V106", scope.path, f"Services are not unique: {listed}")
    if len(providers) > 1:
        message = "Multiple service providers used: task group services must use the same provider"
        ctx.error("V107", scope.path, message)
    for index, service in enumerate(group.services or ()):
        if service.task_name:
            continue
        for check_index, check in enumerate(service.checks or ()):
            if check.type == "script" and not check.task_name:
                message = (
                    f"Service [{scope.name}]->{service.name} or"
                    f" Check {check.name} must specify task parameter"
                )
                ctx.error("V080", (*scope.path, "Services", index, "Checks", check_index), message)


def _original_task_name(ctx: Context, path: Path) -> str:
    """The ``TaskName`` the user wrote on a task service (canonicalization overwrites it)."""
    value: object = ctx.original
    for part in path:
        if isinstance(part, int):
            value = value[part] if isinstance(value, list) and part < len(value) else None
        else:
            value = getattr(value, "get", lambda _key: None)(part)
    service = value
    return str(getattr(service, "task_name", "") or "")


@rule("V111", "task services cannot use address_mode alloc / alloc_ipv6")
@rule("V112", "task service name and port must be unique within the task")
@rule("V113", "task services cannot have a connect block")
@rule("V114", "check names must be unique within a service")
@rule("V115", "task checks cannot use address_mode alloc / alloc_ipv6")
@rule("V116", "task http/tcp/grpc checks need a port")
@rule("V117", "numeric check ports with address_mode driver must be positive")
@rule("V118", "numeric check ports need address_mode driver")
@rule("V119", "service and check port labels must exist in the group's first network or the task")
def task_services(ctx: Context, scope: TaskScope) -> None:
    task = scope.task
    referenced: dict[str, set[str]] = {}
    known: set[str] = set()
    for index, service in enumerate(task.services or ()):
        path = (*scope.path, "Services", index)
        name = service.name or ""
        service_rules(ctx, service, path)
        if service.address_mode in ("alloc", "alloc_ipv6"):
            message = (
                f'service {q(name)} cannot use address_mode="{service.address_mode}", only services'
                ' defined in a "group" block can use this mode'
            )
            ctx.error("V111", (*path, "AddressMode"), message)
        label = service.port_label or ""
        if name + label in known:
            ctx.error("V112", (*path, "Name"), f"service {q(name)} is duplicate")
        known.add(name + label)
        if label and not (service.address_mode == "driver" and _is_int(label)):
            referenced.setdefault(label, set()).add(name)
        if service.connect is not None:
            message = (
                f'service {q(name)} cannot have "connect" block, only services defined in a "group" block can'
            )
            ctx.error("V113", (*path, "Connect"), message)
        check_names: set[str] = set()
        for check_index, check in enumerate(service.checks or ()):
            check_path = (*path, "Checks", check_index)
            check_name = check.name or ""
            if check_name in check_names:
                ctx.error("V114", (*check_path, "Name"), f"check {q(check_name)} is duplicate")
            check_names.add(check_name)
            if check.address_mode in ("alloc", "alloc_ipv6"):
                message = (
                    f'check {q(name)} cannot use address_mode="{check.address_mode}", only checks'
                    ' defined in a "group" service block can use this mode'
                )
                ctx.error("V115", (*check_path, "AddressMode"), message)
            if not _requires_port(check):
                continue
            port = check.port_label or label
            if not port:
                ctx.error("V116", check_path, f"check {q(check_name)} is missing a port")
                continue
            if _is_int(port):
                number = int(port)
                if check.address_mode == "driver":
                    if number <= 0:
                        message = f"check {q(check_name)} has invalid numeric port {number}"
                        ctx.error("V117", (*check_path, "PortLabel"), message)
                else:
                    message = (
                        f"check {q(check_name)} cannot use a numeric port {number} without setting"
                        ' address_mode="driver"'
                    )
                    ctx.error("V118", (*check_path, "PortLabel"), message)
                continue
            referenced.setdefault(port, set()).add(name)
    available: set[str] = set()
    group_networks = scope.group.networks or []
    if group_networks:
        available |= port_labels(group_networks[0])
    for network in (task.resources.networks or ()) if task.resources is not None else ():
        available |= port_labels(network)
    for label in sorted(referenced):
        if label not in available:
            names = ", ".join(sorted(referenced[label]))
            message = f"port label {q(label)} referenced by services {names} does not exist"
            ctx.error("V119", (*scope.path, "Services"), message)


def _is_int(text: str) -> bool:
    """Go's ``strconv.Atoi`` success (an optional sign, then decimal digits)."""
    return re.fullmatch(r"[+-]?[0-9]+", text) is not None
