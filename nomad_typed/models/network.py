"""Networks and ports (group ``network`` blocks and the deprecated task-level networks)."""

from __future__ import annotations

from pydantic import Field

from ._base import NomadModel
from ._types import Int64

__all__ = ["NetworkResource", "Port", "DNSConfig", "CNIConfig"]


class NetworkResource(NomadModel):
    """Network of a task group (HCL `network`): mode, ports and DNS.

    Task-level networks in `Resources.Networks` are deprecated; use the group block.
    """

    mode: str | None = Field(
        None,
        alias="Mode",
        description="Network mode: host (default), bridge, none or `cni/<network>`.",
    )
    device: str | None = Field(
        None, alias="Device", description="Host interface name; dropped by the agent, no effect in a job."
    )
    cidr: str | None = Field(
        None, alias="CIDR", description="CIDR of the network; reported in node and allocation resources."
    )
    ip: str | None = Field(None, alias="IP", description="IP address; reported in allocation resources.")
    dns: DNSConfig | None = Field(
        None,
        alias="DNS",
        description="DNS settings of the allocation; default inherited from the client (Linux only).",
    )
    reserved_ports: list[Port] | None = Field(
        None,
        alias="ReservedPorts",
        description="Ports with a fixed host port (HCL `port` blocks with `static`).",
    )
    dynamic_ports: list[Port] | None = Field(
        None,
        alias="DynamicPorts",
        description="Ports whose host port the scheduler picks (HCL `port` blocks without `static`).",
    )
    hostname: str | None = Field(
        None,
        alias="Hostname",
        description="Hostname of the allocation's network namespace; a DNS name or an interpolation.",
    )
    mbits: Int64 | None = Field(
        None,
        alias="MBits",
        description="Deprecated bandwidth request in Mbit/s; Nomad warns when it is set.",
    )
    cni: CNIConfig | None = Field(
        None, alias="CNI", description="Extra arguments passed to the CNI plugins (HCL `cni`)."
    )


class Port(NomadModel):
    """A labelled port of a group network (HCL `port "<label>"`).

    Ports with a `Value` (HCL `static`) go in `ReservedPorts`, the others in `DynamicPorts`.
    """

    label: str | None = Field(
        None,
        alias="Label",
        description="Port label (HCL block label), used by services and in `NOMAD_PORT_<label>`.",
    )
    value: Int64 | None = Field(
        None,
        alias="Value",
        description="Host port (HCL `static`), at most 65535; 0 lets the scheduler pick one.",
    )
    to: Int64 | None = Field(
        None,
        alias="To",
        description="Port inside the network namespace to map to, up to 65535; 0 or -1 means the host port.",
    )
    host_network: str | None = Field(
        None,
        alias="HostNetwork",
        description="Client host network to allocate the port on; default `default`.",
    )
    ignore_collision: bool | None = Field(
        None,
        alias="IgnoreCollision",
        description="Allow a static port already in use on the host; host network mode only.",
    )


class DNSConfig(NomadModel):
    """DNS settings of an allocation's network (HCL `network.dns`)."""

    servers: list[str] | None = Field(
        None, alias="Servers", description="Nameserver addresses, e.g. `8.8.8.8`."
    )
    searches: list[str] | None = Field(
        None, alias="Searches", description="Search domains for host name lookups."
    )
    options: list[str] | None = Field(None, alias="Options", description="Resolver options, e.g. `ndots:2`.")


class CNIConfig(NomadModel):
    """Arguments for the CNI plugins of a group network (HCL `network.cni`)."""

    args: dict[str, str] | None = Field(
        None,
        alias="Args",
        description="Key/value arguments for the CNI plugins; no `;`, keys unique within the group.",
    )
