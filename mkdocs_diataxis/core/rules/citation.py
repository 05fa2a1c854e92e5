"""``citation/*``: measured performance figures must say where they come from.

Each figure found in prose is classified first (a configured value, a target, a
reading time, or a measurement); only measurements need a citation, and a citation
counts when it stands in the figure's scope (SPEC 4.2, checked in that order):
sentence or list item, table row, lead-in, trailer, section opening, sources section.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from mkdocs_diataxis.core.document import PROSE_LEAVES, Block, Code, Document, Heading, Span
from mkdocs_diataxis.core.finding import Finding
from mkdocs_diataxis.core.inline import InlineText, inline_text, one_line
from mkdocs_diataxis.core.rule import Rule
from mkdocs_diataxis.core.settings import Settings

UNCITED = Rule(
    "citation/uncited",
    "warning",
    "A measured performance figure has no source in reach.",
    """A number with a performance unit ("286ns", "6.12M msg/sec", "3x faster",
"23% faster", "120 MB/s") is a claim a reader will repeat. When it is a measurement
(not a configured value, a target or a reading time), the page must say where it
came from: a link, a footnote, a benchmark file or id, or a "Source:" line, placed in
the figure's scope (its sentence or list item, its table row or Source column, a
lead-in ending with ":" before the list or table, a "Source:" trailer after it, the
first paragraph of its section, or a Sources/Methodology section).

Example: `- Component spawn: 286ns` in a list with no lead-in.

Fix: link the benchmark (`286ns ([bench](https://example.org/bench))`), add a
footnote, or put a "Source: `benches/spawn.rs`" line under the list.""",
)
WEAK = Rule(
    "citation/weak",
    "info",
    "Figures rely on a methodology section that names no source.",
    """A "Methodology" or "Test environment" section tells how figures were measured,
but without a locator (a link, a benchmark file or id) nobody can rerun or check
them. The figures it covers are not reported one by one; this one finding, at the
section, says how many depend on it. Its severity is `citations.methodology`.

Example: `## Methodology` followed by "Measured on a laptop." and no link.

Fix: link the benchmark code or results from the methodology section.""",
)
RULES = (UNCITED, WEAK)

# --- figures -------------------------------------------------------------------

_SPACE = "[ \u00a0\u2009\u202f]"  # space, no-break space, thin space, narrow no-break space
# 1,234,567.8 / 1 234 (space, no-break or thin space separators) / 12.5
_NUMBER = r"\d{1,3}(?:[, \u00a0\u2009\u202f]\d{3}(?!\d))+(?:\.\d+)?|\d+(?:\.\d+)?"
_COMPARATIVE = (
    r"faster|slower|quicker|speedup|speed-up|improvement|better|worse|higher|lower|more|less"
    r"|fewer|smaller|larger|bigger|throughput|reduction|increase|decrease|cheaper"
)
# A performance figure. Matches "286ns", "1.49 µs", "~3 ms", "<100μs", "10-50 µs",
# "6.12M msg/sec", "833k ops/sec", "2.65 million spawns/sec", "10,000 req/s",
# "120 MB/s", "10 Gbps", "3x faster", "10× improvement", "23%", "512 MB".
# Not "v1.2.3", "x86", "4x4", "0x1F", "Python 3.11", "404", "step 3" (no unit, or
# glued to a word, version or path).
_FIGURE = re.compile(
    rf"""
    (?<![\w.,/\-])
    (?P<approx>(?:[~≈≤≥]|[<>]=?){_SPACE}?)?
    (?P<number>{_NUMBER})
    (?:{_SPACE}?[-–]{_SPACE}?(?:{_NUMBER})|{_SPACE}to{_SPACE}(?:{_NUMBER}))?
    (?P<scale>{_SPACE}?(?:[kKMGB](?![A-Za-z])|{_SPACE}?(?:thousand|million|billion)\b))?
    {_SPACE}?
    (?:
        (?P<rate>(?:[A-Za-z]{{1,15}}{_SPACE}?)?/{_SPACE}?(?:s|sec|second)\b
            |[KMGT]?bps\b|[KMGT]bit/s\b|per{_SPACE}second\b|(?:QPS|IOPS|RPS|TPS)\b)
        |(?P<duration>(?:ns|nanoseconds?|[µμ]s|us|microseconds?|ms|milliseconds?|secs?
            |seconds?|s|mins?|minutes?|hours?|hrs?)(?![\w/]))
        |(?P<multiplier>(?:[x×]|{_SPACE}times){_SPACE}?(?:{_COMPARATIVE})\b|[x×](?![\w×]))
        |(?P<percent>%|{_SPACE}percent\b)
        |(?P<size>(?:[KMGT]i?B|kB|bytes?)(?![\w/]))
    )
    """,
    re.VERBOSE,
)
# Things shaped like figures that are not: decades ("1990s", "the 90s"), "10s of MB"
# (tens of) and "100%" meaning "entirely" (but "100% faster" is a figure).
_NOT_A_FIGURE = re.compile(
    r"(?:1[89]|20)\d0s\b|\d0s\s+of\b|(?<=the\s)\d0s\b|(?<=')\d0s\b"
    rf"|100{_SPACE}?%(?!{_SPACE}?(?:faster|slower|quicker|more|less|higher|lower))"
)
# HTTP status codes in the plural ("ignore 403s", "retry on 5xx") read like durations.
_STATUS_PLURAL = re.compile(r"[1-5]\d\ds\Z")
_STATUS_CONTEXT = re.compile(
    r"\b(?:http|status|errors?|responses?|returns?|codes?|ignor\w*|servers?|requests?)\b",
    re.IGNORECASE,
)
# Performance words that make a percentage or a bare multiplier ("20x") a performance
# figure; "50% of the code" or "33% larger fonts" are not.
_PERFORMANCE_CONTEXT = re.compile(
    r"\b(?:faster|slower|quicker|speed\w*|improvements?|improv\w*|reductions?|throughput|cheaper"
    r"|overhead|latency|performance|perf|cpu|memory|native|utili[sz]ation|usage|efficien\w*"
    r"|regress\w*|gains?|boost|footprint|allocations?|hit rate|miss rate)\b",
    re.IGNORECASE,
)
# Words that make a size a footprint figure ("uses 40 MB", "peak RSS of 1.2 GB"); a
# machine that "has 16 GB of RAM" is not a claim about the software.
_MEMORY_CONTEXT = re.compile(
    r"\b(?:footprint|usage|uses|using|used|consum\w*|allocat\w*|peak\w*|resident|rss"
    r"|overhead|takes up|occup\w*)\b",
    re.IGNORECASE,
)
# Minutes and hours are performance figures only next to a verb of running or timing:
# "the build takes 3 minutes", not "a day is 24 hours" or "cache it for 10 minutes".
_LONG_CONTEXT = re.compile(
    r"\b(?:takes?|took|taking|runs?|ran|running|builds?|built|complet\w*|finish\w*|faster"
    r"|slower|speed\w*|duration|reduc\w*|down from|under|within|compil\w*|install\w*)\b",
    re.IGNORECASE,
)
# Words before a figure that make it an example, not a claim: "For example, a model of
# 1 GB ...", "say 5 ms".
_EXAMPLE_WORDS = re.compile(
    r"\b(?:for example|for instance|e\.g\.|say\b|suppose|imagine|assum\w*|hypothetical\w*)",
    re.IGNORECASE,
)
_LONG_DURATIONS = frozenset({"min", "mins", "minute", "minutes", "hour", "hours", "hr", "hrs"})

# --- classification --------------------------------------------------------------

# Words before a figure, or in its column header, that make it a setting.
# Matches "timeout of 30s", "retry after 5s", "defaults to 100ms", "every 10 seconds".
_CONFIG_WORDS = re.compile(
    r"\b(?:time-?outs?|intervals?|delays?|back-?offs?|ttls?|retr(?:y|ies|ied)|defaults?"
    r"|defaults to|period|limits?|max(?:imum)?|min(?:imum)?|caps?|deadlines?|expir\w*"
    r"|every|wait\w*|sleeps?|paus\w*|poll\w*|heartbeats?|keep-?alive|grace|cool-?down|lease"
    r"|set to|configur\w*|settings?|options?|parameters?|flags?|threshold for)\b",
    re.IGNORECASE,
)
# "5 times in 60s", "3 restarts within 10 seconds": restart intensity, a setting.
_INTENSITY = re.compile(r"\b\d+\s+(?:times?|restarts?|attempts?|retries)\s+(?:in|within|per)\s*$")
_TARGET_WORDS = re.compile(
    r"\b(?:targets?|targeting|goals?|budgets?|slos?|slas?|thresholds?|should|must|expected"
    r"|expect|estimated?|aim\w*|objectives?|requirements?|required|want)\b",
    re.IGNORECASE,
)
# A setting named right after the figure: "a 5 min timeout", "30s interval".
_CONFIG_AFTER = re.compile(
    r"^\W{0,3}(?:time-?outs?|intervals?|delays?|back-?offs?|ttls?|deadlines?|limits?|caps?"
    r"|grace period|lease|cool-?down|heartbeats?)\b",
    re.IGNORECASE,
)
# A course or page length right after the figure: "a 2 minute refresher", "5 min read".
_READING_AFTER = re.compile(
    r"^\W{0,3}(?:refresher|read|tutorial|guide|intro\w*|video|walkthrough|overview|course"
    r"|lesson|exercise)\b",
    re.IGNORECASE,
)
_TARGET_AFTER = re.compile(r"^\W{0,3}\((?:target|goal|budget|expected|estimated)\)", re.IGNORECASE)
# The reader's time, not the software's: "Duration: 30-45 minutes", "you can finish
# this tutorial in under 20 minutes"; not "the build takes 3 minutes".
_READING_WORDS = re.compile(
    r"\b(?:duration|reading time|read|tutorials?|lessons?|course|walkthrough|workshop"
    r"|exercises?|you)\b",
    re.IGNORECASE,
)
_CONFIG_HEADING = re.compile(
    r"\b(?:configuration|settings|options|defaults|parameters|limits|timeouts)\b", re.IGNORECASE
)
_TARGET_HEADING = re.compile(
    r"\b(?:targets?|goals?|budgets?|slos?|requirements|objectives)\b", re.IGNORECASE
)

# --- citations -------------------------------------------------------------------

# Bare URLs. Matches "https://example.org/bench"; not "example.org" alone.
_URL = re.compile(r"\bhttps?://[^\s<>()\[\]]+")
_FOOTNOTE_REF = re.compile(r"\[\^([^\]\s]{1,60})\]")
# A word that may be a file name (extension checked afterwards); keeps ::, # and : suffixes.
_TOKEN = re.compile(r"[\w./:#-]+")
_SOURCE_EXTENSIONS = frozenset(
    (
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
    )
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


@dataclass(frozen=True, slots=True)
class Figure:
    """One performance figure: where it is, what kind of number it is, what covers it.

    ``kind`` is ``config``, ``target``, ``reading-time``, ``example`` (a hypothetical
    after "for example" or "say") or ``measured``; ``scope`` is
    the citation scope that covers a measured figure (``None`` when uncited).
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
        return self.kind == "measured" and self.scope not in (None, "methodology-without-source")


def find_figures(doc: Document, settings: Settings) -> list[Figure]:
    """Every performance figure on the page, classified, with its covering scope."""
    if not settings.citations.enabled or settings.citations.exclude.match(doc.path):
        return []
    page = _Page(doc, settings)
    figures: list[Figure] = []
    for block in doc.blocks:
        if block.kind not in PROSE_LEAVES or not block.items:
            continue
        if not _could_hold_figure(block):
            continue
        inline = page.inline(block)
        for match in _FIGURE.finditer(inline.text):
            figure = page.figure(inline, match)
            if figure is not None:
                figures.append(figure)
    return figures


def check(doc: Document, settings: Settings, figures: Sequence[Figure]) -> Iterator[Finding]:
    """``citation/uncited`` for measured figures nothing covers; ``citation/weak`` once."""
    weak = [figure for figure in figures if figure.scope == "methodology-without-source"]
    for figure in figures:
        if figure.kind != "measured" or figure.scope is not None:
            continue
        yield UNCITED.at(
            doc,
            figure.line,
            figure.column,
            figure.text,
            f'"{one_line(figure.text)}" is a measured performance figure with no source in reach',
            _SUGGESTIONS[figure.container],
        )
    if weak:
        heading = _methodology_heading(doc)
        line, column, text = (heading.line, heading.column, heading.text) if heading else (1, 1, "")
        yield WEAK.at(
            doc,
            line,
            column,
            text,
            f"{len(weak)} measured figure(s) rely on a methodology section that names no source",
            "link the benchmark code or its results from this section",
        )


_SUGGESTIONS = {
    "table": 'add a Source column, or a "Source:" line under the table naming the benchmark',
    "list": 'add a lead-in ending with ":" that names the benchmark, or a link in the item',
    "prose": "link the benchmark or add a footnote naming where the figure comes from",
}


_DIGIT = re.compile(r"\d")
_REACH = 160
"""How far (in characters) around a figure its context words are looked for."""


def _could_hold_figure(block: Block) -> bool:
    """Cheap pre-filter: every figure has a digit in the block's prose."""
    return any(isinstance(item, Span) and _DIGIT.search(item.text) for item in block.items)


def _methodology_heading(doc: Document) -> Heading | None:
    for heading in doc.headings:
        if _normalise_heading(heading.text) in _SOURCES_HEADINGS:
            return heading
    return None


def _normalise_heading(text: str) -> str:
    return re.sub(r"[\s:.]+$", "", re.sub(r"^[\d.\s]+", "", text)).strip().lower()


class _Page:
    """Per-page caches for one run of the rule: inline texts, sections, citations."""

    def __init__(self, doc: Document, settings: Settings) -> None:
        self.doc = doc
        self.patterns = settings.citations.patterns
        self._cited: dict[int, bool] = {}
        self._cited_range: dict[tuple[int, int, int], bool] = {}
        self._hits: dict[tuple[int, str], list[tuple[int, int]]] = {}
        self._memo: dict[tuple[str, int], bool] = {}
        self.previous: dict[int, Block | None] = {}
        self.next: dict[int, Block] = {}
        self.own_leaves: dict[int, list[Block]] = {}
        self.under_heading: dict[int, Block] = {}
        self._chains: list[tuple[Heading, ...]] | None = None
        self._heading_lines: list[int] = []
        self.headers = {
            id(table.block): [_normalise_heading(cell.text) for cell in table.header]
            for table in doc.tables
        }
        self._index()
        self.page_sources = self._page_sources()

    def inline(self, block: Block) -> InlineText:
        return inline_text(self.doc, block)

    # -- structure ------------------------------------------------------------

    def _index(self) -> None:
        """One pass over the blocks: siblings, each item's and row's own leaves, and the
        block right under each heading."""
        last_child: dict[int, Block] = {}
        previous_block: Block | None = None
        for block in self.doc.blocks:
            parent_key = id(block.parent)
            before = last_child.get(parent_key)
            self.previous[id(block)] = before
            if before is not None:
                self.next[id(before)] = block
            last_child[parent_key] = block
            if block.kind in PROSE_LEAVES:
                owner = block.parent if block.kind == "table_cell" else block.enclosing("list_item")
                if owner is not None:
                    self.own_leaves.setdefault(id(owner), []).append(block)
            if block.kind != "html":  # comments may stand between a heading and its text
                if previous_block is not None and previous_block.kind == "heading":
                    self.under_heading[id(previous_block)] = block
                previous_block = block

    def section_headings(self, line: int) -> tuple[Heading, ...]:
        """Headings whose sections hold ``line``, innermost first."""
        if self._chains is None:
            # Each heading's chain from the one before it, once per page: a page of
            # thousands of sections and figures stays linear.
            chains: list[tuple[Heading, ...]] = []
            chain: list[Heading] = []
            for heading in self.doc.headings:
                while chain and chain[-1].level >= heading.level:
                    chain.pop()
                chain.append(heading)
                chains.append(tuple(reversed(chain)))
            self._chains = chains
            self._heading_lines = [heading.line for heading in self.doc.headings]
        index = bisect.bisect_right(self._heading_lines, line) - 1
        return self._chains[index] if index >= 0 else ()

    # -- citations ------------------------------------------------------------

    def cites(self, inline: InlineText, start: int = 0, end: int | None = None) -> bool:
        """Whether ``inline.text[start:end]`` holds a citation (cached: many figures
        share a sentence)."""
        stop = len(inline.text) if end is None else end
        key = (id(inline.block), start, stop)
        if key not in self._cited_range:
            self._cited_range[key] = self._cites(inline, start, stop)
        return self._cited_range[key]

    def _cites(self, inline: InlineText, start: int, stop: int) -> bool:
        return self.locates(inline, start, stop) or bool(
            _SOURCE_PHRASE.search(inline.text, start, stop)
        )

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
        heading = _methodology_heading(self.doc)
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

    # -- one figure -----------------------------------------------------------

    def figure(self, inline: InlineText, match: re.Match[str]) -> Figure | None:
        start, end = match.span()
        if not inline.is_prose(start, end) or _NOT_A_FIGURE.match(
            inline.text, match.start("number")
        ):
            return None
        sentence_start, sentence_end = inline.sentence(start)
        # The words around the figure, within its sentence: bounded so that a page of
        # one endless sentence stays linear.
        lo, hi = max(sentence_start, start - _REACH), min(sentence_end, end + _REACH)
        if not self.in_context(inline, match, lo, hi):
            return None
        kind = self.classify(inline, match, max(sentence_start, start - 80))
        block = inline.block
        container = (
            "table"
            if block.kind == "table_cell"
            else ("list" if block.enclosing("list_item") else "prose")
        )
        scope = self.scope(inline, sentence_start, sentence_end) if kind == "measured" else None
        line, column = inline.position(start)
        text = inline.source_text(start, end, self.doc.lines)
        return Figure(text, line, column, kind, scope, container)

    def in_context(self, inline: InlineText, match: re.Match[str], lo: int, hi: int) -> bool:
        """Whether a figure-shaped match is a performance figure, given the words in
        ``inline.text[lo:hi]`` around it."""
        multiplier = match.group("multiplier") or ""
        if match.group("percent") or multiplier in ("x", "×"):
            return self.near(inline, _PERFORMANCE_CONTEXT, lo, hi)
        if match.group("size"):
            return self.near(inline, _MEMORY_CONTEXT, lo, hi)
        unit = (match.group("duration") or "").strip().lower()
        if unit in _LONG_DURATIONS:
            return self.near(inline, _LONG_CONTEXT, lo, hi)
        if unit == "s" and _STATUS_PLURAL.search(match.group(0)):
            return not self.near(inline, _STATUS_CONTEXT, lo, hi)
        return True

    def near(self, inline: InlineText, pattern: re.Pattern[str], lo: int, hi: int) -> bool:
        """Whether ``pattern`` matches wholly inside ``inline.text[lo:hi]``.

        Each pattern runs once over a block, not once per figure, so that a block with
        thousands of figures stays linear."""
        key = (id(inline.block), pattern.pattern)
        hits = self._hits.get(key)
        if hits is None:
            hits = self._hits[key] = [m.span() for m in pattern.finditer(inline.text)]
        index = bisect.bisect_left(hits, (lo, -1))
        return index < len(hits) and hits[index][1] <= hi

    def classify(self, inline: InlineText, match: re.Match[str], before: int) -> str:
        """The figure's kind from its column header, the words from ``before`` up to
        it, the words right after it, and its section heading."""
        block = inline.block
        start, end = match.span()
        after = inline.text[end : end + 20]
        header = _column_header(self, block)
        unit = (match.group("duration") or "").strip().lower()
        if _INTENSITY.search(inline.text[before:start]) or _CONFIG_AFTER.match(after):
            return "config"
        if _CONFIG_WORDS.search(header) or self.near(inline, _CONFIG_WORDS, before, start):
            return "config"
        if unit in _LONG_DURATIONS and _READING_AFTER.match(after):
            return "reading-time"
        # An example runs from "For example" to the end of its sentence, or through the
        # whole paragraph when the paragraph opens with it.
        if self.near(inline, _EXAMPLE_WORDS, before, start) or _EXAMPLE_WORDS.match(
            inline.text.lstrip()[:40]
        ):
            return "example"
        if (
            _TARGET_WORDS.search(header)
            or self.near(inline, _TARGET_WORDS, before, start)
            or _TARGET_AFTER.match(after)
        ):
            return "target"
        if unit in _LONG_DURATIONS and (
            self.near(inline, _READING_WORDS, before, start) or _READING_WORDS.search(header)
        ):
            return "reading-time"
        for heading in self.section_headings(block.line)[:1]:
            if _CONFIG_HEADING.search(heading.text):
                return "config"
            if _TARGET_HEADING.search(heading.text):
                return "target"
        return "measured"

    def scope(self, inline: InlineText, sentence_start: int, sentence_end: int) -> str | None:
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
            before, after = self.previous.get(id(container)), self.next.get(id(container))
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
        for heading in self.section_headings(block.line):
            first = self.first_paragraph(heading)
            if first is not None and self.block_cites(first):
                return "section"
        # 6. A sources or methodology section on the page.
        if self.page_sources == "sources":
            return "sources-section"
        if self.page_sources == "weak":
            return "methodology-without-source"
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
                self.block_cites(leaf) for leaf in self.own_leaves.get(id(current), ())
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
        table = row.enclosing("table")
        header = _header_texts(self, table) if table is not None else []
        for cell in self.own_leaves.get(id(row), ()):
            if self.block_cites(cell):
                return True
            name = header[cell.index] if cell.index < len(header) else ""
            if name in _SOURCE_COLUMNS and self.inline(cell).text.strip():
                return True
        return False

    def first_paragraph(self, heading: Heading) -> Block | None:
        """The paragraph directly under ``heading``, if its first block is one."""
        block = self.under_heading.get(id(heading.block))
        return block if block is not None and block.kind == "paragraph" else None


def _outermost(block: Block, kind: str) -> Block | None:
    found: Block | None = None
    current: Block | None = block
    while current is not None:
        if current.kind == kind:
            found = current
        current = current.parent
    return found


def _header_texts(page: _Page, table: Block) -> list[str]:
    return page.headers.get(id(table), [])


def _column_header(page: _Page, block: Block) -> str:
    if block.kind != "table_cell":
        return ""
    table = block.enclosing("table")
    if table is None:
        return ""
    header = _header_texts(page, table)
    return header[block.index] if block.index < len(header) else ""


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
