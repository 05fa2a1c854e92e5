"""What a check reports: one `Finding` per problem, at a real source position."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Severity = Literal["warning", "info"]
"""How loud a finding is: warnings fail ``mkdocs build --strict``, info findings never do."""


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem on one page.

    ``line`` and ``column`` are 1-based and count in the source file as it is on disk
    (front matter included, a tab or any other character counting as one column).
    ``text`` is the exact source text the finding is about, or ``""`` for a finding
    about the whole page.
    """

    rule: str
    severity: Severity
    path: str
    line: int
    column: int
    text: str
    message: str
    suggestion: str = ""
    fingerprint: str = field(default="", compare=False)
    """The finding's identity in a baseline (warnings only; see ``core.baseline``)."""
    baselined: bool = field(default=False, compare=False)
    """A warning recorded in the baseline, reported at info."""

    def format(self) -> str:
        """The one-line form used in build logs: ``path:line:col: [rule] message — suggestion``."""
        tail = f" — {self.suggestion}" if self.suggestion else ""
        return f"{self.path}:{self.line}:{self.column}: [{self.rule}] {self.message}{tail}"

    def sort_key(self) -> tuple[str, int, int, str]:
        """Order by place in the docs, then by rule, so reports are stable."""
        return (self.path, self.line, self.column, self.rule)
