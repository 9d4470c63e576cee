"""What every resource handle shares: one transport, typed parsing, metadata views, paging."""

from __future__ import annotations

import functools
import inspect
import reprlib
import types
import typing
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

__all__ = ["Paging", "Resource", "checked", "with_meta"]

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
    """Base of the API-area handles (``client.jobs``, ``client.allocations`` …).

    Every public method of a handle checks its arguments against its own annotations before
    anything is sent (see :func:`checked`).
    """

    def __init__(self, transport: Transport) -> None:
        self._transport = transport

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        for name, member in list(vars(cls).items()):
            if inspect.isfunction(member) and not name.startswith("_"):
                setattr(cls, name, checked(member, f"{cls.__name__.lower()}.{name}"))

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


#: Integer arguments whose range is not "zero or more".
_INT_RANGES: dict[str, tuple[int, int | None]] = {
    "per_page": (1, None),
    "priority": (1, 100),
    "eval_priority": (1, 100),
}

#: Checks one argument's value, raising InvalidParameterError with ``label`` and the argument name.
_Rule = Callable[[str, str, object], None]


def checked(method: Callable[P, T], label: str) -> Callable[P, T]:
    """``method`` checking its arguments against its annotations before it runs.

    Booleans must be ``bool``; integers ``int`` (not ``bool``), zero or more, ``per_page`` at
    least 1 and priorities 1 to 100; strings ``str``; ``Sequence[str]`` a list or tuple of
    strings (not one string); ``Mapping[str, str]`` a mapping of strings. ``None`` passes where
    the annotation allows it. Other annotations (jobs, payloads, models) are checked where the
    value is used. A wrong value raises :class:`InvalidParameterError` naming ``label`` and the
    argument, before anything is sent: unchecked, ``enforce_index="no"`` would enforce the
    index (a true value) and ``per_page=-1`` would reach the server.
    """
    hints = typing.get_type_hints(method)
    rules: list[tuple[str, int | None, bool, _Rule]] = []
    for position, parameter in enumerate(inspect.signature(method).parameters.values()):
        if parameter.kind in (parameter.VAR_POSITIONAL, parameter.VAR_KEYWORD):
            continue
        hint = hints.get(parameter.name)
        kinds = typing.get_args(hint) if _is_union(hint) else (hint,)
        optional = type(None) in kinds
        concrete = [kind for kind in kinds if kind is not type(None)]
        rule = _rule(parameter.name, concrete[0]) if len(concrete) == 1 else None
        if rule is not None:
            by_position = position if parameter.kind is parameter.POSITIONAL_OR_KEYWORD else None
            rules.append((parameter.name, by_position, optional, rule))
    if not rules:
        return method

    @functools.wraps(method)
    def call(*args: P.args, **kwargs: P.kwargs) -> T:
        for name, position, optional, rule in rules:
            if position is not None and position < len(args):
                value = args[position]
            elif name in kwargs:
                value = kwargs[name]
            else:
                continue
            if value is not None or not optional:
                rule(label, name, value)
        return method(*args, **kwargs)

    return call


def _is_union(hint: object) -> bool:
    return typing.get_origin(hint) in (typing.Union, types.UnionType)


def _rule(name: str, kind: object) -> _Rule | None:
    if kind is bool:
        return _is_bool
    if kind is int:
        low, high = _INT_RANGES.get(name, (0, None))
        return functools.partial(_is_int, low, high)
    if kind is str:
        return _is_str
    origin, arguments = typing.get_origin(kind), typing.get_args(kind)
    if origin is Sequence and arguments == (str,):
        return _is_strings
    if origin is Mapping and arguments == (str, str):
        return _is_string_map
    return None


def _refuse(label: str, name: str, expected: str, value: object) -> typing.NoReturn:
    raise InvalidParameterError(f"{label}: {name} must be {expected}, got {reprlib.repr(value)}")


def _is_bool(label: str, name: str, value: object) -> None:
    if not isinstance(value, bool):
        _refuse(label, name, "a bool", value)


def _is_int(low: int, high: int | None, label: str, name: str, value: object) -> None:
    if (
        isinstance(value, int)
        and not isinstance(value, bool)
        and low <= value
        and (high is None or value <= high)
    ):
        return
    expected = f"an integer from {low} to {high}" if high is not None else f"an integer of at least {low}"
    _refuse(label, name, expected, value)


def _is_str(label: str, name: str, value: object) -> None:
    if not isinstance(value, str):
        _refuse(label, name, "a string", value)


def _is_strings(label: str, name: str, value: object) -> None:
    # A string is a sequence of strings too: "web" would become ["w", "e", "b"].
    if (
        isinstance(value, str)
        or not isinstance(value, Sequence)
        or not all(isinstance(item, str) for item in value)
    ):
        _refuse(label, name, "a list of strings", value)


def _is_string_map(label: str, name: str, value: object) -> None:
    if not isinstance(value, Mapping) or not all(
        isinstance(key, str) and isinstance(item, str) for key, item in value.items()
    ):
        _refuse(label, name, "a mapping of strings to strings", value)


def with_meta(method: Callable[P, T]) -> Callable[P, WithMeta[T]]:
    """The same call, returning the parsed value together with the answer's :class:`QueryMeta`."""

    @functools.wraps(method)
    def call(*args: P.args, **kwargs: P.kwargs) -> WithMeta[T]:
        with capture_meta() as seen:
            value = method(*args, **kwargs)
        return WithMeta(value, seen[-1])

    return call
