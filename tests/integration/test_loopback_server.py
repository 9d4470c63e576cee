"""The loopback server itself: it must not add delays a real Nomad agent does not have."""

from __future__ import annotations

import time

from nomad_typed._client import NomadClient
from tests.support.nomad_server import NomadServer

CALLS = 20


def test_answers_are_not_held_back_by_delayed_acks(server: NomadServer) -> None:
    with NomadClient(server.address) as client:
        client.jobs.summary("example")
        started = time.monotonic()
        for _ in range(CALLS):
            assert client.jobs.summary("example").job_id == "example"
        elapsed = time.monotonic() - started
    expected = [("GET", "/v1/job/example/summary")] * (CALLS + 1)
    assert [(r.method, r.raw_path) for r in server.seen()] == expected
    # Were the body to wait for the client's delayed ACK of the headers, every call would take
    # ~40 ms (0.8 s in all); without that wait a loopback call takes about a millisecond.
    assert elapsed < CALLS * 0.02
