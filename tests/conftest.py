"""Shared helpers: check a page from inline Markdown with default or given settings."""

from __future__ import annotations

import textwrap
from typing import Any

import pytest

from mkdocs_diataxis.core import Finding, Settings, check_page


def md(text: str) -> str:
    """Inline Markdown in tests, written indented; the first newline is dropped."""
    return textwrap.dedent(text).lstrip("\n")


def findings(path: str, text: str | bytes, **options: Any) -> list[tuple[str, int, int, str]]:
    """(rule, line, column, text) of every finding on one page."""
    settings = Settings.from_mapping(options)
    return [(f.rule, f.line, f.column, f.text) for f in check_page(path, text, settings).findings]


def all_findings(path: str, text: str | bytes, **options: Any) -> list[Finding]:
    return list(check_page(path, text, Settings.from_mapping(options)).findings)


@pytest.fixture(autouse=True)
def _no_mkdocs_2_banner(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
