"""Fixtures of the client tests: a clean NOMAD_* environment and a client for mocked HTTP."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import responses

from nomad_typed._client import NomadClient
from nomad_typed._transport import RetryPolicy
from tests.support.environment import clear_nomad_environment

ADDRESS = "http://nomad.test:4646"
BASE = ADDRESS + "/v1/"
TOKEN = "5f1e9a7c-token-0000-secret"
#: No waiting between retries in tests; attempts stay as in the default policy.
FAST_RETRY = RetryPolicy(backoff_base=0.0, backoff_max=0.0, max_retry_after=0.0)


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """No NOMAD_* variable of the machine running the tests leaks into a client."""
    clear_nomad_environment(monkeypatch)


@pytest.fixture
def mocked() -> Iterator[responses.RequestsMock]:
    """``responses`` intercepting every request; unmatched requests fail the test."""
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        yield mock


@pytest.fixture
def client() -> Iterator[NomadClient]:
    """A client with a token and no waiting between retries."""
    with NomadClient(ADDRESS, token=TOKEN, retry=FAST_RETRY) as nomad:
        yield nomad
