"""Task rules and the task's own blocks: resources, logs, artifacts, templates, Vault, secrets,
identities, actions, lifecycle, CSI plugin."""

from __future__ import annotations

import posixpath
import re

from nomad_typed.models import WorkloadIdentity

from .._context import Context, TaskScope, dur, q, rule
from .._paths import MapKey, Path
from .placement import affinity_rules, constraint_rule
from .services import task_services
from .volumes import volume_mounts

__all__ = ["TASK_RULES", "named_identities"]

_IDENTITY_NAME = re.compile(r"[a-zA-Z0-9\-_]{1,128}")
_SECRET_NAME = re.compile(r"[a-zA-Z0-9_]{1,128}")
_ACTION_NAME = re.compile(r"[^\x00\s]{1,128}")
_ENV_REFERENCE = re.compile(r"\$\{[^}]+\}")
_CHECKSUM_SIZES = {"md5": 16, "sha1": 20, "sha256": 32, "sha512": 64}
_DEFAULT_IDENTITY = "default"
#: Placement operators that only make sense across allocations, not for one task or device.
_DISTINCT_OPERANDS = ("distinct_hosts", "distinct_property")


def escapes_alloc_dir(prefix: str, path: str) -> bool:
    """Nomad's check: join to ``<alloc>/<prefix>`` and see whether the result leaves ``<alloc>``."""
    alloc = "/alloc-dir/alloc-id"
    joined = posixpath.normpath(f"{alloc}/{prefix}/{path}")
    return posixpath.relpath(joined, alloc).startswith("..")


@rule("V082", "tasks must be valid (task rules)")
@rule("V280", "tasks need a name")
@rule("V281", 'tasks cannot be named "alloc"')
@rule("V282", "task names cannot contain slashes")
@rule("V283", "task names cannot contain NUL")
@rule("V284", "tasks need a driver")
@rule("V285", "kill_timeout must not be negative")
@rule("V286", "kill_timeout must not exceed the group's progress_deadline (service jobs)")
@rule("V287", "task shutdown_delay must not be negative")
def task_basics(ctx: Context, scope: TaskScope) -> None:
    task = scope.task
    name = scope.name
    if not name:
        ctx.error("V280", (*scope.path, "Name"), "Missing task name")
    if name == "alloc":
        ctx.error("V281", (*scope.path, "Name"), 'Task cannot be named "alloc"')
    if "/" in name or "\\" in name:
        ctx.error("V282", (*scope.path, "Name"), "Task name cannot include slashes")
    elif "\0" in name:
        ctx.error("V283", (*scope.path, "Name"), "Task name cannot include null characters")
    if not task.driver:
        ctx.error("V284", (*scope.path, "Driver"), "Missing task driver")
    kill_timeout = task.kill_timeout or 0
    update = scope.group.update
    if kill_timeout < 0:
        ctx.error("V285", (*scope.path, "KillTimeout"), "KillTimeout must be a positive value")
    elif scope.job_type == "service" and update is not None:
        progress = update.progress_deadline or 0
        if 0 < progress < kill_timeout:
            message = (
                f"KillTimout ({dur(kill_timeout)}) longer than the group's ProgressDeadline ({dur(progress)})"
            )
            ctx.error("V286", (*scope.path, "KillTimeout"), message)
    if (task.shutdown_delay or 0) < 0:
        ctx.error("V287", (*scope.path, "ShutdownDelay"), "ShutdownDelay must be a positive value")


@rule("V313", "tasks ask for cpu or cores, not both")
@rule("V314", "cores must not be negative")
@rule("V315", "cpu must be at least 1 unless cores are used")
@rule("V316", "memory must be at least 10 MB")
@rule("V318", "devices need a name")
@rule("V319", "device constraints and affinities must be valid")
@rule("V213", "device constraints cannot use distinct_hosts / distinct_property")
@rule("V320", "NUMA devices must be requested devices")
@rule("V322", "memory_max must be at least memory")
@rule("V323", "secrets must not exceed memory")
@rule("V324", "secrets must not be negative")
def resources(ctx: Context, scope: TaskScope) -> None:
    res = scope.task.resources
    if res is None:
        return
    path = (*scope.path, "Resources")
    cpu = res.cpu or 0
    cores = res.cores or 0
    memory = res.memory_mb or 0
    if cores > 0 and cpu > 0:
        ctx.error("V313", path, "Task can only ask for 'cpu' or 'cores' resource, not both.")
    if cores < 0:
        ctx.error("V314", (*path, "Cores"), f"cores value ({cores}) cannot be negative")
    if cpu < 1 and cores == 0:
        ctx.error("V315", (*path, "CPU"), f"minimum CPU value is 1; got {cpu}")
    if memory < 10:
        ctx.error("V316", (*path, "MemoryMB"), f"minimum MemoryMB value is 10; got {memory}")
    names: set[str] = set()
    for index, device in enumerate(res.devices or ()):
        here = (*path, "Devices", index)
        prefix = f"device {index + 1} failed validation:"
        if not device.name:
            message = (
                f"{prefix} device name must be given as one of the following: type, vendor/type,"
                " or vendor/type/name"
            )
            ctx.error("V318", (*here, "Name"), message)
        names.add(device.name or "")
        for c_index, constraint in enumerate(device.constraints or ()):
            where = (*here, "Constraints", c_index)
            if constraint.operand in _DISTINCT_OPERANDS:
                message = (
                    f"{prefix} Constraint {c_index + 1} validation failed:"
                    f" using unsupported operand {q(constraint.operand)}"
                )
                ctx.error("V213", (*where, "Operand"), message)
            else:
                constraint_rule(ctx, constraint, where)
        affinity_rules(ctx, device.affinities, (*here, "Affinities"))
    numa = res.numa
    if numa is not None:
        for index, device_name in enumerate(numa.devices or ()):
            if device_name not in names:
                message = f"numa device {q(device_name)} not requested as task resource"
                ctx.error("V320", (*path, "NUMA", "Devices", index), message)
    memory_max = res.memory_max_mb or 0
    if memory_max not in (0, -1) and memory_max < memory:
        message = f"MemoryMaxMB value ({memory_max}) should be larger than MemoryMB value ({memory})"
        ctx.error("V322", (*path, "MemoryMaxMB"), message)
    secrets = res.secrets_mb or 0
    if secrets > memory:
        message = f"SecretsMB value ({secrets}) cannot be larger than MemoryMB value ({memory})"
        ctx.error("V323", (*path, "SecretsMB"), message)
    if secrets < 0:
        ctx.error("V324", (*path, "SecretsMB"), f"SecretsMB value ({secrets}) cannot be negative")


@rule("V276", "logs need at least one file")
@rule("V277", "log files must be at least 1 MB")
@rule("V278", "log storage must be smaller than the ephemeral disk")
def log_config(ctx: Context, scope: TaskScope) -> None:
    logs = scope.task.log_config
    if logs is None:
        return
    path = (*scope.path, "LogConfig")
    files = logs.max_files or 0
    size = logs.max_file_size_mb or 0
    if files < 1:
        ctx.error("V276", (*path, "MaxFiles"), f"minimum number of files is 1; got {files}")
    if size < 1:
        ctx.error("V277", (*path, "MaxFileSizeMB"), f"minimum file size is 1MB; got {size}")
    disk = scope.group.ephemeral_disk
    if disk is not None and (disk.size_mb or 0) <= files * size:
        message = (
            f"log storage ({files * size} MB) must be less than"
            f" requested disk capacity ({disk.size_mb or 0} MB)"
        )
        ctx.error("V278", path, message)


@rule("V290", "task constraints must be valid")
@rule("V212", "task constraints cannot use distinct_hosts / distinct_property")
@rule("V291", "system jobs may not have task affinities")
@rule("V292", "task affinities must be valid")
def task_placement(ctx: Context, scope: TaskScope) -> None:
    for index, constraint in enumerate(scope.task.constraints or ()):
        where = (*scope.path, "Constraints", index)
        constraint_rule(ctx, constraint, where)
        if constraint.operand in _DISTINCT_OPERANDS:
            message = f"Constraint {index + 1} has disallowed Operand at task level: {constraint.operand}"
            ctx.error("V212", (*where, "Operand"), message)
    if scope.job_type == "system":
        if scope.task.affinities is not None:
            ctx.error("V291", (*scope.path, "Affinities"), "System jobs may not have an affinity block")
    else:
        affinity_rules(ctx, scope.task.affinities, (*scope.path, "Affinities"))


def _checksum_error(value: str) -> tuple[str, str] | None:
    """The rule a checksum option breaks and Nomad's message, or ``None``."""
    if _ENV_REFERENCE.search(value):
        return None
    check = value.strip()
    if not check:
        return "V333", "checksum value cannot be empty"
    parts = check.split(":")
    if len(parts) != 2:
        return "V334", f'checksum must be given as "type:value"; got {q(check)}'
    kind, digest = parts
    if len(digest) % 2 or re.fullmatch(r"[0-9a-fA-F]*", digest) is None:
        bad = next((c for c in digest if c not in "0123456789abcdefABCDEF"), None)
        reason = f"invalid byte: U+{ord(bad):04X} {q(bad)}" if bad is not None else "odd length hex string"
        return "V335", f"invalid checksum: encoding/hex: {reason}"
    size = _CHECKSUM_SIZES.get(kind)
    if size is None:
        return "V336", f"unsupported checksum type: {kind}"
    if len(digest) // 2 != size:
        return "V337", f"invalid {kind} checksum: {digest}"
    return None


@rule("V293", "artifacts must be valid (V330-V337)")
@rule("V330", "artifacts need a source")
@rule("V332", "artifact destination must stay in the allocation directory")
@rule("V333", "artifact checksum must not be empty")
@rule("V334", "artifact checksum must be type:value")
@rule("V335", "artifact checksum value must be hex")
@rule("V336", "artifact checksum type must be md5, sha1, sha256 or sha512")
@rule("V337", "artifact checksum length must match its type")
def artifacts(ctx: Context, scope: TaskScope) -> None:
    for index, artifact in enumerate(scope.task.artifacts or ()):
        path = (*scope.path, "Artifacts", index)
        if not artifact.getter_source:
            ctx.error("V330", (*path, "GetterSource"), "source must be specified")
        if escapes_alloc_dir("task", artifact.relative_dest or ""):
            ctx.error("V332", (*path, "RelativeDest"), "destination escapes allocation directory")
        options = artifact.getter_options or {}
        found = _checksum_error(options["checksum"]) if "checksum" in options else None
        if found is not None:
            rule_id, reason = found
            ctx.error(rule_id, (*path, "GetterOptions", MapKey("checksum")), reason)


@rule("V295", "templates must be valid (V340-V350)")
@rule("V296", "template destinations must be unique")
@rule("V340", "templates need a source or embedded data")
@rule("V341", "templates need a destination")
@rule("V342", "template destinations must stay in the allocation directory")
@rule("V343", "signal templates need a signal")
@rule("V344", "signal templates cannot be env templates")
@rule("V345", "script templates need a change_script block")
@rule("V346", "change scripts need a command")
@rule("V348", "template splay must not be negative")
@rule("V349", "template perms must be an octal number ≤ 0o7777")
@rule("V350", "template wait min must not exceed max")
def templates(ctx: Context, scope: TaskScope) -> None:
    destinations: dict[str, int] = {}
    for index, template in enumerate(scope.task.templates or ()):
        path = (*scope.path, "Templates", index)
        dest = template.dest_path or ""
        if not template.source_path and not template.embedded_tmpl:
            ctx.error("V340", path, "Must specify a source path or have an embedded template")
        if not dest:
            ctx.error("V341", (*path, "DestPath"), "Must specify a destination for the template")
        if escapes_alloc_dir("task", dest):
            ctx.error("V342", (*path, "DestPath"), "destination escapes allocation directory")
        mode = template.change_mode or ""
        if mode == "signal":
            if not template.change_signal:
                ctx.error(
                    "V343", (*path, "ChangeSignal"), "Must specify signal value when change mode is signal"
                )
            if template.envvars:
                ctx.error("V344", (*path, "Envvars"), "cannot use signals with env var templates")
        elif mode == "script":
            if template.change_script is None:
                message = "must specify change script configuration value when change mode is script"
                ctx.error("V345", (*path, "ChangeMode"), message)
            elif not template.change_script.command:
                message = "must specify script path value when change mode is script"
                ctx.error("V346", (*path, "ChangeScript", "Command"), message)
        if (template.splay or 0) < 0:
            ctx.error("V348", (*path, "Splay"), "Must specify positive splay value")
        perms = template.perms or ""
        if perms and (re.fullmatch(r"[0-7]+", perms) is None or int(perms, 8) > 0o7777):
            reason = "value out of range" if re.fullmatch(r"[0-7]+", perms) else "invalid syntax"
            message = f"Failed to parse {q(perms)} as octal: strconv.ParseUint: parsing {q(perms)}: {reason}"
            ctx.error("V349", (*path, "Perms"), message)
        wait = template.wait
        if wait is not None and wait.min is not None and wait.max is not None and wait.min > wait.max:
            ctx.error(
                "V350", (*path, "Wait"), f"wait min {dur(wait.min)} is greater than max {dur(wait.max)}"
            )
        if dest in destinations:
            message = f"Template {index + 1} has same destination as {destinations[dest]}"
            ctx.error("V296", (*path, "DestPath"), message)
        else:
            destinations[dest] = index + 1


@rule("V294", "the vault block must be valid")
@rule("V352", "vault signal change mode needs a signal")
def vault(ctx: Context, scope: TaskScope) -> None:
    block = scope.task.vault
    if block is None:
        return
    path = (*scope.path, "Vault")
    if block.change_mode == "signal" and not block.change_signal:
        message = 'Signal must be specified when using change mode "signal"'
        ctx.error("V352", (*path, "ChangeSignal"), message)


@rule("V297", "actions must be valid (V371-V372)")
@rule("V298", "action names must be unique")
@rule("V371", "actions need a command")
@rule("V372", "action names are 1-128 characters without whitespace")
def actions(ctx: Context, scope: TaskScope) -> None:
    seen: dict[str, bool] = {}
    for index, action in enumerate(scope.task.actions or ()):
        path = (*scope.path, "Actions", index)
        name = action.name or ""
        if not action.command:
            ctx.error("V371", (*path, "Command"), f"Action {name} validation failed: command cannot be empty")
        if _ACTION_NAME.fullmatch(name) is None:
            ctx.error("V372", (*path, "Name"), f"Action {name} validation failed: invalid name '{name}'")
        if name in seen and not seen[name]:
            ctx.error("V298", (*path, "Name"), f"Action {name} defined multiple times")
            seen[name] = True
        elif name not in seen:
            seen[name] = False


@rule("V237", "the dispatch payload file must stay in the allocation directory")
@rule("V238", "lifecycle blocks need a hook")
def dispatch_and_lifecycle(ctx: Context, scope: TaskScope) -> None:
    payload = scope.task.dispatch_payload
    if payload is not None and escapes_alloc_dir("task/local/", payload.file or ""):
        message = "Dispatch Payload validation failed: destination escapes allocation directory"
        ctx.error("V237", (*scope.path, "DispatchPayload", "File"), message)
    lifecycle = scope.task.lifecycle
    if lifecycle is not None and not lifecycle.hook:
        message = "Lifecycle validation failed: no lifecycle hook provided"
        ctx.error("V238", (*scope.path, "Lifecycle"), message)


@rule("V299", "Connect proxy tasks cannot have services")
@rule("V300", "Connect proxy tasks cannot be leaders")
@rule("V301", "Connect proxy tasks must match a sidecar service of the group")
def connect_proxy_task(ctx: Context, scope: TaskScope) -> None:
    kind = scope.task.kind or ""
    prefix = "connect-proxy:"
    if not kind.startswith(prefix) or len(kind) <= len(prefix):
        return
    if scope.task.services:
        ctx.error("V299", (*scope.path, "Services"), "Connect proxy task must not have a service block")
    if scope.task.leader:
        ctx.error("V300", (*scope.path, "Leader"), "Connect proxy task must not have leader set")
    target = kind[len(prefix) :]
    names = [
        service.name or ""
        for service in scope.group.services or ()
        if service.connect is not None and service.connect.sidecar_service is not None
    ]
    if not names:
        message = f'No Connect services in task group with Connect proxy ("{target}")'
        ctx.error("V301", (*scope.path, "Kind"), message)
    elif target not in names:
        message = (
            f'Connect proxy service name ("{target}") not found in'
            f" Connect services from task group: [{' '.join(names)}]"
        )
        ctx.error("V301", (*scope.path, "Kind"), message)


@rule("V304", "CSI plugins need an ID")
@rule("V305", "CSI plugin type must be node, controller or monolith")
@rule("V306", "CSI stage_publish_base_dir must not be inside mount_dir")
def csi_plugin(ctx: Context, scope: TaskScope) -> None:
    plugin = scope.task.csi_plugin_config
    if plugin is None:
        return
    path = (*scope.path, "CSIPluginConfig")
    if not plugin.id:
        ctx.error("V304", (*path, "ID"), "CSIPluginConfig must have a non-empty PluginID")
    if plugin.type not in ("node", "controller", "monolith"):
        message = (
            "CSIPluginConfig PluginType must be one of 'node',"
            f" 'controller', or 'monolith', got: \"{plugin.type or ''}\""
        )
        ctx.error("V305", (*path, "Type"), message)
    base = plugin.stage_publish_base_dir or ""
    mount = plugin.mount_dir or ""
    if base and mount and _is_subdirectory(mount, base):
        message = (
            "CSIPluginConfig StagePublishBaseDir must not be a subdirectory of MountDir, got:"
            f' StagePublishBaseDir="{base}" MountDir="{mount}"'
        )
        ctx.error("V306", (*path, "StagePublishBaseDir"), message)


def _is_subdirectory(base: str, path: str) -> bool:
    relative = posixpath.relpath(posixpath.normpath(path), posixpath.normpath(base))
    return not relative.startswith("..")


def _identity_errors(identity: WorkloadIdentity) -> list[tuple[str, str]]:
    """Every rule the identity breaks, each with Nomad's message."""
    name = identity.name or ""
    errors: list[tuple[str, str]] = []
    if _IDENTITY_NAME.fullmatch(name) is None:
        errors.append(("V362", f"invalid name {q(name)}. Must match regex ^[a-zA-Z0-9-_]{{1,128}}$"))
    for index, audience in enumerate(identity.audience or ()):
        if not audience:
            errors.append(("V363", f"an empty string is an invalid audience ({index + 1})"))
    mode = identity.change_mode or ""
    signal = (identity.change_signal or "").upper()
    if mode != "signal" and signal:
        errors.append(("V364", f'can only use change_signal={q(signal)} with change_mode="signal"'))
    elif mode == "signal" and not signal:
        errors.append(("V365", 'change_signal must be specified when using change_mode="signal"'))
    ttl = identity.ttl or 0
    if ttl > 0 and name in ("", _DEFAULT_IDENTITY):
        errors.append(("V367", "ttl for default identity not yet supported"))
    if ttl < 0:
        errors.append(("V368", "ttl must be >= 0"))
    if identity.filepath and not identity.file:
        errors.append(("V369", "file parameter must be true in order to specify filepath"))
    return errors


def named_identities(scope: TaskScope) -> list[tuple[int, WorkloadIdentity, str]]:
    """The task's ``Identities`` after Nomad moves the last one named "default" to ``Identity``."""
    entries = [
        (index, identity, identity.name or _DEFAULT_IDENTITY)
        for index, identity in enumerate(scope.task.identities or ())
    ]
    defaults = [index for index, _, name in entries if name == _DEFAULT_IDENTITY]
    moved = defaults[-1] if defaults else None
    return [entry for entry in entries if entry[0] != moved]


@rule("V307", "the default identity must be valid")
@rule("V308", "only one default identity")
@rule("V309", "identities must be valid (V362-V369)")
@rule("V362", "identity names are 1-128 of [a-zA-Z0-9-_]")
@rule("V363", "identity audiences must not be empty strings")
@rule("V364", "identity change_signal needs change_mode signal")
@rule("V365", "identity change_mode signal needs a change_signal")
@rule("V367", "the default identity cannot have a ttl")
@rule("V368", "identity ttl must not be negative")
@rule("V369", "identity filepath needs file = true")
def identities(ctx: Context, scope: TaskScope) -> None:
    task = scope.task
    entries = list(enumerate(task.identities or ()))
    defaults = [
        index for index, identity in entries if (identity.name or _DEFAULT_IDENTITY) == _DEFAULT_IDENTITY
    ]
    default: WorkloadIdentity | None
    if defaults:
        default_path: Path = (*scope.path, "Identities", defaults[-1])
        default = entries[defaults[-1]][1]
    else:
        default_path = (*scope.path, "Identity")
        default = task.identity
    if default is not None:
        name = default.name or _DEFAULT_IDENTITY
        for rule_id, message in _identity_errors(default.model_copy(update={"name": name})):
            ctx.error(rule_id, default_path, f"Identity {q(name)} is invalid: {message}")
    for index, identity, name in named_identities(scope):
        path = (*scope.path, "Identities", index)
        if name == _DEFAULT_IDENTITY:
            ctx.error("V308", path, "Duplicate default identities found")
        for rule_id, message in _identity_errors(identity.model_copy(update={"name": name})):
            ctx.error(rule_id, path, f"Identity {q(name)} is invalid: {message}")


@rule("V310", "secret names must be unique")
@rule("V311", "vault secrets need a vault block")
@rule("V312", "secrets must be valid (V355-V360)")
@rule("V355", "secrets need a name")
@rule("V356", "secret names are 1-128 of [a-zA-Z0-9_]")
@rule("V357", "secrets need a provider")
@rule("V358", "secrets need a path")
@rule("V359", "nomad and vault secrets cannot use env")
@rule("V360", "custom-provider secrets cannot use config")
def secrets(ctx: Context, scope: TaskScope) -> None:
    seen: set[str] = set()
    for index, secret in enumerate(scope.task.secrets or ()):
        path = (*scope.path, "Secrets", index)
        name = secret.name or ""
        provider = secret.provider or ""
        prefix = f"Secret {q(name)} is invalid:"
        if name in seen:
            ctx.error("V310", (*path, "Name"), f"Duplicate secret {q(name)} found")
        seen.add(name)
        if provider == "vault" and scope.task.vault is None:
            ctx.error(
                "V311", (*path, "Provider"), f'Secret {q(name)} has provider "vault" but no vault block'
            )
        if not name:
            ctx.error("V355", (*path, "Name"), f"{prefix} secret name cannot be empty")
        if _SECRET_NAME.fullmatch(name) is None:
            ctx.error(
                "V356", (*path, "Name"), f"{prefix} secret name must match regex ^[a-zA-Z0-9_]{{1,128}}$"
            )
        if not provider:
            ctx.error("V357", (*path, "Provider"), f"{prefix} secret provider cannot be empty")
        if not secret.path:
            ctx.error("V358", (*path, "Path"), f"{prefix} secret path cannot be empty")
        if provider in ("nomad", "vault"):
            if secret.env:
                ctx.error("V359", (*path, "Env"), f"{prefix} {provider} provider cannot use the env block")
        elif secret.config:
            ctx.error(
                "V360",
                (*path, "Config"),
                f"{prefix} custom plugin provider {provider} cannot use the config block",
            )


TASK_RULES = [
    task_basics,
    resources,
    log_config,
    task_placement,
    task_services,
    artifacts,
    vault,
    templates,
    actions,
    dispatch_and_lifecycle,
    connect_proxy_task,
    volume_mounts,
    csi_plugin,
    identities,
    secrets,
]
