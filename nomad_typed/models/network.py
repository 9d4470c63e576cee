"""Networks and ports (group ``network`` blocks and the deprecated task-level networks)."""

from __future__ import annotations

from pydantic import Field

from ._base import NomadModel
from ._types import Int64

__all__ = ["NetworkResource", "Port", "DNSConfig", "CNIConfig"]


class NetworkResource(NomadModel):
    """HCL `network`. Group level (`TaskGroup.Networks`) and deprecated task level (`Resources.Networks`)."""

    mode: str | None = Field(
        None,
        alias="Mode",
        description="HCL `mode`; default —; same — '' / 'host' / 'bridge' / 'none' / 'cni/<name>'",
    )
    device: str | None = Field(
        None, alias="Device", description="HCL `device`; default —; same — **not converted** by the agent"
    )
    cidr: str | None = Field(None, alias="CIDR", description="HCL `cidr`; default —; same")
    ip: str | None = Field(None, alias="IP", description="HCL `ip`; default —; same")
    dns: DNSConfig | None = Field(None, alias="DNS", description="HCL `dns` block; default —; same")
    reserved_ports: list[Port] | None = Field(
        None,
        alias="ReservedPorts",
        description="HCL `reserved_ports` block; default —; same — static ports (HCL `port` with `static`)",
    )
    dynamic_ports: list[Port] | None = Field(
        None,
        alias="DynamicPorts",
        description="HCL `port` block; default —; same — dynamic ports (HCL `port` without `static`)",
    )
    hostname: str | None = Field(
        None,
        alias="Hostname",
        description="HCL `hostname`; default —; same — server json tag omitempty; must be a DNS name unless it contains '${'",
    )
    mbits: Int64 | None = Field(
        None,
        alias="MBits",
        description="HCL `mbits`; default —; `int` — deprecated (warning when >0 on first group network)",
    )
    cni: CNIConfig | None = Field(None, alias="CNI", description="HCL `cni` block; default —; same")


class Port(NomadModel):
    """HCL `port "<label>"` inside `network`. Element type of ReservedPorts/DynamicPorts (slice of values, not pointers)."""

    label: str | None = Field(None, alias="Label", description="HCL (block label); default —; same")
    value: Int64 | None = Field(
        None,
        alias="Value",
        description="HCL `static`; default —; same — static host port; 0 = dynamic; ≤65535",
    )
    to: Int64 | None = Field(
        None,
        alias="To",
        description="HCL `to`; default —; same — container/mapped port; −1 … 65535 (−1 = same as host port)",
    )
    host_network: str | None = Field(
        None,
        alias="HostNetwork",
        description="HCL `host_network`; default —; same — server canonicalize: '' → 'default'",
    )
    ignore_collision: bool | None = Field(
        None,
        alias="IgnoreCollision",
        description="HCL `ignore_collision`; default —; same — only with network mode ''/'host'",
    )


class DNSConfig(NomadModel):
    """HCL `network.dns`."""

    servers: list[str] | None = Field(None, alias="Servers", description="HCL `servers`; default —; same")
    searches: list[str] | None = Field(None, alias="Searches", description="HCL `searches`; default —; same")
    options: list[str] | None = Field(None, alias="Options", description="HCL `options`; default —; same")


class CNIConfig(NomadModel):
    """HCL `network.cni`."""

    args: dict[str, str] | None = Field(None, alias="Args", description="HCL `args`; default —; same")
