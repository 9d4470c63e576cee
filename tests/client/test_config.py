"""Configuration: NOMAD_* variables, precedence, TLS defaults, address handling, redaction."""

from __future__ import annotations

import pytest
import responses

from nomad_typed._client import NomadClient
from nomad_typed._config import BasicAuth, Config, SecretString, Timeout
from nomad_typed._exceptions import NomadConfigError
from nomad_typed._transport import RetryPolicy
from tests.support.nomad_server import NomadServer, job_routes

from .conftest import FAST_RETRY

ENV = {
    "NOMAD_ADDR": "https://nomad.example.com:4646/",
    "NOMAD_TOKEN": "env-token-secret",
    "NOMAD_NAMESPACE": "env-ns",
    "NOMAD_REGION": "env-region",
    "NOMAD_HTTP_AUTH": "alice:env-password",
    "NOMAD_CACERT": "/etc/nomad/ca.pem",
    "NOMAD_CAPATH": "/etc/nomad/cas",
    "NOMAD_CLIENT_CERT": "/etc/nomad/cli.pem",
    "NOMAD_CLIENT_KEY": "/etc/nomad/cli-key.pem",
    "NOMAD_TLS_SERVER_NAME": "server.global.nomad",
    "NOMAD_SKIP_VERIFY": "true",
}


def test_defaults_without_environment() -> None:
    config = Config.resolve(environ={})
    assert config == Config(
        address="http://127.0.0.1:4646",
        token=None,
        namespace=None,
        region=None,
        http_auth=None,
        ca_cert=None,
        ca_path=None,
        client_cert=None,
        client_key=None,
        tls_server_name=None,
        skip_verify=False,
        timeout=Timeout(connect=5.0, read=60.0),
    )
    assert config.verify is True
    assert config.cert is None


def test_every_variable_is_read() -> None:
    config = Config.resolve(environ=ENV)
    assert config.address == "https://nomad.example.com:4646"
    assert config.token == SecretString("env-token-secret")
    assert (config.namespace, config.region) == ("env-ns", "env-region")
    assert config.http_auth == BasicAuth("alice", SecretString("env-password"))
    assert (config.ca_cert, config.ca_path) == ("/etc/nomad/ca.pem", "/etc/nomad/cas")
    assert config.cert == ("/etc/nomad/cli.pem", "/etc/nomad/cli-key.pem")
    assert config.tls_server_name == "server.global.nomad"
    assert config.skip_verify is True
    assert config.verify is False


def test_explicit_arguments_beat_the_environment() -> None:
    config = Config.resolve(
        "http://10.0.0.1:4646",
        token="arg-token",
        namespace="arg-ns",
        region="arg-region",
        http_auth=("bob", "arg-password"),
        ca_cert="/arg/ca.pem",
        ca_path="/arg/cas",
        client_cert="/arg/cert.pem",
        client_key="/arg/key.pem",
        tls_server_name="arg.nomad",
        skip_verify=False,
        timeout=(1.5, 30),
        environ=ENV,
    )
    assert config == Config(
        address="http://10.0.0.1:4646",
        token=SecretString("arg-token"),
        namespace="arg-ns",
        region="arg-region",
        http_auth=BasicAuth("bob", SecretString("arg-password")),
        ca_cert="/arg/ca.pem",
        ca_path="/arg/cas",
        client_cert="/arg/cert.pem",
        client_key="/arg/key.pem",
        tls_server_name="arg.nomad",
        skip_verify=False,
        timeout=Timeout(connect=1.5, read=30),
    )
    assert config.verify == "/arg/ca.pem"


def test_empty_argument_switches_an_environment_value_off() -> None:
    config = Config.resolve(token="", namespace="", http_auth="", environ=ENV)
    assert (config.token, config.namespace, config.http_auth) == (None, None, None)


@pytest.mark.parametrize(
    ("value", "skip"),
    [
        ("1", True),
        ("t", True),
        ("TRUE", True),
        ("True", True),
        ("0", False),
        ("false", False),
        ("yes", False),
    ],
)
def test_skip_verify_parses_like_go(value: str, skip: bool) -> None:
    assert Config.resolve(environ={"NOMAD_SKIP_VERIFY": value}).skip_verify is skip


def test_verification_uses_ca_path_when_no_ca_file() -> None:
    assert Config.resolve(environ={"NOMAD_CAPATH": "/etc/ssl/nomad"}).verify == "/etc/ssl/nomad"


def test_client_cert_alone_is_a_combined_pem() -> None:
    assert Config.resolve(client_cert="/combined.pem", environ={}).cert == "/combined.pem"


def test_http_auth_without_colon_is_a_user_without_password() -> None:
    assert Config.resolve(http_auth="operator", environ={}).http_auth == BasicAuth(
        "operator", SecretString("")
    )


def test_credentials_in_the_address_become_basic_auth() -> None:
    config = Config.resolve("https://ops:p%40ss@nomad.example.com", environ={})
    assert config.address == "https://nomad.example.com"
    assert config.http_auth == BasicAuth("ops", SecretString("p@ss"))


@pytest.mark.parametrize(
    ("address", "normalized"),
    [
        ("http://127.0.0.1:4646/", "http://127.0.0.1:4646"),
        ("https://proxy.example.com/nomad/", "https://proxy.example.com/nomad"),
        ("http://[::1]:4646", "http://[::1]:4646"),
    ],
)
def test_address_is_normalized(address: str, normalized: str) -> None:
    assert Config.resolve(address, environ={}).address == normalized


@pytest.mark.parametrize(
    ("address", "message"),
    [
        ("unix:///var/run/nomad.sock", "unix socket addresses are not supported"),
        ("127.0.0.1:4646", "must look like http://host:port"),
        ("ftp://nomad:21", "must look like http://host:port"),
        ("http://nomad:4646/?x=1", "must not carry a query"),
        ("http://nomad:99999", "invalid port"),
    ],
)
def test_unusable_addresses_fail_at_construction(address: str, message: str) -> None:
    with pytest.raises(NomadConfigError, match=message):
        NomadClient(address)


def test_unix_socket_from_environment_fails_too(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NOMAD_ADDR", "unix:///run/nomad.sock")
    with pytest.raises(NomadConfigError, match="unix socket"):
        NomadClient()


@pytest.mark.parametrize(
    ("arguments", "error", "message"),
    [
        ({"address": 5}, TypeError, "address must be a string, got int"),
        ({"address": b"http://nomad:4646"}, TypeError, "address must be a string, got bytes"),
        ({"token": 5}, TypeError, "token must be a string, got int"),
        ({"namespace": ["a"]}, TypeError, "namespace must be a string, got list"),
        ({"region": 1}, TypeError, "region must be a string, got int"),
        ({"ca_cert": True}, TypeError, "ca_cert must be a string, got bool"),
        ({"ca_path": 1}, TypeError, "ca_path must be a string, got int"),
        ({"client_cert": 1}, TypeError, "client_cert must be a string, got int"),
        ({"client_key": 1}, TypeError, "client_key must be a string, got int"),
        ({"tls_server_name": 1}, TypeError, "tls_server_name must be a string, got int"),
        ({"skip_verify": "false"}, TypeError, "skip_verify must be a bool, got str"),
        ({"skip_verify": 0}, TypeError, "skip_verify must be a bool, got int"),
        (
            {"http_auth": ("a", "b", "c")},
            NomadConfigError,
            "http_auth must be a (user, password) pair, got a tuple of 3",
        ),
        (
            {"http_auth": ("a",)},
            NomadConfigError,
            "http_auth must be a (user, password) pair, got a tuple of 1",
        ),
        ({"http_auth": ("a", 1)}, TypeError, "http_auth must hold two strings, got str and int"),
        (
            {"http_auth": ["a", "b"]},
            TypeError,
            "http_auth must be 'user:password' or a (user, password) tuple, got list",
        ),
        (
            {"http_auth": 5},
            TypeError,
            "http_auth must be 'user:password' or a (user, password) tuple, got int",
        ),
        (
            {"timeout": (1,)},
            NomadConfigError,
            "timeout must be one number of seconds or a (connect, read) pair, got a tuple of 1",
        ),
        (
            {"timeout": (1, 2, 3)},
            NomadConfigError,
            "timeout must be one number of seconds or a (connect, read) pair, got a tuple of 3",
        ),
        ({"timeout": 0}, NomadConfigError, "timeout must be positive and at most 31536000 seconds, got 0"),
        (
            {"timeout": -1.5},
            NomadConfigError,
            "timeout must be positive and at most 31536000 seconds, got -1.5",
        ),
        (
            {"timeout": float("inf")},
            NomadConfigError,
            "timeout must be positive and at most 31536000 seconds, got inf",
        ),
        (
            {"timeout": float("nan")},
            NomadConfigError,
            "timeout must be positive and at most 31536000 seconds, got nan",
        ),
        (
            {"timeout": 31_536_001},
            NomadConfigError,
            "timeout must be positive and at most 31536000 seconds, got 31536001",
        ),
        (
            {"timeout": (1, float("inf"))},
            NomadConfigError,
            "timeout (read) must be positive and at most 31536000 seconds, got inf",
        ),
        (
            {"timeout": ("5", 1)},
            TypeError,
            "timeout (connect) must be a number of seconds, got str",
        ),
        (
            {"timeout": "5"},
            TypeError,
            "timeout must be a number of seconds, a (connect, read) pair or a Timeout, got str",
        ),
        (
            {"timeout": True},
            TypeError,
            "timeout must be a number of seconds, a (connect, read) pair or a Timeout, got bool",
        ),
        ({"session": 5}, TypeError, "session must be a requests.Session, got int"),
        ({"retry": 5}, TypeError, "retry must be a RetryPolicy, got int"),
        ({"user_agent": 5}, TypeError, "user_agent must be a string, got int"),
        (
            {"user_agent": "deployer/1.0\r\nX-Injected: 1"},
            NomadConfigError,
            "user_agent holds a control character (character 13 of 27), which an HTTP header cannot carry",
        ),
        (
            {"user_agent": "déployer/€"},
            NomadConfigError,
            "user_agent holds a character outside Latin-1 (character 10 of 10),"
            " which an HTTP header cannot carry",
        ),
    ],
)
def test_wrong_constructor_arguments_are_named_at_construction(
    arguments: dict[str, object], error: type[Exception], message: str, mocked: responses.RequestsMock
) -> None:
    with pytest.raises(error) as caught:
        NomadClient(**arguments)  # type: ignore[arg-type]
    assert type(caught.value) is error
    assert str(caught.value) == message
    assert len(mocked.calls) == 0


@pytest.mark.parametrize(
    ("arguments", "error", "message"),
    [
        (
            {"connect": 0},
            NomadConfigError,
            "timeout (connect) must be positive and at most 31536000 seconds, got 0",
        ),
        (
            {"read": float("inf")},
            NomadConfigError,
            "timeout (read) must be positive and at most 31536000 seconds, got inf",
        ),
        ({"read": None}, TypeError, "timeout (read) must be a number of seconds, got NoneType"),
    ],
)
def test_timeouts_are_checked_when_built(
    arguments: dict[str, object], error: type[Exception], message: str
) -> None:
    with pytest.raises(error) as caught:
        Timeout(**arguments)  # type: ignore[arg-type]
    assert str(caught.value) == message


@pytest.mark.parametrize(
    ("arguments", "error", "message"),
    [
        ({"max_attempts": 0}, NomadConfigError, "max_attempts must be at least 1, got 0"),
        ({"max_attempts": 2.0}, TypeError, "max_attempts must be an int, got float"),
        (
            {"backoff_base": -1},
            NomadConfigError,
            "backoff_base must be at least 0 and at most 31536000 seconds, got -1",
        ),
        (
            {"backoff_max": float("inf")},
            NomadConfigError,
            "backoff_max must be at least 0 and at most 31536000 seconds, got inf",
        ),
        ({"max_retry_after": "60"}, TypeError, "max_retry_after must be a number of seconds, got str"),
    ],
)
def test_retry_policies_are_checked_when_built(
    arguments: dict[str, object], error: type[Exception], message: str
) -> None:
    with pytest.raises(error) as caught:
        RetryPolicy(**arguments)  # type: ignore[arg-type]
    assert str(caught.value) == message


def test_the_longest_timeout_works_for_a_real_call() -> None:
    # An infinite timeout overflowed the socket layer at call time; the longest accepted does not.
    with NomadServer() as server:
        job_routes(server)
        client = NomadClient(server.address, timeout=31_536_000)
        assert client.config.timeout == Timeout(connect=31_536_000, read=31_536_000)
        assert client.jobs.get("example").id == "example"


def test_secrets_never_show_in_repr_or_str() -> None:
    client = NomadClient("http://u:url-password@nomad:4646", token="tok-secret-1", http_auth=None)
    texts = [repr(client), str(client), repr(client.config), str(client.config)]
    texts += [repr(client.config.token), str(client.config.http_auth)]
    for text in texts:
        assert "tok-secret-1" not in text
        assert "url-password" not in text
    assert repr(client) == "NomadClient(address='http://nomad:4646', token=set)"
    assert repr(client.config.token) == "SecretString('**********')"


def test_client_reads_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NOMAD_ADDR", "http://nomad.env:4646")
    monkeypatch.setenv("NOMAD_TOKEN", "env-token")
    monkeypatch.setenv("NOMAD_NAMESPACE", "env-ns")
    monkeypatch.setenv("NOMAD_REGION", "env-region")
    monkeypatch.setenv("NOMAD_HTTP_AUTH", "user:pw")
    with responses.RequestsMock() as mocked:
        mocked.add("GET", "http://nomad.env:4646/v1/job/example/summary", body=b'{"JobID": "example"}')
        NomadClient(retry=FAST_RETRY).jobs.summary("example")
        request = mocked.calls[0].request
    assert request.url == "http://nomad.env:4646/v1/job/example/summary?namespace=env-ns&region=env-region"
    assert request.headers["X-Nomad-Token"] == "env-token"
    assert request.headers["Authorization"] == "Basic dXNlcjpwdw=="


def test_per_call_options_beat_client_defaults() -> None:
    client = NomadClient(
        "http://nomad:4646", token="client-token", namespace="client-ns", region="client-region"
    )
    with responses.RequestsMock() as mocked:
        mocked.add("GET", "http://nomad:4646/v1/job/example/summary", body=b'{"JobID": "example"}')
        client.jobs.summary("example", namespace="call-ns", region="call-region", token="call-token")
        client.jobs.summary("example", token="")
        first, second = (call.request for call in mocked.calls)
    assert first.url == "http://nomad:4646/v1/job/example/summary?namespace=call-ns&region=call-region"
    assert first.headers["X-Nomad-Token"] == "call-token"
    assert second.url == "http://nomad:4646/v1/job/example/summary?namespace=client-ns&region=client-region"
    assert "X-Nomad-Token" not in second.headers


def test_no_trailing_slash_doubling() -> None:
    with responses.RequestsMock() as mocked:
        mocked.add("GET", "http://nomad:4646/v1/jobs", body=b"[]")
        assert NomadClient("http://nomad:4646/").jobs.list() == []
        assert mocked.calls[0].request.url == "http://nomad:4646/v1/jobs"


def test_user_agent_is_sent_when_set() -> None:
    with responses.RequestsMock() as mocked:
        mocked.add("GET", "http://nomad:4646/v1/jobs", body=b"[]")
        NomadClient("http://nomad:4646", user_agent="deployer/1.2").jobs.list()
        assert mocked.calls[0].request.headers["User-Agent"] == "deployer/1.2"
