"""The fault matrix: every failure a Nomad agent (or what stands in front of it) can produce, for a
read (``client.jobs.get``) and a write (``client.jobs.register``), over real loopback sockets.

Each row says what the call raises (or returns after retries), how many requests it made, and
how long it may take: timeouts are short, so a call that hangs or retries too often fails here.
"""

from __future__ import annotations

import re
import socket
import time
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest

from nomad_typed._client import NomadClient
from nomad_typed._exceptions import (
    NomadConnectionError,
    NomadError,
    NomadHTTPError,
    NomadTimeoutError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitedError,
    ResponseValidationError,
    ServerError,
    UnexpectedResponseError,
)
from nomad_typed._transport import QueryOptions, RetryPolicy
from nomad_typed.models import Job
from nomad_typed.models.responses import JobRegisterResponse
from tests.support.jobs import minimal_job
from tests.support.nomad_server import ID, NomadServer, Reply, job_routes

TIMEOUT = 0.3
"""Connect and read timeout of every client here, in seconds."""
MARGIN = 0.3
"""How much longer than its expected waits (timeouts, Retry-After, a slow answer) a call may take."""
RETRY_AFTER_CAP = 0.1
RETRY = RetryPolicy(max_attempts=3, backoff_base=0.0, backoff_max=0.0, max_retry_after=RETRY_AFTER_CAP)
TOKEN = "reliability-3f1d-token"

JOB_BODY = b'{"ID": "example", "Name": "example", "JobModifyIndex": 7}'
SLOW = 0.6
"""Seconds the slow server takes to answer: longer than the read timeout, shorter than the wait."""


@dataclass(frozen=True)
class Outcome:
    """What one call does under a fault."""

    error: type[NomadError] | None
    """The exception raised; ``None`` when the call succeeds (after retries)."""
    attempts: int
    """Requests made, the first included."""
    message: str = ""
    """Regular expression ``str(error)`` must match whole; ``CALL`` stands for ``"GET http://…"``."""
    waits: float = 0.0
    """Seconds the call must spend waiting (timeouts, Retry-After, a slow answer)."""
    sleep: float = 0.0
    """Seconds slept before each retry."""


@dataclass(frozen=True)
class Fault:
    """One row: what the server does, then what a read and a write do about it."""

    name: str
    replies: tuple[Reply, ...]
    read: Outcome
    write: Outcome
    closed_port: bool = False
    read_options: QueryOptions = field(default_factory=QueryOptions)
    read_query: str = ""


def _http(error: type[NomadHTTPError], status: int, text: str, *, attempts: int = 1) -> Outcome:
    return Outcome(error, attempts, rf"CALL: HTTP {status}: {re.escape(text)}")


RATE_LIMITED = Outcome(
    RateLimitedError, 3, r"CALL: HTTP 429: rate limited", waits=2 * RETRY_AFTER_CAP, sleep=RETRY_AFTER_CAP
)
NOT_JSON = r"CALL: HTTP 200 answer is not valid JSON \(\d+ bytes, starting .*\)"
TIMED_OUT = Outcome(NomadTimeoutError, 1, "CALL: timed out waiting for Nomad's answer", waits=TIMEOUT)
INCOMPLETE = Outcome(
    NomadTimeoutError,
    1,
    r"CALL: timed out waiting for Nomad's answer: not complete after 0\.3 s",
    waits=TIMEOUT,
)
REFUSED = Outcome(
    NomadConnectionError,
    3,
    re.escape("CALL: cannot reach Nomad: HTTPConnection(host='127.0.0.1', port=")
    + r"\d+"
    + re.escape("): Failed to establish a new connection: [Errno 111] Connection refused"),
)
APPLIED = "; the request may have been applied"
"""What the message of a write adds once its connection broke after the request went out."""


def _lost(where: str, cause: str, *, attempts: int = 1, applied: str = "") -> Outcome:
    message = f"CALL: connection to Nomad lost {where} ({cause}){applied}"
    return Outcome(NomadConnectionError, attempts, re.escape(message))


CUT = "IncompleteRead(10 bytes read, 47 more expected)"
RESET = "[Errno 104] Connection reset by peer"

# fmt: off
MATRIX = (
    Fault("500 text", (Reply.text(500, "rpc error: internal failure"),),
          read=_http(ServerError, 500, "rpc error: internal failure"),
          write=_http(ServerError, 500, "rpc error: internal failure")),
    Fault("503 then success", (Reply.text(503, "No cluster leader"),),
          read=Outcome(None, 2),
          write=_http(ServerError, 503, "No cluster leader")),
    Fault("503 on every attempt", (Reply.text(503, "No cluster leader"),) * 3,
          read=_http(ServerError, 503, "No cluster leader", attempts=3),
          write=_http(ServerError, 503, "No cluster leader")),
    Fault("429 with Retry-After", (Reply.text(429, "rate limited", headers={"Retry-After": "1"}),),
          read=Outcome(None, 2, waits=RETRY_AFTER_CAP, sleep=RETRY_AFTER_CAP),
          write=Outcome(None, 2, waits=RETRY_AFTER_CAP, sleep=RETRY_AFTER_CAP)),
    Fault("429 on every attempt", (Reply.text(429, "rate limited", headers={"Retry-After": "1"}),) * 3,
          read=RATE_LIMITED,
          write=RATE_LIMITED),
    Fault("403 Permission denied", (Reply.text(403, "Permission denied"),),
          read=_http(PermissionDeniedError, 403, "Permission denied"),
          write=_http(PermissionDeniedError, 403, "Permission denied")),
    Fault("404 text", (Reply.text(404, "job not found"),),
          read=_http(NotFoundError, 404, "job not found"),
          write=_http(NotFoundError, 404, "job not found")),
    Fault("301 HTML", (Reply(status=301, body=b"<html>Moved</html>", content_type="text/html",
                             headers={"Location": "https://nomad.example/ui/"}),),
          read=Outcome(UnexpectedResponseError, 1, r"CALL: unexpected redirect \(HTTP 301\)"),
          write=Outcome(UnexpectedResponseError, 1, r"CALL: unexpected redirect \(HTTP 301\)")),
    Fault("200 truncated JSON", (Reply(body=JOB_BODY[:20]),),
          read=Outcome(UnexpectedResponseError, 1, NOT_JSON),
          write=Outcome(UnexpectedResponseError, 1, NOT_JSON)),
    Fault("200 HTML", (Reply(body=b"<html><body>Maintenance</body></html>", content_type="text/html"),),
          read=Outcome(UnexpectedResponseError, 1, NOT_JSON),
          write=Outcome(UnexpectedResponseError, 1, NOT_JSON)),
    Fault("200 wrong shape", (Reply.json(["example"]),),
          read=Outcome(ResponseValidationError, 1, r"CALL: response does not fit Job: 1 validation error.*"),
          write=Outcome(ResponseValidationError, 1,
                        r"CALL: response does not fit JobRegisterResponse: 1 validation error.*")),
    Fault("body stalls mid-way", (Reply(body=JOB_BODY, cut=10, stall=5.0),),
          read=TIMED_OUT,
          write=TIMED_OUT),
    Fault("body trickles a byte every 0.1 s", (Reply(body=JOB_BODY, trickle=0.1),),
          read=INCOMPLETE,
          write=INCOMPLETE),
    Fault("body cut by a closed connection", (Reply(body=JOB_BODY, cut=10),),
          read=Outcome(None, 2),
          write=_lost("before the whole answer arrived", CUT, applied=APPLIED)),
    Fault("body cut on every attempt", (Reply(body=JOB_BODY, cut=10),) * 3,
          read=_lost("before the whole answer arrived", CUT, attempts=3),
          write=_lost("before the whole answer arrived", CUT, applied=APPLIED)),
    Fault("connection dropped unanswered", (Reply(drop=True),),
          read=Outcome(None, 2),
          write=_lost("before an answer", "Remote end closed connection without response", applied=APPLIED)),
    Fault("connection reset", (Reply(reset=True),),
          read=Outcome(None, 2),
          write=_lost("before an answer", RESET, applied=APPLIED)),
    Fault("connection reset on every attempt", (Reply(reset=True),) * 3,
          read=_lost("before an answer", RESET, attempts=3),
          write=_lost("before an answer", RESET, applied=APPLIED)),
    Fault("closed port", (), closed_port=True,
          read=REFUSED,
          write=REFUSED),
    Fault("slow blocking query", (Reply(body=JOB_BODY, delay=SLOW),),
          read_options=QueryOptions(index=6, wait="2s"), read_query="index=6&wait=2000ms",
          read=Outcome(None, 1, waits=SLOW),
          write=TIMED_OUT),
)
# fmt: on


@pytest.fixture
def server() -> Iterator[NomadServer]:
    with NomadServer() as nomad:
        job_routes(nomad)
        nomad.route("GET", f"job/{ID}", Reply(body=JOB_BODY, headers={"X-Nomad-Index": "7"}))
        yield nomad


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


@pytest.mark.parametrize(
    ("fault", "kind"),
    [pytest.param(fault, kind, id=f"{fault.name}-{kind}") for fault in MATRIX for kind in ("read", "write")],
)
def test_fault(server: NomadServer, fault: Fault, kind: str) -> None:
    outcome = fault.read if kind == "read" else fault.write
    method, pattern, path = (
        ("GET", f"job/{ID}", "/v1/job/example") if kind == "read" else ("POST", "jobs", "/v1/jobs")
    )
    if fault.replies:
        server.fault(method, pattern, *fault.replies)
    address = f"http://127.0.0.1:{_closed_port()}" if fault.closed_port else server.address
    client = NomadClient(address, token=TOKEN, timeout=TIMEOUT, retry=RETRY)
    sleeps: list[float] = []

    def sleep(seconds: float) -> None:
        sleeps.append(seconds)
        time.sleep(seconds)

    client._transport._sleep = sleep
    started = time.monotonic()
    result: Job | JobRegisterResponse | None = None
    caught: NomadError | None = None
    try:
        if kind == "read":
            result = client.jobs.get("example", **fault.read_options)
        else:
            result = client.jobs.register({**minimal_job("example"), "Name": "example"})
    except NomadError as err:
        caught = err
    elapsed = time.monotonic() - started

    expected_requests = [] if fault.closed_port else [(method, path)] * outcome.attempts
    assert [(r.method, r.raw_path) for r in server.seen()] == expected_requests
    query = fault.read_query if kind == "read" else ""
    assert [r.raw_query for r in server.seen()] == [query] * len(expected_requests)
    assert all(r.headers["X-Nomad-Token"] == TOKEN for r in server.seen())
    assert sleeps == [outcome.sleep] * (outcome.attempts - 1)
    assert outcome.waits <= elapsed < outcome.waits + MARGIN
    if outcome.error is None:
        assert caught is None
        if kind == "read":
            assert isinstance(result, Job)
            assert (result.id, result.name, result.job_modify_index) == ("example", "example", 7)
        else:
            assert isinstance(result, JobRegisterResponse)
            assert (result.eval_id, result.job_modify_index) == ("", 109)
        return
    assert type(caught) is outcome.error
    url = address + path
    pattern_text = outcome.message.replace("CALL", re.escape(f"{method} {url}"))
    assert re.fullmatch(pattern_text, str(caught), re.DOTALL), str(caught)
    if isinstance(caught, NomadHTTPError):
        assert (caught.method, caught.url) == (method, url)
    if isinstance(caught, NomadTimeoutError):
        assert caught.phase == "read"
    if isinstance(caught, RateLimitedError):
        assert caught.retry_after == 1.0
