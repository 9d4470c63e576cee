"""``nanoseconds()``: the duration conversion of keyword arguments, for code checked by mypy."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from pydantic import ValidationError

import nomad_typed
from nomad_typed.models import RestartPolicy, nanoseconds

S = 1_000_000_000
INT64_MAX = 2**63 - 1


@pytest.mark.parametrize(
    ("value", "nanos"),
    [
        ("25s", 25 * S),
        ("1m30s", 90 * S),
        ("1.5h", 5400 * S),
        ("250ms", 250_000_000),
        ("-1.5s", -1_500_000_000),
        ("1h2m3.004005006s", 3723 * S + 4_005_006),
        ("0", 0),
        ("2562047h47m16.854775807s", INT64_MAX),
        (timedelta(minutes=5), 300 * S),
        (timedelta(seconds=1, microseconds=1), S + 1_000),
        (timedelta(microseconds=-1), -1_000),
        (timedelta(days=-1, seconds=5), -86_395 * S),
        (timedelta(days=106_751, seconds=85_636, microseconds=854_775), INT64_MAX - 807),
        (0, 0),
        (42, 42),
        (-(2**63), -(2**63)),
        (INT64_MAX, INT64_MAX),
    ],
)
def test_converts_like_keyword_arguments(value: str | timedelta | int, nanos: int) -> None:
    assert nanoseconds(value) == nanos
    assert RestartPolicy(delay=value).delay == nanos  # type: ignore[arg-type]  # the run-time forms


@pytest.mark.parametrize("value", [True, False, 1.5, b"25s", [25]], ids=repr)
def test_anything_else_is_a_type_error(value: object) -> None:
    with pytest.raises(TypeError) as caught:
        nanoseconds(value)  # type: ignore[arg-type]  # the wrong types under test
    kind = type(value).__name__
    assert (
        str(caught.value)
        == f"a duration is a Go duration string, a timedelta or integer nanoseconds, not {kind}"
    )
    with pytest.raises(ValidationError):
        RestartPolicy(delay=value)  # type: ignore[arg-type]  # the wrong types under test


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("25", "invalid duration '25': expected a number with a unit (ns, us, ms, s, m, h)"),
        ("", "invalid duration ''"),
        ("2562047h47m16.854775808s", "invalid duration '2562047h47m16.854775808s': out of range"),
        (2**63, "duration 9223372036854775808 is out of range: Nomad's durations are int64 nanoseconds"),
        (
            timedelta(days=106_752),
            "duration datetime.timedelta(days=106752) is out of range:"
            " Nomad's durations are int64 nanoseconds",
        ),
    ],
)
def test_malformed_or_out_of_range_is_a_value_error(value: str | timedelta | int, message: str) -> None:
    with pytest.raises(ValueError, match=re.escape(message)) as caught:
        nanoseconds(value)
    assert not isinstance(caught.value, ValidationError)
    assert str(caught.value) == message
    with pytest.raises(ValidationError):
        RestartPolicy(delay=value)  # type: ignore[arg-type]  # the run-time forms


def test_exported_from_the_package_root() -> None:
    assert nomad_typed.nanoseconds is nanoseconds
    assert "nanoseconds" in nomad_typed.__all__
