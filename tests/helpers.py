"""Helpers shared by the tests: check a page from inline Markdown with default or
given settings."""

from __future__ import annotations

import textwrap
from typing import Any

from mkdocs_diataxis.core import Finding, check_page, load_settings


def md(text: str) -> str:
    """Inline Markdown in tests, written indented; the first newline is dropped."""
    return textwrap.dedent(text).lstrip("\n")


def findings(path: str, text: str | bytes, **options: Any) -> list[tuple[str, int, int, str]]:
    """(rule, line, column, text) of every finding on one page."""
    settings = load_settings(options)
    return [(f.rule, f.line, f.column, f.text) for f in check_page(path, text, settings).findings]


def all_findings(path: str, text: str | bytes, **options: Any) -> list[Finding]:
    return list(check_page(path, text, load_settings(options)).findings)
