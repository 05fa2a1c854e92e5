"""A rule's identity and documentation (the checking lives in each rule module)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from mkdocs_diataxis.core.finding import Finding, Severity

if TYPE_CHECKING:
    from mkdocs_diataxis.core.document import Document


@dataclass(frozen=True, slots=True)
class Rule:
    """A rule's identity and documentation; the checking lives in its module."""

    id: str
    severity: Severity
    summary: str
    explanation: str

    @property
    def family(self) -> str:
        """The part before the slash: ``placement`` for ``placement/nested``."""
        return self.id.split("/", 1)[0]

    def at(
        self,
        doc: Document,
        line: int,
        column: int,
        text: str,
        message: str,
        suggestion: str = "",
    ) -> Finding:
        """A finding of this rule at its default severity (settings may change it later)."""
        return Finding(
            rule=self.id,
            severity=self.severity,
            path=doc.path,
            line=line,
            column=column,
            text=text,
            message=message,
            suggestion=suggestion,
        )
