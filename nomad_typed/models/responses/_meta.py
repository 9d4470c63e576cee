"""Query and write metadata that some response bodies carry as top-level keys.

Nomad returns a few RPC replies whole, and their embedded ``QueryMeta``/``WriteMeta`` structs are
flattened into the JSON object. The same values also arrive as ``X-Nomad-*`` headers (where the
last-contact time is in milliseconds, not nanoseconds).
"""

from __future__ import annotations

from pydantic import Field

from .._base import NomadModel
from .._types import Duration, UInt64

__all__ = ["QueryMetaBody", "WriteMetaBody"]


class WriteMetaBody(NomadModel):
    """Base of bodies that embed Nomad's ``WriteMeta``: the ``Index`` key."""

    index: UInt64 | None = Field(
        None,
        alias="Index",
        description="Raft index of the write, or of the data a query read; usable as `?index=` to block",
    )


class QueryMetaBody(WriteMetaBody):
    """Base of bodies that embed Nomad's ``QueryMeta``: ``Index`` plus leader and paging details."""

    last_contact: Duration | None = Field(
        None,
        alias="LastContact",
        description="Nanoseconds since the answering server last heard from the leader (0 on the leader)",
    )
    known_leader: bool | None = Field(
        None, alias="KnownLeader", description="Whether the answering server knew of a cluster leader"
    )
    next_token: str | None = Field(
        None,
        alias="NextToken",
        description="Token for the next page of a paginated list; empty on the last page",
    )
