"""The ``consul`` block of groups and tasks (Consul cluster, namespace, partition)."""

from __future__ import annotations

from pydantic import Field

from ._base import NomadModel

__all__ = ["Consul"]


class Consul(NomadModel):
    """HCL `consul`. Group and task level."""

    namespace: str | None = Field(
        None,
        alias="Namespace",
        description="HCL `namespace`; default group block only: inherits Job.ConsulNamespace when ''; same",
    )
    cluster: str | None = Field(None, alias="Cluster", description="HCL `cluster`; default 'default'; same")
    partition: str | None = Field(None, alias="Partition", description="HCL `partition`; default —; same")
