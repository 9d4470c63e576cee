"""A loopback HTTP server that answers like a Nomad agent, for tests over real sockets.

Routes map a method and a path pattern (matched against the raw, still percent-escaped path) to
a status, headers (``X-Nomad-Index`` …) and a body, usually a recorded Nomad answer from the
corpus, or to a function of the request for stateful endpoints. Every request is recorded.
Faults can be queued per route: error statuses, redirects, garbage bodies, slow answers,
bodies that stop half-way, dropped and reset connections.
"""

from __future__ import annotations

import json
import os
import re
import socket
import ssl
import struct
import sys
import threading
from collections import deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import cast
from urllib.parse import unquote, urlsplit

from typing_extensions import Self

__all__ = [
    "CORPUS",
    "ID",
    "Answer",
    "JobStore",
    "NomadServer",
    "Recorded",
    "Reply",
    "corpus_body",
    "job_routes",
]

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"

#: Pattern of one percent-escaped path segment (a job ID, an allocation ID …).
ID = r"[^/]+"


def corpus_body(relative: str) -> bytes:
    """The bytes of a corpus file, e.g. ``responses/job_read/docs-v2.0.x_read-job.json``."""
    return (CORPUS / relative).read_bytes()


@dataclass(frozen=True)
class Reply:
    """One answer: status, extra headers, body; or a fault.

    ``delay`` waits before answering. ``drop`` closes the connection unanswered; ``reset``
    aborts it with a TCP reset. ``cut`` sends only that many bytes of the body (announcing the
    full length), stays silent for ``stall`` seconds, then closes the connection. ``trickle``
    sends the body one byte at a time, that many seconds apart. ``endless`` sends that chunk
    again and again (chunked transfer encoding, ``trickle`` seconds apart) until the client
    goes away or the server closes; ``body`` is then not sent.
    """

    status: int = 200
    body: bytes = b""
    headers: Mapping[str, str] = field(default_factory=dict)
    content_type: str = "application/json"
    delay: float = 0.0
    drop: bool = False
    reset: bool = False
    cut: int | None = None
    stall: float = 0.0
    trickle: float = 0.0
    endless: bytes = b""

    @classmethod
    def json(cls, document: object, *, status: int = 200, index: int | None = None) -> Reply:
        """A JSON answer, with ``X-Nomad-Index`` when ``index`` is given."""
        headers = {"X-Nomad-Index": str(index)} if index is not None else {}
        return cls(status=status, body=json.dumps(document).encode(), headers=headers)

    @classmethod
    def text(cls, status: int, text: str, *, headers: Mapping[str, str] | None = None) -> Reply:
        """A plain-text error, the way Nomad reports failures."""
        return cls(status=status, body=text.encode(), headers=dict(headers or {}), content_type="text/plain")


@dataclass(frozen=True)
class Recorded:
    """One request the server received."""

    method: str
    raw_path: str
    raw_query: str
    headers: Mapping[str, str]
    body: bytes

    @property
    def path(self) -> str:
        """The path with percent-escapes decoded, as Nomad's router sees it."""
        return unquote(self.raw_path)


#: What a route answers: always the same reply, or one computed from each request.
Answer = Reply | Callable[[Recorded], Reply]


@dataclass
class _Route:
    method: str
    pattern: re.Pattern[str]
    answer: Answer
    faults: deque[Reply] = field(default_factory=deque)


class NomadServer:
    """A threaded HTTP(S) server on 127.0.0.1 with a route table; use it as a context manager."""

    def __init__(self, *, tls: ssl.SSLContext | None = None) -> None:
        self.requests: list[Recorded] = []
        self._routes: list[_Route] = []
        self._lock = threading.Lock()
        # Set on exit: ends every delay and stall at once, so no handler outlives the server.
        self.closing = threading.Event()
        self._server = _QuietServer(("127.0.0.1", 0), _Handler)
        self._server.daemon_threads = True
        self._server.nomad = self  # type: ignore[attr-defined]
        self._scheme = "http"
        if tls is not None:
            self._server.socket = tls.wrap_socket(self._server.socket, server_side=True)
            self._scheme = "https"
        # A short poll interval keeps shutdown (and so each test using a server) fast.
        self._thread = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": 0.01},
            name="nomad-server",
            daemon=True,
        )

    @property
    def address(self) -> str:
        """``http://127.0.0.1:<port>`` (``https://`` when serving TLS)."""
        host, port = self._server.server_address[:2]
        return f"{self._scheme}://{host!s}:{port}"

    def route(self, method: str, pattern: str, answer: Answer) -> None:
        """Answer ``method`` on paths fully matching ``pattern`` (under ``/v1/``) with ``answer``.

        ``answer`` is a :class:`Reply`, or a function building one from each request (called
        with the server's lock held, so it may keep state without locking of its own). A later
        route for the same method and pattern replaces the earlier one.
        """
        compiled = re.compile(r"/v1/" + pattern)
        with self._lock:
            self._routes = [r for r in self._routes if (r.method, r.pattern) != (method, compiled)]
            self._routes.append(_Route(method, compiled, answer))

    def fault(self, method: str, pattern: str, *replies: Reply) -> None:
        """Answer the next requests of an existing route with ``replies``, in order, then normally."""
        compiled = re.compile(r"/v1/" + pattern)
        with self._lock:
            for route in self._routes:
                if (route.method, route.pattern) == (method, compiled):
                    route.faults.extend(replies)
                    return
        raise KeyError(f"no route {method} {pattern}")

    def seen(self) -> list[Recorded]:
        """Requests received so far, in order."""
        with self._lock:
            return list(self.requests)

    def clear(self) -> None:
        """Forget the recorded requests."""
        with self._lock:
            self.requests.clear()

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.closing.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def _answer(self, recorded: Recorded) -> Reply:
        with self._lock:
            self.requests.append(recorded)
            for route in reversed(self._routes):
                if route.method == recorded.method and route.pattern.fullmatch(recorded.raw_path):
                    if route.faults:
                        return route.faults.popleft()
                    answer = route.answer
                    return answer if isinstance(answer, Reply) else answer(recorded)
        return Reply.text(404, f"no route for {recorded.method} {recorded.raw_path}")


class _QuietServer(ThreadingHTTPServer):
    def handle_error(
        self, request: socket.socket | tuple[bytes, socket.socket], client_address: tuple[str, int]
    ) -> None:
        """A client that gave up (timed out, closed) is a tested case, not a server failure."""
        if not isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            super().handle_error(request, client_address)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Headers and body go out in two writes: with Nagle's algorithm the body would wait for the
    # client's delayed ACK (~40 ms a call). Nomad (Go) turns it off on every connection.
    disable_nagle_algorithm = True

    def log_message(self, format: str, *args: object) -> None:
        """Keep test output quiet."""

    def _handle(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        parts = urlsplit(self.path)
        recorded = Recorded(self.command, parts.path, parts.query, dict(self.headers.items()), body)
        nomad: NomadServer = self.server.nomad  # type: ignore[attr-defined]
        reply = nomad._answer(recorded)
        if reply.delay:
            nomad.closing.wait(reply.delay)
        if reply.drop:
            self.close_connection = True
            self.connection.shutdown(socket.SHUT_RDWR)
            return
        if reply.reset:
            self.close_connection = True
            # Linger 0 makes close() send RST; detach() first, since the handler's file objects
            # would otherwise keep the socket open (and closing it then would send FIN).
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            os.close(self.connection.detach())
            return
        self.send_response(reply.status)
        self.send_header("Content-Type", reply.content_type)
        if reply.endless:
            self.send_header("Transfer-Encoding", "chunked")
        else:
            self.send_header("Content-Length", str(len(reply.body)))
        for name, value in reply.headers.items():
            self.send_header(name, value)
        self.end_headers()
        if reply.endless:
            self.close_connection = True
            framed = b"%x\r\n%s\r\n" % (len(reply.endless), reply.endless)
            # Ends with the client's reset (a ConnectionError the server ignores) or at shutdown.
            while not nomad.closing.wait(reply.trickle):
                self.wfile.write(framed)
            return
        if reply.trickle:
            for offset in range(len(reply.body)):
                self.wfile.write(reply.body[offset : offset + 1])
                if nomad.closing.wait(reply.trickle):
                    break
            return
        if reply.cut is None:
            self.wfile.write(reply.body)
            return
        self.wfile.write(reply.body[: reply.cut])
        self.wfile.flush()
        nomad.closing.wait(reply.stall)
        self.close_connection = True

    do_GET = do_POST = do_PUT = do_DELETE = _handle


class JobStore:
    """Jobs kept by the server: read, and register with Nomad's check-and-set.

    Like Nomad, a register carrying ``EnforceIndex`` is refused (HTTP 500, the text of Nomad's
    error) unless ``JobModifyIndex`` is 0 and the job does not exist, or equals the job's
    current ``JobModifyIndex``. Every accepted register gets a new raft index.
    """

    def __init__(self, server: NomadServer, *, index: int = 100) -> None:
        self.jobs: dict[str, dict[str, object]] = {}
        self.index = index
        server.route("GET", f"job/{ID}", self._read)
        server.route("POST", "jobs", self._register)
        server.route("POST", f"job/{ID}", self._register)

    def _read(self, request: Recorded) -> Reply:
        job = self.jobs.get(request.path.rsplit("/", 1)[1])
        if job is None:
            return Reply.text(404, "job not found")
        return Reply.json(job, index=cast(int, job["ModifyIndex"]))

    def _register(self, request: Recorded) -> Reply:
        body = json.loads(request.body)
        job = body["Job"]
        current = self.jobs.get(job["ID"])
        if body.get("EnforceIndex"):
            refusal = _check_and_set(body.get("JobModifyIndex", 0), current)
            if refusal:
                return Reply.text(500, f"Enforcing job modify index {refusal}")
        self.index += 1
        self.jobs[job["ID"]] = {
            **job,
            "Version": 0 if current is None else cast(int, current["Version"]) + 1,
            "CreateIndex": self.index if current is None else current["CreateIndex"],
            "ModifyIndex": self.index,
            "JobModifyIndex": self.index,
        }
        answer = {"EvalID": f"eval-{self.index}", "EvalCreateIndex": self.index, "JobModifyIndex": self.index}
        return Reply.json({**answer, "Warnings": "", "Index": self.index}, index=self.index)


def _check_and_set(expected: int, current: Mapping[str, object] | None) -> str | None:
    """Nomad's refusal of a check-and-set register (after "Enforcing job modify index "), or None."""
    if current is None:
        return None if expected == 0 else f"{expected}: job does not exist"
    if expected == 0:
        return "0: job already exists"
    if expected != current["JobModifyIndex"]:
        return f"{expected}: job exists with conflicting job modify index: {current['JobModifyIndex']}"
    return None


def job_routes(server: NomadServer, *, index: int = 42) -> None:
    """Routes for every job endpoint, each answering with its recorded Nomad body."""
    read_headers = {"X-Nomad-Index": str(index), "X-Nomad-KnownLeader": "true", "X-Nomad-LastContact": "0"}
    write_headers = {"X-Nomad-Index": str(index)}
    for method, pattern, relative in _JOB_ROUTES:
        headers = read_headers if method == "GET" else write_headers
        server.route(method, pattern, Reply(body=corpus_body(relative), headers=headers))


_JOB_ROUTES: tuple[tuple[str, str, str], ...] = (
    ("GET", "jobs", "responses/jobs_list/docs-v2.0.x_list-jobs.json"),
    ("POST", "jobs", "responses/jobs_register/docs-v2.0.x_create-job.json"),
    ("POST", "jobs/parse", "responses/jobs_parse/docs-v2.0.x_parse-job.json"),
    ("POST", "validate/job", "responses/job_validate/docs-v2.0.x_validate-job.json"),
    ("GET", f"job/{ID}", "responses/job_read/docs-v2.0.x_read-job.json"),
    ("POST", f"job/{ID}", "responses/job_update/docs-v2.0.x_update-existing-job.json"),
    ("DELETE", f"job/{ID}", "responses/job_deregister/docs-v2.0.x_stop-a-job.json"),
    ("GET", f"job/{ID}/versions", "responses/job_versions/docs-v2.0.x_list-job-versions_1.json"),
    ("GET", f"job/{ID}/allocations", "responses/job_allocations/docs-v2.0.x_list-job-allocations.json"),
    ("GET", f"job/{ID}/evaluations", "responses/job_evaluations/docs-v2.0.x_list-job-evaluations.json"),
    ("GET", f"job/{ID}/deployments", "responses/deployments_list/docs-v2.0.x_list-deployments.json"),
    ("GET", f"job/{ID}/deployment", "responses/deployment_read/docs-v2.0.x_read-deployment.json"),
    ("GET", f"job/{ID}/summary", "responses/job_summary/docs-v2.0.x_read-job-summary.json"),
    ("POST", f"job/{ID}/plan", "responses/job_plan/docs-v2.0.x_create-job-plan.json"),
    ("POST", f"job/{ID}/dispatch", "responses/job_dispatch/docs-v2.0.x_dispatch-job.json"),
    ("POST", f"job/{ID}/revert", "responses/job_revert/docs-v2.0.x_revert-to-older-job-version.json"),
    ("POST", f"job/{ID}/stable", "responses/job_stable/docs-v2.0.x_set-job-stability.json"),
    ("POST", f"job/{ID}/evaluate", "responses/job_evaluate/docs-v2.0.x_create-job-evaluation.json"),
    (
        "POST",
        f"job/{ID}/periodic/force",
        "responses/job_periodic_force/docs-v2.0.x_force-new-periodic-instance.json",
    ),
    ("POST", f"job/{ID}/scale", "responses/job_scale/docs-v2.0.x_scale-task-group.json"),
    ("GET", f"job/{ID}/services", "responses/job_services/docs-v2.0.x_job-services.json"),
)
