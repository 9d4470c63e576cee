"""Consul Connect: the connect block itself and the admission checks on the group around it."""

from __future__ import annotations

import ipaddress

from nomad_typed.models import ConsulConnect, ConsulGateway, NetworkResource, Port, Service, TaskGroup

from .._context import Context, q, rule
from .._paths import MapKey, Path
from .network import ports

__all__ = ["connect_admission", "connect_block", "connect_mutators", "expose_admission"]


def _uint16_error(text: str) -> str | None:
    if not text.isascii() or not text.isdigit():
        return "invalid syntax"
    return None if int(text) <= 65535 else "value out of range"


def _prefix_error(text: str) -> str | None:
    address, slash, bits = text.partition("/")
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return f"netip.ParsePrefix({q(text)}): ParseAddr({q(address)}): unable to parse IP"
    limit = 32 if parsed.version == 4 else 128
    if not slash or not bits.isascii() or not bits.isdigit() or int(bits) > limit:
        return f"netip.ParsePrefix({q(text)}): bad bits after slash: {q(bits)}"
    return None


def _gateway_error(gateway: ConsulGateway) -> tuple[str, Path, str] | None:
    """The first rule the gateway breaks, where, and Nomad's message (Nomad stops at the first)."""
    where: Path
    here: Path
    proxy = gateway.proxy
    if proxy is not None:
        for name, bind in (proxy.envoy_gateway_bind_addresses or {}).items():
            where = ("Proxy", "EnvoyGatewayBindAddresses", MapKey(name))
            if not bind.address:
                return "V176", (*where, "Address"), "Consul Gateway Bind Address must be set"
            port = bind.port or 0
            if port <= 0 and port != -1:
                return "V177", (*where, "Port"), "Consul Gateway Bind Address must set valid Port"
    ingress = gateway.ingress
    if ingress is not None:
        if not ingress.listeners:
            message = "Consul Ingress Gateway requires at least one listener"
            return "V178", ("Ingress", "Listeners"), message
        for index, listener in enumerate(ingress.listeners):
            where = ("Ingress", "Listeners", index)
            if (listener.port or 0) <= 0:
                return "V179", (*where, "Port"), "Consul Ingress Listener requires valid Port"
            protocol = listener.protocol or ""
            if not listener.services:
                return "V181", (*where, "Services"), "Consul Ingress Listener requires one or more services"
            for service_index, service in enumerate(listener.services):
                here = (*where, "Services", service_index)
                if not service.name:
                    return "V182", (*here, "Name"), "Consul Ingress Service requires a name"
                if protocol == "tcp":
                    if service.name == "*":
                        message = 'Consul Ingress Service doesn\'t support wildcard name for "tcp" protocol'
                        return "V183", (*here, "Name"), message
                    if service.hosts:
                        message = (
                            "Consul Ingress Service doesn't support associating hosts to a service for"
                            ' the "tcp" protocol'
                        )
                        return "V184", (*here, "Hosts"), message
                elif service.name == "*" and service.hosts:
                    message = (
                        'Consul Ingress Service with a wildcard "*" service name can not also specify hosts'
                    )
                    return "V185", (*here, "Hosts"), message
    terminating = gateway.terminating
    if terminating is not None:
        if not terminating.services:
            message = "Consul Terminating Gateway requires at least one service"
            return "V186", ("Terminating", "Services"), message
        for index, linked in enumerate(terminating.services):
            here = ("Terminating", "Services", index)
            if not linked.name:
                return "V187", (*here, "Name"), "Consul Linked Service requires Name"
            if (linked.cert_file or linked.key_file) and not linked.ca_file:
                return "V188", here, "Consul Linked Service TLS requires CAFile"
            if bool(linked.cert_file) != bool(linked.key_file):
                return "V189", here, "Consul Linked Service TLS Cert and Key must both be set"
            if linked.sni and not linked.ca_file:
                return "V190", here, "Consul Linked Service TLS SNI requires CAFile"
    if sum(block is not None for block in (gateway.ingress, gateway.terminating, gateway.mesh)) != 1:
        return "V191", (), "One Consul Gateway Configuration must be set"
    return None


@rule("V130", "the connect block must be valid (V170-V191, first problem reported)")
@rule("V170", "transparent proxy excluded CIDRs must parse")
@rule("V171", "transparent proxy UID must be a uint16")
@rule("V172", "transparent proxy excluded UIDs must be uint16")
@rule("V173", "connect is exactly one of native, sidecar or gateway")
@rule("V176", "gateway bind addresses need an address")
@rule("V177", "gateway bind addresses need a valid port")
@rule("V178", "ingress gateways need a listener")
@rule("V179", "ingress listeners need a port")
@rule("V181", "ingress listeners need services")
@rule("V182", "ingress services need a name")
@rule("V183", "tcp ingress services cannot be wildcards")
@rule("V184", "tcp ingress services cannot list hosts")
@rule("V185", "wildcard ingress services cannot list hosts")
@rule("V186", "terminating gateways need a service")
@rule("V187", "linked services need a name")
@rule("V188", "linked service certificates need a CA file")
@rule("V189", "linked service cert and key go together")
@rule("V190", "linked service SNI needs a CA file")
@rule("V191", "a gateway is exactly one of ingress, terminating or mesh")
def connect_block(ctx: Context, connect: ConsulConnect, path: Path) -> None:
    sidecar = connect.sidecar_service
    proxy = sidecar.proxy if sidecar is not None else None
    tproxy = proxy.transparent_proxy if proxy is not None else None
    if sidecar is not None and tproxy is not None:
        where = (*path, "SidecarService", "Proxy", "TransparentProxy")
        problems: list[tuple[str, Path, str]] = []
        for index, cidr in enumerate(tproxy.exclude_outbound_cidrs or ()):
            reason = _prefix_error(cidr)
            if reason is not None:
                message = (
                    f"could not parse transparent proxy excluded outbound CIDR as network prefix: {reason}"
                )
                problems.append(("V170", (*where, "ExcludeOutboundCIDRs", index), message))
        if tproxy.uid:
            reason = _uint16_error(tproxy.uid)
            if reason is not None:
                message = (
                    "transparent proxy block has invalid UID field:"
                    f" invalid user ID {q(tproxy.uid)}: {reason}"
                )
                problems.append(("V171", (*where, "UID"), message))
        for index, uid in enumerate(tproxy.exclude_uids or ()):
            reason = _uint16_error(uid)
            if reason is not None:
                message = (
                    "transparent proxy block has invalid ExcludeUIDs"
                    f" field: invalid user ID {q(uid)}: {reason}"
                )
                problems.append(("V172", (*where, "ExcludeUIDs", index), message))
        for rule_id, where_path, message in problems:
            ctx.error(rule_id, where_path, message)
        if problems:
            return
    kinds = (sidecar is not None) + bool(connect.native) + (connect.gateway is not None)
    if kinds != 1:
        message = "Consul Connect must be exclusively native, make use of a sidecar, or represent a Gateway"
        ctx.error("V173", path, message)
        return
    if connect.gateway is not None:
        found = _gateway_error(connect.gateway)
        if found is not None:
            rule_id, where, message = found
            ctx.error(rule_id, (*path, "Gateway", *where), message)


def _network_mode_error(group: TaskGroup, prefix: str, allow_host: bool) -> str | None:
    networks = group.networks or []
    name = group.name or ""
    if len(networks) != 1:
        return (
            f"{prefix}: must have exactly one network for Consul"
            f" Connect: group {q(name)} has {len(networks)} networks"
        )
    mode = networks[0].mode or ""
    if mode == "bridge" or (allow_host and mode == "host") or mode.startswith("cni/"):
        return None
    allowed = '"bridge", "host", or "cni/*"' if allow_host else '"bridge" or "cni/*"'
    return (
        f"{prefix}: invalid network mode for Consul Connect: group {q(name)} uses network mode"
        f" {q(mode)}; must be {allowed}"
    )


def _native_task_error(group: TaskGroup, service: Service) -> str | None:
    tasks = group.tasks or []
    name = service.name or ""
    if not service.task_name:
        if len(tasks) == 1:
            return None
        return f"task for Consul Connect Native service {group.name}->{name} is ambiguous and must be set"
    if any(task.name == service.task_name for task in tasks):
        return None
    return (
        f"task {service.task_name} named by Consul Connect Native service {group.name}->{name} does not exist"
    )


def _dns_is_set(network: NetworkResource) -> bool:
    dns = network.dns
    return dns is not None and bool(dns.servers or dns.searches or dns.options)


@rule("V433", "Connect native services need an unambiguous, existing task")
@rule("V439", "mesh gateway services need a port")
@rule("V443", "exposed checks need a resolvable local service port")
def connect_mutators(ctx: Context) -> None:
    """Errors of the connect and expose-check mutators, which abort the whole submission."""
    for index, group in enumerate(ctx.job.task_groups or ()):
        if not group.networks:
            continue
        for service_index, service in enumerate(group.services or ()):
            path: Path = ("TaskGroups", index, "Services", service_index)
            connect = service.connect
            if connect is None:
                continue
            if connect.sidecar_service is not None:
                continue
            if connect.native:
                reason = _native_task_error(group, service)
                if reason is not None:
                    ctx.error("V433", (*path, "TaskName"), f"error in job mutator connect: {reason}")
                    return
                if not service.task_name:
                    service.task_name = (group.tasks or [])[0].name or ""
            elif connect.gateway is not None and connect.gateway.mesh is not None and not service.port_label:
                message = "error in job mutator connect: service.port must be set for mesh gateway service"
                ctx.error("V439", (*path, "PortLabel"), message)
                return
    for index, group in enumerate(ctx.job.task_groups or ()):
        for service_index, service in enumerate(group.services or ()):
            if service.connect is None or service.connect.sidecar_service is None:
                continue
            for check_index, check in enumerate(service.checks or ()):
                http_like = (check.type or "").lower() in ("grpc", "http")
                exposable = http_like and (check.path or "").startswith("/")
                if not check.expose or not exposable:
                    continue
                path = ("TaskGroups", index, "Services", service_index, "Checks", check_index)
                reason = _network_mode_error(group, "connect expose check", allow_host=False)
                if reason is None and _local_port(group, service.port_label or "") <= 0:
                    reason = (
                        "unable to determine local service port for service check"
                        f" {group.name}->{service.name}->{check.name}"
                    )
                    ctx.error("V443", path, f"error in job mutator expose-check: {reason}")
                    return
                if reason is not None:
                    ctx.error("V440", path, f"error in job mutator expose-check: {reason}")
                    return


def _local_port(group: TaskGroup, label: str) -> int:
    """The static port of the first port labelled ``label``, else ``label`` read as a number, else 0."""
    labelled = (port for network in group.networks or () for port in ports(network) if port.label == label)
    value = next(labelled, Port()).value or 0
    if value > 0:
        return value
    return int(label) if label.isascii() and label.isdigit() else 0


@rule("V430", "Connect sidecars need exactly one group network")
@rule("V431", "Connect sidecars need a bridge or cni/* network")
@rule("V432", "Connect sidecar service and group names must be lower case")
@rule("V434", "Connect gateways need one bridge, host or cni/* network")
@rule("V435", "Connect upstreams in a group must not share a local bind address")
@rule("V436", "transparent proxy cannot be combined with network.dns unless no_dns")
@rule("V437", "transparent proxy excluded inbound ports must be numeric or static port labels")
@rule("V438", "transparent proxy requires a single connect block in the group")
def connect_admission(ctx: Context) -> None:
    """Nomad stops at the first connect problem of the whole job."""
    for index, group in enumerate(ctx.job.task_groups or ()):
        found = _group_connect_error(group, ("TaskGroups", index))
        if found is not None:
            rule_id, path, message = found
            ctx.error(rule_id, path, message)
            return


def _group_connect_error(group: TaskGroup, path: Path) -> tuple[str, Path, str] | None:
    group_name = group.name or ""
    for index, service in enumerate(group.services or ()):
        connect = service.connect
        if connect is None:
            continue
        where = (*path, "Services", index)
        name = service.name or ""
        if connect.sidecar_service is not None:
            reason = _network_mode_error(group, "connect sidecar", allow_host=False)
            if reason is not None:
                rule_id = "V430" if "exactly one network" in reason else "V431"
                return rule_id, (*path, "Networks"), reason
            if name != name.lower():
                message = (
                    f"Consul Connect service name {q(name)} in group"
                    f" {q(group_name)} must not contain uppercase characters"
                )
                return "V432", (*where, "Name"), message
            if group_name != group_name.lower():
                message = (
                    f"Consul Connect group {q(group_name)} with service"
                    f" {q(name)} must not contain uppercase characters"
                )
                return "V432", (*path, "Name"), message
        elif connect.native:
            reason = _native_task_error(group, service)
            if reason is not None:
                return "V433", (*where, "TaskName"), reason
        elif connect.gateway is not None:
            reason = _network_mode_error(group, "connect gateway", allow_host=True)
            if reason is not None:
                return "V434", (*path, "Networks"), reason
    listeners: dict[str, str] = {}
    connect_blocks = 0
    transparent = False
    for index, service in enumerate(group.services or ()):
        connect = service.connect
        if connect is None:
            continue
        connect_blocks += 1
        sidecar = connect.sidecar_service
        proxy = sidecar.proxy if sidecar is not None else None
        if proxy is None:
            continue
        where = (*path, "Services", index, "Connect", "SidecarService", "Proxy")
        for upstream_index, upstream in enumerate(proxy.upstreams or ()):
            if upstream.local_bind_socket_path:
                listener = upstream.local_bind_socket_path
            else:
                host = upstream.local_bind_address or ""
                host = f"[{host}]" if ":" in host else host
                listener = f"{host}:{upstream.local_bind_port or 0}"
            if listener in listeners:
                message = (
                    f"Consul Connect services {q(service.name or '')} and {q(listeners[listener])} in group"
                    f" {q(group_name)} using same address for upstreams ({listener})"
                )
                return "V435", (*where, "Upstreams", upstream_index), message
            listeners[listener] = service.name or ""
        tproxy = proxy.transparent_proxy
        if tproxy is None:
            continue
        transparent = True
        if not tproxy.no_dns and any(_dns_is_set(network) for network in group.networks or ()):
            message = "Consul Connect transparent proxy cannot be used with network.dns unless no_dns=true"
            return "V436", (*where, "TransparentProxy"), message
        static_labels = {
            port.label for network in group.networks or () for port in network.reserved_ports or ()
        }
        for port_index, label in enumerate(tproxy.exclude_inbound_ports or ()):
            if _uint16_error(label) is None or label in static_labels:
                continue
            message = (
                f"Consul Connect transparent proxy port {q(label)}"
                " must be numeric or one of network.port labels"
            )
            return "V437", (*where, "TransparentProxy", "ExcludeInboundPorts", port_index), message
    if transparent and connect_blocks > 1:
        message = "Consul Connect transparent proxy requires there is only one connect block"
        return "V438", (*path, "Services"), message
    return None


@rule("V440", "exposed checks need one bridge or cni/* group network")
@rule("V441", "exposed checks need a sidecar service")
@rule("V442", "exposed checks cannot be on task services")
def expose_admission(ctx: Context) -> None:
    """Nomad stops at the first expose problem of the whole job."""
    for index, group in enumerate(ctx.job.task_groups or ()):
        path = ("TaskGroups", index)
        if any(check.expose for service in group.services or () for check in service.checks or ()):
            reason = _network_mode_error(group, "connect expose check", allow_host=False)
            if reason is not None:
                ctx.error("V440", (*path, "Networks"), reason)
                return
        for service_index, service in enumerate(group.services or ()):
            for check_index, check in enumerate(service.checks or ()):
                if check.expose and (service.connect is None or service.connect.sidecar_service is None):
                    message = (
                        f"exposed service check {group.name}->{service.name}->{check.name}"
                        " requires use of sidecar_proxy"
                    )
                    ctx.error(
                        "V441", (*path, "Services", service_index, "Checks", check_index, "Expose"), message
                    )
                    return
        for task_index, task in enumerate(group.tasks or ()):
            for service_index, service in enumerate(task.services or ()):
                for check_index, check in enumerate(service.checks or ()):
                    if check.expose:
                        message = (
                            f"exposed service check {group.name}[{task.name}]->{service.name}->{check.name}"
                            " is not a task-group service"
                        )
                        where = (*path, "Tasks", task_index, "Services", service_index, "Checks", check_index)
                        ctx.error("V442", (*where, "Expose"), message)
                        return
