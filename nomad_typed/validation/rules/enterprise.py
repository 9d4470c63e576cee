"""Admission checks of Nomad's community edition: features that need Nomad Enterprise.

Each of Nomad's admission hooks stops at its first problem, so each reports at most one issue.
"""

from __future__ import annotations

from .._context import Context, q, rule
from .._paths import Path

__all__ = ["ENTERPRISE_RULES"]

_CLUSTER_MESSAGE = "non-default Consul cluster requires Nomad Enterprise"


@rule("V446", "Vault namespaces need Nomad Enterprise")
@rule("V447", "non-default Vault clusters need Nomad Enterprise")
def vault_hook(ctx: Context) -> None:
    namespaces: dict[str, Path] = {}
    clusters: list[Path] = []
    for group_index, group in enumerate(ctx.job.task_groups or ()):
        for task_index, task in enumerate(group.tasks or ()):
            vault = task.vault
            if vault is None:
                continue
            path = ("TaskGroups", group_index, "Tasks", task_index, "Vault")
            if vault.namespace:
                namespaces.setdefault(vault.namespace, (*path, "Namespace"))
            if (vault.cluster or "default") != "default":
                clusters.append((*path, "Cluster"))
    if namespaces:
        listed = ", ".join(sorted(namespaces))
        message = f"multiple Vault namespaces requires Nomad Enterprise, Namespaces: {listed}"
        ctx.error("V446", next(iter(namespaces.values())), message)
    elif clusters:
        ctx.error("V447", clusters[0], "non-default Vault cluster requires Nomad Enterprise")


@rule("V448", "non-default Consul clusters need Nomad Enterprise")
@rule("V449", "task and group Consul partitions must match")
def consul_hook(ctx: Context) -> None:
    for group_index, group in enumerate(ctx.job.task_groups or ()):
        group_path = ("TaskGroups", group_index)
        partition = ""
        if group.consul is not None:
            partition = group.consul.partition or ""
            if (group.consul.cluster or "default") != "default":
                ctx.error("V448", (*group_path, "Consul", "Cluster"), _CLUSTER_MESSAGE)
                return
        for index, service in enumerate(group.services or ()):
            if service.provider == "consul" and (service.cluster or "default") != "default":
                ctx.error("V448", (*group_path, "Services", index, "Cluster"), _CLUSTER_MESSAGE)
                return
        for task_index, task in enumerate(group.tasks or ()):
            task_path = (*group_path, "Tasks", task_index)
            for index, service in enumerate(task.services or ()):
                if service.provider == "consul" and (service.cluster or "default") != "default":
                    ctx.error("V448", (*task_path, "Services", index, "Cluster"), _CLUSTER_MESSAGE)
                    return
            consul = task.consul
            if consul is None:
                continue
            if consul.partition and partition and consul.partition != partition:
                message = (
                    f"task.consul.partition {q(consul.partition)} must match group.consul.partition"
                    f" {q(partition)} if both are set"
                )
                ctx.error("V449", (*task_path, "Consul", "Partition"), message)
                return
            if (consul.cluster or "default") != "default":
                ctx.error("V448", (*task_path, "Consul", "Cluster"), _CLUSTER_MESSAGE)
                return


@rule("V454", "NUMA prefer/require needs Nomad Enterprise")
def numa_hook(ctx: Context) -> None:
    for group_index, group in enumerate(ctx.job.task_groups or ()):
        for task_index, task in enumerate(group.tasks or ()):
            numa = task.resources.numa if task.resources is not None else None
            if numa is not None and numa.affinity in ("prefer", "require"):
                path = ("TaskGroups", group_index, "Tasks", task_index, "Resources", "NUMA", "Affinity")
                ctx.error("V454", path, "numa scheduling requires Nomad Enterprise")
                return


@rule("V455", "task schedules need Nomad Enterprise")
def schedule_hook(ctx: Context) -> None:
    for group_index, group in enumerate(ctx.job.task_groups or ()):
        for task_index, task in enumerate(group.tasks or ()):
            if task.schedule is not None:
                path = ("TaskGroups", group_index, "Tasks", task_index, "Schedule")
                ctx.error("V455", path, "task schedules requires Nomad Enterprise")
                return


ENTERPRISE_RULES = [vault_hook, consul_hook, numa_hook, schedule_hook]
