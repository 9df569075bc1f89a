"""Fixtures shared by the editor-tool tests: the fake Red List/GBIF server and a deck copy."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.tools.fake_api import FakeApi, copy_mini, serve, standard_api


@pytest.fixture
def api() -> Iterator[FakeApi]:
    """A local HTTP server on 127.0.0.1 answering like the real APIs."""
    with serve(standard_api()) as running:
        yield running


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    """A writable copy of the small fixture deck."""
    return copy_mini(tmp_path / "mini")
