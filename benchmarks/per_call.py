"""Per-call figure: ``client.jobs.get`` against python-nomad's ``job.get_job`` over one loopback server."""

from __future__ import annotations

import importlib
from collections.abc import Callable

from nomad_typed import NomadClient
from tests.support.nomad_server import NomadServer, job_routes

from .report import Figure, Skipped, milliseconds
from .timing import Budget, compare

__all__ = ["CALLS", "PER_CALL_TARGET", "JOB_ID", "per_call_figure", "python_nomad_get"]

PER_CALL_TARGET = 1.1
JOB_ID = "example"
LABEL = 'client.jobs.get("example") vs python-nomad get_job'
MISSING = "python-nomad is not installed (pip install -e '.[bench]')"
#: A call takes about a millisecond, so a sample of :data:`~.timing.FULL` would hold only a handful
#: of calls: loops of at least 50 ms (about 50 calls), and 15 samples per side.
CALLS = Budget(repeat=15, min_seconds=0.05)

#: Given the server's address, a call that fetches the job once.
BaselineCall = Callable[[str], Callable[[], object]]


def python_nomad_get(address: str) -> Callable[[], object]:
    """python-nomad's ``Nomad(address=…).job.get_job(JOB_ID)``; ImportError when it is not installed."""
    nomad = importlib.import_module("nomad")
    client = nomad.Nomad(address=address, timeout=5)
    get_job: Callable[[str], object] = client.job.get_job
    return lambda: get_job(JOB_ID)


def per_call_figure(budget: Budget = CALLS, baseline: BaselineCall = python_nomad_get) -> Figure | Skipped:
    """Both clients reading the same recorded ``GET /v1/job/:id`` body, many calls each.

    Both keep their connection open between calls, as each does by default, so a call is one
    HTTP round trip on loopback plus the client's own work: building the request and parsing.
    """
    with NomadServer() as server:
        job_routes(server)
        try:
            theirs = baseline(server.address)
        except ImportError:
            return Skipped(LABEL, MISSING)
        with NomadClient(server.address) as client:
            result = compare(lambda: client.jobs.get(JOB_ID), theirs, budget)
    return Figure(
        LABEL,
        result.ratio,
        f"loopback, same body: {milliseconds(result.ours)} vs {milliseconds(result.baseline)} a call",
        PER_CALL_TARGET,
    )
