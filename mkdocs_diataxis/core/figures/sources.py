"""What counts as a citation, and which citations cover a figure (SPEC 4.2's scopes,
checked in order): its sentence or list item, its table row or Source column, a lead-in
ending with ":" before its list or table, a "Source:" trailer after it, the opening of
an enclosing section, or a sources or methodology section on the page."""

from __future__ import annotations

import re
from collections.abc import Iterator

from mkdocs_diataxis.core.document import (
    Block,
    Code,
    Document,
    Heading,
    InlineText,
    inline_text,
    outline_of,
)

# Bare URLs. Matches "https://example.org/bench"; not "example.org" alone.
_URL = re.compile(r"\bhttps?://[^\s<>()\[\]]+")
_FOOTNOTE_REF = re.compile(r"\[\^([^\]\s]{1,60})\]")
# A word that may be a file name (extension checked afterwards); keeps ::, # and : suffixes.
_TOKEN = re.compile(r"[\w./:#-]+")
# File extensions of sources, benchmarks and their results.
_SOURCE_EXTENSIONS = frozenset(
    [
        "rs",
        "py",
        "go",
        "c",
        "h",
        "cc",
        "cpp",
        "hpp",
        "cxx",
        "java",
        "kt",
        "scala",
        "js",
        "mjs",
        "ts",
        "tsx",
        "jsx",
        "rb",
        "php",
        "cs",
        "swift",
        "ex",
        "exs",
        "erl",
        "hs",
        "ml",
        "clj",
        "lua",
        "r",
        "jl",
        "sh",
        "bash",
        "zsh",
        "ps1",
        "md",
        "rst",
        "txt",
        "json",
        "yaml",
        "yml",
        "toml",
        "csv",
        "tsv",
        "ipynb",
        "html",
        "log",
        "sql",
        "proto",
        "bench",
        "zig",
        "nim",
        "dart",
    ]
)
# Benchmark ids: "bench_spawn", "BenchmarkSpawn"; "test_x" only near "bench".
_BENCH_ID = re.compile(r"\bbench_\w+|\bBenchmark[A-Z_]\w*|\bbenches/\S+")
_TEST_ID = re.compile(r"\btest_\w+")
_BENCH_WORD = re.compile(r"bench", re.IGNORECASE)
# Source phrases. "measured in/on/with" must not be followed by a unit word
# ("measured in milliseconds" says nothing about a source).
_SOURCE_PHRASE = re.compile(
    r"\b(?:sources?:|according to\b|benchmarked (?:with|on|using|by|in)\b"
    r"|measured (?:on|with|in|using|by)\b(?!\s+(?:nano|micro|milli)?seconds?\b"
    r"|\s+(?:ns|us|µs|ms|bytes|percent)\b))",
    re.IGNORECASE,
)
_TRAILER = re.compile(r"\s*(?:sources?:|data:|measured (?:in|on|with|using)\b)", re.IGNORECASE)
_SOURCES_HEADINGS = frozenset(
    {
        "sources",
        "source",
        "references",
        "methodology",
        "benchmark methodology",
        "test environment",
        "test conditions",
        "measurement environment",
        "measurement methodology",
        "benchmark environment",
        "benchmarks methodology",
    }
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

    def __init__(self, doc: Document, patterns: tuple[re.Pattern[str], ...]) -> None:
        self.doc = doc
        self.outline = outline_of(doc)
        self.patterns = patterns
        self._cited: dict[int, bool] = {}
        self._cited_range: dict[tuple[int, int, int], bool] = {}
        self._memo: dict[tuple[str, int], bool] = {}
        self.headers = {
            id(table.block): [normalise_heading(cell.text) for cell in table.header]
            for table in doc.tables
        }
        self.page_sources = self._page_sources()

    def inline(self, block: Block) -> InlineText:
        return inline_text(self.doc, block)

    def column_header(self, block: Block) -> str:
        """The normalised header of a table cell's column (``""`` elsewhere)."""
        if block.kind != "table_cell":
            return ""
        table = block.enclosing("table")
        header = self.headers.get(id(table), []) if table is not None else []
        return header[block.index] if block.index < len(header) else ""

    def cites(self, inline: InlineText, start: int = 0, end: int | None = None) -> bool:
        """Whether ``inline.text[start:end]`` holds a citation (cached: many figures
        share a sentence)."""
        stop = len(inline.text) if end is None else end
        key = (id(inline.block), start, stop)
        if key not in self._cited_range:
            self._cited_range[key] = self.locates(inline, start, stop) or bool(
                _SOURCE_PHRASE.search(inline.text, start, stop)
            )
        return self._cited_range[key]

    def locates(self, inline: InlineText, start: int, stop: int) -> bool:
        """Whether ``inline.text[start:stop]`` names where to find a source: a link, a
        footnote, a file, a benchmark id or a project pattern (a phrase such as
        "measured on a laptop" is a citation but locates nothing)."""
        if inline.has_link(start, stop, images=False):
            return True
        text = inline.text[start:stop]
        if _URL.search(text) or _BENCH_ID.search(text):
            return True
        for match in _FOOTNOTE_REF.finditer(text):
            if match.group(1) in self.doc.footnotes:
                return True
        if _BENCH_WORD.search(text) and _TEST_ID.search(text):
            return True
        if any(_is_source_file(token.group(0)) for token in _TOKEN.finditer(text)):
            return True
        if any(code.kind == "inline" and _BENCH_WORD.search(code.text) for code in _codes(inline)):
            return True
        return any(pattern.search(text) for pattern in self.patterns)

    def block_cites(self, block: Block) -> bool:
        key = id(block)
        if key not in self._cited:
            self._cited[key] = bool(block.items) and self.cites(self.inline(block))
        return self._cited[key]

    def _page_sources(self) -> str | None:
        """``"sources"`` when a sources/methodology section cites something, ``"weak"``
        when one exists without a locator, else ``None``."""
        heading = methodology_heading(self.doc)
        if heading is None:
            return None
        level = heading.level
        inside = False
        for block in self.doc.blocks:
            if block.kind == "heading":
                if block.line == heading.line:
                    inside = True
                    continue
                if inside and block.level <= level:
                    break
            if (
                inside
                and block.kind in ("paragraph", "table_cell", "heading")
                and self.locates(self.inline(block), 0, len(self.inline(block).text))
            ):
                return "sources"
        return "weak"

    def scope(self, inline: InlineText, sentence_start: int, sentence_end: int) -> str | None:
        """The first scope in which a citation covers the figure whose sentence is
        ``inline.text[sentence_start:sentence_end]``, or ``None``."""
        block = inline.block
        item = block.enclosing("list_item")
        # 1. The same sentence, or the same list item; a nested item also counts what
        # its parent items say (release notes cite the PR once, details go below).
        if block.kind != "table_cell":
            if item is not None:
                if self.item_cites(item):
                    return "sentence"
            elif self.cites(inline, sentence_start, sentence_end):
                return "sentence"
        # 2. The same table row, or a filled Source column in it.
        container: Block | None = None
        if block.kind == "table_cell" and block.parent is not None:
            if self.row_cites(block.parent):
                return "table-row"
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
                and self.block_cites(before)
                and self.inline(before).text.rstrip().endswith(":")
            ):
                return "lead-in"
            if after is not None and after.kind == "paragraph":
                trailer = self.inline(after).text
                # A paragraph ending with ":" leads into what follows; it is no trailer.
                if _TRAILER.match(trailer) and not trailer.rstrip().endswith(":"):
                    return "trailer"
        # 5. The first paragraph of an enclosing section.
        for heading in self.outline.sections(block.line):
            first = self.first_paragraph(heading)
            if first is not None and self.block_cites(first):
                return "section"
        # 6. A sources or methodology section on the page.
        if self.page_sources == "sources":
            return "sources-section"
        if self.page_sources == "weak":
            return METHODOLOGY_WITHOUT_SOURCE
        return None

    def item_cites(self, item: Block) -> bool:
        """Whether a list item's own text, or that of an item it is nested in, cites."""
        key = ("item", id(item))
        if key not in self._memo:
            self._memo[key] = self._item_cites(item)
        return self._memo[key]

    def _item_cites(self, item: Block) -> bool:
        current: Block | None = item
        while current is not None:
            if current.kind == "list_item" and any(
                self.block_cites(leaf) for leaf in self.outline.own_leaves(current)
            ):
                return True
            current = current.parent
        return False

    def row_cites(self, row: Block) -> bool:
        key = ("row", id(row))
        if key not in self._memo:
            self._memo[key] = self._row_cites(row)
        return self._memo[key]

    def _row_cites(self, row: Block) -> bool:
        for cell in self.outline.own_leaves(row):
            if self.block_cites(cell):
                return True
            if self.column_header(cell) in _SOURCE_COLUMNS and self.inline(cell).text.strip():
                return True
        return False

    def first_paragraph(self, heading: Heading) -> Block | None:
        """The paragraph directly under ``heading``, if its first block is one."""
        block = self.outline.under(heading)
        return block if block is not None and block.kind == "paragraph" else None


METHODOLOGY_WITHOUT_SOURCE = "methodology-without-source"
"""The scope of a figure that only a methodology section naming no source covers: a
weak citation, reported once per page by ``citation/weak``."""


def methodology_heading(doc: Document) -> Heading | None:
    """The page's first sources or methodology heading, if any."""
    for heading in doc.headings:
        if normalise_heading(heading.text) in _SOURCES_HEADINGS:
            return heading
    return None


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


def _codes(inline: InlineText) -> Iterator[Code]:
    for item in inline.block.items:
        if isinstance(item, Code):
            yield item


def _is_source_file(token: str) -> bool:
    """``bench.rs``, ``benches/spawn.rs::bench_spawn``, ``BENCHMARKING.md#results``,
    ``src/x.py:42``; not ``Node.js`` or ``e.g.``."""
    name = token.split("::", 1)[0].split("#", 1)[0].rstrip(".:,")
    name = re.sub(r":\d+$", "", name)
    stem, dot, extension = name.rpartition(".")
    if not dot or not stem or extension not in _SOURCE_EXTENSIONS:
        return False
    if extension == "js" and "/" not in stem and stem[:1].isupper():
        return False  # product names such as Node.js, Vue.js
    return any(char.isalnum() for char in stem)
