"""The domain's words, each list spelled once: the four categories, the levels a rule
can be set to, the severities a finding has, and the states of a planned page."""

from __future__ import annotations

from typing import Literal

CATEGORIES: tuple[str, ...] = ("tutorial", "how-to", "reference", "explanation")
"""The four Diátaxis categories, in the order Diátaxis presents them."""

Level = Literal["warn", "info", "ignore"]
"""What a rule is set to in ``severity:`` (MkDocs' own words for its ``validation:``)."""
LEVELS: tuple[Level, ...] = ("warn", "info", "ignore")

Severity = Literal["warning", "info"]
"""How loud a finding is: warnings fail ``mkdocs build --strict``, info findings never do."""

SEVERITY_OF_LEVEL: dict[Level, Severity | None] = {
    "warn": "warning",
    "info": "info",
    "ignore": None,
}
"""The severity a finding reports at under each level (``None``: not reported)."""

DeliverableState = Literal["missing", "stub", "draft", "needs work", "complete"]
DELIVERABLE_STATES: tuple[DeliverableState, ...] = (
    "missing",
    "stub",
    "draft",
    "needs work",
    "complete",
)
"""Where a planned page stands, from nothing to done."""
