"""Task-group rules: name, count, tasks, placement and the group's networks, services, volumes."""

from __future__ import annotations

from .._context import Context, GroupScope, rule
from .network import networks
from .placement import affinity_rules, constraint_rules, spread_rules
from .policies import (
    disconnect,
    ephemeral_disk,
    max_run_duration,
    migrate_strategy,
    reschedule_policy,
    restart_policy,
    update_allowed,
)
from .services import group_services
from .volumes import volume_requests

__all__ = ["GROUP_RULES"]


@rule("V043", "task groups must be valid (group rules)")
@rule("V050", "task groups need a name")
@rule("V051", "task group names cannot contain NUL")
@rule("V052", "task group count must not be negative")
@rule("V053", "task groups need tasks")
def group_basics(ctx: Context, scope: GroupScope) -> None:
    group = scope.group
    if not scope.name:
        ctx.error("V050", (*scope.path, "Name"), "Missing task group name")
    elif "\0" in scope.name:
        ctx.error("V051", (*scope.path, "Name"), "Task group name contains null character")
    if (group.count or 0) < 0:
        ctx.error("V052", (*scope.path, "Count"), "Task group count can't be negative")
    if not group.tasks:
        ctx.error("V053", (*scope.path, "Tasks"), "Missing tasks for task group")


@rule("V057", "group constraints must be valid")
@rule("V058", "system jobs may not have group affinities")
@rule("V059", "group affinities must be valid")
@rule("V062", "system jobs may not have group spreads")
@rule("V063", "group spreads must be valid")
def group_placement(ctx: Context, scope: GroupScope) -> None:
    group = scope.group
    constraint_rules(ctx, group.constraints, (*scope.path, "Constraints"))
    if scope.job_type == "system":
        if group.affinities is not None:
            ctx.error("V058", (*scope.path, "Affinities"), "System jobs may not have an affinity block")
        if group.spreads is not None:
            ctx.error("V062", (*scope.path, "Spreads"), "System jobs may not have a spread block")
    else:
        affinity_rules(ctx, group.affinities, (*scope.path, "Affinities"))
        spread_rules(ctx, group.spreads, (*scope.path, "Spreads"))


@rule("V073", "tasks need a name")
@rule("V074", "task names must be unique in the group")
@rule("V075", "at most one leader task")
@rule("V076", "a group needs at least one main (non-lifecycle) task")
def task_list(ctx: Context, scope: GroupScope) -> None:
    seen: dict[str, int] = {}
    leaders = 0
    mains = 0
    tasks = scope.group.tasks or []
    for index, task in enumerate(tasks):
        path = (*scope.path, "Tasks", index)
        name = task.name or ""
        if not name:
            ctx.error("V073", (*path, "Name"), f"Task {index + 1} missing name")
        elif name in seen:
            ctx.error(
                "V074", (*path, "Name"), f"Task {index + 1} redefines '{name}' from task {seen[name] + 1}"
            )
        else:
            seen[name] = index
        leaders += bool(task.leader)
        mains += task.lifecycle is None
    if leaders > 1:
        ctx.error("V075", (*scope.path, "Tasks"), "Only one task may be marked as leader")
    if tasks and mains == 0:
        ctx.error("V076", (*scope.path, "Tasks"), f"Task group {scope.name} must have at least one main task")


@rule("V081", "the group scaling policy must be valid (V400-V407)")
@rule("V401", "scaling policy type must be horizontal")
@rule("V403", "scaling max is required and must not be negative")
@rule("V404", "scaling max must not be less than min")
@rule("V405", "scaling min must not be negative")
@rule("V406", "the group count must not exceed scaling max")
@rule("V407", "the group count must not be below scaling min")
def scaling(ctx: Context, scope: GroupScope) -> None:
    policy = scope.group.scaling
    if policy is None:
        return
    path = (*scope.path, "Scaling")
    prefix = "Scaling policy invalid:"
    kind = policy.type or ""
    maximum = policy.max if policy.max is not None else -1
    minimum = policy.min or 0
    count = scope.group.count or 0
    if kind != "horizontal":
        ctx.error("V401", (*path, "Type"), f'{prefix} scaling policy type "{kind}" is not valid')
    if maximum < 0:
        ctx.error("V403", (*path, "Max"), f"{prefix} maximum count must be specified and non-negative")
    elif maximum < minimum:
        ctx.error("V404", (*path, "Max"), f"{prefix} maximum count must not be less than minimum count")
    if minimum < 0:
        ctx.error("V405", (*path, "Min"), f"{prefix} minimum count must be specified and non-negative")
    if maximum < count:
        message = f"{prefix} task group count must not be greater than maximum count in scaling policy"
        ctx.error("V406", (*scope.path, "Count"), message)
    multiregion = scope.job.multiregion is not None and bool(scope.job.multiregion.regions)
    if count < minimum and not (multiregion and count == 0 and scope.job.region == "global"):
        message = f"{prefix} task group count must not be less than minimum count in scaling policy"
        ctx.error("V407", (*scope.path, "Count"), message)


GROUP_RULES = [
    group_basics,
    disconnect,
    max_run_duration,
    group_placement,
    restart_policy,
    reschedule_policy,
    ephemeral_disk,
    update_allowed,
    migrate_strategy,
    task_list,
    volume_requests,
    networks,
    group_services,
    scaling,
]
