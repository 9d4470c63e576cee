"""Wire types shared by every model: bounded integers, durations, timestamps, JSON values.

Nomad's HTTP agent decodes request bodies with Go's ``encoding/json`` into fixed-width Go types,
so a number that does not fit (a weight of 200 for an ``int8``) or a value of the wrong JSON type
(a duration written as ``"10s"``) is rejected with HTTP 400. The aliases below carry those bounds
so the same mistakes fail locally, at their JSON path, before anything is sent.
"""

from __future__ import annotations

import math
import re
from datetime import datetime, timedelta
from fractions import Fraction
from typing import Annotated

from pydantic import (
    AfterValidator,
    BeforeValidator,
    Field,
    GetCoreSchemaHandler,
    GetJsonSchemaHandler,
    Strict,
    ValidationInfo,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema, PydanticCustomError, core_schema
from typing_extensions import TypeAliasType

from ._paths import join_index, join_map_key

__all__ = [
    "WIRE_CONTEXT",
    "Duration",
    "Int8",
    "Int64",
    "JSONObject",
    "JSONValue",
    "NanoTime",
    "Timestamp",
    "UInt8",
    "UInt16",
    "UInt32",
    "UInt64",
    "format_duration",
    "parse_duration",
]

INT64_MIN = -(2**63)
INT64_MAX = 2**63 - 1

Int8 = Annotated[int, Field(ge=-(2**7), le=2**7 - 1)]
UInt8 = Annotated[int, Field(ge=0, le=2**8 - 1)]
UInt16 = Annotated[int, Field(ge=0, le=2**16 - 1)]
UInt32 = Annotated[int, Field(ge=0, le=2**32 - 1)]
UInt64 = Annotated[int, Field(ge=0, le=2**64 - 1)]
#: Go ``int`` and ``int64`` (64-bit on every platform Nomad supports).
Int64 = Annotated[int, Field(ge=INT64_MIN, le=INT64_MAX)]
#: Unix time in nanoseconds (``SubmitTime``, ``CreateTime`` …); beyond 2**53, so never a float.
NanoTime = Int64

#: Validation context marking input as wire JSON: durations must then be integers, as Nomad requires.
WIRE_CONTEXT: dict[str, bool] = {"nomad_wire": True}

JSONValue = TypeAliasType(
    "JSONValue",
    "bool | int | float | str | list[JSONValue] | dict[str, JSONValue] | None",
)


class _FreeFormObject:
    """Validation of free-form JSON objects (``Task.Config``, scaling ``Policy`` …).

    One walk in Python over the value instead of pydantic's recursive union, which costs several
    times more than parsing the JSON itself; the checks are the same: JSON types only, string
    keys, no NaN or infinity (Go's decoder rejects them).
    """

    def __get_pydantic_core_schema__(self, source: object, handler: GetCoreSchemaHandler) -> CoreSchema:
        return core_schema.with_info_plain_validator_function(_free_form_object)

    def __get_pydantic_json_schema__(
        self, schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return {"type": "object", "additionalProperties": True}


def _free_form_object(value: object, info: ValidationInfo) -> dict[str, JSONValue]:
    if not isinstance(value, dict):
        raise PydanticCustomError("dict_type", "expected a JSON object, got {kind}", {"kind": _kind(value)})
    problem = _first_non_json(value)
    if problem is not None:
        # pydantic's location stops at the object; ``where`` carries the rest, in JSON path form.
        where, kind = problem
        template = "{kind} is not a JSON value (at {where})" if where else "{kind} is not a JSON value"
        raise PydanticCustomError("json_value", template, {"where": where, "kind": kind})
    # A dict from Python code is copied, so later changes to the caller's dict do not leak in.
    return value if info.mode == "json" else dict(value)


def _first_non_json(value: object) -> tuple[str, str] | None:
    """Where the first value JSON cannot carry is (a path) and what it is; ``None`` if all are fine.

    The path is only assembled on the way out of a failure: the walk itself must stay cheap.
    """
    if value is None or isinstance(value, (str, int)):  # bool is an int
        return None
    if isinstance(value, float):
        return None if math.isfinite(value) else ("", repr(value))
    if isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, str):
                return ("", f"the key {key!r}")
            found = _first_non_json(item)
            if found is not None:
                return (join_map_key("", key) + found[0], found[1])
        return None
    if isinstance(value, list):
        for index, item in enumerate(value):
            found = _first_non_json(item)
            if found is not None:
                return (join_index("", index) + found[0], found[1])
        return None
    return ("", _kind(value))


def _kind(value: object) -> str:
    return "null" if value is None else type(value).__name__


#: A free-form JSON object: driver ``Config``, proxy configs, scaling ``Policy``, event ``Meta``.
JSONObject = Annotated[dict[str, JSONValue], _FreeFormObject()]

_NS_PER_UNIT: dict[str, int] = {
    "ns": 1,
    "us": 1_000,
    "\u00b5s": 1_000,  # micro sign
    "\u03bcs": 1_000,  # Greek small letter mu
    "ms": 1_000_000,
    "s": 1_000_000_000,
    "m": 60 * 1_000_000_000,
    "h": 3600 * 1_000_000_000,
}
_DURATION_PART = re.compile(r"(\d+\.?\d*|\.\d+)(ns|us|\u00b5s|\u03bcs|ms|s|m|h)")


def parse_duration(text: str) -> int:
    """Parse a Go duration string (``"1m30s"``, ``"250ms"``, ``"-1.5h"``) into nanoseconds.

    Follows Go's ``time.ParseDuration``: a sequence of decimal numbers each with a unit, an
    optional leading sign, ``"0"`` alone allowed; fractions are truncated toward zero.
    """
    rest = text
    sign = 1
    if rest[:1] in "+-" and rest:
        sign = -1 if rest[0] == "-" else 1
        rest = rest[1:]
    if rest == "0":
        return 0
    if not rest:
        raise ValueError(f"invalid duration {text!r}")
    total = Fraction(0)
    pos = 0
    while pos < len(rest):
        match = _DURATION_PART.match(rest, pos)
        if match is None:
            raise ValueError(
                f"invalid duration {text!r}: expected a number with a unit (ns, us, ms, s, m, h)"
            )
        total += Fraction(match.group(1)) * _NS_PER_UNIT[match.group(2)]
        pos = match.end()
    nanos = sign * int(total)
    if not INT64_MIN <= nanos <= INT64_MAX:
        raise ValueError(f"invalid duration {text!r}: out of range")
    return nanos


def format_duration(nanos: int) -> str:
    """Render nanoseconds the way Go's ``time.Duration.String`` does (``1m30s``, ``250ms``, ``0s``)."""
    if nanos == 0:
        return "0s"
    sign = "-" if nanos < 0 else ""
    value = abs(nanos)
    if value < 1_000_000_000:
        for unit, size in (("ms", 1_000_000), ("\u00b5s", 1_000), ("ns", 1)):
            if value >= size:
                return sign + _decimal(value, size) + unit
    hours, value = divmod(value, 3600 * 1_000_000_000)
    minutes, value = divmod(value, 60 * 1_000_000_000)
    text = _decimal(value, 1_000_000_000) + "s"
    if hours or minutes:
        text = f"{minutes}m" + text
    if hours:
        text = f"{hours}h" + text
    return sign + text


def _decimal(value: int, unit: int) -> str:
    whole, frac = divmod(value, unit)
    if not frac:
        return str(whole)
    digits = len(str(unit)) - 1
    return f"{whole}.{frac:0{digits}d}".rstrip("0")


def _to_nanoseconds(value: object, info: ValidationInfo) -> object:
    if isinstance(value, timedelta):
        return (value.days * 86_400 + value.seconds) * 1_000_000_000 + value.microseconds * 1_000
    if isinstance(value, str):
        if info.mode == "json" or (info.context is not None and info.context.get("nomad_wire")):
            raise PydanticCustomError(
                "duration_string",
                'durations are integer nanoseconds in Nomad\'s JSON, got the string "{text}"',
                {"text": value},
            )
        try:
            return parse_duration(value)
        except ValueError as err:
            raise PydanticCustomError("duration_format", "{reason}", {"reason": str(err)}) from None
    return value


#: Nanoseconds on the wire; in Python also a ``timedelta`` or a Go duration string such as ``"25s"``.
Duration = Annotated[int, Field(ge=INT64_MIN, le=INT64_MAX), BeforeValidator(_to_nanoseconds)]


def _zero_time_is_none(value: datetime | None) -> datetime | None:
    # Go's zero time.Time is 0001-01-01T00:00:00Z; some Nomad versions send it instead of null.
    if value is not None and value.year == 1:
        return None
    return value


#: RFC 3339 timestamp in responses (nanoseconds truncated to microseconds); Go's zero time is ``None``.
Timestamp = Annotated[datetime | None, Strict(False), AfterValidator(_zero_time_is_none)]
