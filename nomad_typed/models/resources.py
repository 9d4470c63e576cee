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
    """Compute resources of a task (HCL `resources`); also used by `SidecarTask`."""

    cpu: Int64 | None = Field(
        None,
        alias="CPU",
        description="CPU in MHz; default 100 (0 when `Cores` is set); at least 1 without cores.",
    )
    cores: Int64 | None = Field(
        None,
        alias="Cores",
        description="Whole CPU cores reserved for the task; not with `CPU`; default 0.",
    )
    memory_mb: Int64 | None = Field(
        None, alias="MemoryMB", description="Memory in MB, at least 10; default 300 (HCL `memory`)."
    )
    memory_max_mb: Int64 | None = Field(
        None,
        alias="MemoryMaxMB",
        description="Memory ceiling in MB with oversubscription (HCL `memory_max`); -1 for no limit.",
    )
    disk_mb: Int64 | None = Field(
        None,
        alias="DiskMB",
        description="Deprecated task disk size; dropped by Nomad 2.0, set `EphemeralDisk.SizeMB` instead.",
    )
    networks: list[NetworkResource] | None = Field(
        None,
        alias="Networks",
        description="Deprecated task-level networks; use the group `network` block (Nomad warns).",
    )
    devices: list[RequestedDevice] | None = Field(
        None, alias="Devices", description="Devices such as GPUs to request (HCL `device` blocks)."
    )
    numa: NUMAResource | None = Field(
        None,
        alias="NUMA",
        description="NUMA-aware placement of the reserved cores (HCL `numa`); needs `Cores`.",
    )
    secrets_mb: Int64 | None = Field(
        None,
        alias="SecretsMB",
        description="Size in MB of the `secrets/` tmpfs (HCL `secrets`); at most MemoryMB; unset is 1.",
    )
    iops: Int64 | None = Field(
        None,
        alias="IOPS",
        description="Deprecated IOPS request; has no effect, Nomad only warns.",
    )


class RequestedDevice(NomadModel):
    """A device request inside task resources (HCL `device "<name>"`)."""

    name: str | None = Field(
        None,
        alias="Name",
        description="Device to request: `type`, `vendor/type` or `vendor/type/name`, e.g. `nvidia/gpu`.",
    )
    count: UInt64 | None = Field(None, alias="Count", description="Number of matching devices; default 1.")
    constraints: list[Constraint] | None = Field(
        None,
        alias="Constraints",
        description="Constraints on device attributes, e.g. `${device.attr.memory}`; no distinct_*.",
    )
    affinities: list[Affinity] | None = Field(
        None, alias="Affinities", description="Preferences among the matching devices, e.g. by model."
    )


class NUMAResource(NomadModel):
    """NUMA placement of a task's reserved cores (HCL `resources.numa`)."""

    affinity: Literal["", "none", "prefer", "require"] | None = Field(
        None,
        alias="Affinity",
        description="Core placement: none (default), prefer or require; the last two need Enterprise.",
    )
    devices: list[str] | None = Field(
        None,
        alias="Devices",
        description="Requested device names to place on the same NUMA node as the cores.",
    )
