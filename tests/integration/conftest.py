"""A loopback Nomad server answering every job endpoint with recorded bodies."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.support.nomad_server import NomadServer, job_routes

TOKEN = "9d3c1f7e-integration-secret"


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """No NOMAD_* variable of the machine running the tests leaks into a client."""
    for name in ("NOMAD_ADDR", "NOMAD_TOKEN", "NOMAD_NAMESPACE", "NOMAD_REGION", "NOMAD_HTTP_AUTH"):
        monkeypatch.delenv(name, raising=False)
    for name in ("NOMAD_CACERT", "NOMAD_CAPATH", "NOMAD_CLIENT_CERT", "NOMAD_CLIENT_KEY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.delenv("NOMAD_TLS_SERVER_NAME", raising=False)
    monkeypatch.delenv("NOMAD_SKIP_VERIFY", raising=False)


@pytest.fixture
def server() -> Iterator[NomadServer]:
    """A fresh server per test, so recorded requests and queued faults never leak."""
    with NomadServer() as nomad:
        job_routes(nomad)
        yield nomad
