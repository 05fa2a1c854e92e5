"""Suppression comments and ``diataxis_ignore``: which rules are silenced where.

``<!-- diataxis: disable RULE[,RULE] -->`` silences the named rules from its line to
a matching ``<!-- diataxis: enable -->`` (or the end of the page);
``<!-- diataxis: disable-next-line RULE -->`` silences them on the next line only;
front matter ``diataxis_ignore: [RULE, ...]`` silences them on the whole page.
A rule may be named by id (``placement/nested``) or family (``placement/*``).
Malformed suppressions are kept as problems for the ``suppression/*`` rules.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from mkdocs_diataxis.core.document import Document
from mkdocs_diataxis.core.finding import Finding, Problem
from mkdocs_diataxis.core.rule import RuleSet
from mkdocs_diataxis.core.spelling import did_you_mean

IGNORE_KEY = "diataxis_ignore"
UNKNOWN_RULE_ID = "suppression/unknown-rule"
UNKNOWN_DIRECTIVE_ID = "suppression/unknown-directive"
_ALL = "*"

# `diataxis: disable a/b, c/d` inside an HTML comment, rule names possibly on later
# lines; the action is any word so a misspelt one can be reported. Not
# `diataxis_ignore` or prose mentioning diataxis.
_DIRECTIVE = re.compile(r"\s*diataxis:[ \t]*(?P<action>[\w-]*)(?P<rules>[^>]*?)\s*\Z")
_SEPARATOR = re.compile(r"[\s,]+")


@dataclass(slots=True)
class Suppressions:
    """Which rules are silenced where on one page."""

    page: set[str] = field(default_factory=set)
    ranges: list[tuple[str, int, int]] = field(default_factory=list)
    """(rule id or ``*``, first line, last line), inclusive."""
    problems: list[Problem] = field(default_factory=list)
    """What is wrong with the suppressions themselves, for ``suppression/*`` to report."""

    _index: dict[str, tuple[list[int], list[int]]] | None = None

    def silences(self, finding: Finding) -> bool:
        """Whether ``finding`` is suppressed on its page and line."""
        if finding.rule in self.page:
            return True
        if self._index is None:
            self._index = _index(self.ranges)
        return any(_covers(self._index.get(rule), finding.line) for rule in (finding.rule, _ALL))


def _index(ranges: list[tuple[str, int, int]]) -> dict[str, tuple[list[int], list[int]]]:
    """Per rule: first lines in order, and the furthest last line reached by any range
    starting at or before each; one bisection then answers whether a line is covered,
    so thousands of suppressions stay linear."""
    by_rule: dict[str, list[tuple[int, int]]] = {}
    for rule, first, last in ranges:
        by_rule.setdefault(rule, []).append((first, last))
    index = {}
    for rule, spans in by_rule.items():
        spans.sort()
        furthest, reach = 0, []
        for _, last in spans:
            furthest = max(furthest, last)
            reach.append(furthest)
        index[rule] = ([first for first, _ in spans], reach)
    return index


def _covers(entry: tuple[list[int], list[int]] | None, line: int) -> bool:
    if entry is None:
        return False
    firsts, reach = entry
    position = bisect.bisect_right(firsts, line) - 1
    return position >= 0 and reach[position] >= line


def read_suppressions(doc: Document, rules: RuleSet) -> Suppressions:
    """Collect the page's suppressions, reporting malformed ones."""
    found = Suppressions()
    _read_front_matter(doc, rules, found)
    open_since: dict[str, int] = {}
    last_line = max(len(doc.lines), 1)
    for comment in doc.comments:
        match = _DIRECTIVE.match(comment.text)
        if match is None:
            continue
        action = match.group("action")
        names = [name for name in _SEPARATOR.split(match.group("rules")) if name]
        if action not in ("disable", "enable", "disable-next-line"):
            found.problems.append(
                Problem(
                    UNKNOWN_DIRECTIVE_ID,
                    *(
                        doc.locate(action, comment.line, comment.column, comment.end_line)
                        or (comment.line, comment.column)
                    ),
                    action,
                    f'"diataxis: {action}" is not a directive the plugin knows',
                    "use disable, enable or disable-next-line"
                    + did_you_mean(action, ["disable", "enable", "disable-next-line"]),
                )
            )
            continue
        rule_ids = (
            _expand(doc, rules, names, (comment.line, comment.column, comment.end_line), found)
            if names
            else [_ALL]
        )
        if action == "disable-next-line":
            next_line = comment.end_line + 1
            found.ranges.extend((rule, next_line, next_line) for rule in rule_ids)
        elif action == "disable":
            for rule in rule_ids:
                open_since.setdefault(rule, comment.line)
        else:
            closing = list(open_since) if rule_ids == [_ALL] else rule_ids
            for rule in closing:
                if rule in open_since:
                    found.ranges.append((rule, open_since.pop(rule), comment.end_line))
    found.ranges.extend((rule, first, last_line) for rule, first in open_since.items())
    return found


def _read_front_matter(doc: Document, rules: RuleSet, found: Suppressions) -> None:
    value = doc.meta.get(IGNORE_KEY)
    if value is None:
        return
    line, column = next(doc.front_matter_keys(IGNORE_KEY), (1, 1))
    if isinstance(value, str):
        value = [name for name in _SEPARATOR.split(value) if name]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        found.problems.append(
            Problem(
                UNKNOWN_RULE_ID,
                line,
                column,
                str(value),
                f"{IGNORE_KEY} must be a list of rule ids, got {value!r}",
                f"write it as {IGNORE_KEY}: [placement/uncategorized]",
            )
        )
        return
    found.page.update(_expand(doc, rules, value, (line, column, line), found))


def _expand(
    doc: Document,
    rules: RuleSet,
    names: list[str],
    where: tuple[int, int, int],
    found: Suppressions,
) -> list[str]:
    """The rule ids ``names`` stand for; each unknown name is reported where it is
    written, searching the source from ``where``'s line and column to its last line."""
    line, column, last_line = where
    rule_ids: list[str] = []
    for name in names:
        expanded = rules.expand(name)
        if not expanded:
            found.problems.append(
                Problem(
                    UNKNOWN_RULE_ID,
                    *(doc.locate(name, line, column, last_line) or (line, column)),
                    name,
                    f'"{name}" is not a rule, so nothing is suppressed by it',
                    "use a rule id from the rules reference" + did_you_mean(name, list(rules)),
                )
            )
        rule_ids.extend(expanded)
    return rule_ids
