"""Every rule family, registered once: the single source for checking, ``severity:``
validation, suppression comments, the reference docs and the command line.

A family is a module of ``core/rules/`` that honours the `Family` contract; adding a
rule touches its family's module, its tests and its reference doc, nothing else.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from mkdocs_diataxis.core.context import PageContext
from mkdocs_diataxis.core.document import PageWide
from mkdocs_diataxis.core.finding import Finding
from mkdocs_diataxis.core.rule import Rule, RuleSet
from mkdocs_diataxis.core.rules import citation, content, page, placement, suppression, terms


class Family(Protocol):
    """A rule family: its rules, and one check of a page that yields findings of those
    rules only. What the check may read is what `PageContext` offers."""

    @property
    def RULES(self) -> tuple[Rule, ...]: ...  # noqa: N802 (a module constant)

    def check(self, ctx: PageContext, /) -> Iterable[Finding]: ...


class SectionedFamily(Family, Protocol):
    """A family that checks a large page one section at a time (see `Document.page`),
    then settles what only the whole page decides."""

    def settle(self, page: PageWide, findings: list[Finding], /) -> list[Finding]: ...


FAMILIES: tuple[Family, ...] = (page, placement, citation, terms, content, suppression)
"""In documentation order; ``page`` first, as it alone runs on a page that cannot be read."""

SECTIONED: tuple[SectionedFamily, ...] = (terms,)
"""The families whose check runs on each section of a large page. The others run once,
on the page with what its sections gathered: its headings, comments and figures (not
its blocks, spans, tables or code, which only a section's model holds)."""

RULES = RuleSet(rule for family in FAMILIES for rule in family.RULES)
"""Rule id -> rule, in documentation order."""
