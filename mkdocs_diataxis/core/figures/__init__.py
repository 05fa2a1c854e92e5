"""Performance figures on a page: found, classified, and matched with what cites them.

A page's figures are a shared fact: ``citation/*`` reports the measured ones nothing
cites, and the status page counts them. `find_figures` runs once per page (the
`PageContext` keeps them).

- `candidates`: what a figure looks like ("286ns", "6.12M msg/sec", "3x faster");
- `kinds`: whether it is a setting, a target, a reading time, an example or measured;
- `sources`: what counts as a citation, and which scopes a citation covers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from mkdocs_diataxis.core.document import PROSE_LEAVES, Document, InlineText, outline_of
from mkdocs_diataxis.core.figures.candidates import (
    FIGURE,
    NOT_A_FIGURE,
    Nearby,
    could_hold_figure,
    in_context,
)
from mkdocs_diataxis.core.figures.kinds import classify
from mkdocs_diataxis.core.figures.sources import METHODOLOGY_WITHOUT_SOURCE, Sources
from mkdocs_diataxis.core.settings import Settings

_REACH = 160
"""How far (in characters) around a figure its context words are looked for."""


@dataclass(frozen=True, slots=True)
class Figure:
    """One performance figure: where it is, what kind of number it is, what covers it.

    ``kind`` is ``config``, ``target``, ``reading-time``, ``example`` (a hypothetical
    after "for example" or "say") or ``measured``; ``scope`` is the citation scope that
    covers a measured figure (``None`` when uncited).
    """

    text: str
    line: int
    column: int
    kind: str
    scope: str | None
    container: str
    """``table``, ``list`` or ``prose``: where the figure stands, for suggestions."""

    @property
    def cited(self) -> bool:
        """A measured figure that a source covers (a methodology section that names no
        source does not count)."""
        return self.kind == "measured" and self.scope not in (None, METHODOLOGY_WITHOUT_SOURCE)

    @property
    def weakly_cited(self) -> bool:
        """A measured figure that only a methodology section naming no source covers."""
        return self.scope == METHODOLOGY_WITHOUT_SOURCE


def find_figures(doc: Document, settings: Settings) -> list[Figure]:
    """Every performance figure on the page, classified, with its covering scope."""
    citations = settings.citations
    if not doc.text or not citations.enabled or citations.exclude.match(doc.path):
        return []
    finder = _Finder(doc, citations.patterns)
    figures: list[Figure] = []
    for block in doc.blocks:
        if block.kind not in PROSE_LEAVES or not block.items or not could_hold_figure(block):
            continue
        inline = finder.sources.inline(block)
        for match in FIGURE.finditer(inline.text):
            figure = finder.figure(inline, match)
            if figure is not None:
                figures.append(figure)
    return figures


class _Finder:
    """One page's figures, with the caches they share."""

    def __init__(self, doc: Document, patterns: tuple[re.Pattern[str], ...]) -> None:
        self.doc = doc
        self.near = Nearby()
        self.outline = outline_of(doc)
        self.sources = Sources(doc, patterns)

    def figure(self, inline: InlineText, match: re.Match[str]) -> Figure | None:
        start, end = match.span()
        if not inline.is_prose(start, end) or NOT_A_FIGURE.match(
            inline.text, match.start("number")
        ):
            return None
        sentence_start, sentence_end = inline.sentence(start)
        # The words around the figure, within its sentence: bounded so that a page of
        # one endless sentence stays linear.
        lo, hi = max(sentence_start, start - _REACH), min(sentence_end, end + _REACH)
        if not in_context(self.near, inline, match, lo, hi):
            return None
        block = inline.block
        header = self.sources.column_header(block)
        before = max(sentence_start, start - 80)
        kind = classify(self.near, self.outline, inline, match, before, header)
        container = (
            "table"
            if block.kind == "table_cell"
            else ("list" if block.enclosing("list_item") else "prose")
        )
        scope = (
            self.sources.scope(inline, sentence_start, sentence_end) if kind == "measured" else None
        )
        line, column = inline.position(start)
        text = inline.source_text(start, end, self.doc.lines)
        return Figure(text, line, column, kind, scope, container)
