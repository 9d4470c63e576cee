"""Task resources: CPU, memory, devices and NUMA."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ._base import NomadModel
from ._types import Int64, UInt64
from .network import NetworkResource
from .placement import Affinity, Constraint

__all__ = ["Resources", "RequestedDevice", "NUMAResource"]


class Resources(NomadModel):
    """HCL `resources`. Task level; also SidecarTask.Resources."""

    cpu: Int64 | None = Field(
        None,
        alias="CPU",
        description="HCL `cpu`; default 100 when both CPU and Cores are null; 0 when only Cores is set; `int`",
    )
    cores: Int64 | None = Field(
        None,
        alias="Cores",
        description="HCL `cores`; default 0 when null; `int` — mutually exclusive with CPU>0; must be ≥0",
    )
    memory_mb: Int64 | None = Field(None, alias="MemoryMB", description="HCL `memory`; default 300; `int`")
    memory_max_mb: Int64 | None = Field(
        None,
        alias="MemoryMaxMB",
        description="HCL `memory_max`; default —; `int` — 0 = unset, −1 = unlimited; otherwise ≥ MemoryMB",
    )
    disk_mb: Int64 | None = Field(
        None,
        alias="DiskMB",
        description="HCL `disk`; default —; `int` — **not converted by the agent** (silently dropped); disk belongs to EphemeralDisk",
    )
    networks: list[NetworkResource] | None = Field(
        None,
        alias="Networks",
        description="HCL `network` block; default —; `Networks` — deprecated task-level networks (warning)",
    )
    devices: list[RequestedDevice] | None = Field(
        None, alias="Devices", description="HCL `device` block; default —; `ResourceDevices`"
    )
    numa: NUMAResource | None = Field(
        None,
        alias="NUMA",
        description="HCL `numa` block; default — (if present: Affinity 'none'); `*NUMA` — server type `NUMA`; prefer/require are Enterprise-only",
    )
    secrets_mb: Int64 | None = Field(
        None,
        alias="SecretsMB",
        description="HCL `secrets`; default —; `int` — size of secrets tmpfs; 0 ≤ SecretsMB ≤ MemoryMB",
    )
    iops: Int64 | None = Field(
        None,
        alias="IOPS",
        description="HCL `iops`; default —; `int` — deprecated; converted only to emit a warning",
    )


class RequestedDevice(NomadModel):
    """HCL `device "<name>"` inside resources."""

    name: str | None = Field(
        None,
        alias="Name",
        description="HCL (block label); default —; same — 'type', 'vendor/type' or 'vendor/type/name'",
    )
    count: UInt64 | None = Field(None, alias="Count", description="HCL `count`; default 1; `uint64`")
    constraints: list[Constraint] | None = Field(
        None, alias="Constraints", description="HCL `constraint` block; default —; `Constraints`"
    )
    affinities: list[Affinity] | None = Field(
        None, alias="Affinities", description="HCL `affinity` block; default —; `Affinities`"
    )


class NUMAResource(NomadModel):
    """HCL `numa` inside resources. Server type name is `NUMA`."""

    affinity: Literal["", "none", "prefer", "require"] | None = Field(
        None,
        alias="Affinity",
        description="HCL `affinity`; default 'none' (when ''); same — none · prefer · require",
    )
    devices: list[str] | None = Field(
        None, alias="Devices", description="HCL `devices`; default empty → null; same"
    )
