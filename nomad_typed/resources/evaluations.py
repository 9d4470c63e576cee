"""``client.evaluations``: evaluation reads."""

from __future__ import annotations

import builtins
from collections.abc import Iterator

from typing_extensions import Unpack

from .._transport import QueryOptions, Transport, parse_list, parse_model
from ..models.responses import AllocListStub, EvalCountResponse, Evaluation
from ._base import Paging, Resource, with_meta

__all__ = ["Evaluations", "EvaluationsWithMeta"]


class Evaluations(Resource):
    """The evaluation endpoints (``/v1/evaluations``, ``/v1/evaluation/:eval_id/…``)."""

    def __init__(self, transport: Transport) -> None:
        super().__init__(transport)
        self.with_meta = EvaluationsWithMeta(self)

    def get(
        self, eval_id: str, *, related: bool | None = None, **options: Unpack[QueryOptions]
    ) -> Evaluation:
        """One evaluation (``GET /v1/evaluation/:eval_id``); ``related=True`` adds related ones."""
        return parse_model(self._read(["evaluation", eval_id], options, [("related", related)]), Evaluation)

    def list(
        self,
        *,
        prefix: str | None = None,
        filter: str | None = None,
        status: str | None = None,
        job: str | None = None,
        per_page: int | None = None,
        next_token: str | None = None,
        reverse: bool | None = None,
        **options: Unpack[QueryOptions],
    ) -> builtins.list[Evaluation]:
        """One page of evaluations (``GET /v1/evaluations``), optionally of one status or job."""
        paging = Paging(
            prefix=prefix, filter=filter, per_page=per_page, next_token=next_token, reverse=reverse
        )
        filters = [("status", status), ("job", job)]
        return self._list(["evaluations"], Evaluation, paging, filters, options)

    def iter_list(
        self,
        *,
        prefix: str | None = None,
        filter: str | None = None,
        status: str | None = None,
        job: str | None = None,
        per_page: int | None = None,
        next_token: str | None = None,
        reverse: bool | None = None,
        **options: Unpack[QueryOptions],
    ) -> Iterator[Evaluation]:
        """Every evaluation, page after page, following ``X-Nomad-NextToken``."""
        paging = Paging(
            prefix=prefix, filter=filter, per_page=per_page, next_token=next_token, reverse=reverse
        )
        filters = [("status", status), ("job", job)]
        return self._iter_list(["evaluations"], Evaluation, paging, filters, options)

    def count(self, *, filter: str | None = None, **options: Unpack[QueryOptions]) -> EvalCountResponse:
        """How many evaluations match ``filter`` (``GET /v1/evaluations/count``)."""
        return parse_model(
            self._read(["evaluations", "count"], options, [("filter", filter)]), EvalCountResponse
        )

    def allocations(self, eval_id: str, **options: Unpack[QueryOptions]) -> builtins.list[AllocListStub]:
        """Allocations the evaluation placed (``GET /v1/evaluation/:eval_id/allocations``)."""
        return parse_list(self._read(["evaluation", eval_id, "allocations"], options), AllocListStub)


class EvaluationsWithMeta:
    """``client.evaluations.with_meta``: the same calls, each returning ``WithMeta(value, meta)``."""

    def __init__(self, evaluations: Evaluations) -> None:
        self.get = with_meta(evaluations.get)
        self.list = with_meta(evaluations.list)
        self.count = with_meta(evaluations.count)
        self.allocations = with_meta(evaluations.allocations)
