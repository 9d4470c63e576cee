"""The semantic rules, by area, and the order Nomad runs them in."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from .._context import Context, GroupScope, TaskScope
from .connect import connect_admission, connect_mutators, expose_admission
from .enterprise import ENTERPRISE_RULES
from .group import GROUP_RULES
from .job import JOB_AFTER_GROUPS, JOB_RULES, JOB_WARNINGS
from .task import TASK_RULES
from .warnings import GROUP_WARNINGS, TASK_WARNINGS

__all__ = ["run_rules"]

GroupRule = Callable[[Context, GroupScope], None]
TaskRule = Callable[[Context, TaskScope], None]


def run_rules(ctx: Context) -> None:
    """Every rule on ``ctx.job``; a failing admission mutator stops Nomad, and so stops us."""
    connect_mutators(ctx)
    if ctx.issues:
        return
    for admission_rule in (connect_admission, expose_admission, *ENTERPRISE_RULES, *JOB_RULES):
        admission_rule(ctx)
    _each_group_and_task(ctx, GROUP_RULES, TASK_RULES)
    for job_rule in JOB_AFTER_GROUPS:
        job_rule(ctx)
    _each_group_and_task(ctx, GROUP_WARNINGS, TASK_WARNINGS)
    for job_warning in JOB_WARNINGS:
        job_warning(ctx)


def _each_group_and_task(
    ctx: Context, group_rules: Sequence[GroupRule], task_rules: Sequence[TaskRule]
) -> None:
    job = ctx.job
    for index, group in enumerate(job.task_groups or ()):
        group_scope = GroupScope(job, group, ("TaskGroups", index))
        for group_rule in group_rules:
            group_rule(ctx, group_scope)
        for task_index, task in enumerate(group.tasks or ()):
            task_scope = TaskScope(job, group, (*group_scope.path, "Tasks", task_index), task)
            for task_rule in task_rules:
                task_rule(ctx, task_scope)
