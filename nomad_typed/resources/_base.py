"""What every resource handle shares: one transport, typed parsing, metadata views, paging."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import TypeVar

from pydantic import BaseModel
from pydantic_core import PydanticSerializationError
from typing_extensions import ParamSpec

from .._exceptions import InvalidParameterError, NomadError
from .._transport import (
    ParamValue,
    Response,
    RetryMode,
    Transport,
    WithMeta,
    capture_meta,
    parse_list,
)
from ..models._base import NomadModel

__all__ = ["Resource", "iterate_pages", "with_meta"]

P = ParamSpec("P")
T = TypeVar("T")
M = TypeVar("M", bound=BaseModel)


class Resource:
    """Base of the API-area handles (``client.jobs``, ``client.allocations`` …)."""

    def __init__(self, transport: Transport) -> None:
        self._transport = transport

    def _read(
        self,
        segments: Sequence[str],
        options: Mapping[str, object],
        params: Sequence[tuple[str, ParamValue]] = (),
    ) -> Response:
        return self._transport.request("GET", segments, options=options, params=params, mode="read")

    def _write(
        self,
        method: str,
        segments: Sequence[str],
        options: Mapping[str, object],
        *,
        body: NomadModel | bytes | None = None,
        params: Sequence[tuple[str, ParamValue]] = (),
        mode: RetryMode = "write",
    ) -> Response:
        if isinstance(body, NomadModel):
            try:
                payload = body.to_json().encode()
            except PydanticSerializationError as err:
                # Text with lone surrogates, or values nested too deep: refuse before sending anything.
                raise InvalidParameterError(
                    f"{method} /v1/{'/'.join(segments)}: the request body cannot be written as JSON: {err}"
                ) from None
            return self._transport.request(
                method, segments, options=options, params=params, body=payload, mode=mode
            )
        return self._transport.request(
            method,
            segments,
            options=options,
            params=params,
            body=body,
            content_type="application/octet-stream",
            mode=mode,
        )


def with_meta(method: Callable[P, T]) -> Callable[P, WithMeta[T]]:
    """The same call, returning the parsed value together with the answer's :class:`QueryMeta`."""

    @functools.wraps(method)
    def call(*args: P.args, **kwargs: P.kwargs) -> WithMeta[T]:
        with capture_meta() as seen:
            value = method(*args, **kwargs)
        return WithMeta(value, seen[-1])

    return call


def iterate_pages(
    fetch: Callable[[str | None], Response], model: type[M], *, next_token: str | None = None
) -> Iterator[M]:
    """Every item of a paginated list, following ``X-Nomad-NextToken`` page by page.

    ``fetch`` gets the token of the page to read (``None`` for the first). Raises
    :class:`NomadError` if the server hands out a token it already gave, which would loop forever.
    """
    seen: set[str] = set()
    token = next_token
    while True:
        response = fetch(token)
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
