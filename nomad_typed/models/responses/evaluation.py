"""Evaluations: the scheduler's units of work, and their count."""

from __future__ import annotations

from typing import ClassVar

from pydantic import Field

from .._base import NomadModel
from .._types import Duration, Int64, NanoTime, Timestamp, UInt64
from ._meta import QueryMetaBody
from .metrics import AllocMetric
from .plan import PlanAnnotations

__all__ = ["EvalCountResponse", "Evaluation", "EvaluationStub"]


class _EvaluationCommon(NomadModel):
    """The fields an evaluation stub shares with the full evaluation, and the status and trigger names."""

    STATUS_BLOCKED: ClassVar[str] = "blocked"
    STATUS_PENDING: ClassVar[str] = "pending"
    STATUS_COMPLETE: ClassVar[str] = "complete"
    STATUS_FAILED: ClassVar[str] = "failed"
    STATUS_CANCELED: ClassVar[str] = "canceled"
    TYPE_SERVICE: ClassVar[str] = "service"
    TYPE_BATCH: ClassVar[str] = "batch"
    TYPE_SYSTEM: ClassVar[str] = "system"
    TYPE_SYSBATCH: ClassVar[str] = "sysbatch"
    TYPE_CORE: ClassVar[str] = "_core"
    TRIGGER_JOB_REGISTER: ClassVar[str] = "job-register"
    TRIGGER_JOB_DEREGISTER: ClassVar[str] = "job-deregister"
    TRIGGER_PERIODIC_JOB: ClassVar[str] = "periodic-job"
    TRIGGER_NODE_DRAIN: ClassVar[str] = "node-drain"
    TRIGGER_NODE_UPDATE: ClassVar[str] = "node-update"
    TRIGGER_ALLOC_STOP: ClassVar[str] = "alloc-stop"
    TRIGGER_SCHEDULED: ClassVar[str] = "scheduled"
    TRIGGER_ROLLING_UPDATE: ClassVar[str] = "rolling-update"
    TRIGGER_DEPLOYMENT_WATCHER: ClassVar[str] = "deployment-watcher"
    TRIGGER_FAILED_FOLLOW_UP: ClassVar[str] = "failed-follow-up"
    TRIGGER_MAX_PLANS: ClassVar[str] = "max-plan-attempts"
    TRIGGER_RETRY_FAILED_ALLOC: ClassVar[str] = "alloc-failure"
    TRIGGER_QUEUED_ALLOCS: ClassVar[str] = "queued-allocs"
    TRIGGER_PREEMPTION: ClassVar[str] = "preemption"
    TRIGGER_SCALING: ClassVar[str] = "job-scaling"
    TRIGGER_MAX_DISCONNECT_TIMEOUT: ClassVar[str] = "max-disconnect-timeout"
    TRIGGER_RECONNECT: ClassVar[str] = "reconnect"
    TRIGGER_ALLOC_RESCHEDULE: ClassVar[str] = "alloc-reschedule"

    id: str | None = Field(None, alias="ID", description="Evaluation ID")
    namespace: str | None = Field(None, alias="Namespace", description="Namespace of the job")
    priority: Int64 | None = Field(None, alias="Priority", description="Priority, taken from the job")
    type: str | None = Field(
        None, alias="Type", description="Type of the job evaluated (service, batch …), or '_core'"
    )
    triggered_by: str | None = Field(
        None,
        alias="TriggeredBy",
        description="What created the evaluation, e.g. 'job-register' or 'node-update'",
    )
    job_id: str | None = Field(None, alias="JobID", description="ID of the job evaluated")
    node_id: str | None = Field(None, alias="NodeID", description="ID of the node whose change triggered it")
    deployment_id: str | None = Field(
        None, alias="DeploymentID", description="ID of the deployment that triggered it"
    )
    status: str | None = Field(
        None, alias="Status", description="Status: blocked, pending, complete, failed or canceled"
    )
    status_description: str | None = Field(
        None, alias="StatusDescription", description="Human-readable detail of the status"
    )
    wait_until: Timestamp = Field(
        None,
        alias="WaitUntil",
        description="When to run it (delayed reschedules and disconnects); null if unset",
    )
    next_eval: str | None = Field(
        None,
        alias="NextEval",
        description="ID of the evaluation that follows this one (e.g. a rolling update)",
    )
    previous_eval: str | None = Field(
        None, alias="PreviousEval", description="ID of the evaluation that created this one"
    )
    blocked_eval: str | None = Field(
        None, alias="BlockedEval", description="ID of the blocked evaluation created for unplaced allocations"
    )
    create_index: UInt64 | None = Field(
        None, alias="CreateIndex", description="Raft index at which the evaluation was created"
    )
    modify_index: UInt64 | None = Field(
        None, alias="ModifyIndex", description="Raft index of the latest change to the evaluation"
    )
    create_time: NanoTime | None = Field(
        None, alias="CreateTime", description="When the evaluation was created, in Unix nanoseconds"
    )
    modify_time: NanoTime | None = Field(
        None, alias="ModifyTime", description="When the evaluation last changed, in Unix nanoseconds"
    )


class EvaluationStub(_EvaluationCommon):
    """A related evaluation, an element of ``Evaluation.RelatedEvals``."""


class Evaluation(_EvaluationCommon):
    """An evaluation: the elements of ``GET /v1/job/:job_id/evaluations`` and ``GET /v1/evaluations``,
    ``GET /v1/evaluation/:eval_id``, and ``JobPlanResponse.CreatedEvals``.

    Nomad leaves out every empty field of an evaluation, so any key may be absent.
    """

    job_modify_index: UInt64 | None = Field(
        None, alias="JobModifyIndex", description="JobModifyIndex of the job when the evaluation was created"
    )
    node_modify_index: UInt64 | None = Field(
        None, alias="NodeModifyIndex", description="ModifyIndex of that node when the evaluation was created"
    )
    wait: Duration | None = Field(
        None,
        alias="Wait",
        description="Deprecated minimum wait before processing, in nanoseconds; see WaitUntil",
    )
    related_evals: list[EvaluationStub] | None = Field(
        None,
        alias="RelatedEvals",
        description="Next, previous and blocked evaluations; only with `?related=true`",
    )
    failed_tg_allocs: dict[str, AllocMetric] | None = Field(
        None, alias="FailedTGAllocs", description="Why placements failed, keyed by task group name"
    )
    plan_annotations: PlanAnnotations | None = Field(
        None,
        alias="PlanAnnotations",
        description="What the scheduler decided per task group, when it annotated its plan",
    )
    class_eligibility: dict[str, bool] | None = Field(
        None,
        alias="ClassEligibility",
        description="Computed node classes marked eligible (true) or ineligible (false)",
    )
    quota_limit_reached: str | None = Field(
        None, alias="QuotaLimitReached", description="Quota whose limit was reached (Enterprise)"
    )
    missing_non_node_resources: list[str] | None = Field(
        None,
        alias="MissingNonNodeResources",
        description="Resources outside nodes (e.g. volumes) whose absence blocks the evaluation",
    )
    escaped_computed_class: bool | None = Field(
        None,
        alias="EscapedComputedClass",
        description="Whether the job's constraints escape node classes, defeating class-based blocking",
    )
    annotate_plan: bool | None = Field(
        None,
        alias="AnnotatePlan",
        description="Whether the scheduler adds annotations to its plan (not in normal operation)",
    )
    queued_allocations: dict[str, Int64] | None = Field(
        None,
        alias="QueuedAllocations",
        description="Allocations left unplaced when processed, keyed by task group name",
    )
    leader_acl: str | None = Field(
        None, alias="LeaderACL", description="Internal leader token; normally empty and so absent"
    )
    snapshot_index: UInt64 | None = Field(
        None, alias="SnapshotIndex", description="Raft index of the state snapshot the scheduler used"
    )


class EvalCountResponse(QueryMetaBody):
    """Result of ``GET /v1/evaluations/count``."""

    count: Int64 | None = Field(None, alias="Count", description="Number of evaluations matching the query")
