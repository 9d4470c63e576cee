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
    """HCL `group "<name>"`."""

    name: str | None = Field(None, alias="Name", description="HCL (block label); default ''; `string`")
    count: Int64 | None = Field(
        None,
        alias="Count",
        description="HCL `count`; default Scaling.Min if a scaling block with Min exists, else 1; `int`",
    )
    constraints: list[Constraint] | None = Field(
        None, alias="Constraints", description="HCL `constraint` block; default —; same"
    )
    affinities: list[Affinity] | None = Field(
        None, alias="Affinities", description="HCL `affinity` block; default —; same"
    )
    tasks: list[Task] | None = Field(None, alias="Tasks", description="HCL `task` block; default —; same")
    spreads: list[Spread] | None = Field(
        None, alias="Spreads", description="HCL `spread` block; default —; same"
    )
    volumes: dict[str, VolumeRequest] | None = Field(
        None,
        alias="Volumes",
        description="HCL `volume` block; default —; same — map key = volume name referenced by VolumeMount.Volume; entries whose Type is not 'host'/'csi' are **silently dropped** by the agent",
    )
    restart_policy: RestartPolicy | None = Field(
        None,
        alias="RestartPolicy",
        description="HCL `restart` block; default per job type (see RestartPolicy); user values merged over the default; same",
    )
    disconnect: DisconnectStrategy | None = Field(
        None,
        alias="Disconnect",
        description="HCL `disconnect` block; default — (if present: Replace=true, Reconcile='best_score'); same",
    )
    reschedule_policy: ReschedulePolicy | None = Field(
        None,
        alias="ReschedulePolicy",
        description="HCL `reschedule` block; default job-level `Reschedule` merged under group value; if still null and type is service/batch (or unknown) → type default; system/sysbatch stay null; same",
    )
    ephemeral_disk: EphemeralDisk | None = Field(
        None,
        alias="EphemeralDisk",
        description="HCL `ephemeral_disk` block; default {Sticky:false, Migrate:false, SizeMB:300}; same",
    )
    update: UpdateStrategy | None = Field(
        None,
        alias="Update",
        description="HCL `update` block; default job-level Update copied/merged in, then each nil field defaulted; same",
    )
    migrate: MigrateStrategy | None = Field(
        None,
        alias="Migrate",
        description="HCL `migrate` block; default job-level `Migrate` merged; service jobs with none get the default strategy; other types stay null; same",
    )
    networks: list[NetworkResource] | None = Field(
        None,
        alias="Networks",
        description="HCL `network` block; default —; `Networks` — server type is named slice `Networks`",
    )
    meta: dict[str, str] | None = Field(None, alias="Meta", description="HCL `meta` block; default —; same")
    services: list[Service] | None = Field(
        None, alias="Services", description="HCL `service` block; default —; same"
    )
    shutdown_delay: Duration | None = Field(
        None, alias="ShutdownDelay", description="HCL `shutdown_delay`; default —; same — must be ≥0"
    )
    max_run_duration: Duration | None = Field(
        None,
        alias="MaxRunDuration",
        description="HCL `max_run_duration`; default —; same — new in 2.0.3; batch/sysbatch only; must be >0",
    )
    stop_after_client_disconnect: Duration | None = Field(
        None,
        alias="StopAfterClientDisconnect",
        description="HCL `stop_after_client_disconnect`; default —; same — deprecated; **dropped by the agent** (ignored since 1.10) — use Disconnect.StopOnClientAfter",
    )
    max_client_disconnect: Duration | None = Field(
        None,
        alias="MaxClientDisconnect",
        description="HCL `max_client_disconnect`; default —; same — deprecated; **dropped by the agent** — use Disconnect.LostAfter",
    )
    scaling: ScalingPolicy | None = Field(
        None,
        alias="Scaling",
        description="HCL `scaling` block; default —; same — system jobs may not carry one (HTTP 400)",
    )
    consul: Consul | None = Field(
        None, alias="Consul", description="HCL `consul` block; default —; same — group-level Consul block"
    )
    prevent_reschedule_on_lost: bool | None = Field(
        None,
        alias="PreventRescheduleOnLost",
        description="HCL `prevent_reschedule_on_lost`; default —; `bool` — deprecated; **dropped by the agent** — use Disconnect.Replace (server field is plain bool)",
    )


class EphemeralDisk(NomadModel):
    """HCL `ephemeral_disk` (group)."""

    sticky: bool | None = Field(None, alias="Sticky", description="HCL `sticky`; default false; `bool`")
    migrate: bool | None = Field(None, alias="Migrate", description="HCL `migrate`; default false; `bool`")
    size_mb: Int64 | None = Field(
        None, alias="SizeMB", description="HCL `size`; default 300; `int` — HCL `size`; ≥10"
    )
