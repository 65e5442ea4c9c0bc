"""Shared fixtures: where the reference corpus is, and how to skip without it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# A recognizer that raises must fail the test that reached it, not turn into an
# "unrecognized" citation the test may not look at (archcite.grammar.note).
os.environ.setdefault("ARCHCITE_STRICT", "1")

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def repo_dir() -> Path:
    return REPO


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The read-only ../shared folder; tests that need it skip when it is absent."""
    if not (SHARED / "corpus").is_dir():
        pytest.skip(
            "../shared/corpus is not present (fresh clone outside the workspace)"
        )
    return SHARED
