"""Job plans: the plan result, the scheduler's annotations and its placement metrics."""

from __future__ import annotations

from pydantic import Field

from .._base import NomadModel
from .._types import Duration, Int64, Timestamp, UInt64
from ..resources import Resources
from ._meta import WriteMetaBody
from .allocation import Allocation, AllocListStub
from .diff import JobDiff
from .evaluation import Evaluation

__all__ = [
    "AllocMetric",
    "AllocationMetric",
    "DesiredUpdates",
    "JobPlanResponse",
    "NodeScoreMeta",
    "PlanAnnotations",
]


class JobPlanResponse(WriteMetaBody):
    """Result of ``POST /v1/job/:job_id/plan``: what registering the job would do, without doing it."""

    annotations: PlanAnnotations | None = Field(
        None, alias="Annotations", description="What the scheduler would do per task group"
    )
    failed_tg_allocs: dict[str, AllocMetric] | None = Field(
        None,
        alias="FailedTGAllocs",
        description="Why placements would fail, keyed by task group; null if none",
    )
    job_modify_index: UInt64 | None = Field(
        None,
        alias="JobModifyIndex",
        description="Current JobModifyIndex; send it back with EnforceIndex to register only if unchanged",
    )
    created_evals: list[Evaluation] | None = Field(
        None, alias="CreatedEvals", description="Blocked evaluations that registering would create"
    )
    diff: JobDiff | None = Field(
        None,
        alias="Diff",
        description="Changes against the registered job; null unless the plan asked for a diff",
    )
    next_periodic_launch: Timestamp = Field(
        None, alias="NextPeriodicLaunch", description="Next launch of a periodic job; null for other jobs"
    )
    warnings: str | None = Field(
        None,
        alias="Warnings",
        description="Non-fatal warnings as one text ('N warning(s):' then '* …' lines); empty when none",
    )


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


class AllocMetric(NomadModel):
    """How the scheduler searched for a node: ``Allocation.Metrics`` and the values of ``FailedTGAllocs``."""

    nodes_evaluated: Int64 | None = Field(None, alias="NodesEvaluated", description="Nodes evaluated")
    nodes_filtered: Int64 | None = Field(
        None, alias="NodesFiltered", description="Nodes filtered out by constraints"
    )
    nodes_in_pool: Int64 | None = Field(
        None, alias="NodesInPool", description="Nodes in the node pool the job uses"
    )
    node_pool: str | None = Field(None, alias="NodePool", description="Node pool the job uses")
    nodes_available: dict[str, Int64] | None = Field(
        None, alias="NodesAvailable", description="Nodes available for evaluation, keyed by datacenter"
    )
    class_filtered: dict[str, Int64] | None = Field(
        None, alias="ClassFiltered", description="Nodes filtered out, keyed by node class"
    )
    constraint_filtered: dict[str, Int64] | None = Field(
        None,
        alias="ConstraintFiltered",
        description="Nodes filtered out, keyed by the constraint that failed",
    )
    nodes_exhausted: Int64 | None = Field(
        None, alias="NodesExhausted", description="Nodes skipped because a resource ran out"
    )
    class_exhausted: dict[str, Int64] | None = Field(
        None, alias="ClassExhausted", description="Nodes out of resources, keyed by node class"
    )
    dimension_exhausted: dict[str, Int64] | None = Field(
        None,
        alias="DimensionExhausted",
        description="Nodes out of resources, keyed by dimension or reason (e.g. 'memory')",
    )
    quota_exhausted: list[str] | None = Field(
        None, alias="QuotaExhausted", description="Quota dimensions that ran out (Enterprise)"
    )
    resources_exhausted: dict[str, Resources] | None = Field(
        None, alias="ResourcesExhausted", description="Resources that did not fit, keyed by task name"
    )
    scores: dict[str, float] | None = Field(
        None, alias="Scores", description="Deprecated scores of the final nodes; see ScoreMetaData"
    )
    score_meta_data: list[NodeScoreMeta] | None = Field(
        None, alias="ScoreMetaData", description="Scores of the top-scoring nodes"
    )
    allocation_time: Duration | None = Field(
        None, alias="AllocationTime", description="Time the placement attempt took, in nanoseconds"
    )
    coalesced_failures: Int64 | None = Field(
        None,
        alias="CoalescedFailures",
        description="Other failed placements of the group folded into this one",
    )


class NodeScoreMeta(NomadModel):
    """Scores of one node, an element of ``AllocMetric.ScoreMetaData``."""

    node_id: str | None = Field(None, alias="NodeID", description="Node ID")
    scores: dict[str, float] | None = Field(
        None, alias="Scores", description="Score from each scorer (e.g. 'binpack'), keyed by scorer name"
    )
    norm_score: float | None = Field(
        None, alias="NormScore", description="Normalized final score of the node"
    )


#: The Go api client's name for :class:`AllocMetric`.
AllocationMetric = AllocMetric

# Allocation and Evaluation refer to AllocMetric and PlanAnnotations, which in turn need
# allocation.py and evaluation.py; their references can only be resolved here.
Allocation.model_rebuild(_types_namespace={"AllocMetric": AllocMetric})
Evaluation.model_rebuild(_types_namespace={"AllocMetric": AllocMetric, "PlanAnnotations": PlanAnnotations})
