"""The document model: what rules read of a page, every piece at its real source position.

A `Document` is built once per page by `parse_document`. Rules read its parts (prose
spans, headings, tables, list items, code, comments, links, front matter) and never
parse Markdown themselves.

Positions are 1-based lines and columns in the file as it is on disk: front matter
counts, a UTF-8 byte order mark does not, CRLF and lone CR end lines like LF, and
every character (a tab too) is one column.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, overload

from mkdocs_diataxis.core.document.frontmatter import FrontMatter
from mkdocs_diataxis.core.finding import Problem

PROSE_LEAVES = frozenset(["paragraph", "heading", "table_cell"])
"""Block kinds whose items are prose that rules read."""


@dataclass(eq=False, slots=True)
class Block:
    """A structural element (paragraph, heading, list item, table cell, quote, admonition...).

    Blocks form a tree through ``parent``: a paragraph inside a list item inside a
    blockquote has that chain of parents.
    """

    kind: str
    line: int
    end_line: int
    parent: Block | None = None
    level: int = 0
    """Heading level for headings, nesting depth (1 = outermost) for list items."""
    ordered: bool = False
    """For lists and list items: numbered."""
    index: int = 0
    """For table cells: the column (0-based); for body rows: the row (0-based)."""
    items: list[Span | Code | Link] = field(default_factory=list)
    """For paragraphs, headings and cells: prose, inline code and links, in source order."""
    number: int = -1
    """Its place in ``Document.blocks`` (-1 for a block not in one): the outline's
    lookups are list indexes, not a dictionary entry per block."""

    def enclosing(self, kind: str) -> Block | None:
        """The nearest block of ``kind`` among this block and its parents."""
        block: Block | None = self
        while block is not None:
            if block.kind == kind:
                return block
            block = block.parent
        return None


@dataclass(frozen=True, slots=True)
class Span:
    """A run of prose text as rendered, with where each character stands in the source.

    ``columns`` is only set when the text is not a literal copy of the source (escapes,
    entities): then it holds the source column of every character.
    """

    text: str
    line: int
    column: int
    block: Block
    columns: tuple[int, ...] | None = None
    link: Link | None = None
    """The link this text is the label of, if any."""

    def column_of(self, index: int) -> int:
        """The 1-based source column of ``text[index]``."""
        if self.columns is None:
            return self.column + index
        if not self.columns:
            return self.column
        return self.columns[min(index, len(self.columns) - 1)]


@dataclass(frozen=True, slots=True)
class Heading:
    """A heading: ``text`` is its inline content (closing hashes and attributes removed)."""

    level: int
    text: str
    line: int
    column: int
    block: Block


@dataclass(frozen=True, slots=True)
class Cell:
    """One table cell."""

    text: str
    line: int
    column: int
    block: Block


@dataclass(slots=True)
class Table:
    """A GFM table: header cells and body rows, each cell at its source position."""

    line: int
    end_line: int
    block: Block
    header: list[Cell] = field(default_factory=list)
    rows: list[list[Cell]] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Code:
    """Code kept apart from prose: ``kind`` is ``fenced``, ``indented`` or ``inline``."""

    kind: str
    line: int
    column: int
    end_line: int
    text: str
    info: str = ""


@dataclass(frozen=True, slots=True)
class Comment:
    """An HTML comment: ``text`` is what stands between ``<!--`` and ``-->``."""

    text: str
    line: int
    column: int
    end_line: int


@dataclass(frozen=True, slots=True)
class Link:
    """A link or image; ``kind`` is ``inline``, ``reference``, ``autolink`` or ``image``."""

    target: str
    kind: str
    line: int
    column: int


@dataclass(frozen=True, slots=True)
class Directive:
    """A Material/pymdownx construct that is not prose: admonition/tab openers and the like.

    ``title`` is the quoted title of an admonition or the label of a tab.
    """

    kind: str
    name: str
    title: str
    line: int


@dataclass(frozen=True, slots=True)
class Abbreviation:
    """An ``*[TERM]: definition`` line."""

    term: str
    definition: str
    line: int


class Lines(Sequence[str]):
    """The page's lines, each cut from its text when asked for: a list of them held a
    second copy of the page (some 2 MB a MB of text beyond Latin-1) for as long as the
    page was checked, though the rules read only a few lines."""

    __slots__ = ("_starts", "_text")

    def __init__(self, text: str, starts: Sequence[int]) -> None:
        self._text = text
        self._starts = starts

    def __len__(self) -> int:
        return len(self._starts)

    @overload
    def __getitem__(self, index: int) -> str: ...

    @overload
    def __getitem__(self, index: slice) -> list[str]: ...

    def __getitem__(self, index: int | slice) -> str | list[str]:
        if isinstance(index, slice):
            return [self[number] for number in range(*index.indices(len(self._starts)))]
        count = len(self._starts)
        if index < 0:
            index += count
        if not 0 <= index < count:
            raise IndexError("line index out of range")
        end = self._starts[index + 1] - 1 if index + 1 < count else len(self._text)
        return self._text[self._starts[index] : end]

    def __iter__(self) -> Iterator[str]:
        return iter(self._text.split("\n"))


EARLIER_PROSE_CHARS = 20_000
"""How much of the prose of earlier sections a section of a large page keeps in reach
(`PageWide.earlier_prose`): what rules look back over, at most."""


@dataclass(frozen=True, slots=True)
class HeadingMark:
    """A heading's line and level, known for the whole page before any section of it is
    modelled (see `PageWide`): where each heading's section ends."""

    line: int
    level: int


@dataclass(slots=True)
class PageWide:
    """What a section of a large page knows of the whole page.

    A page longer than `sections.SECTION_CHARS` is modelled and checked one section at a
    time, so that only one section's model exists at once (a model takes some 20 times
    its text). The facts a rule reads beyond its section are here: every heading and
    code block of the page (from the block-level pass that finds the cuts), the
    paragraph under each heading of earlier sections still open, the last prose of
    earlier sections, and facts about the whole page computed once for all its
    sections."""

    headings: list[HeadingMark] = field(default_factory=list)
    """Every heading of the page, in order."""
    code_blocks: list[Code] = field(default_factory=list)
    """Every fenced or indented code block of the page, in order."""
    under: dict[int, Block] = field(default_factory=dict)
    """For headings of earlier sections (by ``id`` of their block, which the page's
    ``headings`` keep alive): the paragraph right under them, where one is."""
    earlier_prose: list[tuple[int, str]] = field(default_factory=list)
    """The last prose leaves of earlier sections as (first line, `prose_text`): at least
    `EARLIER_PROSE_CHARS` characters of it, or all of it."""
    derived: dict[str, Any] = field(default_factory=dict)
    """Facts of the whole page a rule computes once for all its sections, by kind."""


def prose_text(block: Block) -> str:
    """A prose leaf's text as one string: its spans joined by a space."""
    return " ".join(item.text for item in block.items if isinstance(item, Span))


@dataclass(slots=True)
class Document:
    """One page, parsed once. Build it with `parse_document`."""

    path: str
    text: str
    front_matter: FrontMatter
    templates: bool = False
    """Whether a templating plugin (mkdocs-macros) renders the page: its ``{{ }}``,
    ``{% %}`` and ``{# #}`` are template syntax, never prose."""
    lines: Sequence[str] = field(default_factory=list)
    """The text's lines, without their line breaks (a `Lines` view once parsed)."""
    line_starts: Sequence[int] = field(default_factory=list)
    """Offset in ``text`` where each line starts."""
    blocks: list[Block] = field(default_factory=list)
    """Every block in document order (containers before what they contain)."""
    spans: list[Span] = field(default_factory=list)
    headings: list[Heading] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    list_items: list[Block] = field(default_factory=list)
    blockquotes: list[Block] = field(default_factory=list)
    code: list[Code] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    directives: list[Directive] = field(default_factory=list)
    abbreviations: list[Abbreviation] = field(default_factory=list)
    footnotes: dict[str, int] = field(default_factory=dict)
    """Footnote label -> line of its definition."""
    problems: list[Problem] = field(default_factory=list)
    derived: dict[str, Any] = field(default_factory=dict)
    """Data derived from the model once and shared by every rule (each block's joined
    text, the outline), by kind; see `inline_text` and `outline_of`."""
    page: PageWide | None = None
    """For a section of a large page: what it knows of the whole page (``None`` for a
    whole page). Its blocks, spans, tables, code and links are the section's; its
    ``headings`` and ``comments`` are those of the page up to the section's end; the
    text, lines, front matter, directives, abbreviations and footnotes are the page's."""

    @property
    def code_blocks(self) -> list[Code]:
        """Every fenced or indented code block of the page, in order (of the whole page
        for a section too)."""
        if self.page is not None:
            return self.page.code_blocks
        return [code for code in self.code if code.kind != "inline"]

    def section_end(self, line: int, level: int) -> int:
        """The line where the section of a heading of ``level`` at ``line`` ends: the next
        heading of its level or above, else the line after the last."""
        derived = self.derived if self.page is None else self.page.derived
        ends = derived.get("section ends")
        if ends is None:  # every heading's end, in one pass over the page's headings
            marks: Sequence[Heading | HeadingMark]
            marks = self.headings if self.page is None else self.page.headings
            ends = derived["section ends"] = {}
            open_headings: list[Heading | HeadingMark] = []
            for mark in marks:
                while open_headings and open_headings[-1].level >= mark.level:
                    ends[open_headings.pop().line] = mark.line
                open_headings.append(mark)
        return int(ends.get(line, len(self.lines) + 1))

    @property
    def meta(self) -> dict[str, Any]:
        """The front matter data (empty when there is none or it is broken)."""
        return self.front_matter.data

    @property
    def generated(self) -> bool:
        """Whether the page's content is generated from code when the site is built:
        it names objects for mkdocstrings to document (``::: package.module``)."""
        return any(directive.kind == "autodoc" for directive in self.directives)

    @property
    def word_count(self) -> int:
        """Words of prose (headings, paragraphs, lists, tables); code and markup excluded."""
        # A split of the texts joined by a space, a thousand spans at a time: the space
        # ends a word as the end of a span does, so the count is the sum of the spans'
        # counts. All at once, the list of words took 9 times a large page's size.
        spans = self.spans
        return sum(
            len(" ".join([span.text for span in spans[start : start + 1000]]).split())
            for start in range(0, len(spans), 1000)
        )

    def locate(
        self, text: str, line: int, column: int, last_line: int | None = None
    ) -> tuple[int, int] | None:
        """Where ``text`` first stands in the source from ``line``:``column`` on, up to
        ``last_line`` (default: the same line); ``None`` when it does not."""
        if not text:
            return None
        for number in range(max(line, 1), min(last_line or line, len(self.lines)) + 1):
            found = self.lines[number - 1].find(text, column - 1 if number == line else 0)
            if found >= 0:
                return number, found + 1
        return None

    def leaves_on(self, lines: Sequence[int]) -> Iterator[Block]:
        """Prose leaves (paragraphs, headings, table cells) touching any of ``lines``
        (sorted), in document order: the blocks worth a rule's time when a scan of the
        raw page has shown where its matches can be."""
        if not lines:
            return
        # The first of ``lines`` at or after a block's first line, by bisection: a block
        # touches ``lines`` when that one is not past its last line.
        count = len(lines)
        for block in self.blocks:
            if block.kind in PROSE_LEAVES and block.items:
                index = bisect.bisect_left(lines, block.line)
                if index < count and lines[index] <= block.end_line:
                    yield block

    def front_matter_keys(self, key: str) -> Iterator[tuple[int, int]]:
        """(line, column of the value) of each top-level ``key:`` line in the front matter."""
        pattern = re.compile(rf"{re.escape(key)}[ \t]*:[ \t]*")
        for index in range(self.front_matter.start_line, self.front_matter.end_line):
            match = pattern.match(self.lines[index])
            if match is not None:
                yield index + 1, match.end() + 1
