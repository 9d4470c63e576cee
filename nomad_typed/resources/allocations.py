"""``client.allocations``: allocation reads and stop."""

from __future__ import annotations

import builtins
from collections.abc import Iterator

from typing_extensions import Unpack

from .._transport import QueryOptions, Transport, WriteOptions, parse_list, parse_model
from ..models.responses import Allocation, AllocListStub, AllocStopResponse, ServiceRegistration
from ._base import Paging, Resource, with_meta

__all__ = ["Allocations", "AllocationsWithMeta"]


class Allocations(Resource):
    """The allocation endpoints (``/v1/allocations``, ``/v1/allocation/:alloc_id/…``)."""

    def __init__(self, transport: Transport) -> None:
        super().__init__(transport)
        self.with_meta = AllocationsWithMeta(self)

    def get(self, alloc_id: str, **options: Unpack[QueryOptions]) -> Allocation:
        """One allocation with its job, resources and task states (``GET /v1/allocation/:alloc_id``)."""
        return parse_model(self._read(["allocation", alloc_id], options), Allocation)

    def list(
        self,
        *,
        prefix: str | None = None,
        filter: str | None = None,
        resources: bool | None = None,
        task_states: bool | None = None,
        per_page: int | None = None,
        next_token: str | None = None,
        reverse: bool | None = None,
        **options: Unpack[QueryOptions],
    ) -> builtins.list[AllocListStub]:
        """One page of allocations (``GET /v1/allocations``).

        ``resources=True`` adds allocated resources; ``task_states=False`` leaves out task states.
        """
        paging = Paging(
            prefix=prefix, filter=filter, per_page=per_page, next_token=next_token, reverse=reverse
        )
        filters = [("resources", resources), ("task_states", task_states)]
        return self._list(["allocations"], AllocListStub, paging, filters, options)

    def iter_list(
        self,
        *,
        prefix: str | None = None,
        filter: str | None = None,
        resources: bool | None = None,
        task_states: bool | None = None,
        per_page: int | None = None,
        next_token: str | None = None,
        reverse: bool | None = None,
        **options: Unpack[QueryOptions],
    ) -> Iterator[AllocListStub]:
        """Every allocation, page after page, following ``X-Nomad-NextToken``."""
        paging = Paging(
            prefix=prefix, filter=filter, per_page=per_page, next_token=next_token, reverse=reverse
        )
        filters = [("resources", resources), ("task_states", task_states)]
        return self._iter_list(["allocations"], AllocListStub, paging, filters, options)

    def stop(
        self,
        alloc_id: str,
        *,
        no_shutdown_delay: bool | None = None,
        reschedule: bool | None = None,
        **options: Unpack[WriteOptions],
    ) -> AllocStopResponse:
        """Stop an allocation; Nomad replaces it (``POST /v1/allocation/:alloc_id/stop``).

        ``no_shutdown_delay=True`` skips shutdown delays; ``reschedule=True`` places the
        replacement elsewhere.
        """
        params = [("no_shutdown_delay", no_shutdown_delay), ("reschedule", reschedule)]
        return parse_model(
            self._write("POST", ["allocation", alloc_id, "stop"], options, params=params), AllocStopResponse
        )

    def services(self, alloc_id: str, **options: Unpack[QueryOptions]) -> builtins.list[ServiceRegistration]:
        """Nomad-native services registered by the allocation (``GET /v1/allocation/:alloc_id/services``)."""
        return parse_list(self._read(["allocation", alloc_id, "services"], options), ServiceRegistration)


class AllocationsWithMeta:
    """``client.allocations.with_meta``: the same calls, each returning ``WithMeta(value, meta)``."""

    def __init__(self, allocations: Allocations) -> None:
        self.get = with_meta(allocations.get)
        self.list = with_meta(allocations.list)
        self.stop = with_meta(allocations.stop)
        self.services = with_meta(allocations.services)
