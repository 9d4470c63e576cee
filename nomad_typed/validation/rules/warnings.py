"""Nomad's warnings: accepted, but probably not what was meant."""

from __future__ import annotations

from collections.abc import Sequence

from nomad_typed.models import Service, WorkloadIdentity

from .._context import Context, GroupScope, TaskScope, q, rule
from .._paths import Path
from .task import named_identities

__all__ = ["GROUP_WARNINGS", "TASK_WARNINGS"]


@rule("W01", "update max_parallel above the group count")
def max_parallel_above_count(ctx: Context, scope: GroupScope) -> None:
    update = scope.group.update
    count = scope.group.count or 0
    if update is not None and count > 1 and (update.max_parallel or 0) > count:
        message = (
            f"Update max parallel count is greater than task group count ({update.max_parallel} > {count})."
            " A destructive change would result in the simultaneous replacement of all allocations."
        )
        ctx.warn("W01", (*scope.path, "Update", "MaxParallel"), message)


@rule("W03", "mbits is deprecated")
def mbits(ctx: Context, scope: GroupScope) -> None:
    group_networks = scope.group.networks or []
    if group_networks and (group_networks[0].mbits or 0) > 0:
        message = "mbits has been deprecated as of Nomad 0.12.0. Please remove mbits from the network block"
        ctx.warn("W03", (*scope.path, "Networks", 0, "MBits"), message)


@rule("W10", "services without a shutdown_delay")
def shutdown_delay(ctx: Context, scope: GroupScope) -> None:
    group = scope.group
    referenced: set[str] = set()
    unscoped = False
    for index, service in enumerate(group.services or ()):
        if service.task_name:
            referenced.add(service.task_name)
            continue
        sidecar_task = service.connect.sidecar_task if service.connect is not None else None
        if sidecar_task is not None:
            if sidecar_task.shutdown_delay is None:
                message = (
                    f"service {q(service.name or '')} defines a sidecar task in Consul Connect definition,"
                    " but the task has no shutdown_delay set"
                )
                ctx.warn("W10", (*scope.path, "Services", index, "Connect", "SidecarTask"), message)
            continue
        unscoped = True
    any_task_delay = False
    for index, task in enumerate(group.tasks or ()):
        path = (*scope.path, "Tasks", index)
        delay = task.shutdown_delay or 0
        if task.name in referenced and delay == 0:
            message = (
                f"group {q(scope.name)} references task {q(task.name or '')} in a service definition,"
                " but the task has no shutdown_delay set"
            )
            ctx.warn("W10", path, message)
        if delay > 0:
            any_task_delay = True
        elif task.services:
            message = (
                f"task {q(task.name or '')} in group {q(scope.name)}"
                " defines services, but has no shutdown_delay set"
            )
            ctx.warn("W10", path, message)
    if unscoped and (group.shutdown_delay or 0) <= 0 and not any_task_delay:
        message = (
            f"group {q(scope.name)} defines services, but neither"
            " the group nor any of its tasks have shutdown_delay set"
        )
        ctx.warn("W10", (*scope.path, "Services"), message)


def identity_warnings(ctx: Context, identity: WorkloadIdentity, name: str, path: Path) -> None:
    audiences = identity.audience or []
    if not audiences:
        ctx.warn("W07", path, "identities without an audience are insecure")
    elif len(audiences) > 1:
        ctx.warn(
            "W07",
            path,
            "while multiple audiences is allowed, it is more secure to use 1 audience per identity",
        )
    if name not in ("", "default") and not identity.ttl:
        ctx.warn("W07", path, "identities without an expiration are insecure")
    if identity.env and identity.change_mode != "restart":
        message = (
            'using env=true without change_mode="restart" may result in task not getting updated identity'
        )
        ctx.warn("W07", path, message)


def _service_identities(ctx: Context, services: Sequence[Service] | None, path: Path) -> None:
    for index, service in enumerate(services or ()):
        if service.identity is not None:
            where = (*path, "Services", index, "Identity")
            identity_warnings(ctx, service.identity, service.identity.name or "", where)


@rule("W07", "insecure workload identity settings")
def group_service_identities(ctx: Context, scope: GroupScope) -> None:
    _service_identities(ctx, scope.group.services, scope.path)


@rule("W04", "IOPS is deprecated")
@rule("W05", "task-level networks are deprecated")
@rule("W06", "template vault_grace is deprecated")
@rule("W12", "vault_* identities without a vault block")
def task_warnings(ctx: Context, scope: TaskScope) -> None:
    task = scope.task
    resources = task.resources
    if resources is not None and resources.iops:
        message = "IOPS has been deprecated as of Nomad 0.9.0. Please remove IOPS from resource block."
        ctx.warn("W04", (*scope.path, "Resources", "IOPS"), message)
    if resources is not None and resources.networks:
        message = (
            "task network resources have been deprecated as of Nomad 0.12.0."
            " Please configure networking via group network block."
        )
        ctx.warn("W05", (*scope.path, "Resources", "Networks"), message)
    for index, template in enumerate(task.templates or ()):
        if template.vault_grace:
            message = (
                "VaultGrace has been deprecated as of Nomad 0.11 and ignored since Vault 0.5."
                " Please remove VaultGrace / vault_grace from template block."
            )
            ctx.warn("W06", (*scope.path, "Templates", index, "VaultGrace"), message)
    _service_identities(ctx, task.services, scope.path)
    identities = named_identities(scope)
    for index, identity, name in identities:
        identity_warnings(ctx, identity, name, (*scope.path, "Identities", index))
    if task.vault is None:
        for index, _identity, name in identities:
            if name.startswith("vault_"):
                message = f"Task {task.name} has an identity called {name} but no vault block"
                ctx.warn("W12", (*scope.path, "Identities", index), message)


GROUP_WARNINGS = [max_parallel_above_count, mbits, group_service_identities, shutdown_delay]
TASK_WARNINGS = [task_warnings]
