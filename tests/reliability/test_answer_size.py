"""Answers are bounded once decoded: a gzip bomb or an endless body stops at max_answer_bytes.

Memory is measured with tracemalloc while the client talks to a loopback server, so the bound
is checked where it matters: what the client holds, not what it reports.
"""

from __future__ import annotations

import gzip
import time
import tracemalloc
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest
import responses

from nomad_typed._client import NomadClient
from nomad_typed._exceptions import NomadConfigError, UnexpectedResponseError
from nomad_typed._transport import MAX_ANSWER_BYTES, RetryPolicy
from tests.support.nomad_server import ID, NomadServer, Reply

MiB = 1024 * 1024
BOUND = 1 * MiB
#: Held besides the bound: one read's chunk, urllib3's and http.client's buffers, the test server.
SLACK = 2 * MiB
#: 4 MiB of zeros compress to about 4 KiB; gzip members may follow each other in one body.
BOMB_MEMBER = gzip.compress(bytes(4 * MiB))
#: 64 MiB once decoded, 64 KiB on the wire: a client without a bound holds all of it.
BOMB = BOMB_MEMBER * 16


@contextmanager
def peak_memory() -> Iterator[list[int]]:
    """The peak of memory allocated in the block (every thread, the test server's included)."""
    measured: list[int] = []
    tracemalloc.start()
    try:
        yield measured
    finally:
        measured.append(tracemalloc.get_traced_memory()[1])
        tracemalloc.stop()


def too_large(server: NomadServer, path: str, status: int) -> str:
    return (
        f"GET {server.address}/v1/{path}: HTTP {status} answer is larger than {BOUND} bytes"
        " (max_answer_bytes); stopped reading it"
    )


@pytest.mark.parametrize(
    ("reply", "status"),
    [
        pytest.param(Reply(body=BOMB, headers={"Content-Encoding": "gzip"}), 200, id="gzip bomb"),
        pytest.param(Reply(endless=b"[" * 65536, trickle=0.001), 200, id="endless body"),
        pytest.param(
            Reply(status=500, endless=b"x" * 65536, trickle=0.001, content_type="text/plain"),
            500,
            id="endless error text",
        ),
        pytest.param(
            Reply(status=301, endless=b"x" * 65536, trickle=0.001, headers={"Location": "/v1/jobs"}),
            301,
            id="endless redirect",
        ),
        pytest.param(
            Reply(status=503, body=BOMB, headers={"Content-Encoding": "gzip"}), 503, id="gzip bomb to retry"
        ),
    ],
)
def test_an_answer_past_the_bound_stops_in_bounded_memory(reply: Reply, status: int) -> None:
    with NomadServer() as server:
        server.route("GET", f"job/{ID}", reply)
        client = NomadClient(
            server.address,
            max_answer_bytes=BOUND,
            timeout=(2, 10),
            retry=RetryPolicy(backoff_base=0, backoff_max=0),
        )
        started = time.monotonic()
        with peak_memory() as peak, pytest.raises(UnexpectedResponseError) as caught:
            client.jobs.get("example")
        elapsed = time.monotonic() - started
        requests_seen = len(server.seen())
    assert str(caught.value) == too_large(server, "job/example", status)
    assert (caught.value.status, caught.value.body) == (status, "")
    # Not retried: 503 is retried while its body goes unread, the last attempt hits the bound.
    assert requests_seen == (4 if status == 503 else 1)
    assert peak[0] < BOUND + SLACK, f"peak {peak[0] / MiB:.1f} MiB"
    assert elapsed < 5


def test_an_answer_of_exactly_the_bound_is_read(mocked_client: Callable[[int], NomadClient]) -> None:
    body = b'{"JobID": "web", "Summary": null, "Children": null, "CreateIndex": 7, "ModifyIndex": 9}'
    with responses.RequestsMock() as mocked:
        mocked.add("GET", "http://nomad.test:4646/v1/job/web/summary", body=body)
        assert mocked_client(len(body)).jobs.summary("web").modify_index == 9
        with pytest.raises(UnexpectedResponseError) as caught:
            mocked_client(len(body) - 1).jobs.summary("web")
    assert str(caught.value) == (
        "GET http://nomad.test:4646/v1/job/web/summary: HTTP 200 answer is larger than"
        f" {len(body) - 1} bytes (max_answer_bytes); stopped reading it"
    )


@pytest.fixture
def mocked_client() -> Callable[[int], NomadClient]:
    return lambda bound: NomadClient("http://nomad.test:4646", max_answer_bytes=bound)


def test_the_default_bound_is_512_mib() -> None:
    assert MAX_ANSWER_BYTES == 536_870_912
    assert NomadClient()._transport.max_answer_bytes == MAX_ANSWER_BYTES


@pytest.mark.parametrize(
    ("value", "error", "message"),
    [
        (0, NomadConfigError, "max_answer_bytes must be at least 1, got 0"),
        (-5, NomadConfigError, "max_answer_bytes must be at least 1, got -5"),
        ("1024", TypeError, "max_answer_bytes must be an int, got str"),
        (True, TypeError, "max_answer_bytes must be an int, got bool"),
        (1.5, TypeError, "max_answer_bytes must be an int, got float"),
    ],
)
def test_the_bound_must_be_a_positive_int(value: object, error: type[Exception], message: str) -> None:
    with pytest.raises(error) as caught:
        NomadClient(max_answer_bytes=value)  # type: ignore[arg-type]
    assert str(caught.value) == message
