"""``client.watch`` against a server that answers blocking queries at once with the same index."""

from __future__ import annotations

import time

from nomad_typed._client import NomadClient
from nomad_typed._transport import RetryPolicy
from tests.support.nomad_server import ID, NomadServer, Recorded, Reply

CHANGE_AFTER = 0.5
"""Seconds after the first request at which the server's index moves from 7 to 8."""


def _index_moving_later(server: NomadServer) -> None:
    """Answer every query at once, with index 7 until CHANGE_AFTER has passed, then 8."""
    first: list[float] = []

    def answer(request: Recorded) -> Reply:
        now = time.monotonic()
        if not first:
            first.append(now)
        index = 8 if now - first[0] >= CHANGE_AFTER else 7
        body = f'{{"JobID": "example", "ModifyIndex": {index}}}'.encode()
        return Reply(body=body, headers={"X-Nomad-Index": str(index)})

    server.route("GET", f"job/{ID}/summary", answer)


def _watch_until_the_change(client: NomadClient) -> list[float]:
    """The pauses the watch took between its first value and the next one."""
    pauses: list[float] = []

    def sleep(delay: float) -> None:
        pauses.append(delay)
        time.sleep(delay)

    client._transport._sleep = sleep
    client._transport._jitter = lambda: 1.0
    watcher = client.watch(client.jobs.summary, "example")
    assert [next(watcher).modify_index, next(watcher).modify_index] == [7, 8]
    return pauses


def test_a_same_index_server_sees_a_few_requests_a_second(server: NomadServer) -> None:
    _index_moving_later(server)
    with NomadClient(server.address) as client:
        pauses = _watch_until_the_change(client)
    # The default policy's backoff: 0.25 s, then 0.5 s, by which time the index has moved.
    assert pauses == [0.25, 0.5]
    assert [r.raw_query for r in server.seen()] == ["", "index=7", "index=7", "index=7"]


def test_a_zero_backoff_policy_still_pauses(server: NomadServer) -> None:
    _index_moving_later(server)
    with NomadClient(server.address, retry=RetryPolicy(backoff_base=0.0, backoff_max=0.0)) as client:
        pauses = _watch_until_the_change(client)
    queries = [r.raw_query for r in server.seen()]
    # A pause of 0.1 s between repeats: at most 7 requests in those 0.5 s, not thousands.
    assert len(queries) <= 7
    assert queries == ["", *["index=7"] * (len(queries) - 1)]
    assert pauses == [0.1] * (len(queries) - 2)
