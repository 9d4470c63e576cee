"""Task groups (the ``group`` block) and their ephemeral disk."""

from __future__ import annotations

from pydantic import Field

from ._base import NomadModel
from ._types import Duration, Int64
from .consul import Consul
from .network import NetworkResource
from .placement import Affinity, Constraint, Spread
from .policies import DisconnectStrategy, MigrateStrategy, ReschedulePolicy, RestartPolicy, UpdateStrategy
from .scaling import ScalingPolicy
from .service import Service
from .task import Task
from .volumes import VolumeRequest

__all__ = ["TaskGroup", "EphemeralDisk"]


class TaskGroup(NomadModel):
    """A task group (HCL `group "<name>"`): tasks placed together on one node as one allocation.

    Unset policies are filled from the job level and the job type's defaults when Nomad registers
    the job, so a group read back from the server has them all.
    """

    name: str | None = Field(
        None, alias="Name", description="Group name, unique in the job (the HCL block label); required."
    )
    count: Int64 | None = Field(
        None,
        alias="Count",
        description="Allocations to run; default `Scaling.Min` if set, else 1; at most 1 in system jobs.",
    )
    constraints: list[Constraint] | None = Field(
        None,
        alias="Constraints",
        description="Placement constraints for every task of the group (HCL `constraint`).",
    )
    affinities: list[Affinity] | None = Field(
        None,
        alias="Affinities",
        description="Placement preferences for the group (HCL `affinity`); not for system jobs.",
    )
    tasks: list[Task] | None = Field(
        None, alias="Tasks", description="Tasks run together in each allocation (HCL `task`); at least one."
    )
    spreads: list[Spread] | None = Field(
        None,
        alias="Spreads",
        description="Spread the group's allocations across attribute values (HCL `spread`).",
    )
    volumes: dict[str, VolumeRequest] | None = Field(
        None,
        alias="Volumes",
        description="Host or CSI volumes the group claims, keyed by the name `volume_mount` uses.",
    )
    restart_policy: RestartPolicy | None = Field(
        None,
        alias="RestartPolicy",
        description="Restart policy of the group's tasks; defaults depend on the job type (HCL `restart`).",
    )
    disconnect: DisconnectStrategy | None = Field(
        None,
        alias="Disconnect",
        description="What happens to allocations whose client node loses contact with the servers.",
    )
    reschedule_policy: ReschedulePolicy | None = Field(
        None,
        alias="ReschedulePolicy",
        description="How failed allocations move to other nodes (HCL `reschedule`); not for system jobs.",
    )
    ephemeral_disk: EphemeralDisk | None = Field(
        None,
        alias="EphemeralDisk",
        description="Scratch disk shared by the group's tasks; default 300 MB, not sticky.",
    )
    update: UpdateStrategy | None = Field(
        None,
        alias="Update",
        description="Rolling-update strategy of the group, merged over the job's; service and system.",
    )
    migrate: MigrateStrategy | None = Field(
        None,
        alias="Migrate",
        description="How allocations leave draining nodes, merged over the job's; service jobs only.",
    )
    networks: list[NetworkResource] | None = Field(
        None,
        alias="Networks",
        description="Network mode and ports of the group's allocations (HCL `network`).",
    )
    meta: dict[str, str] | None = Field(
        None, alias="Meta", description="User metadata, merged over the job's and inherited by the tasks."
    )
    services: list[Service] | None = Field(
        None,
        alias="Services",
        description="Services the group registers in Consul or Nomad (HCL `service`).",
    )
    shutdown_delay: Duration | None = Field(
        None,
        alias="ShutdownDelay",
        description="Wait between deregistering group services and stopping the tasks, in ns.",
    )
    max_run_duration: Duration | None = Field(
        None,
        alias="MaxRunDuration",
        description="Longest an allocation may run before Nomad stops it, in ns; batch and sysbatch.",
    )
    stop_after_client_disconnect: Duration | None = Field(
        None,
        alias="StopAfterClientDisconnect",
        description="Deprecated, ignored by Nomad 2.0; set `Disconnect.StopOnClientAfter` instead.",
    )
    max_client_disconnect: Duration | None = Field(
        None,
        alias="MaxClientDisconnect",
        description="Deprecated, ignored by Nomad 2.0; set `Disconnect.LostAfter` instead.",
    )
    scaling: ScalingPolicy | None = Field(
        None,
        alias="Scaling",
        description="Autoscaler policy and count bounds of the group; not allowed in system jobs.",
    )
    consul: Consul | None = Field(
        None,
        alias="Consul",
        description="Consul cluster, namespace and partition for the group's services and tasks.",
    )
    prevent_reschedule_on_lost: bool | None = Field(
        None,
        alias="PreventRescheduleOnLost",
        description="Deprecated, ignored by Nomad 2.0; set `Disconnect.Replace` instead.",
    )


class EphemeralDisk(NomadModel):
    """Scratch disk shared by a group's tasks, the allocation directory (HCL `ephemeral_disk`)."""

    sticky: bool | None = Field(
        None,
        alias="Sticky",
        description="Prefer placing the replacement allocation on the same node and keep the data.",
    )
    migrate: bool | None = Field(
        None,
        alias="Migrate",
        description="Copy the data to a replacement on another node, best effort; implies sticky.",
    )
    size_mb: Int64 | None = Field(
        None, alias="SizeMB", description="Disk size in MB; default 300, at least 10 (HCL `size`)."
    )
