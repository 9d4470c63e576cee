"""The job and its job-level blocks: periodic, parameterized, multiregion, UI, version tag."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

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
    """A Nomad job: the request body of register/plan/validate and what ``GET /v1/job/:id`` returns.

    The same model reads what users write (most fields unset) and the server's stored shape
    (every field filled, server-set fields such as ``Status``, ``Version`` and ``SubmitTime``).
    """

    @classmethod
    def _unwrap_wire(cls, data: object) -> object:
        if isinstance(data, Mapping):
            if isinstance(data.get("Job"), Mapping):
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
        description="HCL `region`; default 'global' (agent then rewrites, see §1.4); `string` — HTTP agent overwrites the struct region: `?region=` > body `Region` > Job.Region > agent region ('global' maps to agent region); multiregion jobs get 'global'",
    )
    namespace: str | None = Field(
        None,
        alias="Namespace",
        description="HCL `namespace`; default 'default'; `string` — agent overwrites: `?namespace=` > body `Namespace` > Job.Namespace > 'default'",
    )
    id: str | None = Field(
        None,
        alias="ID",
        description="HCL `id`; default '' (but HTTP register/plan reject a missing ID); `string`",
    )
    name: str | None = Field(None, alias="Name", description="HCL `name`; default copy of ID; `string`")
    type: Literal["service", "batch", "system", "sysbatch"] | None = Field(
        None,
        alias="Type",
        description="HCL `type`; default 'service'; `string` — service · batch · system · sysbatch ('_core' reserved and rejected)",
    )
    priority: Int64 | None = Field(
        None,
        alias="Priority",
        description="HCL `priority`; default 50; `int` — server accepts 1…job_max_priority (default 100)",
    )
    all_at_once: bool | None = Field(
        None, alias="AllAtOnce", description="HCL `all_at_once`; default false; `bool`"
    )
    datacenters: list[str] | None = Field(
        None,
        alias="Datacenters",
        description="HCL `datacenters`; default — (server canonicalize: empty → ['*']); same — entries must be non-empty; globs allowed ('*')",
    )
    node_pool: str | None = Field(
        None,
        alias="NodePool",
        description="HCL `node_pool`; default '' (server mutator → 'default'); `string` — pool must exist on the server",
    )
    constraints: list[Constraint] | None = Field(
        None, alias="Constraints", description="HCL `constraint` block; default —; same"
    )
    affinities: list[Affinity] | None = Field(
        None, alias="Affinities", description="HCL `affinity` block; default —; same"
    )
    task_groups: list[TaskGroup] | None = Field(
        None, alias="TaskGroups", description="HCL `group` block; default —; same"
    )
    update: UpdateStrategy | None = Field(
        None,
        alias="Update",
        description="HCL `update` block; default present → each null field gets the UpdateStrategy default; absent → service/system get the full default, batch/sysbatch stay null; `UpdateStrategy` — only Stagger and MaxParallel survive at job level (and only when MaxParallel>0); everything else is pushed into groups. Server type is a non-pointer value → always present in responses",
    )
    multiregion: Multiregion | None = Field(
        None,
        alias="Multiregion",
        description="HCL `multiregion` block; default —; same — Enterprise only; CE rejects non-empty Regions",
    )
    spreads: list[Spread] | None = Field(
        None, alias="Spreads", description="HCL `spread` block; default —; same"
    )
    periodic: PeriodicConfig | None = Field(
        None, alias="Periodic", description="HCL `periodic` block; default —; same"
    )
    parameterized_job: ParameterizedJobConfig | None = Field(
        None, alias="ParameterizedJob", description="HCL `parameterized` block; default —; same"
    )
    reschedule: ReschedulePolicy | None = Field(
        None,
        alias="Reschedule",
        description="HCL `reschedule` block; default —; **api-only** — merged into every group, never stored at job level",
    )
    migrate: MigrateStrategy | None = Field(
        None,
        alias="Migrate",
        description="HCL `migrate` block; default —; **api-only** — merged into every group, never stored at job level",
    )
    meta: dict[str, str] | None = Field(
        None, alias="Meta", description="HCL `meta` block; default —; same — converted as is"
    )
    ui: JobUIConfig | None = Field(
        None, alias="UI", description="HCL `ui` block; default —; same — converted; Description ≤1000 chars"
    )
    stop: bool | None = Field(None, alias="Stop", description="HCL —; default false; `bool` — converted")
    parent_id: str | None = Field(
        None, alias="ParentID", description="HCL —; default ''; `string` — ignored on submit (server-set)"
    )
    dispatched: bool | None = Field(
        None,
        alias="Dispatched",
        description="HCL —; default —; same — not converted; server-set for dispatched children",
    )
    dispatch_idempotency_token: str | None = Field(
        None,
        alias="DispatchIdempotencyToken",
        description="HCL —; default —; `string` — not converted (server-set)",
    )
    payload: str | None = Field(
        None,
        alias="Payload",
        description="HCL —; default —; same — must be empty on register (rejected); dispatch children carry it; GET /v1/job returns it decompressed",
    )
    consul_namespace: str | None = Field(
        None,
        alias="ConsulNamespace",
        description="HCL —; default ''; `string` — not converted: only used to fill group `Consul.Namespace`",
    )
    vault_namespace: str | None = Field(
        None,
        alias="VaultNamespace",
        description="HCL —; default ''; `string` — converted; copied into task Vault blocks lacking a namespace",
    )
    nomad_token_id: str | None = Field(
        None,
        alias="NomadTokenID",
        description="HCL —; default ''; `string` — server-set (accessor of submitting token)",
    )
    status: str | None = Field(
        None, alias="Status", description="HCL —; default ''; `string` — server-set: pending · running · dead"
    )
    status_description: str | None = Field(
        None, alias="StatusDescription", description="HCL —; default ''; `string` — server-set"
    )
    stable: bool | None = Field(
        None, alias="Stable", description="HCL —; default false; `bool` — not converted (server-managed)"
    )
    version: UInt64 | None = Field(
        None,
        alias="Version",
        description="HCL —; default 0; `uint64` — copied into the server struct (agent fix in 2.0.0); the server still assigns the stored version number",
    )
    submit_time: Int64 | None = Field(
        None, alias="SubmitTime", description="HCL —; default —; `int64` — server-set, Unix **nanoseconds**"
    )
    create_index: UInt64 | None = Field(
        None, alias="CreateIndex", description="HCL —; default 0; `uint64` — server-set raft index"
    )
    modify_index: UInt64 | None = Field(
        None, alias="ModifyIndex", description="HCL —; default 0; `uint64` — server-set raft index"
    )
    job_modify_index: UInt64 | None = Field(
        None, alias="JobModifyIndex", description="HCL —; default 0; `uint64` — server-set raft index"
    )
    version_tag: JobVersionTag | None = Field(
        None, alias="VersionTag", description="HCL —; default —; same — converted; Description ≤1000 chars"
    )


class Multiregion(NomadModel):
    """HCL `multiregion` (Enterprise)."""

    strategy: MultiregionStrategy | None = Field(
        None,
        alias="Strategy",
        description="HCL `strategy` block; default {MaxParallel:0, OnFailure:''}; same",
    )
    regions: list[MultiregionRegion] | None = Field(
        None, alias="Regions", description="HCL `region` block; default []; same"
    )


class MultiregionStrategy(NomadModel):
    """HCL `multiregion.strategy`."""

    max_parallel: Int64 | None = Field(
        None, alias="MaxParallel", description="HCL `max_parallel`; default 0; `int`"
    )
    on_failure: str | None = Field(
        None,
        alias="OnFailure",
        description="HCL `on_failure`; default ''; `string` — Enterprise: '', 'fail_all', 'fail_local'",
    )


class MultiregionRegion(NomadModel):
    """HCL `multiregion.region "<name>"`."""

    name: str | None = Field(None, alias="Name", description="HCL (block label); default —; same")
    count: Int64 | None = Field(None, alias="Count", description="HCL `count`; default 1; `int`")
    datacenters: list[str] | None = Field(
        None, alias="Datacenters", description="HCL `datacenters`; default []; same"
    )
    node_pool: str | None = Field(None, alias="NodePool", description="HCL `node_pool`; default —; same")
    meta: dict[str, str] | None = Field(None, alias="Meta", description="HCL `meta` block; default {}; same")


class PeriodicConfig(NomadModel):
    """HCL `periodic`. Only batch/sysbatch jobs."""

    enabled: bool | None = Field(None, alias="Enabled", description="HCL `enabled`; default true; `bool`")
    spec: str | None = Field(
        None,
        alias="Spec",
        description="HCL `cron`; default ''; `string` — HCL `cron` (deprecated → warning); mutually exclusive with Specs",
    )
    specs: list[str] | None = Field(
        None, alias="Specs", description="HCL `crons`; default []; same — HCL `crons`"
    )
    spec_type: str | None = Field(
        None, alias="SpecType", description="HCL —; default 'cron'; `string` — only 'cron' (no HCL key)"
    )
    prohibit_overlap: bool | None = Field(
        None, alias="ProhibitOverlap", description="HCL `prohibit_overlap`; default false; `bool`"
    )
    time_zone: str | None = Field(
        None,
        alias="TimeZone",
        description="HCL `time_zone`; default 'UTC' (also when ''); `string` — IANA zone name",
    )


class ParameterizedJobConfig(NomadModel):
    """HCL `parameterized`. Only batch/sysbatch jobs."""

    payload: Literal["", "optional", "required", "forbidden"] | None = Field(
        None,
        alias="Payload",
        description="HCL `payload`; default — (server canonicalize: '' → 'optional'); same — optional · required · forbidden",
    )
    meta_required: list[str] | None = Field(
        None, alias="MetaRequired", description="HCL `meta_required`; default —; same"
    )
    meta_optional: list[str] | None = Field(
        None, alias="MetaOptional", description="HCL `meta_optional`; default —; same"
    )


class JobUIConfig(NomadModel):
    """HCL `ui`."""

    description: str | None = Field(
        None, alias="Description", description="HCL `description`; default —; same"
    )
    links: list[JobUILink] | None = Field(
        None, alias="Links", description="HCL `link` block; default empty list → null; same"
    )


class JobUILink(NomadModel):
    """HCL `ui.link`."""

    label: str | None = Field(None, alias="Label", description="HCL `label`; default —; same")
    url: str | None = Field(
        None,
        alias="URL",
        description="HCL `url`; default —; **api-only** — **server struct spells it `Url`** — responses carry key 'Url'; Go decoding is case-insensitive so either works on input",
    )
    server_url: str | None = Field(None, alias="Url", description="SERVER URL")


class JobVersionTag(NomadModel):
    """Version tag attached to a job version (set through the tag endpoint; also accepted on register)."""

    name: str | None = Field(None, alias="Name", description="HCL —; default —; same")
    description: str | None = Field(None, alias="Description", description="HCL —; default —; same")
    tagged_time: Int64 | None = Field(
        None, alias="TaggedTime", description="HCL —; default —; same — Unix nanoseconds"
    )
