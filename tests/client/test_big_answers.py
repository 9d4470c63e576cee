"""Big answers are parsed with the cyclic garbage collector paused, and its state is restored."""

from __future__ import annotations

import gc
import json
from collections.abc import Iterator

import pytest
import responses

from nomad_typed import _transport
from nomad_typed._client import NomadClient
from nomad_typed._exceptions import ResponseValidationError
from nomad_typed._transport import GC_PAUSE_THRESHOLD

from .conftest import BASE

STUBS = 40_000
"""Allocation stubs in the big answer: about 1.5 MiB of JSON."""


class CollectorSpy:
    """Stands in for the ``gc`` module in the transport: records each call, then makes it."""

    def __init__(self) -> None:
        self.calls: list[str] = []
        self.collections_while_paused = 0

    def count(self, phase: str, info: dict[str, int]) -> None:
        """A ``gc.callbacks`` entry: counts the collections run between disable() and enable()."""
        if phase == "start" and self.calls[-1:] == ["disable"]:
            self.collections_while_paused += 1

    def isenabled(self) -> bool:
        self.calls.append("isenabled")
        return gc.isenabled()

    def disable(self) -> None:
        self.calls.append("disable")
        gc.disable()

    def enable(self) -> None:
        self.calls.append("enable")
        gc.enable()

    def freeze(self) -> None:
        self.calls.append("freeze")
        gc.freeze()

    def unfreeze(self) -> None:
        self.calls.append("unfreeze")
        gc.unfreeze()


@pytest.fixture
def spy(monkeypatch: pytest.MonkeyPatch) -> Iterator[CollectorSpy]:
    collector = CollectorSpy()
    monkeypatch.setattr(_transport, "gc", collector)
    gc.callbacks.append(collector.count)
    try:
        yield collector
    finally:
        gc.callbacks.remove(collector.count)
        gc.enable()


def _stubs(count: int, status: object = "running") -> bytes:
    stubs: list[dict[str, object]] = [
        {"ID": f"alloc-{index:06d}", "ClientStatus": "running"} for index in range(count)
    ]
    stubs[-1]["ClientStatus"] = status
    return json.dumps(stubs).encode()


def test_a_big_answer_is_parsed_with_the_collector_paused(
    client: NomadClient, mocked: responses.RequestsMock, spy: CollectorSpy
) -> None:
    body = _stubs(STUBS)
    assert len(body) > GC_PAUSE_THRESHOLD
    mocked.add("GET", BASE + "allocations", body=body)
    allocations = client.allocations.list()
    assert [stub.id for stub in allocations[:2]] == ["alloc-000000", "alloc-000001"]
    assert len(allocations) == STUBS
    assert spy.calls == ["isenabled", "disable", "freeze", "enable", "unfreeze"]
    assert gc.isenabled()
    # With the collector on, creating 40 000 models would wake it dozens of times.
    assert spy.collections_while_paused == 0


def test_the_collector_is_restored_after_a_validation_error(
    client: NomadClient, mocked: responses.RequestsMock, spy: CollectorSpy
) -> None:
    mocked.add("GET", BASE + "allocations", body=_stubs(STUBS, status=5))
    with pytest.raises(ResponseValidationError) as caught:
        client.allocations.list()
    assert [error["loc"] for error in caught.value.error.errors()] == [(STUBS - 1, "ClientStatus")]
    assert spy.calls == ["isenabled", "disable", "freeze", "enable", "unfreeze"]
    assert gc.isenabled()


def test_a_collector_turned_off_by_the_caller_stays_off(
    client: NomadClient, mocked: responses.RequestsMock, spy: CollectorSpy
) -> None:
    mocked.add("GET", BASE + "allocations", body=_stubs(STUBS))
    gc.disable()
    assert len(client.allocations.list()) == STUBS
    assert spy.calls == ["isenabled", "disable"]
    assert not gc.isenabled()


def test_small_answers_leave_the_collector_alone(
    client: NomadClient, mocked: responses.RequestsMock, spy: CollectorSpy
) -> None:
    mocked.add("GET", BASE + "allocations", body=_stubs(3))
    assert [stub.id for stub in client.allocations.list()] == ["alloc-000000", "alloc-000001", "alloc-000002"]
    assert spy.calls == []
    assert gc.isenabled()
