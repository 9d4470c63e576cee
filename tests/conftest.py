"""Shared test fixtures: where the real-world corpus lives."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED = REPO_ROOT.parent / "shared"
CORPUS = SHARED / "corpus"


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """The corpus of real Nomad JSON written by others (``../shared/corpus``)."""
    return CORPUS
