"""Consul Connect: sidecar services and tasks, proxies, upstreams and gateways."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ._base import NomadModel
from ._types import Duration, Int64, JSONValue, UInt16, UInt32
from .identity import WorkloadIdentity
from .logs import LogConfig
from .resources import Resources
from .volumes import VolumeMount

__all__ = [
    "ConsulConnect",
    "ConsulSidecarService",
    "ConsulProxy",
    "ConsulUpstream",
    "ConsulMeshGateway",
    "ConsulExposeConfig",
    "ConsulExposePath",
    "ConsulTransparentProxy",
    "SidecarTask",
    "ConsulGateway",
    "ConsulGatewayProxy",
    "ConsulGatewayBindAddress",
    "ConsulIngressConfigEntry",
    "ConsulGatewayTLSConfig",
    "ConsulGatewayTLSSDSConfig",
    "ConsulIngressListener",
    "ConsulIngressService",
    "ConsulHTTPHeaderModifiers",
    "ConsulTerminatingConfigEntry",
    "ConsulLinkedService",
    "ConsulMeshConfigEntry",
]


class ConsulConnect(NomadModel):
    """HCL `connect` (group services only)."""

    native: bool | None = Field(None, alias="Native", description="HCL `native`; default —; same")
    gateway: ConsulGateway | None = Field(
        None, alias="Gateway", description="HCL `gateway` block; default —; same"
    )
    sidecar_service: ConsulSidecarService | None = Field(
        None, alias="SidecarService", description="HCL `sidecar_service` block; default —; same"
    )
    sidecar_task: SidecarTask | None = Field(
        None, alias="SidecarTask", description="HCL `sidecar_task` block; default —; same"
    )


class ConsulSidecarService(NomadModel):
    """HCL `connect.sidecar_service`."""

    tags: list[str] | None = Field(None, alias="Tags", description="HCL `tags`; default empty → null; same")
    port: str | None = Field(None, alias="Port", description="HCL `port`; default —; same")
    proxy: ConsulProxy | None = Field(None, alias="Proxy", description="HCL `proxy` block; default —; same")
    disable_default_tcp_check: bool | None = Field(
        None, alias="DisableDefaultTCPCheck", description="HCL `disable_default_tcp_check`; default —; same"
    )
    meta: dict[str, str] | None = Field(
        None, alias="Meta", description="HCL `meta` block; default empty → null; same"
    )


class ConsulProxy(NomadModel):
    """HCL `sidecar_service.proxy`."""

    local_service_address: str | None = Field(
        None, alias="LocalServiceAddress", description="HCL `local_service_address`; default —; same"
    )
    local_service_port: Int64 | None = Field(
        None, alias="LocalServicePort", description="HCL `local_service_port`; default —; same"
    )
    expose: ConsulExposeConfig | None = Field(
        None, alias="Expose", description="HCL `expose` block; default —; same"
    )
    expose_config: ConsulExposeConfig | None = Field(
        None,
        alias="ExposeConfig",
        description="HCL —; default —; **api-only** — deprecated alias of Expose; wins over Expose when both are set",
    )
    upstreams: list[ConsulUpstream] | None = Field(
        None,
        alias="Upstreams",
        description="HCL `upstreams` block; default empty → null; `[]ConsulUpstream` — server element type is a value (`[]ConsulUpstream`)",
    )
    transparent_proxy: ConsulTransparentProxy | None = Field(
        None, alias="TransparentProxy", description="HCL `transparent_proxy` block; default —; same"
    )
    config: dict[str, JSONValue] | None = Field(
        None, alias="Config", description="HCL `config` block; default empty → null; same"
    )


class ConsulUpstream(NomadModel):
    """HCL `proxy.upstreams`."""

    destination_name: str | None = Field(
        None, alias="DestinationName", description="HCL `destination_name`; default —; same"
    )
    destination_namespace: str | None = Field(
        None, alias="DestinationNamespace", description="HCL `destination_namespace`; default —; same"
    )
    destination_peer: str | None = Field(
        None, alias="DestinationPeer", description="HCL `destination_peer`; default —; same"
    )
    destination_partition: str | None = Field(
        None, alias="DestinationPartition", description="HCL `destination_partition`; default —; same"
    )
    destination_type: str | None = Field(
        None,
        alias="DestinationType",
        description="HCL `destination_type`; default —; same — e.g. 'service', 'prepared_query'",
    )
    local_bind_port: Int64 | None = Field(
        None, alias="LocalBindPort", description="HCL `local_bind_port`; default —; same"
    )
    datacenter: str | None = Field(None, alias="Datacenter", description="HCL `datacenter`; default —; same")
    local_bind_address: str | None = Field(
        None, alias="LocalBindAddress", description="HCL `local_bind_address`; default —; same"
    )
    local_bind_socket_path: str | None = Field(
        None, alias="LocalBindSocketPath", description="HCL `local_bind_socket_path`; default —; same"
    )
    local_bind_socket_mode: str | None = Field(
        None, alias="LocalBindSocketMode", description="HCL `local_bind_socket_mode`; default —; same"
    )
    mesh_gateway: ConsulMeshGateway | None = Field(
        None,
        alias="MeshGateway",
        description="HCL `mesh_gateway` block; default —; `ConsulMeshGateway` — server type is a value → responses always contain an object",
    )
    config: dict[str, JSONValue] | None = Field(
        None, alias="Config", description="HCL `config` block; default empty → null; same"
    )


class ConsulMeshGateway(NomadModel):
    """HCL `upstreams.mesh_gateway`."""

    mode: str | None = Field(
        None, alias="Mode", description="HCL `mode`; default —; same — '' · local · remote · none"
    )


class ConsulExposeConfig(NomadModel):
    """HCL `proxy.expose`."""

    paths: list[ConsulExposePath] | None = Field(
        None, alias="Paths", description="HCL `path` block; default empty → null; `[]ConsulExposePath`"
    )
    path: list[ConsulExposePath] | None = Field(
        None,
        alias="Path",
        description="HCL —; default empty → null; **api-only** — deprecated alias of Paths; wins when set",
    )


class ConsulExposePath(NomadModel):
    """HCL `expose.path`."""

    path: str | None = Field(None, alias="Path", description="HCL `path`; default —; same")
    protocol: str | None = Field(None, alias="Protocol", description="HCL `protocol`; default —; same")
    local_path_port: Int64 | None = Field(
        None, alias="LocalPathPort", description="HCL `local_path_port`; default —; same"
    )
    listener_port: str | None = Field(
        None, alias="ListenerPort", description="HCL `listener_port`; default —; same"
    )


class ConsulTransparentProxy(NomadModel):
    """HCL `proxy.transparent_proxy`."""

    uid: str | None = Field(
        None, alias="UID", description="HCL `uid`; default —; same — numeric string (uint16)"
    )
    outbound_port: UInt16 | None = Field(
        None,
        alias="OutboundPort",
        description="HCL `outbound_port`; default —; same — default 15001 applied by the client, not by Canonicalize",
    )
    exclude_inbound_ports: list[str] | None = Field(
        None,
        alias="ExcludeInboundPorts",
        description="HCL `exclude_inbound_ports`; default empty → null; same — numbers-as-strings or static port labels",
    )
    exclude_outbound_ports: list[UInt16] | None = Field(
        None,
        alias="ExcludeOutboundPorts",
        description="HCL `exclude_outbound_ports`; default empty → null; same",
    )
    exclude_outbound_cidrs: list[str] | None = Field(
        None,
        alias="ExcludeOutboundCIDRs",
        description="HCL `exclude_outbound_cidrs`; default empty → null; same — CIDR prefixes",
    )
    exclude_uids: list[str] | None = Field(
        None,
        alias="ExcludeUIDs",
        description="HCL `exclude_uids`; default empty → null; same — numeric strings (uint16)",
    )
    no_dns: bool | None = Field(None, alias="NoDNS", description="HCL `no_dns`; default —; same")


class SidecarTask(NomadModel):
    """HCL `connect.sidecar_task`: overrides for the injected Envoy task."""

    name: str | None = Field(None, alias="Name", description="HCL `name`; default —; same")
    driver: str | None = Field(None, alias="Driver", description="HCL `driver`; default —; same")
    user: str | None = Field(None, alias="User", description="HCL `user`; default —; same")
    config: dict[str, JSONValue] | None = Field(
        None, alias="Config", description="HCL `config` block; default empty → null; same"
    )
    env: dict[str, str] | None = Field(
        None, alias="Env", description="HCL `env` block; default empty → null; same"
    )
    resources: Resources | None = Field(
        None,
        alias="Resources",
        description="HCL `resources` block; default {CPU:100, Cores:0, MemoryMB:300} when null, else Resources defaults; same",
    )
    meta: dict[str, str] | None = Field(
        None, alias="Meta", description="HCL `meta` block; default empty → null; same"
    )
    kill_timeout: Duration | None = Field(
        None, alias="KillTimeout", description="HCL `kill_timeout`; default 5s; same — server keeps pointer"
    )
    log_config: LogConfig | None = Field(
        None,
        alias="LogConfig",
        description="HCL `logs` block; default {MaxFiles:10, MaxFileSizeMB:10, Disabled:false}; same",
    )
    shutdown_delay: Duration | None = Field(
        None,
        alias="ShutdownDelay",
        description="HCL `shutdown_delay`; default 0; same — server keeps pointer",
    )
    kill_signal: str | None = Field(
        None, alias="KillSignal", description="HCL `kill_signal`; default —; same"
    )
    volume_mounts: list[VolumeMount] | None = Field(
        None, alias="VolumeMounts", description="HCL `volume_mount` block; default —; same"
    )
    identities: list[WorkloadIdentity] | None = Field(
        None, alias="Identities", description="HCL `identity` block; default —; same"
    )


class ConsulGateway(NomadModel):
    """HCL `connect.gateway`."""

    proxy: ConsulGatewayProxy | None = Field(
        None, alias="Proxy", description="HCL `proxy` block; default —; same"
    )
    ingress: ConsulIngressConfigEntry | None = Field(
        None, alias="Ingress", description="HCL `ingress` block; default —; same"
    )
    terminating: ConsulTerminatingConfigEntry | None = Field(
        None, alias="Terminating", description="HCL `terminating` block; default —; same"
    )
    mesh: ConsulMeshConfigEntry | None = Field(
        None, alias="Mesh", description="HCL `mesh` block; default —; same"
    )


class ConsulGatewayProxy(NomadModel):
    """HCL `gateway.proxy`."""

    connect_timeout: Duration | None = Field(
        None, alias="ConnectTimeout", description="HCL `connect_timeout`; default 5s; same"
    )
    envoy_gateway_bind_tagged_addresses: bool | None = Field(
        None,
        alias="EnvoyGatewayBindTaggedAddresses",
        description="HCL `envoy_gateway_bind_tagged_addresses`; default —; same",
    )
    envoy_gateway_bind_addresses: dict[str, ConsulGatewayBindAddress] | None = Field(
        None,
        alias="EnvoyGatewayBindAddresses",
        description="HCL `envoy_gateway_bind_addresses` block; default empty → null; same",
    )
    envoy_gateway_no_default_bind: bool | None = Field(
        None,
        alias="EnvoyGatewayNoDefaultBind",
        description="HCL `envoy_gateway_no_default_bind`; default —; same",
    )
    envoy_dns_discovery_type: Literal["", "STRICT_DNS", "LOGICAL_DNS"] | None = Field(
        None,
        alias="EnvoyDNSDiscoveryType",
        description="HCL `envoy_dns_discovery_type`; default —; same — '' · STRICT_DNS · LOGICAL_DNS",
    )
    config: dict[str, JSONValue] | None = Field(
        None, alias="Config", description="HCL `config` block; default empty → null; same"
    )


class ConsulGatewayBindAddress(NomadModel):
    """HCL `envoy_gateway_bind_addresses "<name>"`. Map value; the map key is the name."""

    name: str | None = Field(
        None,
        alias="Name",
        description="HCL (block label); default —; **api-only** — the map key carries the name",
    )
    address: str | None = Field(None, alias="Address", description="HCL `address`; default —; same")
    port: Int64 | None = Field(
        None, alias="Port", description="HCL `port`; default —; same — >0, or −1 = let Nomad fill in"
    )


class ConsulIngressConfigEntry(NomadModel):
    """HCL `gateway.ingress`."""

    tls: ConsulGatewayTLSConfig | None = Field(
        None, alias="TLS", description="HCL `tls` block; default —; same"
    )
    listeners: list[ConsulIngressListener] | None = Field(
        None, alias="Listeners", description="HCL `listener` block; default empty → null; same"
    )


class ConsulGatewayTLSConfig(NomadModel):
    """HCL `ingress.tls` and `ingress.listener.service.tls`."""

    enabled: bool | None = Field(None, alias="Enabled", description="HCL `enabled`; default —; same")
    tls_min_version: str | None = Field(
        None, alias="TLSMinVersion", description="HCL `tls_min_version`; default —; same"
    )
    tls_max_version: str | None = Field(
        None, alias="TLSMaxVersion", description="HCL `tls_max_version`; default —; same"
    )
    cipher_suites: list[str] | None = Field(
        None, alias="CipherSuites", description="HCL `cipher_suites`; default —; same"
    )
    sds: ConsulGatewayTLSSDSConfig | None = Field(
        None, alias="SDS", description="HCL `sds` block; default —; same"
    )


class ConsulGatewayTLSSDSConfig(NomadModel):
    """HCL `tls.sds`."""

    cluster_name: str | None = Field(
        None, alias="ClusterName", description="HCL `cluster_name`; default —; same"
    )
    cert_resource: str | None = Field(
        None, alias="CertResource", description="HCL `cert_resource`; default —; same"
    )


class ConsulIngressListener(NomadModel):
    """HCL `ingress.listener`."""

    port: Int64 | None = Field(None, alias="Port", description="HCL `port`; default —; same")
    protocol: Literal["", "tcp", "http", "http2", "grpc"] | None = Field(
        None, alias="Protocol", description="HCL `protocol`; default 'tcp'; same — tcp · http · http2 · grpc"
    )
    services: list[ConsulIngressService] | None = Field(
        None, alias="Services", description="HCL `service` block; default empty → null; same"
    )


class ConsulIngressService(NomadModel):
    """HCL `listener.service`."""

    name: str | None = Field(None, alias="Name", description="HCL `name`; default —; same")
    hosts: list[str] | None = Field(
        None, alias="Hosts", description="HCL `hosts`; default (not canonicalized via listener path); same"
    )
    tls: ConsulGatewayTLSConfig | None = Field(
        None, alias="TLS", description="HCL `tls` block; default —; same"
    )
    request_headers: ConsulHTTPHeaderModifiers | None = Field(
        None, alias="RequestHeaders", description="HCL `request_headers` block; default —; same"
    )
    response_headers: ConsulHTTPHeaderModifiers | None = Field(
        None, alias="ResponseHeaders", description="HCL `response_headers` block; default —; same"
    )
    max_connections: UInt32 | None = Field(
        None,
        alias="MaxConnections",
        description="HCL `max_connections`; default —; same — pointer kept server-side",
    )
    max_pending_requests: UInt32 | None = Field(
        None,
        alias="MaxPendingRequests",
        description="HCL `max_pending_requests`; default —; same — pointer kept server-side",
    )
    max_concurrent_requests: UInt32 | None = Field(
        None,
        alias="MaxConcurrentRequests",
        description="HCL `max_concurrent_requests`; default —; same — pointer kept server-side",
    )


class ConsulHTTPHeaderModifiers(NomadModel):
    """HCL `request_headers` / `response_headers`."""

    add: dict[str, str] | None = Field(
        None, alias="Add", description="HCL `add` block; default empty → null (only when canonicalized); same"
    )
    set: dict[str, str] | None = Field(None, alias="Set", description="HCL `set` block; default —; same")
    remove: list[str] | None = Field(None, alias="Remove", description="HCL `remove`; default —; same")


class ConsulTerminatingConfigEntry(NomadModel):
    """HCL `gateway.terminating`."""

    services: list[ConsulLinkedService] | None = Field(
        None, alias="Services", description="HCL `service` block; default empty → null; same"
    )


class ConsulLinkedService(NomadModel):
    """HCL `terminating.service`."""

    name: str | None = Field(None, alias="Name", description="HCL `name`; default —; same")
    ca_file: str | None = Field(None, alias="CAFile", description="HCL `ca_file`; default —; same")
    cert_file: str | None = Field(None, alias="CertFile", description="HCL `cert_file`; default —; same")
    key_file: str | None = Field(None, alias="KeyFile", description="HCL `key_file`; default —; same")
    sni: str | None = Field(None, alias="SNI", description="HCL `sni`; default —; same")


class ConsulMeshConfigEntry(NomadModel):
    """HCL `gateway.mesh`. _No fields: the block's mere presence is the signal (send `{}`)._"""
