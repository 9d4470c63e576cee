"""The semantic rules, by area, and the order Nomad runs them in."""

from __future__ import annotations

from .._context import Context, GroupScope, TaskScope
from .connect import connect_admission, connect_mutators, expose_admission
from .enterprise import ENTERPRISE_RULES
from .group import GROUP_RULES
from .job import JOB_AFTER_GROUPS, JOB_RULES, JOB_WARNINGS
from .task import TASK_RULES
from .warnings import GROUP_WARNINGS, TASK_WARNINGS

__all__ = ["run_rules"]


def run_rules(ctx: Context) -> None:
    """Every rule on ``ctx.job``; a failing admission mutator stops Nomad, and so stops us."""
    connect_mutators(ctx)
    if ctx.issues:
        return
    connect_admission(ctx)
    expose_admission(ctx)
    for admission_rule in ENTERPRISE_RULES:
        admission_rule(ctx)
    for job_rule in JOB_RULES:
        job_rule(ctx)
    job = ctx.job
    for index, group in enumerate(job.task_groups or ()):
        group_scope = GroupScope(job, group, ("TaskGroups", index))
        for group_rule in GROUP_RULES:
            group_rule(ctx, group_scope)
        for task_index, task in enumerate(group.tasks or ()):
            task_scope = TaskScope(
                job, group, task, (*group_scope.path, "Tasks", task_index), group_scope.path
            )
            for task_rule in TASK_RULES:
                task_rule(ctx, task_scope)
    for job_rule in JOB_AFTER_GROUPS:
        job_rule(ctx)
    for index, group in enumerate(job.task_groups or ()):
        group_scope = GroupScope(job, group, ("TaskGroups", index))
        for group_warning in GROUP_WARNINGS:
            group_warning(ctx, group_scope)
        for task_index, task in enumerate(group.tasks or ()):
            task_scope = TaskScope(
                job, group, task, (*group_scope.path, "Tasks", task_index), group_scope.path
            )
            for task_warning in TASK_WARNINGS:
                task_warning(ctx, task_scope)
    for job_warning in JOB_WARNINGS:
        job_warning(ctx)
