"""TLS over real loopback sockets: verification is on by default, CA files, server name override."""

from __future__ import annotations

import ssl
from collections.abc import Iterator
from pathlib import Path

import pytest
import trustme
from urllib3.exceptions import InsecureRequestWarning

from nomad_typed._client import NomadClient
from nomad_typed._exceptions import NomadConnectionError
from tests.support.nomad_server import NomadServer, Reply

from .conftest import FAST_RETRY

SERVER_NAME = "server.global.nomad"


@pytest.fixture(scope="module")
def authority() -> trustme.CA:
    return trustme.CA()


@pytest.fixture(scope="module")
def ca_file(authority: trustme.CA, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("tls") / "ca.pem"
    authority.cert_pem.write_to_path(str(path))
    return path


@pytest.fixture(scope="module")
def server(authority: trustme.CA) -> Iterator[NomadServer]:
    """An HTTPS agent whose certificate names only server.global.nomad (not 127.0.0.1)."""
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    authority.issue_cert(SERVER_NAME).configure_cert(context)
    with NomadServer(tls=context) as nomad:
        nomad.route("GET", "jobs", Reply.json([], index=3))
        yield nomad


def test_certificate_is_verified_by_default(server: NomadServer) -> None:
    client = NomadClient(server.address, retry=FAST_RETRY)
    assert client.config.verify is True
    with pytest.raises(NomadConnectionError, match="TLS failure"):
        client.jobs.list()


def test_ca_file_alone_fails_on_a_name_mismatch(server: NomadServer, ca_file: Path) -> None:
    with pytest.raises(NomadConnectionError, match="TLS failure"):
        NomadClient(server.address, ca_cert=str(ca_file), retry=FAST_RETRY).jobs.list()


def test_tls_server_name_verifies_against_that_name(server: NomadServer, ca_file: Path) -> None:
    client = NomadClient(server.address, ca_cert=str(ca_file), tls_server_name=SERVER_NAME)
    assert client.jobs.list() == []
    assert client.jobs.with_meta.list().meta.last_index == 3


def test_tls_server_name_from_environment(
    server: NomadServer, ca_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NOMAD_CACERT", str(ca_file))
    monkeypatch.setenv("NOMAD_TLS_SERVER_NAME", SERVER_NAME)
    assert NomadClient(server.address).jobs.list() == []


def test_wrong_server_name_is_rejected(server: NomadServer, ca_file: Path) -> None:
    client = NomadClient(
        server.address, ca_cert=str(ca_file), tls_server_name="other.nomad", retry=FAST_RETRY
    )
    with pytest.raises(NomadConnectionError, match="TLS failure"):
        client.jobs.list()


def test_skip_verify_accepts_any_certificate_with_a_warning(server: NomadServer) -> None:
    with pytest.warns(InsecureRequestWarning):
        assert NomadClient(server.address, skip_verify=True).jobs.list() == []


def test_tls_failures_are_not_retried(server: NomadServer) -> None:
    server.clear()
    with pytest.raises(NomadConnectionError):
        NomadClient(server.address, retry=FAST_RETRY).jobs.list()
    assert server.seen() == []
