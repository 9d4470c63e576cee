"""Restart, reschedule, migrate, update and disconnect policies (job and group level)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ._base import NomadModel
from ._types import Duration, Int64

__all__ = ["RestartPolicy", "ReschedulePolicy", "MigrateStrategy", "UpdateStrategy", "DisconnectStrategy"]


class RestartPolicy(NomadModel):
    """How Nomad restarts failed tasks on the same node (HCL `restart`), group or task level.

    Defaults depend on the job type: service and system jobs allow 2 restarts in 30m, others 3 in
    24h. A task-level policy is merged over its group's; only the group's policy is validated.
    """

    interval: Duration | None = Field(
        None,
        alias="Interval",
        description="Window that `Attempts` counts over, in ns; default 30m (service, system) or 24h.",
    )
    attempts: Int64 | None = Field(
        None,
        alias="Attempts",
        description="Restarts allowed per `Interval`; default 2 for service and system jobs, else 3.",
    )
    delay: Duration | None = Field(
        None, alias="Delay", description="Wait before restarting a failed task, in ns; default 15s."
    )
    # "" parses: Nomad never validates a task's policy, and a group's "" fails validation, not decoding.
    mode: Literal["", "delay", "fail"] | None = Field(
        None,
        alias="Mode",
        description="When attempts run out: `fail` the task or `delay` to the next interval; default fail.",
    )
    render_templates: bool | None = Field(
        None,
        alias="RenderTemplates",
        description="Render the task's templates again on each restart; default false.",
    )


class ReschedulePolicy(NomadModel):
    """How Nomad replaces failed allocations on other nodes (HCL `reschedule`), job or group level.

    The job-level `Reschedule` is merged into every group and not stored at job level. Defaults
    depend on the job type (service: unlimited with exponential delay; batch: one attempt in 24h);
    system and sysbatch jobs may not have one.
    """

    attempts: Int64 | None = Field(
        None,
        alias="Attempts",
        description="Reschedules allowed per `Interval`; default 1 for batch jobs, 0 for service jobs.",
    )
    interval: Duration | None = Field(
        None,
        alias="Interval",
        description="Window that `Attempts` counts over, in ns; default 24h for batch jobs.",
    )
    delay: Duration | None = Field(
        None,
        alias="Delay",
        description="Wait before rescheduling, in ns; default 30s (service) or 5s (batch); at least 5s.",
    )
    delay_function: Literal["", "constant", "exponential", "fibonacci"] | None = Field(
        None,
        alias="DelayFunction",
        description="Delay growth: constant, exponential or fibonacci; default exponential, batch constant.",
    )
    max_delay: Duration | None = Field(
        None,
        alias="MaxDelay",
        description="Upper bound of a growing delay, in ns; default 1h for service jobs.",
    )
    unlimited: bool | None = Field(
        None,
        alias="Unlimited",
        description="Reschedule without limit; default true for service, false for batch jobs.",
    )


class MigrateStrategy(NomadModel):
    """How allocations leave a draining node (HCL `migrate`), job or group level; service jobs only.

    The job-level `Migrate` is merged into every group and not stored at job level.
    """

    max_parallel: Int64 | None = Field(
        None,
        alias="MaxParallel",
        description="Allocations of the group migrated at the same time; default 1.",
    )
    health_check: Literal["", "checks", "task_states"] | None = Field(
        None,
        alias="HealthCheck",
        description="How a migrated allocation proves healthy: checks or task_states; default checks.",
    )
    min_healthy_time: Duration | None = Field(
        None,
        alias="MinHealthyTime",
        description="How long a migrated allocation must stay healthy, in ns; default 10s.",
    )
    healthy_deadline: Duration | None = Field(
        None,
        alias="HealthyDeadline",
        description="Time a migrated allocation has to become healthy, in ns; default 5m.",
    )


class UpdateStrategy(NomadModel):
    """Rolling updates and deployments (HCL `update`), job or group level; service and system jobs only.

    A job-level block is merged into every group; the stored job keeps only `Stagger` and
    `MaxParallel` at job level.
    """

    stagger: Duration | None = Field(
        None,
        alias="Stagger",
        description="Deprecated, treated like `MinHealthyTime`, in ns; default 30s, must be positive.",
    )
    max_parallel: Int64 | None = Field(
        None,
        alias="MaxParallel",
        description="Allocations updated at the same time; default 1; 0 turns rolling updates off.",
    )
    health_check: Literal["", "checks", "task_states", "manual"] | None = Field(
        None,
        alias="HealthCheck",
        description="How a new allocation proves healthy: checks, task_states or manual; default checks.",
    )
    min_healthy_time: Duration | None = Field(
        None,
        alias="MinHealthyTime",
        description="How long a new allocation must stay healthy, in ns; default 10s.",
    )
    healthy_deadline: Duration | None = Field(
        None,
        alias="HealthyDeadline",
        description="Time a new allocation has to become healthy, in ns; default 5m.",
    )
    progress_deadline: Duration | None = Field(
        None,
        alias="ProgressDeadline",
        description="Time to get an allocation healthy before the deployment fails, in ns; default 10m.",
    )
    canary: Int64 | None = Field(
        None,
        alias="Canary",
        description="Canary allocations started before a change rolls out; default 0 (no canaries).",
    )
    auto_revert: bool | None = Field(
        None,
        alias="AutoRevert",
        description="Revert to the last stable job version when the deployment fails; default false.",
    )
    auto_promote: bool | None = Field(
        None,
        alias="AutoPromote",
        description="Promote canaries once all are healthy; needs `Canary` above 0; default false.",
    )


class DisconnectStrategy(NomadModel):
    """What happens to a group's allocations when their client node disconnects (HCL `disconnect`).

    Replaces the deprecated group fields `MaxClientDisconnect`, `StopAfterClientDisconnect` and
    `PreventRescheduleOnLost`, which Nomad 2.0 ignores.
    """

    lost_after: Duration | None = Field(
        None,
        alias="LostAfter",
        description="How long allocations stay unknown before they count as lost, in ns.",
    )
    stop_on_client_after: Duration | None = Field(
        None,
        alias="StopOnClientAfter",
        description="Disconnected client stops its allocations after this, in ns; service and batch.",
    )
    replace: bool | None = Field(
        None,
        alias="Replace",
        description="Start replacements elsewhere while the node is disconnected; default true.",
    )
    reconcile: Literal["", "best_score", "longest_running", "keep_original", "keep_replacement"] | None = (
        Field(
            None,
            alias="Reconcile",
            description="Which allocation to keep when the node reconnects; default best_score.",
        )
    )
