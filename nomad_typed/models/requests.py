"""Request bodies of the job, deployment and evaluation write endpoints.

Keys are exactly the ones Nomad's HTTP agent decodes. Region, namespace and the ACL token are
not body fields here: the client sends them as ``?region=``/``?namespace=`` and the
``X-Nomad-Token`` header, which take precedence on the server anyway.
"""

from __future__ import annotations

from pydantic import Field

from ._base import NomadModel
from ._types import Int64, JSONObject, UInt64
from .job import Job
from .submission import JobSubmission

__all__ = [
    "DeploymentAllocHealthRequest",
    "DeploymentFailRequest",
    "DeploymentPauseRequest",
    "DeploymentPromoteRequest",
    "DeploymentUnblockRequest",
    "EvalOptions",
    "JobDispatchRequest",
    "JobEvaluateRequest",
    "JobPlanRequest",
    "JobRegisterRequest",
    "JobRevertRequest",
    "JobStabilityRequest",
    "JobValidateRequest",
    "JobsParseRequest",
    "ScalingRequest",
    "TagVersionRequest",
]


class JobRegisterRequest(NomadModel):
    """Body of ``POST /v1/jobs`` (register) and ``POST /v1/job/:job_id`` (update)."""

    job: Job = Field(alias="Job", description="The job to register; its ID must match the path on update")
    submission: JobSubmission | None = Field(
        None, alias="Submission", description="Original job source (HCL or JSON) stored with this version"
    )
    enforce_index: bool | None = Field(
        None, alias="EnforceIndex", description="Check-and-set: register only if JobModifyIndex matches"
    )
    job_modify_index: UInt64 | None = Field(
        None,
        alias="JobModifyIndex",
        description="With EnforceIndex: 0 = the job must not exist, N = its current JobModifyIndex",
    )
    policy_override: bool | None = Field(
        None, alias="PolicyOverride", description="Override soft-mandatory Sentinel policies (Enterprise)"
    )
    preserve_counts: bool | None = Field(
        None, alias="PreserveCounts", description="Keep the current group counts of an existing job"
    )
    preserve_resources: bool | None = Field(
        None, alias="PreserveResources", description="Keep the current task resources of an existing job"
    )
    eval_priority: Int64 | None = Field(
        None,
        alias="EvalPriority",
        ge=1,
        le=100,
        description="Priority (1-100) of the evaluation created; unset = the job's priority",
    )


class JobPlanRequest(NomadModel):
    """Body of ``POST /v1/job/:job_id/plan`` (a scheduler dry run)."""

    job: Job = Field(alias="Job", description="The job to plan; its ID must match the path")
    diff: bool | None = Field(
        None, alias="Diff", description="Include a diff against the registered job in the answer"
    )
    policy_override: bool | None = Field(
        None, alias="PolicyOverride", description="Override soft-mandatory Sentinel policies (Enterprise)"
    )


class JobValidateRequest(NomadModel):
    """Body of ``POST /v1/validate/job``."""

    job: Job = Field(alias="Job", description="The job to validate with the server's rules")


class JobsParseRequest(NomadModel):
    """Body of ``POST /v1/jobs/parse`` (HCL2 → API JSON on the server)."""

    job_hcl: str = Field(alias="JobHCL", min_length=1, description="HCL2 job specification text")
    variables: str | None = Field(
        None, alias="Variables", description="HCL2 variable values, as the content of a variables file"
    )
    canonicalize: bool | None = Field(
        None, alias="Canonicalize", description="Fill in Nomad's defaults before returning the job"
    )


class JobDispatchRequest(NomadModel):
    """Body of ``POST /v1/job/:job_id/dispatch`` (new instance of a parameterized job)."""

    job_id: str | None = Field(
        None, alias="JobID", description="ID of the parameterized job; must match the path when set"
    )
    payload: str | None = Field(
        None, alias="Payload", description="Base64 of the payload bytes (at most 16 KiB decoded)"
    )
    meta: dict[str, str] | None = Field(
        None, alias="Meta", description="Values for the job's MetaRequired/MetaOptional keys"
    )
    id_prefix_template: str | None = Field(
        None, alias="IdPrefixTemplate", description="Inserted into the child job ID after 'dispatch-'"
    )
    priority: Int64 | None = Field(
        None, alias="Priority", ge=0, description="Priority of the child job; 0 = the parent's priority"
    )


class JobRevertRequest(NomadModel):
    """Body of ``POST /v1/job/:job_id/revert``."""

    job_id: str = Field(alias="JobID", min_length=1, description="ID of the job; must match the path")
    job_version: UInt64 = Field(alias="JobVersion", description="Version to revert to")
    enforce_prior_version: UInt64 | None = Field(
        None,
        alias="EnforcePriorVersion",
        description="Revert only if the job's current version is this one",
    )


class JobStabilityRequest(NomadModel):
    """Body of ``POST /v1/job/:job_id/stable``."""

    job_id: str = Field(alias="JobID", min_length=1, description="ID of the job; must match the path")
    job_version: UInt64 = Field(alias="JobVersion", description="Version whose stability is set")
    stable: bool = Field(alias="Stable", description="Whether the version is marked stable")


class EvalOptions(NomadModel):
    """Options of a forced evaluation."""

    force_reschedule: bool | None = Field(
        None,
        alias="ForceReschedule",
        description="Also reschedule failed allocations, even past their reschedule policy",
    )


class JobEvaluateRequest(NomadModel):
    """Body of ``POST /v1/job/:job_id/evaluate`` (an empty body is accepted too)."""

    job_id: str = Field(alias="JobID", min_length=1, description="ID of the job; must match the path")
    eval_options: EvalOptions | None = Field(
        None, alias="EvalOptions", description="How the evaluation treats failed allocations"
    )


class ScalingRequest(NomadModel):
    """Body of ``POST /v1/job/:job_id/scale`` (change a group's count or record a scaling event)."""

    count: Int64 | None = Field(
        None, alias="Count", ge=0, description="New count of the group; unset = only record an event"
    )
    target: dict[str, str] | None = Field(
        None, alias="Target", description='What to scale: {"Group": name} (plus optional "Job"/"Namespace")'
    )
    message: str | None = Field(None, alias="Message", description="Message stored in the scaling event")
    error: bool | None = Field(
        None, alias="Error", description="Record the event as an error (no count change allowed)"
    )
    meta: JSONObject | None = Field(None, alias="Meta", description="Free-form data stored in the event")
    policy_override: bool | None = Field(
        None, alias="PolicyOverride", description="Override soft-mandatory Sentinel policies (Enterprise)"
    )
    job_modify_index: UInt64 | None = Field(
        None,
        alias="JobModifyIndex",
        description="Check-and-set: scale only if the job's JobModifyIndex equals this (> 0)",
    )


class TagVersionRequest(NomadModel):
    """Body of ``POST /v1/job/:job_id/versions/:tag_name/tag``."""

    version: UInt64 | None = Field(None, alias="Version", description="Job version to tag")
    latest: bool | None = Field(
        None, alias="Latest", description="Tag the latest version (when Version is unset or 0)"
    )
    description: str | None = Field(
        None, alias="Description", max_length=1000, description="Description of the tag (≤ 1000 chars)"
    )


class DeploymentPromoteRequest(NomadModel):
    """Body of ``POST /v1/deployment/promote/:deployment_id``."""

    deployment_id: str = Field(
        alias="DeploymentID", min_length=1, description="ID of the deployment; must match the path"
    )
    all: bool | None = Field(None, alias="All", description="Promote the canaries of every task group")
    groups: list[str] | None = Field(
        None, alias="Groups", description="Task groups whose canaries to promote"
    )


class DeploymentPauseRequest(NomadModel):
    """Body of ``POST /v1/deployment/pause/:deployment_id``."""

    deployment_id: str = Field(
        alias="DeploymentID", min_length=1, description="ID of the deployment; must match the path"
    )
    pause: bool = Field(alias="Pause", description="True pauses the deployment, false resumes it")


class DeploymentFailRequest(NomadModel):
    """Body of ``POST /v1/deployment/fail/:deployment_id``."""

    deployment_id: str = Field(
        alias="DeploymentID", min_length=1, description="ID of the deployment; must match the path"
    )


class DeploymentUnblockRequest(NomadModel):
    """Body of ``POST /v1/deployment/unblock/:deployment_id`` (multiregion deployments)."""

    deployment_id: str = Field(
        alias="DeploymentID", min_length=1, description="ID of the deployment; must match the path"
    )


class DeploymentAllocHealthRequest(NomadModel):
    """Body of ``POST /v1/deployment/allocation-health/:deployment_id`` (manual health checks)."""

    deployment_id: str = Field(
        alias="DeploymentID", min_length=1, description="ID of the deployment; must match the path"
    )
    healthy_allocation_ids: list[str] | None = Field(
        None, alias="HealthyAllocationIDs", description="Allocations to mark healthy"
    )
    unhealthy_allocation_ids: list[str] | None = Field(
        None, alias="UnhealthyAllocationIDs", description="Allocations to mark unhealthy"
    )
