"""A rule's example page, checked: what the rules reference, ``mkdocs-diataxis explain``
and the tests show it reports."""

from __future__ import annotations

from mkdocs_diataxis.core.check import PageResult, check_page
from mkdocs_diataxis.core.options import load_settings
from mkdocs_diataxis.core.rule import Rule


def check_example(rule: Rule) -> PageResult:
    """Check a rule's example page with the options it names."""
    example = rule.example
    return check_page(example.path, example.source, load_settings(example.settings))
