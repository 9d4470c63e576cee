"""Admission checks about features that need Nomad Enterprise, and the Consul partition check.

A Nomad CE server rejects a job that uses an Enterprise feature, an Enterprise server accepts it;
offline the edition is unknown, so each feature is a warning (:meth:`Context.needs_enterprise`).
"""

from __future__ import annotations

from collections.abc import Sequence

from nomad_typed.models import Service

from .._context import Context, q, rule
from .._paths import Path

__all__ = ["ENTERPRISE_RULES"]


@rule("V446", "Vault namespaces need Nomad Enterprise (warning)")
@rule("V447", "non-default Vault clusters need Nomad Enterprise (warning)")
def vault_hook(ctx: Context) -> None:
    namespaces: dict[str, Path] = {}
    for group_index, group in enumerate(ctx.job.task_groups or ()):
        for task_index, task in enumerate(group.tasks or ()):
            vault = task.vault
            if vault is None:
                continue
            path = ("TaskGroups", group_index, "Tasks", task_index, "Vault")
            if vault.namespace:
                namespaces.setdefault(vault.namespace, (*path, "Namespace"))
            if (vault.cluster or "default") != "default":
                message = "non-default Vault cluster requires Nomad Enterprise"
                ctx.needs_enterprise("V447", (*path, "Cluster"), message)
    if namespaces:
        listed = ", ".join(sorted(namespaces))
        message = f"multiple Vault namespaces requires Nomad Enterprise, Namespaces: {listed}"
        ctx.needs_enterprise("V446", next(iter(namespaces.values())), message)


@rule("V448", "non-default Consul clusters need Nomad Enterprise (warning)")
@rule("V449", "task and group Consul partitions must match")
def consul_hook(ctx: Context) -> None:
    for group_index, group in enumerate(ctx.job.task_groups or ()):
        group_path = ("TaskGroups", group_index)
        partition = ""
        if group.consul is not None:
            partition = group.consul.partition or ""
            _consul_cluster(ctx, group.consul.cluster, (*group_path, "Consul", "Cluster"))
        _service_clusters(ctx, group.services, group_path)
        for task_index, task in enumerate(group.tasks or ()):
            task_path = (*group_path, "Tasks", task_index)
            _service_clusters(ctx, task.services, task_path)
            consul = task.consul
            if consul is None:
                continue
            if consul.partition and partition and consul.partition != partition and not ctx.reported("V449"):
                message = (
                    f"task.consul.partition {q(consul.partition)} must match group.consul.partition"
                    f" {q(partition)} if both are set"
                )
                ctx.error("V449", (*task_path, "Consul", "Partition"), message)
            _consul_cluster(ctx, consul.cluster, (*task_path, "Consul", "Cluster"))


def _service_clusters(ctx: Context, services: Sequence[Service] | None, path: Path) -> None:
    for index, service in enumerate(services or ()):
        if service.provider == "consul":
            _consul_cluster(ctx, service.cluster, (*path, "Services", index, "Cluster"))


def _consul_cluster(ctx: Context, cluster: str | None, path: Path) -> None:
    if (cluster or "default") != "default":
        ctx.needs_enterprise("V448", path, "non-default Consul cluster requires Nomad Enterprise")


@rule("V454", "NUMA prefer/require needs Nomad Enterprise (warning)")
@rule("V455", "task schedules need Nomad Enterprise (warning)")
def task_features(ctx: Context) -> None:
    for group_index, group in enumerate(ctx.job.task_groups or ()):
        for task_index, task in enumerate(group.tasks or ()):
            path = ("TaskGroups", group_index, "Tasks", task_index)
            numa = task.resources.numa if task.resources is not None else None
            if numa is not None and numa.affinity in ("prefer", "require"):
                message = "numa scheduling requires Nomad Enterprise"
                ctx.needs_enterprise("V454", (*path, "Resources", "NUMA", "Affinity"), message)
            if task.schedule is not None:
                ctx.needs_enterprise("V455", (*path, "Schedule"), "task schedules requires Nomad Enterprise")


ENTERPRISE_RULES = [vault_hook, consul_hook, task_features]
