"""The scheduler's plan annotations: what it intends to do per task group."""

from __future__ import annotations

from pydantic import Field

from .._base import NomadModel
from .._types import UInt64
from .allocation import AllocListStub

__all__ = ["DesiredUpdates", "PlanAnnotations"]


class PlanAnnotations(NomadModel):
    """The scheduler's decisions: ``JobPlanResponse.Annotations`` and ``Evaluation.PlanAnnotations``."""

    desired_tg_updates: dict[str, DesiredUpdates] | None = Field(
        None, alias="DesiredTGUpdates", description="Intended changes keyed by task group name"
    )
    preempted_allocs: list[AllocListStub] | None = Field(
        None, alias="PreemptedAllocs", description="Allocations that would be preempted"
    )


class DesiredUpdates(NomadModel):
    """Allocation counts of what the scheduler intends for one task group, given enough capacity."""

    ignore: UInt64 | None = Field(None, alias="Ignore", description="Allocations left as they are")
    place: UInt64 | None = Field(None, alias="Place", description="Allocations to place")
    migrate: UInt64 | None = Field(
        None, alias="Migrate", description="Allocations to move off draining nodes"
    )
    stop: UInt64 | None = Field(None, alias="Stop", description="Allocations to stop")
    in_place_update: UInt64 | None = Field(
        None, alias="InPlaceUpdate", description="Allocations to update in place"
    )
    destructive_update: UInt64 | None = Field(
        None, alias="DestructiveUpdate", description="Allocations to replace with new ones"
    )
    canary: UInt64 | None = Field(None, alias="Canary", description="Canaries to place")
    preemptions: UInt64 | None = Field(None, alias="Preemptions", description="Allocations to preempt")
    disconnect: UInt64 | None = Field(
        None, alias="Disconnect", description="Allocations on disconnected nodes to mark unknown"
    )
    reconnect: UInt64 | None = Field(
        None, alias="Reconnect", description="Allocations on reconnected nodes to reconcile"
    )
    reschedule_now: UInt64 | None = Field(
        None, alias="RescheduleNow", description="Failed allocations to reschedule now"
    )
    reschedule_later: UInt64 | None = Field(
        None, alias="RescheduleLater", description="Failed allocations to reschedule after a delay"
    )
