"""Hostile input: only the documented errors come out, quickly and in bounded memory."""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from datetime import timedelta

import pytest
import responses
from pydantic import ValidationError

from nomad_typed._client import NomadClient
from nomad_typed._exceptions import InvalidParameterError, RateLimitedError
from nomad_typed.models import Job
from nomad_typed.models._base import MAX_NESTING
from tests.support.nomad_server import NomadServer


def nested_lists(levels: int) -> object:
    """``[[[…]]]`` with ``levels`` arrays, built without recursion."""
    value: list[object] = []
    for _ in range(levels - 1):
        value = [value]
    return value


@pytest.mark.parametrize("levels", [MAX_NESTING + 1, 1_000, 100_000])
@pytest.mark.parametrize(
    "place",
    [
        pytest.param(lambda deep: {"ID": "x", "Extra": deep}, id="unknown key"),
        pytest.param(lambda deep: {"TaskGroups": [{"Tasks": [{"Config": {"a": deep}}]}]}, id="Config"),
        pytest.param(lambda deep: {"Meta": deep}, id="Meta"),
        pytest.param(lambda deep: deep, id="document"),
    ],
)
def test_deep_python_document_is_a_validation_error(levels: int, place: Callable[[object], object]) -> None:
    document = place(nested_lists(levels))
    with pytest.raises(ValidationError) as caught:
        Job.from_wire(document)  # type: ignore[arg-type]  # any JSON value may arrive
    assert [(e["type"], e["loc"]) for e in caught.value.errors()] == [("json_nesting", ())]
    assert f"nested more than {MAX_NESTING} levels deep" in str(caught.value)


def test_deepest_accepted_document_can_be_sent_again() -> None:
    # The job, TaskGroups, the group, Tasks, the task and Config: six levels above the lists.
    levels = MAX_NESTING - 6
    document = {"TaskGroups": [{"Tasks": [{"Config": {"a": nested_lists(levels)}}]}]}
    job = Job.from_wire(document)
    assert json.loads(job.to_json()) == document
    assert Job.from_wire(job.to_json()).to_dict() == document
    with pytest.raises(ValidationError):
        Job.from_wire({"TaskGroups": [{"Tasks": [{"Config": {"a": nested_lists(levels + 1)}}]}]})


@pytest.mark.parametrize("literal", ["NaN", "Infinity", "-Infinity"])
def test_non_finite_literals_are_invalid_json_even_in_unknown_keys(literal: str) -> None:
    with pytest.raises(ValidationError) as caught:
        Job.from_wire(f'{{"ID": "x", "Extra": {literal}}}')
    assert [e["type"] for e in caught.value.errors()] == ["json_invalid"]
    assert f"{literal.lstrip('-')} is not valid JSON" in str(caught.value)


@pytest.mark.parametrize(
    "job",
    [
        pytest.param({"ID": "example", "Name": "web\ud800"}, id="lone surrogate"),
        pytest.param(
            # Keyword construction does not walk unknown keys, so this gets as far as sending.
            Job.model_validate({"ID": "example", "Extra": nested_lists(MAX_NESTING + 100)}),
            id="built too deep",
        ),
    ],
)
def test_a_body_that_cannot_be_json_is_refused_before_sending(job: Job | dict[str, object]) -> None:
    with NomadServer() as server, NomadClient(server.address) as client:
        with pytest.raises(InvalidParameterError) as caught:
            client.jobs.register(job)
        assert server.seen() == []
    assert str(caught.value).startswith("POST /v1/jobs: the request body cannot be written as JSON: ")


JOB_BODY = b'{"ID": "example", "Name": "example", "JobModifyIndex": 7}'


@pytest.mark.parametrize(
    ("value", "index", "contact"),
    [
        ("9" * 30, 0, timedelta(0)),
        (str(2**64 - 1), 2**64 - 1, timedelta(0)),
        ("²", 0, timedelta(0)),
        ("1500", 1500, timedelta(seconds=1.5)),
    ],
)
def test_garbled_metadata_headers_read_as_zero(value: str, index: int, contact: timedelta) -> None:
    with responses.RequestsMock() as mock, NomadClient("http://nomad.test:4646") as client:
        headers = {"X-Nomad-Index": value, "X-Nomad-LastContact": value}
        mock.get("http://nomad.test:4646/v1/job/example", body=JOB_BODY, headers=headers)
        meta = client.jobs.with_meta.get("example").meta
    assert (meta.last_index, meta.last_contact) == (index, contact)


@pytest.mark.parametrize(("value", "seconds"), [("²", None), ("1" * 400, math.inf), ("7", 7.0)])
def test_retry_after_takes_ascii_digits_only(value: str, seconds: float | None) -> None:
    with responses.RequestsMock() as mock, NomadClient("http://nomad.test:4646") as client:
        mock.post(
            "http://nomad.test:4646/v1/jobs", status=429, body="slow down", headers={"Retry-After": value}
        )
        with pytest.raises(RateLimitedError) as caught:
            client.jobs.register({"ID": "example"})
    assert caught.value.retry_after == seconds
