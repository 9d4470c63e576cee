"""Group networks and the deprecated task-level networks: ports, CNI args, hostname."""

from __future__ import annotations

from nomad_typed.models import NetworkResource, Port

from .._context import Context, GroupScope, q, rule
from .._paths import MapKey, Path

__all__ = ["networks", "port_labels", "ports"]

_MAX_PORT = 65535


def port_labels(network: NetworkResource) -> set[str]:
    return {port.label or "" for port in ports(network)}


def ports(network: NetworkResource) -> list[Port]:
    return [*(network.reserved_ports or ()), *(network.dynamic_ports or ())]


def _port_paths(network: NetworkResource, path: Path) -> list[tuple[Port, Path]]:
    reserved = [(port, (*path, "ReservedPorts", i)) for i, port in enumerate(network.reserved_ports or ())]
    dynamic = [(port, (*path, "DynamicPorts", i)) for i, port in enumerate(network.dynamic_ports or ())]
    return reserved + dynamic


def _is_domain_name(name: str) -> bool:
    """miekg/dns ``IsDomainName``: liberal about characters, strict about label lengths."""
    if name == ".":
        return True
    text = name[:-1] if name.endswith(".") else name
    if len(text.encode()) > 253:
        return False
    return all(0 < len(label.encode()) <= 63 for label in text.split("."))


@rule("V078", "group networks must be valid (V085-V093)")
@rule("V085", "port labels must be unique across the group's networks")
@rule("V086", "static ports must be unique per host network")
@rule("V087", "static ports must be ≤ 65535")
@rule("V088", "mapped ports (to) must be ≥ -1")
@rule("V089", "mapped ports (to) must be ≤ 65535")
@rule("V090", "ignore_collision needs host network mode")
@rule("V091", "CNI args must be unique across networks")
@rule("V092", "CNI arg keys and values may not contain ';'")
@rule("V093", "the network hostname must be a DNS name")
@rule("V094", "task network port labels must not reuse group labels")
@rule("V095", "task static ports must not reuse reserved ports")
@rule("V096", "task static ports must be ≤ 65535")
def networks(ctx: Context, scope: GroupScope) -> None:
    labels: dict[str, str] = {}
    static: dict[str, dict[int, str]] = {}
    cni_keys: set[str] = set()
    for index, network in enumerate(scope.group.networks or ()):
        path = (*scope.path, "Networks", index)
        for port, port_path in _port_paths(network, path):
            label = port.label or ""
            if label in labels:
                message = f"Port label {label} already in use by {labels[label]}"
                ctx.error("V085", (*port_path, "Label"), message)
            else:
                labels[label] = "taskgroup network"
            value = port.value or 0
            if value != 0:
                reserved = static.setdefault(port.host_network or "default", {})
                if value in reserved:
                    if not port.ignore_collision:
                        message = f"Static port {value} already reserved by {reserved[value]}"
                        ctx.error("V086", (*port_path, "Value"), message)
                elif value > _MAX_PORT:
                    message = f"Port {label} ({value}) cannot be greater than {_MAX_PORT}"
                    ctx.error("V087", (*port_path, "Value"), message)
                else:
                    reserved[value] = f"taskgroup network:{label}"
            to = port.to or 0
            if to < -1:
                message = f"Port {q(label)} cannot be mapped to negative value {to}"
                ctx.error("V088", (*port_path, "To"), message)
            elif to > _MAX_PORT:
                message = f"Port {q(label)} cannot be mapped to a port ({to}) greater than {_MAX_PORT}"
                ctx.error("V089", (*port_path, "To"), message)
            mode = network.mode or ""
            if port.ignore_collision and mode not in ("", "host"):
                message = f"Port {q(label)} collision may not be ignored on non-host network mode {q(mode)}"
                ctx.error("V090", (*port_path, "IgnoreCollision"), message)
        for key, arg in ((network.cni.args or {}) if network.cni is not None else {}).items():
            arg_path = (*path, "CNI", "Args", MapKey(key))
            if key in cni_keys:
                ctx.error("V091", arg_path, f"duplicate CNI arg {q(key)}")
            cni_keys.add(key)
            if ";" in key:
                ctx.error("V092", arg_path, f"invalid ';' character in CNI arg key {q(key)}")
            if ";" in arg:
                ctx.error("V092", arg_path, f"invalid ';' character in CNI arg value {q(arg)}")
        hostname = network.hostname or ""
        if hostname and "${" not in hostname and not _is_domain_name(hostname):
            ctx.error("V093", (*path, "Hostname"), "Hostname is not a valid DNS name")
    for task_index, task in enumerate(scope.group.tasks or ()):
        resources = task.resources
        for index, network in enumerate((resources.networks or ()) if resources is not None else ()):
            path = (*scope.path, "Tasks", task_index, "Resources", "Networks", index)
            for port, port_path in _port_paths(network, path):
                label = port.label or ""
                if label in labels:
                    message = f"Port label {label} already in use by {labels[label]}"
                    ctx.error("V094", (*port_path, "Label"), message)
                value = port.value or 0
                if value == 0:
                    continue
                reserved = static.setdefault(port.host_network or "default", {})
                if value in reserved:
                    message = f"Static port {value} already reserved by {reserved[value]}"
                    ctx.error("V095", (*port_path, "Value"), message)
                elif value > _MAX_PORT:
                    message = f"Port {label} ({value}) cannot be greater than {_MAX_PORT}"
                    ctx.error("V096", (*port_path, "Value"), message)
                else:
                    reserved[value] = f"{task.name or ''}:{label}"
