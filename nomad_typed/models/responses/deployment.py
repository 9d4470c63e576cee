"""Deployments: the rollout of a job version, and the result of acting on one."""

from __future__ import annotations

from typing import ClassVar

from pydantic import Field

from .._base import NomadModel
from .._types import Duration, Int64, NanoTime, Timestamp, UInt64
from ._meta import WriteMetaBody

__all__ = ["Deployment", "DeploymentState", "DeploymentUpdateResponse"]


class Deployment(NomadModel):
    """A deployment: ``GET /v1/deployment/:deployment_id``, ``GET /v1/job/:job_id/deployment``,
    and the elements of ``GET /v1/job/:job_id/deployments`` and ``GET /v1/deployments``.
    """

    STATUS_RUNNING: ClassVar[str] = "running"
    STATUS_PAUSED: ClassVar[str] = "paused"
    STATUS_FAILED: ClassVar[str] = "failed"
    STATUS_SUCCESSFUL: ClassVar[str] = "successful"
    STATUS_CANCELLED: ClassVar[str] = "cancelled"
    STATUS_INITIALIZING: ClassVar[str] = "initializing"
    STATUS_PENDING: ClassVar[str] = "pending"
    STATUS_BLOCKED: ClassVar[str] = "blocked"
    STATUS_UNBLOCKING: ClassVar[str] = "unblocking"

    id: str | None = Field(None, alias="ID", description="Deployment ID")
    namespace: str | None = Field(None, alias="Namespace", description="Namespace of the job")
    job_id: str | None = Field(None, alias="JobID", description="ID of the job deployed")
    job_version: UInt64 | None = Field(None, alias="JobVersion", description="Job version deployed")
    job_modify_index: UInt64 | None = Field(
        None, alias="JobModifyIndex", description="ModifyIndex of the job version deployed"
    )
    job_spec_modify_index: UInt64 | None = Field(
        None, alias="JobSpecModifyIndex", description="JobModifyIndex of the job version deployed"
    )
    job_create_index: UInt64 | None = Field(
        None,
        alias="JobCreateIndex",
        description="CreateIndex of the job; tells apart a job stopped and rerun",
    )
    is_multiregion: bool | None = Field(
        None, alias="IsMultiregion", description="Whether the deployment is part of a multiregion deployment"
    )
    task_groups: dict[str, DeploymentState] | None = Field(
        None, alias="TaskGroups", description="Progress of each task group deployed, keyed by group name"
    )
    status: str | None = Field(
        None, alias="Status", description="Status: running, paused, failed, successful, cancelled …"
    )
    status_description: str | None = Field(
        None, alias="StatusDescription", description="Human-readable detail, e.g. 'Deployment is running'"
    )
    eval_priority: Int64 | None = Field(
        None, alias="EvalPriority", description="Priority the deployment's evaluations inherit"
    )
    create_index: UInt64 | None = Field(
        None, alias="CreateIndex", description="Raft index at which the deployment was created"
    )
    modify_index: UInt64 | None = Field(
        None, alias="ModifyIndex", description="Raft index of the latest change to the deployment"
    )
    create_time: NanoTime | None = Field(
        None, alias="CreateTime", description="When the deployment was created, in Unix nanoseconds"
    )
    modify_time: NanoTime | None = Field(
        None, alias="ModifyTime", description="When the deployment last changed, in Unix nanoseconds"
    )


class DeploymentState(NomadModel):
    """Deployment progress of one task group, a value of ``Deployment.TaskGroups``."""

    auto_revert: bool | None = Field(
        None,
        alias="AutoRevert",
        description="Whether the job is reverted to its last stable version on failure",
    )
    auto_promote: bool | None = Field(
        None, alias="AutoPromote", description="Whether canaries are promoted once all are healthy"
    )
    progress_deadline: Duration | None = Field(
        None,
        alias="ProgressDeadline",
        description="Time an allocation has to become healthy before the deployment fails, in nanoseconds",
    )
    require_progress_by: Timestamp = Field(
        None,
        alias="RequireProgressBy",
        description="When the deployment fails without progress; null if unset",
    )
    promoted: bool | None = Field(None, alias="Promoted", description="Whether the canaries were promoted")
    placed_canaries: list[str] | None = Field(
        None, alias="PlacedCanaries", description="IDs of the canary allocations placed"
    )
    desired_canaries: Int64 | None = Field(None, alias="DesiredCanaries", description="Canaries to place")
    desired_total: Int64 | None = Field(
        None, alias="DesiredTotal", description="Allocations the deployment is to place in total"
    )
    placed_allocs: Int64 | None = Field(None, alias="PlacedAllocs", description="Allocations placed")
    healthy_allocs: Int64 | None = Field(
        None, alias="HealthyAllocs", description="Allocations marked healthy"
    )
    unhealthy_allocs: Int64 | None = Field(
        None, alias="UnhealthyAllocs", description="Allocations marked unhealthy"
    )


class DeploymentUpdateResponse(WriteMetaBody):
    """Result of acting on a deployment.

    Returned by ``POST /v1/deployment/promote/:id``, ``…/pause/:id``, ``…/fail/:id``,
    ``…/unblock/:id`` and ``…/allocation-health/:id``.
    """

    eval_id: str | None = Field(
        None, alias="EvalID", description="ID of the evaluation created; empty when none was"
    )
    eval_create_index: UInt64 | None = Field(
        None, alias="EvalCreateIndex", description="Raft index at which the evaluation was created"
    )
    deployment_modify_index: UInt64 | None = Field(
        None, alias="DeploymentModifyIndex", description="Raft index of the deployment change"
    )
    reverted_job_version: UInt64 | None = Field(
        None,
        alias="RevertedJobVersion",
        description="Job version the job was reverted to; null when it was not reverted",
    )
