"""Nomad-native service registrations."""

from __future__ import annotations

from pydantic import Field

from .._base import NomadModel
from .._types import Int64, UInt64

__all__ = ["ServiceRegistration"]


class ServiceRegistration(NomadModel):
    """A service instance registered with Nomad's service discovery (``provider = "nomad"``).

    The elements of ``GET /v1/job/:job_id/services``, ``GET /v1/allocation/:alloc_id/services``
    and ``GET /v1/service/:service_name``.
    """

    id: str | None = Field(
        None, alias="ID", description="ID of the registration, unique per service instance"
    )
    service_name: str | None = Field(None, alias="ServiceName", description="Service name")
    namespace: str | None = Field(None, alias="Namespace", description="Namespace of the job")
    node_id: str | None = Field(None, alias="NodeID", description="ID of the node running the instance")
    datacenter: str | None = Field(None, alias="Datacenter", description="Datacenter of that node")
    job_id: str | None = Field(None, alias="JobID", description="ID of the job that registered the service")
    alloc_id: str | None = Field(
        None, alias="AllocID", description="ID of the allocation running the instance"
    )
    tags: list[str] | None = Field(None, alias="Tags", description="Tags of the instance")
    address: str | None = Field(None, alias="Address", description="Address the instance is reachable at")
    port: Int64 | None = Field(None, alias="Port", description="Port the instance is reachable at")
    create_index: UInt64 | None = Field(
        None, alias="CreateIndex", description="Raft index at which the registration was created"
    )
    modify_index: UInt64 | None = Field(
        None, alias="ModifyIndex", description="Raft index of the latest change to the registration"
    )
