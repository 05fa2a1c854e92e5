"""What counts as a citation, and which citations cover a figure (SPEC 4.2's scopes,
checked in order): its sentence or list item; its table row or Source column; a lead-in
ending with ":" before its list or table; a "Source:" trailer after it; the heading or
the opening paragraph of an enclosing section; the benchmark itself printed right
after a lead-in that introduces it; any sources or methodology section on the page."""

from __future__ import annotations

import enum
import re

from mkdocs_diataxis.core.document import (
    Block,
    Document,
    Heading,
    InlineText,
    inline_text,
    outline_of,
)
from mkdocs_diataxis.core.figures.citations import SOURCE_PHRASE, citation_in


class Scope(str, enum.Enum):
    """Where the citation that covers a claim stands."""

    SENTENCE = "sentence"
    LIST_ITEM = "list item"
    TABLE_ROW = "table row"
    SOURCE_COLUMN = "source column"
    LEAD_IN = "lead-in"
    TRAILER = "trailer"
    SECTION_HEADING = "section heading"
    SECTION_OPENING = "section opening"
    BENCHMARK = "benchmark on the page"
    SOURCES_SECTION = "sources section"
    WEAK = "methodology without a source"
    """A methodology section that names no source: reported once, by citation/weak."""
    LATER = "a sources section further on"
    """Only while a large page is checked section by section: a sources section that a
    later section holds may cover the claim. `PageFigures.settle` replaces it before
    any result is made."""


_TRAILER = re.compile(r"\s*(?:sources?:|data:|measured (?:in|on|with|using)\b)", re.IGNORECASE)
# A sources heading, once numbering and trailing punctuation are gone: "Sources",
# "References", "Methodology", "Benchmark methodology", "Test environment", "Source
# code", "Reproducing the results", "Reproducing"; not "Resources" or "Benchmarks" alone.
_SOURCES_HEADING = re.compile(
    r"(?:sources?|references|(?:benchmarks? |measurement )?methodology"
    r"|(?:test|benchmark|measurement) (?:environment|conditions|setup)|source code"
    r"|reproducing|(?:reproducing|reproduce|how to reproduce) (?:the |these )?(?:results"
    r"|benchmarks?|numbers|figures)"
    r"|benchmark (?:code|sources?))\Z"
)
_SOURCE_COLUMNS = frozenset(
    {
        "source",
        "sources",
        "reference",
        "references",
        "citation",
        "citations",
        "evidence",
        "benchmark",
        "benchmarks",
        "measured in",
    }
)


class Sources:
    """The citations of one page, each block's answer found once (many figures share a
    sentence, an item, a row or a section)."""

    def __init__(
        self,
        doc: Document,
        patterns: tuple[re.Pattern[str], ...],
        page_sources: tuple[Scope | None, str] | None = None,
    ) -> None:
        """``page_sources``: what the page's sources sections give, when the caller
        knows (a section of a large page cannot: see `PageFigures`)."""
        self.doc = doc
        self.outline = outline_of(doc)
        self.patterns = patterns
        self._cited: dict[int, str | None] = {}
        self._cited_range: dict[tuple[int, int, int], str | None] = {}
        self._memo: dict[tuple[str, int], str | None] = {}
        self._scopes: dict[tuple[int, int, int], tuple[Scope | None, str]] = {}
        self.headers = {
            id(table.block): [normalise_heading(cell.text) for cell in table.header]
            for table in doc.tables
        }
        self._headings = {id(heading.block): heading for heading in doc.headings}
        self.page_sources, self.page_citation = page_sources or self._page_sources()

    def inline(self, block: Block) -> InlineText:
        return inline_text(self.doc, block)

    def header_row(self, block: Block) -> list[str]:
        """The normalised header cells of a table cell's table (``[]`` elsewhere)."""
        table = block.enclosing("table") if block.kind == "table_cell" else None
        return self.headers.get(id(table), []) if table is not None else []

    def column_header(self, block: Block) -> str:
        """The normalised header of a table cell's column (``""`` elsewhere)."""
        if block.kind != "table_cell":
            return ""
        table = block.enclosing("table")
        header = self.headers.get(id(table), []) if table is not None else []
        return header[block.index] if block.index < len(header) else ""

    def cites(self, inline: InlineText, start: int = 0, end: int | None = None) -> str | None:
        """The citation in ``inline.text[start:end]``, if any (cached: many figures
        share a sentence)."""
        stop = len(inline.text) if end is None else end
        key = (id(inline.block), start, stop)
        if key not in self._cited_range:
            found = self.locates(inline, start, stop)
            if found is None and (phrase := SOURCE_PHRASE.search(inline.text, start, stop)):
                found = phrase.group(0)
            self._cited_range[key] = found
        return self._cited_range[key]

    def locates(self, inline: InlineText, start: int, stop: int) -> str | None:
        """What in ``inline.text[start:stop]`` names where to find a source (a phrase such
        as "measured on a laptop" is a citation but locates nothing)."""
        return citation_in(
            inline,
            start,
            stop,
            page=self.doc.path,
            footnotes=self.doc.footnotes,
            patterns=self.patterns,
        )

    def block_cites(self, block: Block) -> str | None:
        key = id(block)
        if key not in self._cited:
            self._cited[key] = self.cites(self.inline(block)) if block.items else None
        return self._cited[key]

    def _page_sources(self) -> tuple[Scope | None, str]:
        """`Scope.SOURCES_SECTION` and its citation when any sources or methodology
        section locates a source, `Scope.WEAK` when such sections exist and none does,
        else ``None``. One pass over the page, however many such sections it has."""
        citation, found, _ = self.sources_sections()
        if citation is not None:
            return Scope.SOURCES_SECTION, citation
        return (Scope.WEAK, "") if found else (None, "")

    def sources_sections(self, level: int = 0) -> tuple[str | None, bool, int]:
        """What the page's sources and methodology sections hold, read over its blocks
        (a section's, for a large page): the first citation in them that locates a
        source, whether any such section begins here, and the level of the one still
        open at the end (0: none). ``level``: that of one open at the start."""
        found = False
        for block in self.doc.blocks:
            if block.kind == "heading":
                if level and block.level <= level:
                    level = 0
                heading = self._headings.get(id(block))
                if heading is not None and is_sources_heading(heading):
                    found, level = True, block.level
                    continue
            if level and block.kind in ("paragraph", "table_cell", "heading") and block.items:
                inline = self.inline(block)
                if (citation := self.locates(inline, 0, len(inline.text))) is not None:
                    return citation, found, level
        return None, found, level

    def scope(
        self, inline: InlineText, sentence_start: int, sentence_end: int
    ) -> tuple[Scope | None, str]:
        """The first scope in which a citation covers the claim whose sentence is
        ``inline.text[sentence_start:sentence_end]``, and the citation (found once per
        sentence: the claims in it share it)."""
        key = (id(inline.block), sentence_start, sentence_end)
        found = self._scopes.get(key)
        if found is None:
            found = self._scopes[key] = self._scope(inline, sentence_start, sentence_end)
        return found

    def _scope(
        self, inline: InlineText, sentence_start: int, sentence_end: int
    ) -> tuple[Scope | None, str]:
        block = inline.block
        item = block.enclosing("list_item")
        # 1. The same sentence, or the same list item; a nested item also counts what
        # its parent items say (release notes cite the PR once, details go below).
        if block.kind != "table_cell":
            if item is not None:
                if (citation := self.item_cites(item)) is not None:
                    return Scope.LIST_ITEM, citation
            elif (citation := self.cites(inline, sentence_start, sentence_end)) is not None:
                return Scope.SENTENCE, citation
        # 2. The same table row, or a filled Source column in it.
        container: Block | None = None
        if block.kind == "table_cell" and block.parent is not None:
            if (found := self.row_cites(block.parent)) is not None:
                return found
            container = block.enclosing("table")
        elif item is not None:
            container = _outermost(block, "list")
        # 3. A lead-in ending with ":" right before the list or table;
        # 4. a "Source:" trailer right after it.
        if container is not None:
            before, after = self.outline.previous(container), self.outline.next(container)
            if (
                before is not None
                and before.kind == "paragraph"
                and self.inline(before).text.rstrip().endswith(":")
                and (citation := self.block_cites(before)) is not None
            ):
                return Scope.LEAD_IN, citation
            if after is not None and after.kind == "paragraph":
                trailer = self.inline(after).text
                # A paragraph ending with ":" leads into what follows; it is no trailer.
                if (start := _TRAILER.match(trailer)) and not trailer.rstrip().endswith(":"):
                    return Scope.TRAILER, trailer[start.end() :].strip() or trailer.strip()
        # 5. The heading or the first paragraph of an enclosing section, when that
        # paragraph introduces the section's measurements ("Measurements in this
        # section come from the throughput suite"): a link in an opening that speaks
        # of something else is about that.
        for heading in self.outline.sections(block.line):
            if (citation := self.heading_cites(heading)) is not None:
                return Scope.SECTION_HEADING, citation
            if (citation := self.opening_cites(heading)) is not None:
                return Scope.SECTION_OPENING, citation
        # 6. The benchmark itself, printed in the section.
        if (citation := self.benchmark_on_page(block)) is not None:
            return Scope.BENCHMARK, citation
        # 7. A sources or methodology section on the page.
        if self.page_sources is not None:
            return self.page_sources, self.page_citation
        return None, ""

    def item_cites(self, item: Block) -> str | None:
        """The citation in a list item's own text, or in that of an item it is nested in."""
        key = ("item", id(item))
        if key not in self._memo:
            self._memo[key] = self._item_cites(item)
        return self._memo[key]

    def _item_cites(self, item: Block) -> str | None:
        current: Block | None = item
        while current is not None:
            if current.kind == "list_item":
                for leaf in self.outline.own_leaves(current):
                    if (citation := self.block_cites(leaf)) is not None:
                        return citation
            current = current.parent
        return None

    def row_cites(self, row: Block) -> tuple[Scope, str] | None:
        """A citation anywhere in a table row, or a filled Source column in it."""
        for cell in self.outline.own_leaves(row):
            if (citation := self.block_cites(cell)) is not None:
                return Scope.TABLE_ROW, citation
            if self.column_header(cell) in _SOURCE_COLUMNS and self.inline(cell).text.strip():
                return Scope.SOURCE_COLUMN, self.inline(cell).text.strip()
        return None

    def opening_cites(self, heading: Heading) -> str | None:
        """The citation in the first paragraph under ``heading`` when that paragraph
        introduces the section's measurements."""
        key = ("opening", id(heading.block))
        if key not in self._memo:
            first = self.first_paragraph(heading)
            citation = self.block_cites(first) if first is not None else None
            speaks = first is not None and _MEASUREMENT_WORDS.search(self.inline(first).text)
            self._memo[key] = citation if speaks else None
        return self._memo[key]

    def heading_cites(self, heading: Heading) -> str | None:
        """What the heading itself locates ("Results of `bench_spawn.rs`")."""
        key = ("heading", id(heading.block))
        if key not in self._memo:
            inline = self.inline(heading.block)
            located = self.locates(inline, 0, len(inline.text)) if heading.block.items else None
            self._memo[key] = located
        return self._memo[key]

    def benchmark_on_page(self, block: Block) -> str | None:
        """The benchmark itself, printed in the figure's section: the code after a
        paragraph that introduces it ("With a simple benchmark, X is ~2.5x faster:"; "From
        the following latency statistics ..."), or output holding timings or rates
        anywhere in the section (a histogram, a benchmark run's report). Its first line.
        Found once per block: its figures share the answer."""
        key = ("benchmark", id(block))
        if key not in self._memo:
            self._memo[key] = self._benchmark_on_page(block)
        return self._memo[key]

    def _benchmark_on_page(self, block: Block) -> str | None:
        headings = self.outline.sections(block.line)
        start = headings[0].line if headings else 0
        if headings:
            end = self.doc.section_end(headings[0].line, headings[0].level)
        else:
            end = len(self.doc.lines) + 1
        blocks = [c for c in self.doc.code_blocks if start < c.line < end]
        if block.kind == "paragraph":
            text = self.inline(block).text.rstrip()
            after = self.outline.next(block)
            introduces = _FOLLOWING_OUTPUT.search(text) is not None or (
                text.endswith(":")
                and after is not None
                and after.kind == "code"
                and _BENCHMARK_LEAD_IN.search(text) is not None
            )
            following = [c for c in blocks if c.line > block.end_line]
            if introduces and following:
                return _first_line(following[0].text)
        key = ("timing output", start)
        if key not in self._memo:  # one scan per section, however many blocks ask
            printed = next((c for c in blocks if _timing_output(c.text)), None)
            self._memo[key] = None if printed is None else _first_line(printed.text)
        return self._memo[key]

    def first_paragraph(self, heading: Heading) -> Block | None:
        """The paragraph directly under ``heading``, if its first block is one."""
        block = self.outline.under(heading)
        return block if block is not None and block.kind == "paragraph" else None


# A lead-in that introduces the benchmark printed after it: "With a simple benchmark",
# "timeit", "hyperfine", "measured with", "the following benchmark".
_BENCHMARK_LEAD_IN = re.compile(
    r"\b(?:benchmark\w*|timeit|hyperfine|pytest-benchmark|criterion|perf stat|measured"
    r"|timings?)\b",
    re.IGNORECASE,
)


# Words of an opening paragraph that introduces measurements: "Measurements in this
# section come from ...", "benchmarked with", "we ran ... on".
_MEASUREMENT_WORDS = re.compile(
    r"\b(?:measur\w*|benchmark\w*|tests?|tested|testing|results?|timings?|figures|numbers"
    r"|profil\w*|sources?|according)\b",
    re.IGNORECASE,
)
# A paragraph pointing at output printed after it: "the following latency statistics",
# "the results below", "the output below".
_FOLLOWING_OUTPUT = re.compile(
    r"\b(?:the following|below)\b[^.:]{0,40}?\b(?:statistics|stats|output|results?|logs?"
    r"|timings?|measurements?)\b|\b(?:statistics|output|results?|logs?|timings?) below\b",
    re.IGNORECASE,
)


# Output holding timings or rates, as a benchmark run prints them: "12.3 ms", "0.4 msec",
# "259,715 tasks per/s", "4.1M ops/sec", "avg 903us"; not a config file's "timeout: 30s"
# alone (a line of output has several).
_DURATION_OUTPUT = re.compile(r"(?<![\d,.])\d[\d,.]*\s?(?:ns|us|µs|ms|msecs?|secs?|s)\b")
_RATE_OUTPUT = re.compile(
    r"(?<![\d,.])\d[\d,.]*\s?(?:[kKM]\s?)?(?:[A-Za-z]{1,15}\s)?"
    r"(?:ops|req|requests|tasks|queries|msg)\s?(?:/|per/?)\s?s"
)


def _timing_output(text: str) -> bool:
    """Whether ``text`` reads as what a benchmark run prints (see above)."""
    if _RATE_OUTPUT.search(text) is not None:
        return True
    return any(len(_DURATION_OUTPUT.findall(line)) >= 3 for line in text.split("\n"))


def _first_line(text: str) -> str:
    return text.strip().split("\n", 1)[0] or "the code in this section"


def is_sources_heading(heading: Heading) -> bool:
    """Whether a heading opens a sources, methodology or test environment section."""
    return _SOURCES_HEADING.match(normalise_heading(heading.text)) is not None


def methodology_heading(doc: Document) -> Heading | None:
    """The page's first sources or methodology heading, if any."""
    return next((heading for heading in doc.headings if is_sources_heading(heading)), None)


def normalise_heading(text: str) -> str:
    """A heading or column header as compared with known names: numbering, trailing
    punctuation and case removed ("2.1 Sources:" -> "sources")."""
    return re.sub(r"[\s:.]+$", "", re.sub(r"^[\d.\s]+", "", text)).strip().lower()


def _outermost(block: Block, kind: str) -> Block | None:
    found: Block | None = None
    current: Block | None = block
    while current is not None:
        if current.kind == kind:
            found = current
        current = current.parent
    return found
