"""What every resource handle shares: one transport, typed parsing, metadata views, paging."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import TypeVar

from pydantic import BaseModel
from pydantic_core import PydanticSerializationError
from typing_extensions import ParamSpec, TypedDict

from .._exceptions import InvalidParameterError, NomadError
from .._transport import (
    Params,
    QueryOptions,
    Response,
    RetryMode,
    Transport,
    WithMeta,
    capture_meta,
    parse_list,
)
from ..models._base import NomadModel

__all__ = ["Paging", "Resource", "with_meta"]

P = ParamSpec("P")
T = TypeVar("T")
M = TypeVar("M", bound=BaseModel)


class Paging(TypedDict):
    """The parameters every list endpoint takes besides its own filters."""

    prefix: str | None
    filter: str | None
    per_page: int | None
    next_token: str | None
    reverse: bool | None


class Resource:
    """Base of the API-area handles (``client.jobs``, ``client.allocations`` …)."""

    def __init__(self, transport: Transport) -> None:
        self._transport = transport

    def _read(self, segments: Sequence[str], options: Mapping[str, object], params: Params = ()) -> Response:
        return self._transport.request("GET", segments, options=options, params=params, mode="read")

    def _write(
        self,
        method: str,
        segments: Sequence[str],
        options: Mapping[str, object],
        *,
        body: NomadModel | bytes | None = None,
        params: Params = (),
        mode: RetryMode = "write",
    ) -> Response:
        content_type = "application/octet-stream"
        if isinstance(body, NomadModel):
            content_type = "application/json"
            try:
                body = body.to_json().encode()
            except PydanticSerializationError as err:
                # Text with lone surrogates, or values nested too deep: refuse before sending anything.
                raise InvalidParameterError(
                    f"{method} /v1/{'/'.join(segments)}: the request body cannot be written as JSON: {err}"
                ) from None
        return self._transport.request(
            method, segments, options=options, params=params, body=body, content_type=content_type, mode=mode
        )

    def _list(
        self, segments: Sequence[str], model: type[M], paging: Paging, filters: Params, options: QueryOptions
    ) -> list[M]:
        """The page of a list endpoint that ``paging["next_token"]`` names (the first without one)."""
        return parse_list(self._page(segments, paging, filters, options, paging["next_token"]), model)

    def _iter_list(
        self, segments: Sequence[str], model: type[M], paging: Paging, filters: Params, options: QueryOptions
    ) -> Iterator[M]:
        """Every item of a list endpoint, following ``X-Nomad-NextToken`` page by page.

        Raises :class:`NomadError` if the server hands out a token it already gave, which would
        loop forever.
        """
        seen: set[str] = set()
        token = paging["next_token"]
        while True:
            response = self._page(segments, paging, filters, options, token)
            yield from parse_list(response, model)
            token = response.meta.next_token
            if token is None:
                return
            if token in seen:
                raise NomadError(
                    f"{response.method} {response.url}: the server repeated the page token {token!r};"
                    " stopping instead of looping"
                )
            seen.add(token)

    def _page(
        self,
        segments: Sequence[str],
        paging: Paging,
        filters: Params,
        options: QueryOptions,
        next_token: str | None,
    ) -> Response:
        params = [
            ("prefix", paging["prefix"]),
            ("filter", paging["filter"]),
            *filters,
            ("per_page", paging["per_page"]),
            ("next_token", next_token),
            ("reverse", paging["reverse"]),
        ]
        return self._read(segments, options, params)


def with_meta(method: Callable[P, T]) -> Callable[P, WithMeta[T]]:
    """The same call, returning the parsed value together with the answer's :class:`QueryMeta`."""

    @functools.wraps(method)
    def call(*args: P.args, **kwargs: P.kwargs) -> WithMeta[T]:
        with capture_meta() as seen:
            value = method(*args, **kwargs)
        return WithMeta(value, seen[-1])

    return call
