"""Failures over real sockets: retries, dropped connections, timeouts, refused connections."""

from __future__ import annotations

import gzip
import json
import socket
import time

import pytest

from nomad_typed._client import NomadClient
from nomad_typed._config import Timeout
from nomad_typed._exceptions import (
    NomadConnectionError,
    NomadTimeoutError,
    ServerError,
    UnexpectedResponseError,
)
from nomad_typed._transport import RetryPolicy
from tests.support.jobs import minimal_job
from tests.support.nomad_server import ID, NomadServer, Reply

NO_WAIT = RetryPolicy(backoff_base=0.0, backoff_max=0.0, max_retry_after=0.0)


def _client(server: NomadServer, **kwargs: object) -> NomadClient:
    return NomadClient(server.address, retry=NO_WAIT, **kwargs)  # type: ignore[arg-type]


def test_read_retried_after_503_over_sockets(server: NomadServer) -> None:
    server.fault(
        "GET", f"job/{ID}", Reply.text(503, "No cluster leader"), Reply.text(503, "No cluster leader")
    )
    assert _client(server).jobs.get("example").id == "example"
    assert [(r.method, r.raw_path) for r in server.seen()] == [("GET", "/v1/job/example")] * 3


def test_read_retried_after_a_dropped_connection(server: NomadServer) -> None:
    server.fault("GET", f"job/{ID}/summary", Reply(drop=True))
    assert _client(server).jobs.summary("example").job_id == "example"
    assert len(server.seen()) == 2


def test_write_not_retried_after_a_dropped_connection(server: NomadServer) -> None:
    server.fault("POST", "jobs", Reply(drop=True))
    with pytest.raises(NomadConnectionError) as caught:
        _client(server).jobs.register(minimal_job("example"))
    assert str(caught.value) == (
        f"POST {server.address}/v1/jobs: connection to Nomad lost before an answer"
        " (Remote end closed connection without response); the request may have been applied"
    )
    assert [(r.method, r.raw_path) for r in server.seen()] == [("POST", "/v1/jobs")]


def test_write_not_retried_after_a_reset(server: NomadServer) -> None:
    server.fault("POST", f"job/{ID}/evaluate", Reply(reset=True))
    with pytest.raises(NomadConnectionError) as caught:
        _client(server).jobs.evaluate("example")
    assert str(caught.value) == (
        f"POST {server.address}/v1/job/example/evaluate: connection to Nomad lost before an answer"
        " ([Errno 104] Connection reset by peer); the request may have been applied"
    )
    assert [(r.method, r.raw_path) for r in server.seen()] == [("POST", "/v1/job/example/evaluate")]


def test_read_reset_on_every_attempt(server: NomadServer) -> None:
    server.fault("GET", f"job/{ID}", *[Reply(reset=True)] * 4)
    with pytest.raises(NomadConnectionError) as caught:
        _client(server).jobs.get("example")
    assert str(caught.value) == (
        f"GET {server.address}/v1/job/example: connection to Nomad lost before an answer"
        " ([Errno 104] Connection reset by peer)"
    )
    assert [(r.method, r.raw_path) for r in server.seen()] == [("GET", "/v1/job/example")] * 4


def test_write_not_retried_after_503(server: NomadServer) -> None:
    server.fault("POST", f"job/{ID}/evaluate", Reply.text(503, "rpc error: No cluster leader"))
    with pytest.raises(ServerError) as caught:
        _client(server).jobs.evaluate("example")
    assert caught.value.body == "rpc error: No cluster leader"
    assert len(server.seen()) == 1


def test_idempotent_dispatch_retried_after_a_dropped_connection(server: NomadServer) -> None:
    server.fault("POST", f"job/{ID}/dispatch", Reply(drop=True))
    result = _client(server).jobs.dispatch("example", idempotency_token="once")
    assert result.dispatched_job_id == "example/dispatch-1485408778-81644024"
    assert [r.raw_query for r in server.seen()] == ["idempotency_token=once"] * 2


def test_read_timeout(server: NomadServer) -> None:
    server.fault("GET", f"job/{ID}", Reply(body=b"{}", delay=0.3))
    client = NomadClient(server.address, retry=NO_WAIT, timeout=Timeout(connect=1.0, read=0.05))
    with pytest.raises(NomadTimeoutError) as caught:
        client.jobs.get("example")
    assert caught.value.phase == "read"
    assert len(server.seen()) == 1


def test_a_trickling_answer_times_out_as_a_whole(server: NomadServer) -> None:
    server.fault("GET", f"job/{ID}", Reply(body=b'{"ID": "example"}', trickle=0.02))
    client = NomadClient(server.address, retry=NO_WAIT, timeout=Timeout(connect=1.0, read=0.2))
    started = time.monotonic()
    with pytest.raises(NomadTimeoutError) as caught:
        client.jobs.get("example")
    elapsed = time.monotonic() - started
    assert str(caught.value) == (
        f"GET {server.address}/v1/job/example: timed out waiting for Nomad's answer: not complete after 0.2 s"
    )
    assert caught.value.phase == "read"
    assert len(server.seen()) == 1
    # 17 bytes 0.02 s apart take 0.34 s; every read returns within the read timeout of 0.2 s.
    assert 0.2 <= elapsed < 0.3


def test_a_blocking_query_stretches_the_answer_deadline(server: NomadServer) -> None:
    body = b'{"ID": "example"}'
    server.fault("GET", f"job/{ID}", Reply(body=body, trickle=0.02, headers={"X-Nomad-Index": "8"}))
    client = NomadClient(server.address, retry=NO_WAIT, timeout=Timeout(connect=1.0, read=0.2))
    result = client.jobs.with_meta.get("example", index=7, wait="1s")
    assert (result.value.id, result.meta.last_index) == ("example", 8)
    assert [r.raw_query for r in server.seen()] == ["index=7&wait=1000ms"]


@pytest.mark.parametrize("size", [100, 3_000_000], ids=["small", "many-chunks"])
def test_gzip_answers_are_decoded(server: NomadServer, size: int) -> None:
    document = {"ID": "example", "Meta": {"blob": "x" * size}}
    compressed = gzip.compress(json.dumps(document).encode())
    server.fault("GET", f"job/{ID}", Reply(body=compressed, headers={"Content-Encoding": "gzip"}))
    assert _client(server).jobs.get("example").to_dict() == document


def test_refused_connection_is_retried_then_reported() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    delays: list[float] = []
    client = NomadClient(f"http://127.0.0.1:{port}", retry=RetryPolicy(max_attempts=3, backoff_base=0.0))
    client._transport._sleep = delays.append
    with pytest.raises(NomadConnectionError) as caught:
        client.jobs.register(minimal_job("example"))
    assert str(caught.value) == (
        f"POST http://127.0.0.1:{port}/v1/jobs: cannot reach Nomad: HTTPConnection(host='127.0.0.1',"
        f" port={port}): Failed to establish a new connection: [Errno 111] Connection refused"
    )
    assert delays == [0.0, 0.0]


def test_redirect_is_not_followed(server: NomadServer) -> None:
    moved = Reply(status=301, body=b'<a href="/v1/job/">Moved</a>', headers={"Location": "/v1/job/"})
    server.route("GET", "job/moved", moved)
    with pytest.raises(UnexpectedResponseError, match="unexpected redirect") as caught:
        _client(server).jobs.get("moved")
    assert caught.value.status == 301
    assert [r.raw_path for r in server.seen()] == ["/v1/job/moved"]


def test_html_and_truncated_bodies_over_sockets(server: NomadServer) -> None:
    server.fault(
        "GET",
        f"job/{ID}",
        Reply(body=b"<html>maintenance</html>", content_type="text/html"),
        Reply(body=b'{"ID": "exa'),
    )
    client = _client(server)
    with pytest.raises(UnexpectedResponseError, match="not valid JSON"):
        client.jobs.get("example")
    with pytest.raises(UnexpectedResponseError, match="not valid JSON"):
        client.jobs.get("example")
