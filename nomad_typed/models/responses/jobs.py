"""What the job endpoints return: list stubs, summaries, write results, versions, scaling, actions."""

from __future__ import annotations

from typing import ClassVar

from pydantic import Field

from .._base import NomadModel
from .._types import Int64, JSONObject, NanoTime, Timestamp, UInt64
from ..job import Job, Multiregion
from ..task import Action
from ._meta import QueryMetaBody, WriteMetaBody
from .diff import JobDiff
from .evaluation import Evaluation
from .metrics import AllocMetric
from .plan import PlanAnnotations

__all__ = [
    "JobPlanResponse",
    "JobAction",
    "JobChildrenSummary",
    "JobDeregisterResponse",
    "JobDispatchResponse",
    "JobListStub",
    "JobRegisterResponse",
    "JobScaleStatus",
    "JobScaleStatusResponse",
    "JobStabilityResponse",
    "JobSummary",
    "JobTagResponse",
    "JobValidateResponse",
    "JobVersionsResponse",
    "PeriodicForceResponse",
    "ScalingEvent",
    "TaskGroupScaleStatus",
    "TaskGroupSummary",
]


class JobListStub(NomadModel):
    """One job in the list returned by ``GET /v1/jobs``."""

    STATUS_PENDING: ClassVar[str] = "pending"
    STATUS_RUNNING: ClassVar[str] = "running"
    STATUS_DEAD: ClassVar[str] = "dead"
    TYPE_SERVICE: ClassVar[str] = "service"
    TYPE_BATCH: ClassVar[str] = "batch"
    TYPE_SYSTEM: ClassVar[str] = "system"
    TYPE_SYSBATCH: ClassVar[str] = "sysbatch"

    id: str | None = Field(None, alias="ID", description="Job ID")
    parent_id: str | None = Field(
        None,
        alias="ParentID",
        description="ID of the parent of a dispatched or periodic child job; empty otherwise",
    )
    name: str | None = Field(None, alias="Name", description="Job name")
    namespace: str | None = Field(
        None, alias="Namespace", description="Namespace of the job; absent when empty"
    )
    datacenters: list[str] | None = Field(
        None, alias="Datacenters", description="Datacenters the job may be placed in (globs allowed)"
    )
    node_pool: str | None = Field(None, alias="NodePool", description="Node pool the job is placed in")
    multiregion: Multiregion | None = Field(
        None, alias="Multiregion", description="Multiregion deployment settings (Enterprise); null otherwise"
    )
    type: str | None = Field(None, alias="Type", description="Job type: service, batch, system or sysbatch")
    priority: Int64 | None = Field(None, alias="Priority", description="Scheduling priority")
    periodic: bool | None = Field(
        None,
        alias="Periodic",
        description="Whether the job has a periodic block (a flag here, not the block)",
    )
    parameterized_job: bool | None = Field(
        None,
        alias="ParameterizedJob",
        description="Whether the job is a parameterized parent (false for its dispatched children)",
    )
    stop: bool | None = Field(None, alias="Stop", description="Whether the job is marked to be stopped")
    status: str | None = Field(None, alias="Status", description="Job status: pending, running or dead")
    status_description: str | None = Field(
        None, alias="StatusDescription", description="Human-readable detail about the status"
    )
    job_summary: JobSummary | None = Field(
        None, alias="JobSummary", description="Allocation counts per task group and counts of child jobs"
    )
    create_index: UInt64 | None = Field(
        None, alias="CreateIndex", description="Raft index at which the job was created"
    )
    modify_index: UInt64 | None = Field(
        None, alias="ModifyIndex", description="Raft index of the latest change to the job or its status"
    )
    job_modify_index: UInt64 | None = Field(
        None, alias="JobModifyIndex", description="Raft index of the latest change to the job specification"
    )
    submit_time: NanoTime | None = Field(
        None, alias="SubmitTime", description="When the current version was submitted, in Unix nanoseconds"
    )
    meta: dict[str, str] | None = Field(
        None, alias="Meta", description="Job metadata; only sent with `?meta=true`, absent when empty"
    )


class JobSummary(NomadModel):
    """Allocation counts of a job: ``GET /v1/job/:job_id/summary``, and ``JobListStub.JobSummary``."""

    job_id: str | None = Field(None, alias="JobID", description="ID of the summarized job")
    namespace: str | None = Field(None, alias="Namespace", description="Namespace of the job")
    summary: dict[str, TaskGroupSummary] | None = Field(
        None, alias="Summary", description="Allocation counts keyed by task group name"
    )
    children: JobChildrenSummary | None = Field(
        None,
        alias="Children",
        description="Child job counts of periodic and parameterized parents; all zero for other jobs",
    )
    create_index: UInt64 | None = Field(
        None, alias="CreateIndex", description="Raft index at which the summary was created"
    )
    modify_index: UInt64 | None = Field(
        None, alias="ModifyIndex", description="Raft index of the latest change to the summary"
    )


class TaskGroupSummary(NomadModel):
    """Allocation counts of one task group, a value of ``JobSummary.Summary``."""

    queued: Int64 | None = Field(None, alias="Queued", description="Allocations waiting to be placed")
    complete: Int64 | None = Field(None, alias="Complete", description="Allocations that completed")
    failed: Int64 | None = Field(None, alias="Failed", description="Allocations that failed")
    running: Int64 | None = Field(None, alias="Running", description="Allocations running")
    starting: Int64 | None = Field(
        None, alias="Starting", description="Allocations placed on a node but not yet running"
    )
    lost: Int64 | None = Field(None, alias="Lost", description="Allocations lost with their node")
    unknown: Int64 | None = Field(
        None,
        alias="Unknown",
        description="Allocations on disconnected nodes, state unknown; absent before 1.3",
    )


class JobChildrenSummary(NomadModel):
    """Child job counts of a periodic or parameterized parent, ``JobSummary.Children``."""

    pending: Int64 | None = Field(None, alias="Pending", description="Child jobs pending")
    running: Int64 | None = Field(None, alias="Running", description="Child jobs running")
    dead: Int64 | None = Field(None, alias="Dead", description="Child jobs finished or stopped")


class JobRegisterResponse(QueryMetaBody):
    """Result of a job write that creates an evaluation.

    Returned by ``PUT /v1/jobs`` and ``PUT /v1/job/:job_id`` (register, update),
    ``PUT /v1/job/:job_id/evaluate``, ``PUT /v1/job/:job_id/revert`` and ``PUT /v1/job/:job_id/scale``.
    """

    eval_id: str | None = Field(
        None,
        alias="EvalID",
        description="ID of the evaluation created; empty for periodic/parameterized jobs and no-op updates",
    )
    eval_create_index: UInt64 | None = Field(
        None, alias="EvalCreateIndex", description="Raft index at which the evaluation was created"
    )
    job_modify_index: UInt64 | None = Field(
        None, alias="JobModifyIndex", description="Raft index of the job write"
    )
    warnings: str | None = Field(
        None,
        alias="Warnings",
        description="Non-fatal warnings as one text ('N warning(s):' then '* …' lines); empty when none",
    )


class JobDeregisterResponse(QueryMetaBody):
    """Result of ``DELETE /v1/job/:job_id`` (stop or purge a job)."""

    eval_id: str | None = Field(
        None,
        alias="EvalID",
        description="ID of the evaluation that stops the allocations; empty when there was no such job",
    )
    eval_create_index: UInt64 | None = Field(
        None, alias="EvalCreateIndex", description="Raft index at which the evaluation was created"
    )
    job_modify_index: UInt64 | None = Field(
        None, alias="JobModifyIndex", description="Raft index of the job write; 0 when there was no such job"
    )
    volume_eval_id: str | None = Field(
        None, alias="VolumeEvalID", description="ID of the evaluation that releases the job's volume claims"
    )
    volume_eval_index: UInt64 | None = Field(
        None,
        alias="VolumeEvalIndex",
        description="Raft index at which the volume-claim evaluation was created",
    )


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


class JobDispatchResponse(WriteMetaBody):
    """Result of ``PUT /v1/job/:job_id/dispatch`` (and ``/dispatch/payload``)."""

    dispatched_job_id: str | None = Field(
        None, alias="DispatchedJobID", description="ID of the child job, '<parent>/dispatch-<time>-<suffix>'"
    )
    eval_id: str | None = Field(
        None,
        alias="EvalID",
        description="ID of the evaluation of the child job; empty when the parent is also periodic",
    )
    eval_create_index: UInt64 | None = Field(
        None, alias="EvalCreateIndex", description="Raft index at which the evaluation was created"
    )
    job_create_index: UInt64 | None = Field(
        None,
        alias="JobCreateIndex",
        description="Raft index at which the child job was created (the existing child's on a token reuse)",
    )


class JobStabilityResponse(WriteMetaBody):
    """Result of ``PUT /v1/job/:job_id/stable``: only ``Index``.

    The Go api client and Nomad's documentation name a ``JobModifyIndex`` key, which the server
    never sends.
    """


class JobValidateResponse(NomadModel):
    """Result of ``PUT /v1/validate/job``; HTTP 200 even when the job is invalid."""

    driver_config_validated: bool | None = Field(
        None, alias="DriverConfigValidated", description="Whether task driver configurations were validated"
    )
    validation_errors: list[str] | None = Field(
        None,
        alias="ValidationErrors",
        description="One message per top-level validation error; null when valid",
    )
    error: str | None = Field(
        None, alias="Error", description="All validation errors as one multi-error text; empty when valid"
    )
    warnings: str | None = Field(
        None,
        alias="Warnings",
        description="Non-fatal warnings as one text ('N warning(s):' then '* …' lines); empty when none",
    )


class JobVersionsResponse(QueryMetaBody):
    """Result of ``GET /v1/job/:job_id/versions``."""

    versions: list[Job] | None = Field(
        None, alias="Versions", description="Stored versions of the job, newest first"
    )
    diffs: list[JobDiff] | None = Field(
        None,
        alias="Diffs",
        description="Diffs[i] compares Versions[i] with the version before it; only with `?diffs=true`",
    )


class PeriodicForceResponse(WriteMetaBody):
    """Result of ``PUT /v1/job/:job_id/periodic/force``."""

    eval_id: str | None = Field(
        None, alias="EvalID", description="ID of the evaluation of the launched child job"
    )
    eval_create_index: UInt64 | None = Field(
        None, alias="EvalCreateIndex", description="Raft index at which the evaluation was created"
    )


class JobTagResponse(QueryMetaBody):
    """Result of ``PUT`` and ``DELETE /v1/job/:job_id/versions/:tag_name/tag``."""

    name: str | None = Field(None, alias="Name", description="Name of the tag applied; empty after a delete")
    description: str | None = Field(
        None, alias="Description", description="Description of the tag applied; empty after a delete"
    )
    tagged_time: NanoTime | None = Field(
        None,
        alias="TaggedTime",
        description="When the tag was applied, in Unix nanoseconds; 0 after a delete",
    )


class JobScaleStatus(NomadModel):
    """Scaling status of a job: ``GET /v1/job/:job_id/scale``."""

    job_id: str | None = Field(None, alias="JobID", description="Job ID")
    namespace: str | None = Field(None, alias="Namespace", description="Namespace of the job")
    job_create_index: UInt64 | None = Field(
        None, alias="JobCreateIndex", description="Raft index at which the job was created"
    )
    job_modify_index: UInt64 | None = Field(
        None, alias="JobModifyIndex", description="Raft index of the latest change to the job specification"
    )
    job_stopped: bool | None = Field(None, alias="JobStopped", description="Whether the job is stopped")
    task_groups: dict[str, TaskGroupScaleStatus] | None = Field(
        None, alias="TaskGroups", description="Scaling status keyed by task group name"
    )


class TaskGroupScaleStatus(NomadModel):
    """Scaling status of one task group, a value of ``JobScaleStatus.TaskGroups``."""

    desired: Int64 | None = Field(None, alias="Desired", description="Count set in the job specification")
    placed: Int64 | None = Field(None, alias="Placed", description="Allocations placed")
    running: Int64 | None = Field(None, alias="Running", description="Allocations running")
    healthy: Int64 | None = Field(
        None, alias="Healthy", description="Allocations marked healthy by the latest deployment"
    )
    unhealthy: Int64 | None = Field(
        None, alias="Unhealthy", description="Allocations marked unhealthy by the latest deployment"
    )
    events: list[ScalingEvent] | None = Field(
        None, alias="Events", description="Latest scaling events, newest first (at most 20)"
    )


class ScalingEvent(NomadModel):
    """One scaling event of a task group, an element of ``TaskGroupScaleStatus.Events``."""

    time: NanoTime | None = Field(
        None, alias="Time", description="When the event happened, in Unix nanoseconds"
    )
    count: Int64 | None = Field(
        None, alias="Count", description="Count requested; null for informational or error events"
    )
    previous_count: Int64 | None = Field(None, alias="PreviousCount", description="Count before the event")
    message: str | None = Field(None, alias="Message", description="What happened, as given by the scaler")
    error: bool | None = Field(None, alias="Error", description="Whether the event reports an error")
    meta: JSONObject | None = Field(
        None, alias="Meta", description="Free-form details supplied by the scaler (e.g. the autoscaler)"
    )
    eval_id: str | None = Field(
        None, alias="EvalID", description="ID of the evaluation the scaling created; null when none was"
    )
    create_index: UInt64 | None = Field(
        None, alias="CreateIndex", description="Raft index at which the event was recorded"
    )


class JobAction(Action):
    """An action a job's task defines, an element of ``GET /v1/job/:job_id/actions``."""

    task_name: str | None = Field(
        None, alias="TaskName", description="Name of the task that defines the action"
    )
    task_group_name: str | None = Field(
        None, alias="TaskGroupName", description="Name of the task group of that task"
    )


#: The Go api client's name for :class:`JobScaleStatus`.
JobScaleStatusResponse = JobScaleStatus
