"""The job and its job-level blocks: periodic, parameterized, multiregion, UI, version tag."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar, Literal

from pydantic import Field

from ._base import NomadModel, validation_error
from ._types import Int64, UInt64
from .group import TaskGroup
from .placement import Affinity, Constraint, Spread
from .policies import MigrateStrategy, ReschedulePolicy, UpdateStrategy

__all__ = [
    "Job",
    "Multiregion",
    "MultiregionStrategy",
    "MultiregionRegion",
    "PeriodicConfig",
    "ParameterizedJobConfig",
    "JobUIConfig",
    "JobUILink",
    "JobVersionTag",
]


class Job(NomadModel):
    """A Nomad job (HCL `job "<id>"`): the body of register, plan and validate, and of ``GET /v1/job/:id``.

    The same model reads what users write (most fields unset) and the server's stored shape
    (every field filled, server-set fields such as ``Status``, ``Version`` and ``SubmitTime``).
    Job-level ``Update``, ``Reschedule`` and ``Migrate`` are merged into every group; the stored
    job keeps only ``Update.Stagger`` and ``Update.MaxParallel``.
    """

    STATUS_PENDING: ClassVar[str] = "pending"
    STATUS_RUNNING: ClassVar[str] = "running"
    STATUS_DEAD: ClassVar[str] = "dead"

    @classmethod
    def _unwrap_wire(cls, data: object) -> object:
        if isinstance(data, Mapping):
            # A model there too: python-nomad style read-modify-write code wraps the job it read.
            if isinstance(data.get("Job"), (Mapping, NomadModel)):
                return data["Job"]
            if isinstance(data.get("job"), (list, Mapping)) and "ID" not in data:
                raise validation_error(
                    cls,
                    "hcl_json",
                    "this is a jobspec in HCL's JSON syntax (a lowercase `job` block), not Nomad's API JSON;"
                    " convert it with `nomad job run -output FILE` or POST /v1/jobs/parse",
                    ("job",),
                    data["job"],
                )
        return data

    region: str | None = Field(
        None,
        alias="Region",
        description="Region to run the job in; unset or `global` means the agent's own region.",
    )
    namespace: str | None = Field(
        None,
        alias="Namespace",
        description="Namespace of the job; default `default`; a `?namespace=` query parameter wins.",
    )
    id: str | None = Field(
        None,
        alias="ID",
        description="Job ID, unique in its namespace (HCL `job` block label); required, no spaces.",
    )
    name: str | None = Field(None, alias="Name", description="Display name of the job; default the job ID.")
    type: Literal["service", "batch", "system", "sysbatch"] | None = Field(
        None,
        alias="Type",
        description="Scheduler for the job: service, batch, system or sysbatch; default service.",
    )
    priority: Int64 | None = Field(
        None,
        alias="Priority",
        description="Scheduling priority from 1 to the server maximum (100 by default); default 50.",
    )
    all_at_once: bool | None = Field(
        None,
        alias="AllAtOnce",
        description="Schedule the whole job at once or not at all, no partial placement; default false.",
    )
    datacenters: list[str] | None = Field(
        None,
        alias="Datacenters",
        description="Datacenters the job may run in; globs allowed; default all (`*`).",
    )
    node_pool: str | None = Field(
        None,
        alias="NodePool",
        description="Node pool the job's allocations are placed in; default `default`; must exist.",
    )
    constraints: list[Constraint] | None = Field(
        None,
        alias="Constraints",
        description="Placement constraints for every task of the job (HCL `constraint`).",
    )
    affinities: list[Affinity] | None = Field(
        None,
        alias="Affinities",
        description="Placement preferences for the whole job (HCL `affinity`); not for system jobs.",
    )
    task_groups: list[TaskGroup] | None = Field(
        None,
        alias="TaskGroups",
        description="Task groups of the job (HCL `group`); at least one is required.",
    )
    update: UpdateStrategy | None = Field(
        None,
        alias="Update",
        description="Rolling-update strategy merged into every group; service and system jobs only.",
    )
    multiregion: Multiregion | None = Field(
        None,
        alias="Multiregion",
        description="Enterprise: deploy the job to several federated regions; rejected by CE.",
    )
    spreads: list[Spread] | None = Field(
        None,
        alias="Spreads",
        description="Spread allocations across attribute values (HCL `spread`); not for system jobs.",
    )
    periodic: PeriodicConfig | None = Field(
        None,
        alias="Periodic",
        description="Cron schedule that launches child jobs; batch and sysbatch jobs only.",
    )
    parameterized_job: ParameterizedJobConfig | None = Field(
        None,
        alias="ParameterizedJob",
        description="Makes the job a template run by dispatch (HCL `parameterized`); batch, sysbatch.",
    )
    reschedule: ReschedulePolicy | None = Field(
        None,
        alias="Reschedule",
        description="Reschedule policy merged into every group; not stored at job level.",
    )
    migrate: MigrateStrategy | None = Field(
        None,
        alias="Migrate",
        description="Node-drain migration strategy merged into every group; not stored at job level.",
    )
    meta: dict[str, str] | None = Field(
        None,
        alias="Meta",
        description="User metadata, inherited by groups and tasks and exposed as `NOMAD_META_*`.",
    )
    ui: JobUIConfig | None = Field(
        None, alias="UI", description="Description and links shown for the job in the Nomad web UI."
    )
    stop: bool | None = Field(
        None,
        alias="Stop",
        description="Marks the job stopped so its allocations are stopped; default false; no HCL key.",
    )
    parent_id: str | None = Field(
        None,
        alias="ParentID",
        description="ID of the periodic or parameterized parent job; set by the server.",
    )
    dispatched: bool | None = Field(
        None,
        alias="Dispatched",
        description="Whether the job was dispatched from a parameterized job; set by the server.",
    )
    dispatch_idempotency_token: str | None = Field(
        None,
        alias="DispatchIdempotencyToken",
        description="Idempotency token of the dispatch that created this job; set by the server.",
    )
    payload: str | None = Field(
        None,
        alias="Payload",
        description="Base64 payload of a dispatched job; must be empty on register.",
    )
    consul_namespace: str | None = Field(
        None,
        alias="ConsulNamespace",
        description="Consul namespace for group `consul` blocks that set none; not stored.",
    )
    vault_namespace: str | None = Field(
        None,
        alias="VaultNamespace",
        description="Vault namespace for task `vault` blocks that set none; Nomad Enterprise only.",
    )
    nomad_token_id: str | None = Field(
        None,
        alias="NomadTokenID",
        description="Accessor ID of the ACL token that submitted the job; set by the server.",
    )
    status: str | None = Field(
        None,
        alias="Status",
        description="Job status reported by the server: pending, running or dead; ignored on submit.",
    )
    status_description: str | None = Field(
        None, alias="StatusDescription", description="Human-readable detail of `Status`; set by the server."
    )
    stable: bool | None = Field(
        None,
        alias="Stable",
        description="Whether this job version is marked stable; managed by the server.",
    )
    version: UInt64 | None = Field(
        None,
        alias="Version",
        description="Job version, incremented on each change of the spec; assigned by the server.",
    )
    submit_time: Int64 | None = Field(
        None,
        alias="SubmitTime",
        description="When this job version was submitted, in Unix nanoseconds; set by the server.",
    )
    create_index: UInt64 | None = Field(
        None, alias="CreateIndex", description="Raft index at which the job was created; set by the server."
    )
    modify_index: UInt64 | None = Field(
        None,
        alias="ModifyIndex",
        description="Raft index of the last change to the job, status included; set by the server.",
    )
    job_modify_index: UInt64 | None = Field(
        None,
        alias="JobModifyIndex",
        description="Raft index of the last change to the job spec, for check-and-set; set by the server.",
    )
    version_tag: JobVersionTag | None = Field(
        None,
        alias="VersionTag",
        description="Name and description tagged on this job version; set through the tag endpoint.",
    )


class Multiregion(NomadModel):
    """Enterprise deployment of one job to several federated regions (HCL `multiregion`).

    Nomad CE rejects a job whose `Regions` list is not empty.
    """

    strategy: MultiregionStrategy | None = Field(
        None, alias="Strategy", description="How the regional deployments roll out and react to a failure."
    )
    regions: list[MultiregionRegion] | None = Field(
        None,
        alias="Regions",
        description="Regions to deploy to, in rollout order, each with its overrides (HCL `region`).",
    )


class MultiregionStrategy(NomadModel):
    """Rollout order and failure handling of a multiregion job (HCL `multiregion.strategy`)."""

    max_parallel: Int64 | None = Field(
        None,
        alias="MaxParallel",
        description="Regions deploying at the same time; default 0, which deploys all of them at once.",
    )
    on_failure: str | None = Field(
        None,
        alias="OnFailure",
        description="What a failed region does to the others: `fail_all`, `fail_local` or empty.",
    )


class MultiregionRegion(NomadModel):
    """One target region of a multiregion job, with overrides (HCL `multiregion.region "<name>"`)."""

    name: str | None = Field(None, alias="Name", description="Name of the region (the block label).")
    count: Int64 | None = Field(
        None, alias="Count", description="Count of the job's task groups in this region; default 1."
    )
    datacenters: list[str] | None = Field(
        None, alias="Datacenters", description="Datacenters to use in this region instead of the job's."
    )
    node_pool: str | None = Field(
        None, alias="NodePool", description="Node pool to use in this region instead of the job's."
    )
    meta: dict[str, str] | None = Field(
        None, alias="Meta", description="Metadata merged over the job's meta in this region."
    )


class PeriodicConfig(NomadModel):
    """Cron schedule that launches a child job at each tick (HCL `periodic`); batch and sysbatch only."""

    enabled: bool | None = Field(
        None, alias="Enabled", description="Whether the schedule launches jobs; default true."
    )
    spec: str | None = Field(
        None,
        alias="Spec",
        description="Single cron expression (HCL `cron`, deprecated); cannot be combined with `Specs`.",
    )
    specs: list[str] | None = Field(
        None, alias="Specs", description="Cron expressions that each launch the job (HCL `crons`)."
    )
    spec_type: str | None = Field(
        None,
        alias="SpecType",
        description="Kind of schedule expression; only `cron`, the default, is supported; no HCL key.",
    )
    prohibit_overlap: bool | None = Field(
        None,
        alias="ProhibitOverlap",
        description="Skip a launch while the previous child job still runs; default false.",
    )
    time_zone: str | None = Field(
        None,
        alias="TimeZone",
        description="IANA time zone of the cron expressions, e.g. `Europe/Paris`; default UTC.",
    )


class ParameterizedJobConfig(NomadModel):
    """Makes the job a template that runs only when dispatched (HCL `parameterized`).

    Each dispatch creates a child job carrying its own payload and meta; batch and sysbatch only.
    """

    payload: Literal["", "optional", "required", "forbidden"] | None = Field(
        None,
        alias="Payload",
        description="Whether a dispatch must carry a payload: optional, required or forbidden.",
    )
    meta_required: list[str] | None = Field(
        None, alias="MetaRequired", description="Meta keys every dispatch must provide."
    )
    meta_optional: list[str] | None = Field(
        None, alias="MetaOptional", description="Meta keys a dispatch may provide; any other key is rejected."
    )


class JobUIConfig(NomadModel):
    """Description and links for the job's page in the Nomad web UI (HCL `ui`)."""

    description: str | None = Field(
        None,
        alias="Description",
        description="Markdown text shown on the job's page; at most 1000 characters.",
    )
    links: list[JobUILink] | None = Field(
        None, alias="Links", description="Links shown on the job's page (HCL `link`)."
    )


class JobUILink(NomadModel):
    """A link shown on the job's page in the web UI (HCL `ui.link`).

    Nomad reads `URL` on submit but returns the value under `Url`; both keys are modelled so
    either shape parses and round-trips unchanged.
    """

    label: str | None = Field(None, alias="Label", description="Text of the link.")
    url: str | None = Field(
        None,
        alias="URL",
        description="Target address of the link as sent on submit; responses carry it as `Url`.",
    )
    server_url: str | None = Field(
        None,
        alias="Url",
        description="Target address of the link as the server returns it; only in responses.",
    )


class JobVersionTag(NomadModel):
    """A name and description tagged on a job version through the tag endpoint; also accepted on register."""

    name: str | None = Field(None, alias="Name", description="Tag name, unique among the job's versions.")
    description: str | None = Field(
        None,
        alias="Description",
        description="Free text describing the tagged version; at most 1000 characters.",
    )
    tagged_time: Int64 | None = Field(
        None,
        alias="TaggedTime",
        description="When the tag was applied, in Unix nanoseconds; set by the server.",
    )
