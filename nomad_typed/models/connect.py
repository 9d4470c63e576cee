"""Consul Connect: sidecar services and tasks, proxies, upstreams and gateways."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ._base import NomadModel
from ._types import Duration, Int64, JSONObject, UInt16, UInt32
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
    """Consul service mesh settings of a group service (HCL `connect`).

    Exactly one of `SidecarService`, `Native` or `Gateway` must be set; `SidecarTask` only tunes
    the Envoy task Nomad injects for a sidecar or gateway.
    """

    native: bool | None = Field(
        None,
        alias="Native",
        description="The service speaks the mesh protocol itself; needs `TaskName` and a port.",
    )
    gateway: ConsulGateway | None = Field(
        None,
        alias="Gateway",
        description="Run this service as a Consul ingress, terminating or mesh gateway.",
    )
    sidecar_service: ConsulSidecarService | None = Field(
        None,
        alias="SidecarService",
        description="Register an Envoy sidecar proxy for this service (HCL `sidecar_service`).",
    )
    sidecar_task: SidecarTask | None = Field(
        None,
        alias="SidecarTask",
        description="Overrides for the Envoy task Nomad injects for the sidecar or gateway.",
    )


class ConsulSidecarService(NomadModel):
    """Sidecar proxy service registered next to a mesh service (HCL `sidecar_service`)."""

    tags: list[str] | None = Field(
        None, alias="Tags", description="Consul tags of the sidecar service registration."
    )
    port: str | None = Field(
        None,
        alias="Port",
        description="Port label the sidecar listens on; default a dynamic port Nomad adds to the group.",
    )
    proxy: ConsulProxy | None = Field(
        None,
        alias="Proxy",
        description="Envoy settings: upstreams, exposed paths, transparent proxy, opaque config.",
    )
    disable_default_tcp_check: bool | None = Field(
        None,
        alias="DisableDefaultTCPCheck",
        description="Do not register the default TCP check on the sidecar's port.",
    )
    meta: dict[str, str] | None = Field(
        None, alias="Meta", description="Key/value metadata of the sidecar service registration in Consul."
    )


class ConsulProxy(NomadModel):
    """Envoy proxy settings of a sidecar service (HCL `sidecar_service.proxy`)."""

    local_service_address: str | None = Field(
        None,
        alias="LocalServiceAddress",
        description="Address the proxy forwards inbound traffic to; default 127.0.0.1.",
    )
    local_service_port: Int64 | None = Field(
        None,
        alias="LocalServicePort",
        description="Port the proxy forwards inbound traffic to; default the service's port.",
    )
    expose: ConsulExposeConfig | None = Field(
        None,
        alias="Expose",
        description="Paths reachable through the proxy without mutual TLS, e.g. health checks.",
    )
    expose_config: ConsulExposeConfig | None = Field(
        None,
        alias="ExposeConfig",
        description="Deprecated alias of `Expose` with no HCL form; replaces `Expose` when set.",
    )
    upstreams: list[ConsulUpstream] | None = Field(
        None,
        alias="Upstreams",
        description="Mesh services this service calls, each on a local port or socket (HCL `upstreams`).",
    )
    transparent_proxy: ConsulTransparentProxy | None = Field(
        None,
        alias="TransparentProxy",
        description="Send all task traffic through Envoy with iptables rules (HCL `transparent_proxy`).",
    )
    config: JSONObject | None = Field(
        None,
        alias="Config",
        description="Opaque proxy configuration passed to Consul unchanged; values may interpolate.",
    )


class ConsulUpstream(NomadModel):
    """A mesh service reached through a local listener of the sidecar (HCL `upstreams`)."""

    destination_name: str | None = Field(
        None, alias="DestinationName", description="Name of the upstream Consul service; required."
    )
    destination_namespace: str | None = Field(
        None,
        alias="DestinationNamespace",
        description="Consul namespace of the upstream service (Consul Enterprise).",
    )
    destination_peer: str | None = Field(
        None, alias="DestinationPeer", description="Consul cluster peer that exports the upstream service."
    )
    destination_partition: str | None = Field(
        None,
        alias="DestinationPartition",
        description="Consul admin partition of the upstream service (Consul Enterprise).",
    )
    destination_type: str | None = Field(
        None,
        alias="DestinationType",
        description="Discovery query type: `service` (Consul's default) or `prepared_query`.",
    )
    local_bind_port: Int64 | None = Field(
        None, alias="LocalBindPort", description="Local port the proxy listens on for this upstream."
    )
    datacenter: str | None = Field(
        None,
        alias="Datacenter",
        description="Consul datacenter to discover the upstream in; default the local datacenter.",
    )
    local_bind_address: str | None = Field(
        None, alias="LocalBindAddress", description="Local address the proxy listens on for this upstream."
    )
    local_bind_socket_path: str | None = Field(
        None,
        alias="LocalBindSocketPath",
        description="Unix socket path to listen on instead of a local port.",
    )
    local_bind_socket_mode: str | None = Field(
        None, alias="LocalBindSocketMode", description="Octal file mode of the Unix socket, e.g. `0700`."
    )
    mesh_gateway: ConsulMeshGateway | None = Field(
        None,
        alias="MeshGateway",
        description="Mesh gateway use for this upstream; GET responses always include it.",
    )
    config: JSONObject | None = Field(
        None,
        alias="Config",
        description="Opaque upstream configuration passed to Consul unchanged; values may interpolate.",
    )


class ConsulMeshGateway(NomadModel):
    """How an upstream is reached through mesh gateways (HCL `upstreams.mesh_gateway`)."""

    mode: str | None = Field(
        None,
        alias="Mode",
        description="Gateway mode: local, remote or none; empty uses Consul's service defaults.",
    )


class ConsulExposeConfig(NomadModel):
    """Paths served by the sidecar proxy without mutual TLS (HCL `proxy.expose`)."""

    paths: list[ConsulExposePath] | None = Field(
        None, alias="Paths", description="Exposed paths (HCL `path` blocks)."
    )
    path: list[ConsulExposePath] | None = Field(
        None,
        alias="Path",
        description="Deprecated alias of `Paths` with no HCL form; replaces `Paths` when set.",
    )


class ConsulExposePath(NomadModel):
    """One HTTP or gRPC path exposed through the sidecar proxy (HCL `expose.path`)."""

    path: str | None = Field(
        None, alias="Path", description="HTTP or gRPC path to expose, starting with `/`, e.g. `/health`."
    )
    protocol: str | None = Field(
        None, alias="Protocol", description="Listener protocol: `http`, or `http2` (use it for gRPC)."
    )
    local_path_port: Int64 | None = Field(
        None,
        alias="LocalPathPort",
        description="Port the service listens on for this path, usually the service's port.",
    )
    listener_port: str | None = Field(
        None, alias="ListenerPort", description="Label of the group network port the exposed listener uses."
    )


class ConsulTransparentProxy(NomadModel):
    """Transparent proxy mode of a sidecar (HCL `proxy.transparent_proxy`).

    iptables rules send all task traffic through Envoy, so upstreams come from Consul
    intentions instead of `ConsulProxy.Upstreams`.
    """

    uid: str | None = Field(
        None, alias="UID", description="Unix user ID of the Envoy process, as a decimal string; default 101."
    )
    outbound_port: UInt16 | None = Field(
        None,
        alias="OutboundPort",
        description="Port of Envoy's outbound listener; 0 means the client default, 15001.",
    )
    exclude_inbound_ports: list[str] | None = Field(
        None,
        alias="ExcludeInboundPorts",
        description="Inbound ports, as numbers or port labels, that bypass the proxy.",
    )
    exclude_outbound_ports: list[UInt16] | None = Field(
        None,
        alias="ExcludeOutboundPorts",
        description="Outbound destination ports that bypass the proxy.",
    )
    exclude_outbound_cidrs: list[str] | None = Field(
        None,
        alias="ExcludeOutboundCIDRs",
        description="Outbound destination CIDR ranges that bypass the proxy, e.g. `10.0.0.0/8`.",
    )
    exclude_uids: list[str] | None = Field(
        None,
        alias="ExcludeUIDs",
        description="Unix user IDs, as decimal strings, whose outbound traffic bypasses the proxy.",
    )
    no_dns: bool | None = Field(
        None,
        alias="NoDNS",
        description="Keep the task's own DNS instead of pointing it at Consul; default false.",
    )


class SidecarTask(NomadModel):
    """Overrides for the Envoy task Nomad injects for a sidecar or gateway (HCL `sidecar_task`).

    Fields left unset keep the injected task's values, except where a field says otherwise.
    """

    name: str | None = Field(
        None,
        alias="Name",
        description="Task name; default `connect-proxy-<service>` (`connect-<kind>-<service>` for gateways).",
    )
    driver: str | None = Field(
        None, alias="Driver", description="Task driver that runs Envoy; default docker."
    )
    user: str | None = Field(None, alias="User", description="User the proxy task runs as.")
    config: JSONObject | None = Field(
        None,
        alias="Config",
        description="Driver configuration; keys set here override the injected Envoy configuration.",
    )
    env: dict[str, str] | None = Field(
        None, alias="Env", description="Environment variables of the proxy task."
    )
    resources: Resources | None = Field(
        None,
        alias="Resources",
        description="Resources of the proxy task; unset values become 100 MHz CPU and 300 MB memory.",
    )
    meta: dict[str, str] | None = Field(
        None, alias="Meta", description="Key/value metadata of the proxy task."
    )
    kill_timeout: Duration | None = Field(
        None,
        alias="KillTimeout",
        description="Time between the kill signal and a forced kill of the proxy, in ns; default 5s.",
    )
    log_config: LogConfig | None = Field(
        None,
        alias="LogConfig",
        description="Log rotation of the proxy task, default 10 files of 10 MB (HCL `logs`).",
    )
    shutdown_delay: Duration | None = Field(
        None,
        alias="ShutdownDelay",
        description="Delay between deregistering the proxy and stopping it, in ns; 0 if unset (warned).",
    )
    kill_signal: str | None = Field(
        None, alias="KillSignal", description="Signal sent to stop the proxy; default SIGINT."
    )
    volume_mounts: list[VolumeMount] | None = Field(
        None,
        alias="VolumeMounts",
        description="Group volumes mounted into the proxy task (HCL `volume_mount`).",
    )
    identities: list[WorkloadIdentity] | None = Field(
        None, alias="Identities", description="Extra workload identities of the proxy task (HCL `identity`)."
    )


class ConsulGateway(NomadModel):
    """Consul gateway that Nomad runs as an Envoy task (HCL `connect.gateway`).

    Exactly one of `Ingress`, `Terminating` or `Mesh` must be set.
    """

    proxy: ConsulGatewayProxy | None = Field(
        None, alias="Proxy", description="Envoy settings of the gateway task."
    )
    ingress: ConsulIngressConfigEntry | None = Field(
        None,
        alias="Ingress",
        description="Makes an ingress gateway: listeners that route outside traffic into the mesh.",
    )
    terminating: ConsulTerminatingConfigEntry | None = Field(
        None,
        alias="Terminating",
        description="Makes a terminating gateway that forwards mesh traffic to outside services.",
    )
    mesh: ConsulMeshConfigEntry | None = Field(
        None,
        alias="Mesh",
        description="Makes a mesh gateway between datacenters or peers; send an empty object.",
    )


class ConsulGatewayProxy(NomadModel):
    """Envoy settings of a Consul gateway (HCL `gateway.proxy`)."""

    connect_timeout: Duration | None = Field(
        None,
        alias="ConnectTimeout",
        description="Timeout for connecting to an upstream host, in ns; default 5s.",
    )
    envoy_gateway_bind_tagged_addresses: bool | None = Field(
        None,
        alias="EnvoyGatewayBindTaggedAddresses",
        description="Also bind listeners to the service's tagged addresses.",
    )
    envoy_gateway_bind_addresses: dict[str, ConsulGatewayBindAddress] | None = Field(
        None,
        alias="EnvoyGatewayBindAddresses",
        description="Extra listener addresses by name; Nomad fills them in for bridge networking.",
    )
    envoy_gateway_no_default_bind: bool | None = Field(
        None,
        alias="EnvoyGatewayNoDefaultBind",
        description="Do not bind the service's default address; Nomad sets this for bridge networking.",
    )
    envoy_dns_discovery_type: Literal["", "STRICT_DNS", "LOGICAL_DNS"] | None = Field(
        None,
        alias="EnvoyDNSDiscoveryType",
        description="How Envoy resolves upstream host names: STRICT_DNS or LOGICAL_DNS (Envoy default).",
    )
    config: JSONObject | None = Field(
        None, alias="Config", description="Opaque Envoy configuration passed to Consul unchanged."
    )


class ConsulGatewayBindAddress(NomadModel):
    """An extra address a gateway listener binds to (HCL `envoy_gateway_bind_addresses "<name>"`).

    The key of `EnvoyGatewayBindAddresses` names the listener; the `Name` field is ignored.
    """

    name: str | None = Field(
        None,
        alias="Name",
        description="Listener name; ignored, the map key names the listener.",
    )
    address: str | None = Field(
        None, alias="Address", description="IP address to bind, e.g. `0.0.0.0`; required."
    )
    port: Int64 | None = Field(
        None,
        alias="Port",
        description="Port to bind: positive, or -1 for the port Nomad allocates to the gateway.",
    )


class ConsulIngressConfigEntry(NomadModel):
    """Ingress gateway configuration entry that Nomad writes to Consul (HCL `gateway.ingress`)."""

    tls: ConsulGatewayTLSConfig | None = Field(
        None, alias="TLS", description="TLS settings applied to every listener of the gateway."
    )
    listeners: list[ConsulIngressListener] | None = Field(
        None,
        alias="Listeners",
        description="Listeners of the gateway, one per port; at least one (HCL `listener`).",
    )


class ConsulGatewayTLSConfig(NomadModel):
    """TLS settings of an ingress gateway or of one of its services (HCL `tls`)."""

    enabled: bool | None = Field(
        None, alias="Enabled", description="Serve TLS with certificates from Consul's CA; default false."
    )
    tls_min_version: str | None = Field(
        None, alias="TLSMinVersion", description="Lowest TLS version accepted, e.g. `TLSv1_2`."
    )
    tls_max_version: str | None = Field(
        None, alias="TLSMaxVersion", description="Highest TLS version accepted, e.g. `TLSv1_3`."
    )
    cipher_suites: list[str] | None = Field(
        None, alias="CipherSuites", description="Cipher suites allowed for TLS 1.2 and older."
    )
    sds: ConsulGatewayTLSSDSConfig | None = Field(
        None, alias="SDS", description="Load certificates from an SDS cluster instead of Consul's CA."
    )


class ConsulGatewayTLSSDSConfig(NomadModel):
    """Envoy SDS source of ingress gateway certificates (HCL `tls.sds`)."""

    cluster_name: str | None = Field(
        None, alias="ClusterName", description="Name of the Envoy cluster that serves certificates over SDS."
    )
    cert_resource: str | None = Field(
        None,
        alias="CertResource",
        description="Name of the certificate resource to request from that cluster.",
    )


class ConsulIngressListener(NomadModel):
    """A port an ingress gateway listens on and the services behind it (HCL `ingress.listener`)."""

    port: Int64 | None = Field(
        None, alias="Port", description="Port the listener accepts traffic on; must be positive."
    )
    protocol: Literal["", "tcp", "http", "http2", "grpc"] | None = Field(
        None, alias="Protocol", description="Listener protocol: tcp, http, http2 or grpc; default tcp."
    )
    services: list[ConsulIngressService] | None = Field(
        None,
        alias="Services",
        description="Services reachable through this listener; at least one (HCL `service`).",
    )


class ConsulIngressService(NomadModel):
    """A service routed by an ingress gateway listener (HCL `listener.service`)."""

    name: str | None = Field(
        None,
        alias="Name",
        description="Consul service to route to; `*` routes to every service (not on tcp listeners).",
    )
    hosts: list[str] | None = Field(
        None,
        alias="Hosts",
        description="Host headers routed to this service; not on tcp listeners nor with name `*`.",
    )
    tls: ConsulGatewayTLSConfig | None = Field(
        None, alias="TLS", description="TLS settings of this service, overriding the gateway's."
    )
    request_headers: ConsulHTTPHeaderModifiers | None = Field(
        None, alias="RequestHeaders", description="Header changes applied to requests sent to this service."
    )
    response_headers: ConsulHTTPHeaderModifiers | None = Field(
        None, alias="ResponseHeaders", description="Header changes applied to responses from this service."
    )
    max_connections: UInt32 | None = Field(
        None,
        alias="MaxConnections",
        description="Cap on HTTP/1.1 connections to each instance of the service.",
    )
    max_pending_requests: UInt32 | None = Field(
        None,
        alias="MaxPendingRequests",
        description="Cap on requests queued while waiting for a connection (HTTP/1.1).",
    )
    max_concurrent_requests: UInt32 | None = Field(
        None,
        alias="MaxConcurrentRequests",
        description="Cap on concurrent HTTP/2 requests to each instance of the service.",
    )


class ConsulHTTPHeaderModifiers(NomadModel):
    """HTTP header changes of an ingress service (HCL `request_headers`, `response_headers`)."""

    add: dict[str, str] | None = Field(
        None, alias="Add", description="Headers to append, keeping any existing values."
    )
    set: dict[str, str] | None = Field(
        None, alias="Set", description="Headers to set, replacing any existing values."
    )
    remove: list[str] | None = Field(None, alias="Remove", description="Names of headers to remove.")


class ConsulTerminatingConfigEntry(NomadModel):
    """Terminating gateway configuration entry that Nomad writes to Consul (HCL `gateway.terminating`)."""

    services: list[ConsulLinkedService] | None = Field(
        None,
        alias="Services",
        description="Outside services the gateway forwards to; at least one (HCL `service`).",
    )


class ConsulLinkedService(NomadModel):
    """A service outside the mesh linked to a terminating gateway (HCL `terminating.service`)."""

    name: str | None = Field(
        None,
        alias="Name",
        description="Consul service to forward to; required; `*` links every service in the namespace.",
    )
    ca_file: str | None = Field(
        None,
        alias="CAFile",
        description="CA certificate file for TLS to the service; needed by the other TLS fields.",
    )
    cert_file: str | None = Field(
        None,
        alias="CertFile",
        description="Client certificate file for mutual TLS; set together with `KeyFile`.",
    )
    key_file: str | None = Field(
        None, alias="KeyFile", description="Private key file of `CertFile`; set together with it."
    )
    sni: str | None = Field(
        None, alias="SNI", description="Server name sent in the TLS handshake; requires `CAFile`."
    )


class ConsulMeshConfigEntry(NomadModel):
    """Mesh gateway marker (HCL `gateway.mesh`).

    The block has no fields: an empty object makes the gateway a mesh gateway.
    """
