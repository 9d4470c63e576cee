"""Fixtures of the reliability tests: a clean NOMAD_* environment for every client under test."""

from __future__ import annotations

import pytest

from tests.support.environment import clear_nomad_environment


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """No NOMAD_* variable of the machine running the tests leaks into a client."""
    clear_nomad_environment(monkeypatch)
