"""Job-level rules: identity of the job, its type, periodic and parameterized blocks, limits."""

from __future__ import annotations

import re
import zoneinfo

from .._context import Context, q, rule
from .._paths import Path
from .placement import affinity_rules, constraint_rules, spread_rules

__all__ = ["JOB_RULES", "JOB_WARNINGS"]

#: Nomad's defaults for ``job_max_priority`` and ``job_max_count`` (server configuration).
MAX_PRIORITY = 100
MAX_COUNT = 50000
_MAX_DESCRIPTION = 1000
_CRON_MACROS = {"@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly"}
_CRON_FIELD = re.compile(r"[0-9A-Za-z*?,/#\-]+")


def _zone_error(name: str) -> str | None:
    if name in ("", "UTC", "Local") or not zoneinfo.available_timezones():
        return None
    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return f"unknown time zone {name}"
    return None


def _cron_error(spec: str) -> str | None:
    """Only what hashicorp/cronexpr certainly rejects: a wrong field count or stray characters."""
    text = spec.strip()
    if text in _CRON_MACROS:
        return None
    fields = text.split()
    if not 5 <= len(fields) <= 7:
        return "missing field(s)" if len(fields) < 5 else "too many fields"
    for field in fields:
        if _CRON_FIELD.fullmatch(field) is None:
            return f"syntax error in field: {q(field)}"
    return None


@rule("V004", "the job ID is required (null ID)")
@rule("V021", "the job ID must not be empty")
@rule("V022", "the job ID must not contain a space")
@rule("V023", "the job ID must not contain a NUL character")
def job_id(ctx: Context) -> None:
    if ctx.original.id is None:
        ctx.error("V004", ("ID",), "Job ID hasn't been provided")
        return
    job_id = ctx.job.id or ""
    if not job_id:
        ctx.error("V021", ("ID",), "Missing job ID")
    elif " " in job_id:
        ctx.error("V022", ("ID",), "Job ID contains a space")
    elif "\0" in job_id:
        ctx.error("V023", ("ID",), "Job ID contains a null character")


@rule("V024", "the job name must not be empty")
@rule("V025", "the job name must not contain a NUL character")
def job_name(ctx: Context) -> None:
    name = ctx.job.name or ""
    if not name:
        ctx.error("V024", ("Name",), "Missing job name")
    elif "\0" in name:
        ctx.error("V025", ("Name",), "Job Name contains a null character")


@rule("V030", "datacenter names must not be empty")
def datacenters(ctx: Context) -> None:
    for index, datacenter in enumerate(ctx.job.datacenters or ()):
        if not datacenter:
            ctx.error("V030", ("Datacenters", index), "Job datacenter must be non-empty string")


@rule("V031", "a job needs at least one task group")
def has_groups(ctx: Context) -> None:
    if not ctx.job.task_groups:
        ctx.error("V031", ("TaskGroups",), "Missing job task groups")


@rule("V032", "job constraints must be valid")
def job_constraints(ctx: Context) -> None:
    constraint_rules(ctx, ctx.job.constraints, ("Constraints",))


@rule("V033", "system jobs may not have job affinities")
@rule("V034", "job affinities must be valid")
def job_affinities(ctx: Context) -> None:
    if ctx.job.type == "system":
        if ctx.job.affinities is not None:
            ctx.error("V033", ("Affinities",), "System jobs may not have an affinity block")
    else:
        affinity_rules(ctx, ctx.job.affinities, ("Affinities",))


@rule("V035", "system jobs may not have job spreads")
@rule("V036", "job spreads must be valid")
def job_spreads(ctx: Context) -> None:
    if ctx.job.type == "system":
        if ctx.job.spreads is not None:
            ctx.error("V035", ("Spreads",), "System jobs may not have a spread block")
    else:
        spread_rules(ctx, ctx.job.spreads, ("Spreads",))


@rule("V037", "the UI description is at most 1000 bytes")
@rule("V038", "the version tag description is at most 1000 bytes")
def descriptions(ctx: Context) -> None:
    for rule_id, key, block, label in (
        ("V037", "UI", ctx.job.ui, "UI description"),
        ("V038", "VersionTag", ctx.job.version_tag, "Tagged version description"),
    ):
        size = len((block.description or "").encode()) if block is not None else 0
        if size > _MAX_DESCRIPTION:
            message = f"{label} must be under 1000 characters, currently {size}"
            ctx.error(rule_id, (key, "Description"), message)


@rule("V039", "every task group needs a name")
@rule("V040", "task group names must be unique")
@rule("V041", "group shutdown_delay must not be negative")
@rule("V042", "system job groups may not have a count above 1")
def group_list(ctx: Context) -> None:
    seen: dict[str, int] = {}
    for index, group in enumerate(ctx.job.task_groups or ()):
        path = ("TaskGroups", index)
        name = group.name or ""
        if not name:
            ctx.error("V039", (*path, "Name"), f"Job task group {index + 1} missing name")
        elif name in seen:
            message = f"Job task group {index + 1} redefines '{name}' from group {seen[name] + 1}"
            ctx.error("V040", (*path, "Name"), message)
        else:
            seen[name] = index
        if (group.shutdown_delay or 0) < 0:
            ctx.error("V041", (*path, "ShutdownDelay"), "ShutdownDelay must be a positive value")
        if ctx.job.type == "system" and (group.count or 0) > 1:
            message = (
                f"Job task group {name} has count {group.count}. Count cannot exceed 1 with system scheduler"
            )
            ctx.error("V042", (*path, "Count"), message)


@rule("V044", "periodic jobs must be batch or sysbatch")
@rule("V045", "enabled periodic configs must be valid (V230-V234)")
@rule("V230", "periodic: cron and crons are exclusive")
@rule("V231", "periodic: a cron spec is required")
@rule("V232", "periodic: the time zone must exist")
@rule("V233", "periodic: cron specs must parse")
@rule("V234", "periodic: the spec type must be cron")
def periodic(ctx: Context) -> None:
    config = ctx.job.periodic
    if config is None or not config.enabled:
        return
    path = ("Periodic",)
    if ctx.job.type not in ("batch", "sysbatch"):
        ctx.error("V044", path, 'Periodic can only be used with "batch" or "sysbatch" scheduler')
    spec = config.spec or ""
    specs = config.specs or []
    if spec and specs:
        ctx.error("V230", path, "Only cron or crons may be used")
    if not spec and not specs:
        ctx.error("V231", path, "Must specify a spec")
    zone = config.time_zone or ""
    reason = _zone_error(zone)
    if reason is not None:
        ctx.error("V232", (*path, "TimeZone"), f"Invalid time zone {q(zone)}: {reason}")
    if config.spec_type == "cron":
        entries: list[tuple[Path, str]] = [(("Spec",), spec)] if spec else []
        entries += [(("Specs", index), entry) for index, entry in enumerate(specs)]
        for where, entry in entries:
            reason = _cron_error(entry)
            if reason is not None:
                ctx.error("V233", (*path, *where), f"Invalid cron spec {q(entry)}: {reason}")
    elif config.spec_type != "_internal_test":
        message = f"Unknown periodic specification type {q(config.spec_type or '')}"
        ctx.error("V234", (*path, "SpecType"), message)


@rule("V046", "parameterized jobs must be batch or sysbatch")
@rule("V047", "parameterized configs must be valid (V236)")
@rule("V236", "parameterized: required and optional meta keys are disjoint")
def parameterized(ctx: Context) -> None:
    config = ctx.job.parameterized_job
    if config is None or ctx.job.dispatched:
        return
    path = ("ParameterizedJob",)
    if ctx.job.type not in ("batch", "sysbatch"):
        ctx.error("V046", path, 'Parameterized job can only be used with "batch" or "sysbatch" scheduler')
    optional = set(config.meta_optional or ())
    both = [key for key in dict.fromkeys(config.meta_required or ()) if key in optional]
    if both:
        message = (
            "Required and optional meta keys should be disjoint."
            f" Following keys exist in both: [{' '.join(both)}]"
        )
        ctx.error("V236", path, message)


@rule("V048", "multiregion jobs need Nomad Enterprise (warning)")
def multiregion(ctx: Context) -> None:
    if ctx.job.multiregion is not None and ctx.job.multiregion.regions:
        ctx.needs_enterprise("V048", ("Multiregion",), "Multiregion jobs are unlicensed")


@rule("V006", "system jobs may not have group scaling blocks")
def system_scaling(ctx: Context) -> None:
    if ctx.job.type != "system":
        return
    for index, group in enumerate(ctx.job.task_groups or ()):
        if group.scaling is not None:
            message = "Task groups with job type system do not support scaling blocks"
            ctx.error("V006", ("TaskGroups", index, "Scaling"), message)


@rule("V421", "a job cannot be registered with a payload")
@rule("V422", "the priority must be within 1…job_max_priority (100)")
@rule("V423", "the total count must not exceed job_max_count (50000)")
def admission_limits(ctx: Context) -> None:
    if ctx.job.payload:
        ctx.error("V421", ("Payload",), "job can't be submitted with a payload, only dispatched")
    priority = ctx.job.priority or 0
    if not 1 <= priority <= MAX_PRIORITY:
        ctx.error("V422", ("Priority",), f"job priority must be between [1, {MAX_PRIORITY}]")
    total = sum(group.count or 0 for group in ctx.job.task_groups or ())
    if total > MAX_COUNT:
        message = f"total count was greater than configured job_max_count: {total} > {MAX_COUNT}"
        ctx.error("V423", ("TaskGroups",), message)


@rule("W08", "auto_promote should be set on every group with canaries or on none")
def auto_promote(ctx: Context) -> None:
    updates = [group.update for group in ctx.job.task_groups or () if group.update is not None]
    some = any(update.auto_promote for update in updates)
    every = all(not update.canary or update.auto_promote for update in updates)
    if some and not every:
        message = "auto_promote must be true for all groups to enable automatic promotion"
        ctx.warn("W08", ("TaskGroups",), message)


@rule("W09", "periodic cron is deprecated in favour of crons")
def deprecated_cron(ctx: Context) -> None:
    if ctx.job.periodic is not None and ctx.job.periodic.spec:
        message = "cron is deprecated and may be removed in a future release. Use crons instead"
        ctx.warn("W09", ("Periodic", "Spec"), message)


JOB_RULES = [
    system_scaling,
    job_id,
    job_name,
    datacenters,
    has_groups,
    job_constraints,
    job_affinities,
    job_spreads,
    descriptions,
    group_list,
]
JOB_AFTER_GROUPS = [periodic, parameterized, multiregion, admission_limits]
JOB_WARNINGS = [auto_promote, deprecated_cron]
