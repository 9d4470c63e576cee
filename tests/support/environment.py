"""Keeping the NOMAD_* variables of the machine running the tests out of the clients under test."""

from __future__ import annotations

import pytest

__all__ = ["NOMAD_VARIABLES", "clear_nomad_environment"]

#: Every variable the client reads, like Nomad's CLI.
NOMAD_VARIABLES = (
    "NOMAD_ADDR",
    "NOMAD_TOKEN",
    "NOMAD_NAMESPACE",
    "NOMAD_REGION",
    "NOMAD_HTTP_AUTH",
    "NOMAD_CACERT",
    "NOMAD_CAPATH",
    "NOMAD_CLIENT_CERT",
    "NOMAD_CLIENT_KEY",
    "NOMAD_TLS_SERVER_NAME",
    "NOMAD_SKIP_VERIFY",
)


def clear_nomad_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Remove every NOMAD_* variable the client reads, for the duration of one test."""
    for name in NOMAD_VARIABLES:
        monkeypatch.delenv(name, raising=False)
