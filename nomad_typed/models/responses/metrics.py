"""Placement metrics: how the scheduler searched for nodes for an allocation or a task group."""

from __future__ import annotations

from pydantic import Field

from .._base import NomadModel
from .._types import Duration, Int64
from ..resources import Resources

__all__ = ["AllocMetric", "AllocationMetric", "NodeScoreMeta"]


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
