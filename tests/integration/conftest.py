"""A loopback Nomad server answering every job endpoint with recorded bodies."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.support.environment import clear_nomad_environment
from tests.support.nomad_server import NomadServer, job_routes

TOKEN = "9d3c1f7e-integration-secret"


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """No NOMAD_* variable of the machine running the tests leaks into a client."""
    clear_nomad_environment(monkeypatch)


@pytest.fixture
def server() -> Iterator[NomadServer]:
    """A fresh server per test, so recorded requests and queued faults never leak."""
    with NomadServer() as nomad:
        job_routes(nomad)
        yield nomad
