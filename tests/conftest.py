"""Shared fixtures: where the reference corpus is, and how to skip without it."""

from __future__ import annotations

from pathlib import Path

import pytest

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
