"""What every rule is: its identity, documentation and example; and the set of them.

A rule family is a module of ``core/rules/`` holding its rules and one ``check``
function (the `Family` contract of ``core/registry.py``, which lists the families once).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from mkdocs_diataxis.core.document import Document
from mkdocs_diataxis.core.finding import Finding, Problem
from mkdocs_diataxis.core.vocabulary import Severity


@dataclass(frozen=True, slots=True)
class Example:
    """A page that triggers its rule and no other: shown in the rules reference and by
    ``mkdocs-diataxis explain``, and checked by the tests."""

    path: str
    """Where the page sits under ``docs_dir`` (the path decides its category)."""
    source: bytes
    note: str = ""
    """What the reader should notice, shown after the page's name."""
    settings: Mapping[str, Any] = field(default_factory=dict)
    """Plugin options the example needs, as written in ``mkdocs.yml``."""

    @property
    def text(self) -> str:
        """The page as a reader sees it (a page that is not UTF-8 read as Latin-1)."""
        try:
            return self.source.decode("utf-8")
        except UnicodeDecodeError:
            return self.source.decode("latin-1")


@dataclass(frozen=True, slots=True)
class Rule:
    """A rule's identity and documentation; the checking lives in its family's module."""

    id: str
    severity: Severity
    summary: str
    explanation: str
    example: Example

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

    def reports(self, doc: Document, problem: Problem) -> Finding:
        """The finding of this rule for a problem met while reading the page."""
        return self.at(
            doc, problem.line, problem.column, problem.text, problem.message, problem.suggestion
        )


class RuleSet(Mapping[str, Rule]):
    """Rule id -> rule, in documentation order; a family is named ``placement/*``."""

    def __init__(self, rules: Iterable[Rule]) -> None:
        self._rules = {rule.id: rule for rule in rules}
        self.families = frozenset(rule.family for rule in self._rules.values())

    def __getitem__(self, rule_id: str) -> Rule:
        return self._rules[rule_id]

    def __iter__(self) -> Iterator[str]:
        return iter(self._rules)

    def __len__(self) -> int:
        return len(self._rules)

    def expand(self, name: str) -> tuple[str, ...]:
        """The rule ids a name in ``severity:`` or a suppression stands for:
        ``placement/nested`` -> itself; ``placement/*`` -> every placement rule;
        anything unknown -> ``()``."""
        if name in self._rules:
            return (name,)
        if name.endswith("/*") and name[:-2] in self.families:
            return tuple(rid for rid, rule in self._rules.items() if rule.family == name[:-2])
        return ()
