"""Fixtures for every test (helpers shared by tests are in `tests.helpers`)."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _no_mkdocs_2_banner(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
