"""TLS for real: certificates made at test time, HTTPS servers on 127.0.0.1, every way to configure
trust, client certificates and the server name, and the one way to switch verification off.
"""

from __future__ import annotations

import re
import ssl
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests
import trustme
from urllib3.exceptions import InsecureRequestWarning

from nomad_typed._client import NomadClient
from nomad_typed._config import Timeout
from nomad_typed._exceptions import NomadConfigError, NomadConnectionError
from nomad_typed._transport import RetryPolicy
from tests.support.nomad_server import NomadServer, Reply

RETRY = RetryPolicy(max_attempts=3, backoff_base=0.0, backoff_max=0.0)
TIMEOUT = Timeout(connect=2.0, read=2.0)
SERVER_NAME = "nomad.internal"
UNTRUSTED = (
    r"GET https://127\.0\.0\.1:\d+/v1/jobs: TLS failure: \[SSL: CERTIFICATE_VERIFY_FAILED\] "
    r"certificate verify failed: unable to get local issuer certificate \(_ssl\.c:\d+\)"
)
WRONG_ADDRESS = (
    r"GET https://127\.0\.0\.1:\d+/v1/jobs: TLS failure: \[SSL: CERTIFICATE_VERIFY_FAILED\] "
    r"certificate verify failed: IP address mismatch, certificate is not valid for '127\.0\.0\.1'\. "
    r"\(_ssl\.c:\d+\)"
)
WRONG_NAME = (
    r"GET https://127\.0\.0\.1:\d+/v1/jobs: TLS failure: "
    r"hostname 'other\.internal' doesn't match 'nomad\.internal'"
)


@dataclass(frozen=True)
class Files:
    """PEM files of the test PKI."""

    ca: Path
    ca_dir: Path
    client_cert: Path
    client_key: Path
    client_combined: Path


@dataclass
class Agent:
    """One HTTPS server and the server names (SNI) its clients asked for."""

    server: NomadServer
    sni: list[str | None]

    @property
    def address(self) -> str:
        return self.server.address


@pytest.fixture(scope="module")
def authority() -> trustme.CA:
    return trustme.CA()


@pytest.fixture(scope="module")
def files(authority: trustme.CA, tmp_path_factory: pytest.TempPathFactory) -> Files:
    root = tmp_path_factory.mktemp("pki")
    ca = root / "ca.pem"
    authority.cert_pem.write_to_path(str(ca))
    # A CA directory as Nomad reads it: any file names, unrelated CAs beside the right one.
    ca_dir = root / "ca.d"
    ca_dir.mkdir()
    trustme.CA().cert_pem.write_to_path(str(ca_dir / "0-other-ca.crt"))
    authority.cert_pem.write_to_path(str(ca_dir / "nomad-agent-ca.pem"))
    client = authority.issue_cert("client.global.nomad")
    client_cert, client_key, combined = root / "cli.pem", root / "cli-key.pem", root / "cli-both.pem"
    client.cert_chain_pems[0].write_to_path(str(client_cert))
    client.private_key_pem.write_to_path(str(client_key))
    client.private_key_and_cert_chain_pem.write_to_path(str(combined))
    return Files(ca, ca_dir, client_cert, client_key, combined)


def _agent(certificate: trustme.LeafCert, *, require_client: trustme.CA | None = None) -> Iterator[Agent]:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    certificate.configure_cert(context)
    if require_client is not None:
        require_client.configure_trust(context)
        context.verify_mode = ssl.CERT_REQUIRED
    sni: list[str | None] = []
    context.sni_callback = lambda _socket, name, _context: sni.append(name)
    with NomadServer(tls=context) as server:
        server.route("GET", "jobs", Reply.json([], index=5))
        yield Agent(server, sni)


@pytest.fixture
def agent(authority: trustme.CA) -> Iterator[Agent]:
    """Certificate for 127.0.0.1, signed by the test CA."""
    yield from _agent(authority.issue_cert("127.0.0.1"))


@pytest.fixture
def untrusted() -> Iterator[Agent]:
    """Certificate for 127.0.0.1 from a CA nobody trusts."""
    yield from _agent(trustme.CA().issue_cert("127.0.0.1"))


@pytest.fixture
def named(authority: trustme.CA) -> Iterator[Agent]:
    """Certificate for nomad.internal only, served on 127.0.0.1."""
    yield from _agent(authority.issue_cert(SERVER_NAME))


@pytest.fixture
def mutual(authority: trustme.CA) -> Iterator[Agent]:
    """Certificate for 127.0.0.1, and a client certificate from the test CA required."""
    yield from _agent(authority.issue_cert("127.0.0.1"), require_client=authority)


def _client(agent: Agent, **settings: object) -> NomadClient:
    return NomadClient(agent.address, retry=RETRY, timeout=TIMEOUT, **settings)  # type: ignore[arg-type]


def _succeeds(agent: Agent, client: NomadClient) -> None:
    assert client.jobs.list() == []
    assert [(request.method, request.raw_path) for request in agent.server.seen()] == [("GET", "/v1/jobs")]


def _rejected(agent: Agent, client: NomadClient, pattern: str) -> None:
    sleeps: list[float] = []
    client._transport._sleep = sleeps.append
    with pytest.raises(NomadConnectionError) as caught:
        client.jobs.list()
    assert re.fullmatch(pattern, str(caught.value)), str(caught.value)
    assert agent.server.seen() == []
    assert sleeps == []  # a TLS failure repeats identically: never retried


# --- Verification is on by default --------------------------------------------------------------


def test_untrusted_certificate_is_rejected_by_default(untrusted: Agent) -> None:
    client = _client(untrusted)
    assert client.config.verify is True
    _rejected(untrusted, client, UNTRUSTED)


def test_test_ca_is_not_trusted_without_being_configured(agent: Agent) -> None:
    _rejected(agent, _client(agent), UNTRUSTED)


@pytest.mark.parametrize(
    "environment",
    [
        {"NOMAD_SKIP_VERIFY": "0"},
        {"NOMAD_SKIP_VERIFY": "false"},
        {"NOMAD_SKIP_VERIFY": "yes"},  # not one of Go's ParseBool spellings: false, like Nomad's CLI
        {"NOMAD_SKIP_VERIFY": ""},
        {"CURL_CA_BUNDLE": "", "REQUESTS_CA_BUNDLE": ""},
        {"PYTHONHTTPSVERIFY": "0"},
    ],
    ids=lambda environment: " ".join(f"{key}={value!r}" for key, value in environment.items()),
)
def test_nothing_else_switches_verification_off(
    untrusted: Agent, environment: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    _rejected(untrusted, _client(untrusted), UNTRUSTED)


def test_a_callers_session_that_skips_verification_does_not_switch_it_off(untrusted: Agent) -> None:
    session = requests.Session()
    session.verify = False
    _rejected(untrusted, _client(untrusted, session=session), UNTRUSTED)


@pytest.mark.parametrize("value", ["1", "true", "TRUE", "t"])
def test_nomad_skip_verify_switches_verification_off(
    untrusted: Agent, value: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NOMAD_SKIP_VERIFY", value)
    client = _client(untrusted)
    with pytest.warns(InsecureRequestWarning):
        _succeeds(untrusted, client)


def test_skip_verify_argument_switches_verification_off(untrusted: Agent) -> None:
    with pytest.warns(InsecureRequestWarning):
        _succeeds(untrusted, _client(untrusted, skip_verify=True))


def test_skip_verify_false_argument_beats_the_environment(
    untrusted: Agent, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NOMAD_SKIP_VERIFY", "1")
    _rejected(untrusted, _client(untrusted, skip_verify=False), UNTRUSTED)


# --- Trusting a CA: file or directory, argument or environment ------------------------------------


def test_ca_cert_argument(agent: Agent, files: Files) -> None:
    _succeeds(agent, _client(agent, ca_cert=str(files.ca)))


def test_nomad_cacert(agent: Agent, files: Files, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NOMAD_CACERT", str(files.ca))
    _succeeds(agent, _client(agent))


def test_ca_path_argument_is_a_directory_of_any_file_names(agent: Agent, files: Files) -> None:
    _succeeds(agent, _client(agent, ca_path=str(files.ca_dir)))


def test_nomad_capath(agent: Agent, files: Files, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NOMAD_CAPATH", str(files.ca_dir))
    _succeeds(agent, _client(agent))


def test_nomad_capath_may_name_a_file(agent: Agent, files: Files, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NOMAD_CAPATH", str(files.ca))
    _succeeds(agent, _client(agent))


def test_ca_path_without_the_agents_ca_is_rejected(agent: Agent, tmp_path: Path) -> None:
    trustme.CA().cert_pem.write_to_path(str(tmp_path / "other.pem"))
    _rejected(agent, _client(agent, ca_path=str(tmp_path)), UNTRUSTED)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "CA path '{path}': No such file or directory"),
        ({}, "CA path '{path}' holds no CA certificate"),
        (
            {"notes.txt": "not a certificate"},
            "CA path '{path}': '{path}/notes.txt' holds no PEM certificate: ",
        ),
    ],
    ids=["missing", "empty", "not PEM"],
)
def test_unusable_ca_path_is_a_config_error(
    agent: Agent, tmp_path: Path, content: dict[str, str] | None, message: str
) -> None:
    path = tmp_path / "ca.d"
    if content is not None:
        path.mkdir()
        for name, text in content.items():
            (path / name).write_text(text)
    with pytest.raises(NomadConfigError) as caught:
        _client(agent, ca_path=str(path)).jobs.list()
    assert str(caught.value).startswith(message.format(path=path))
    assert agent.server.seen() == []


@pytest.mark.parametrize("setting", ["ca_cert", "client_cert"])
def test_missing_certificate_file_is_a_config_error(
    agent: Agent, files: Files, tmp_path: Path, setting: str
) -> None:
    missing = tmp_path / "missing.pem"
    settings = {"ca_cert": str(files.ca), setting: str(missing)}
    with pytest.raises(NomadConfigError) as caught:
        _client(agent, **settings).jobs.list()
    assert str(caught.value).startswith(f"GET {agent.address}/v1/jobs: Could not find ")
    assert str(caught.value).endswith(f"invalid path: {missing}")
    assert agent.server.seen() == []


def test_ca_cert_wins_over_ca_path(agent: Agent, files: Files, tmp_path: Path) -> None:
    _succeeds(agent, _client(agent, ca_cert=str(files.ca), ca_path=str(tmp_path / "missing")))


# --- Client certificates (mTLS) -------------------------------------------------------------------


def test_server_requiring_a_client_certificate_refuses_a_client_without_one(
    mutual: Agent, files: Files
) -> None:
    client = _client(mutual, ca_cert=str(files.ca))
    with pytest.raises(NomadConnectionError) as caught:
        client.jobs.list()
    # The server ends the handshake; the client sees an alert or, if the alert is lost, an EOF.
    refused = r"TLS failure: (EOF occurred in violation of protocol|.*certificate required).*"
    assert re.fullmatch(re.escape(f"GET {mutual.address}/v1/jobs: ") + refused, str(caught.value))
    assert mutual.server.seen() == []


def test_client_certificate_and_key_arguments(mutual: Agent, files: Files) -> None:
    client = _client(
        mutual, ca_cert=str(files.ca), client_cert=str(files.client_cert), client_key=str(files.client_key)
    )
    _succeeds(mutual, client)


def test_client_certificate_from_the_environment(
    mutual: Agent, files: Files, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NOMAD_CACERT", str(files.ca))
    monkeypatch.setenv("NOMAD_CLIENT_CERT", str(files.client_cert))
    monkeypatch.setenv("NOMAD_CLIENT_KEY", str(files.client_key))
    _succeeds(mutual, _client(mutual))


def test_client_certificate_and_key_in_one_file(mutual: Agent, files: Files) -> None:
    _succeeds(mutual, _client(mutual, ca_cert=str(files.ca), client_cert=str(files.client_combined)))


def test_client_certificate_with_a_ca_directory(mutual: Agent, files: Files) -> None:
    client = _client(
        mutual,
        ca_path=str(files.ca_dir),
        client_cert=str(files.client_cert),
        client_key=str(files.client_key),
    )
    _succeeds(mutual, client)


# --- NOMAD_TLS_SERVER_NAME ----------------------------------------------------------------------


def test_certificate_for_another_name_is_rejected(named: Agent, files: Files) -> None:
    _rejected(named, _client(named, ca_cert=str(files.ca)), WRONG_ADDRESS)


def test_tls_server_name_argument(named: Agent, files: Files) -> None:
    _succeeds(named, _client(named, ca_cert=str(files.ca), tls_server_name=SERVER_NAME))
    assert named.sni == [SERVER_NAME]


def test_nomad_tls_server_name(named: Agent, files: Files, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NOMAD_CACERT", str(files.ca))
    monkeypatch.setenv("NOMAD_TLS_SERVER_NAME", SERVER_NAME)
    _succeeds(named, _client(named))
    assert named.sni == [SERVER_NAME]


def test_tls_server_name_with_a_ca_directory(named: Agent, files: Files) -> None:
    _succeeds(named, _client(named, ca_path=str(files.ca_dir), tls_server_name=SERVER_NAME))
    assert named.sni == [SERVER_NAME]


def test_wrong_tls_server_name_is_rejected(named: Agent, files: Files) -> None:
    client = _client(named, ca_cert=str(files.ca), tls_server_name="other.internal")
    _rejected(named, client, WRONG_NAME)
    assert named.sni == ["other.internal"]
