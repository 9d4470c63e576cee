"""Restart, reschedule, migrate, update and disconnect policies (job and group level)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ._base import NomadModel
from ._types import Duration, Int64

__all__ = ["RestartPolicy", "ReschedulePolicy", "MigrateStrategy", "UpdateStrategy", "DisconnectStrategy"]


class RestartPolicy(NomadModel):
    """HCL `restart`. Group and task level. Defaults depend on job type; group policy is always materialised by Canonicalize."""

    interval: Duration | None = Field(
        None,
        alias="Interval",
        description="HCL `interval`; default service/system 30m · other 24h; `time.Duration`",
    )
    attempts: Int64 | None = Field(
        None, alias="Attempts", description="HCL `attempts`; default service/system 2 · other 3; `int`"
    )
    delay: Duration | None = Field(
        None, alias="Delay", description="HCL `delay`; default 15s; `time.Duration`"
    )
    mode: Literal["delay", "fail"] | None = Field(
        None, alias="Mode", description="HCL `mode`; default 'fail'; `string` — fail · delay"
    )
    render_templates: bool | None = Field(
        None, alias="RenderTemplates", description="HCL `render_templates`; default false; `bool`"
    )


class ReschedulePolicy(NomadModel):
    """HCL `reschedule`. Job level (api only, merged into groups) and group level. Defaults depend on job type."""

    attempts: Int64 | None = Field(
        None, alias="Attempts", description="HCL `attempts`; default service 0 · batch 1 · other 0; `int`"
    )
    interval: Duration | None = Field(
        None,
        alias="Interval",
        description="HCL `interval`; default service 0 · batch 24h · other 0; `time.Duration`",
    )
    delay: Duration | None = Field(
        None,
        alias="Delay",
        description="HCL `delay`; default service 30s · batch 5s · other 0; `time.Duration`",
    )
    delay_function: Literal["", "constant", "exponential", "fibonacci"] | None = Field(
        None,
        alias="DelayFunction",
        description="HCL `delay_function`; default service 'exponential' · batch 'constant' · other ''; `string` — constant · exponential · fibonacci",
    )
    max_delay: Duration | None = Field(
        None,
        alias="MaxDelay",
        description="HCL `max_delay`; default service 1h · batch 0 · other 0; `time.Duration`",
    )
    unlimited: bool | None = Field(
        None,
        alias="Unlimited",
        description="HCL `unlimited`; default service true · batch false · other false; `bool`",
    )


class MigrateStrategy(NomadModel):
    """HCL `migrate`. Service jobs only. Job level (api only, merged) and group level."""

    max_parallel: Int64 | None = Field(
        None, alias="MaxParallel", description="HCL `max_parallel`; default 1; `int`"
    )
    health_check: Literal["", "checks", "task_states"] | None = Field(
        None,
        alias="HealthCheck",
        description="HCL `health_check`; default 'checks'; `string` — checks · task_states",
    )
    min_healthy_time: Duration | None = Field(
        None, alias="MinHealthyTime", description="HCL `min_healthy_time`; default 10s; `time.Duration`"
    )
    healthy_deadline: Duration | None = Field(
        None, alias="HealthyDeadline", description="HCL `healthy_deadline`; default 5m; `time.Duration`"
    )


class UpdateStrategy(NomadModel):
    """HCL `update`. Allowed at job and group level; service and system jobs only."""

    stagger: Duration | None = Field(
        None,
        alias="Stagger",
        description="HCL `stagger`; default 30s (30000000000); `time.Duration` — deprecated since 1.11 (equivalent to MinHealthyTime); still must be >0",
    )
    max_parallel: Int64 | None = Field(
        None, alias="MaxParallel", description="HCL `max_parallel`; default 1; `int`"
    )
    health_check: Literal["", "checks", "task_states", "manual"] | None = Field(
        None,
        alias="HealthCheck",
        description="HCL `health_check`; default 'checks'; `string` — checks · task_states · manual",
    )
    min_healthy_time: Duration | None = Field(
        None, alias="MinHealthyTime", description="HCL `min_healthy_time`; default 10s; `time.Duration`"
    )
    healthy_deadline: Duration | None = Field(
        None, alias="HealthyDeadline", description="HCL `healthy_deadline`; default 5m; `time.Duration`"
    )
    progress_deadline: Duration | None = Field(
        None, alias="ProgressDeadline", description="HCL `progress_deadline`; default 10m; `time.Duration`"
    )
    canary: Int64 | None = Field(None, alias="Canary", description="HCL `canary`; default 0; `int`")
    auto_revert: bool | None = Field(
        None, alias="AutoRevert", description="HCL `auto_revert`; default false; `bool`"
    )
    auto_promote: bool | None = Field(
        None, alias="AutoPromote", description="HCL `auto_promote`; default false; `bool`"
    )


class DisconnectStrategy(NomadModel):
    """HCL `disconnect` (group). Replaces the deprecated group fields max_client_disconnect / stop_after_client_disconnect / prevent_reschedule_on_lost."""

    lost_after: Duration | None = Field(
        None,
        alias="LostAfter",
        description="HCL `lost_after`; default —; `time.Duration` — server type **non-pointer** duration",
    )
    stop_on_client_after: Duration | None = Field(
        None,
        alias="StopOnClientAfter",
        description="HCL `stop_on_client_after`; default —; same — service/batch only",
    )
    replace: bool | None = Field(None, alias="Replace", description="HCL `replace`; default true; same")
    reconcile: Literal["", "best_score", "longest_running", "keep_original", "keep_replacement"] | None = (
        Field(
            None,
            alias="Reconcile",
            description="HCL `reconcile`; default 'best_score'; `string` — best_score · longest_running · keep_original · keep_replacement; server type plain string",
        )
    )
