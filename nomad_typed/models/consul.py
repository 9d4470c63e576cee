"""The ``consul`` block of groups and tasks (Consul cluster, namespace, partition)."""

from __future__ import annotations

from pydantic import Field

from ._base import NomadModel

__all__ = ["Consul"]


class Consul(NomadModel):
    """Consul settings of a group or task (HCL `consul`): cluster, namespace and admin partition.

    A task-level block replaces the group-level one entirely.
    """

    namespace: str | None = Field(
        None,
        alias="Namespace",
        description="Consul namespace; a group block without one takes `Job.ConsulNamespace`.",
    )
    cluster: str | None = Field(
        None,
        alias="Cluster",
        description="Consul cluster named in the agent config; default `default`; others need Enterprise.",
    )
    partition: str | None = Field(
        None,
        alias="Partition",
        description="Consul Enterprise admin partition; a group-level one also constrains placement.",
    )
