"""Performance figures on a page: found, classified by evidence, matched with what cites
them (SPEC 4.2).

A page's figures are a shared fact: ``citation/*`` reports the claims nothing cites,
the status page counts them, ``mkdocs-diataxis figures`` lists them with the evidence.
`find_figures` runs once per page (the `PageContext` keeps them).

- `candidates`: what a figure looks like ("286ns", "6.12M msg/sec", "3x faster");
- `evidence`: whether it is a claim (a metric, measured wording, a comparison) or a
  setting, target, example, environment or other, and the words that decided;
- `sources`: what counts as a citation, and which scopes a citation covers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from mkdocs_diataxis.core.document import (
    PROSE_LEAVES,
    Block,
    Code,
    Document,
    InlineText,
    Span,
    outline_of,
)
from mkdocs_diataxis.core.figures.candidates import (
    FIGURE,
    WORD_FIGURE,
    could_hold_figure,
    has_word_hint,
    not_a_figure,
)
from mkdocs_diataxis.core.figures.evidence import (
    ClaimEvidence,
    Classifier,
    Evidence,
    FigureClass,
    in_words,
)
from mkdocs_diataxis.core.figures.sources import Scope, Sources
from mkdocs_diataxis.core.figures.words import (
    APPROXIMATE,
    CONFIG_HEADER,
    RESTATEMENT,
)
from mkdocs_diataxis.core.settings import Settings

__all__ = [
    "ClaimEvidence",
    "Evidence",
    "Figure",
    "FigureClass",
    "PageFigures",
    "Scope",
    "find_figures",
]


@dataclass(frozen=True, slots=True)
class Figure:
    """One candidate figure: where it is, what it is and why, and what cites it."""

    text: str
    line: int
    column: int
    cls: FigureClass
    evidence: Evidence
    scope: Scope | None
    """Where the citation covering a claim stands (``None``: nothing covers it)."""
    citation: str
    """The covering citation itself: a link target, a file, a footnote, a phrase."""
    container: str
    """``table``, ``list`` or ``prose``: where the figure stands, for suggestions."""

    @property
    def claim(self) -> bool:
        return self.cls is FigureClass.CLAIM

    @property
    def cited(self) -> bool:
        """A claim that a source covers (a methodology section naming none does not)."""
        return self.claim and self.scope not in (None, Scope.WEAK)

    @property
    def uncited(self) -> bool:
        """A claim nothing covers: what ``citation/uncited`` reports."""
        return self.claim and self.scope is None

    @property
    def weakly_cited(self) -> bool:
        """A claim that only a methodology section naming no source covers."""
        return self.claim and self.scope is Scope.WEAK


def find_figures(
    doc: Document, settings: Settings, page_sources: tuple[Scope | None, str] | None = None
) -> list[Figure]:
    """Every candidate figure on the page, classified, with its covering scope.
    ``page_sources``: what the page's sources sections give, if the caller knows."""
    if not _counts(doc, settings):
        return []
    finder: _Finder | None = None  # made at the first block that may hold a figure
    figures: list[Figure] = []
    for block in doc.blocks:
        if block.kind not in PROSE_LEAVES or not block.items or not could_hold_figure(block):
            continue
        finder = finder or _Finder(doc, settings.citations.patterns, page_sources)
        inline = finder.sources.inline(block)
        matches = list(FIGURE.finditer(inline.text))
        if has_word_hint(inline.text):
            matches.extend(WORD_FIGURE.finditer(inline.text))
            matches.sort(key=lambda match: match.start())
        for match in matches:
            figure = finder.figure(inline, match)
            if figure is not None:
                figures.append(figure)
    return figures


def _counts(doc: Document, settings: Settings) -> bool:
    """Whether the page's figures are looked for at all."""
    citations = settings.citations
    return bool(doc.text) and citations.enabled and not citations.exclude.match(doc.path)


class PageFigures:
    """The figures of a large page, found one section at a time (see `Document.page`).

    A sources section covers the claims of the whole page, those before it too, so a
    claim that only such a section could cover waits (`Scope.LATER`) until every
    section has been read (`settle`)."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.figures: list[Figure] = []
        self.citation: str | None = None
        """The first citation the page's sources sections hold, once one is read."""
        self.found = False
        """Whether a sources or methodology section has been read."""
        self.level = 0
        """The level of the sources section open at the end of the last section read."""

    def add(self, section: Document) -> None:
        """Find the figures of the next section of the page."""
        if not _counts(section, self.settings):
            return
        patterns = self.settings.citations.patterns
        if self.citation is None:
            citation, found, self.level = Sources(section, patterns, (None, "")).sources_sections(
                self.level
            )
            self.found = self.found or found
            self.citation = citation
        page_sources = (
            (Scope.SOURCES_SECTION, self.citation)
            if self.citation is not None
            else (Scope.LATER, "")
        )
        self.figures.extend(find_figures(section, self.settings, page_sources))

    def settle(self) -> list[Figure]:
        """Every figure of the page, those that waited for its sources sections
        covered as the whole page's sections decide."""
        if self.citation is not None:
            final: tuple[Scope | None, str] = (Scope.SOURCES_SECTION, self.citation)
        else:
            final = (Scope.WEAK, "") if self.found else (None, "")
        return [
            replace(figure, scope=final[0], citation=final[1])
            if figure.scope is Scope.LATER
            else figure
            for figure in self.figures
        ]


class _Finder:
    """One page's figures, with the caches they share."""

    def __init__(
        self,
        doc: Document,
        patterns: tuple[re.Pattern[str], ...],
        page_sources: tuple[Scope | None, str] | None,
    ) -> None:
        self.doc = doc
        self.classifier = Classifier()
        self.outline = outline_of(doc)
        self.sources = Sources(doc, patterns, page_sources)
        self._context: dict[tuple[str, int, bool], Evidence | None] = {}

    def figure(self, inline: InlineText, match: re.Match[str]) -> Figure | None:
        start, end = match.span()
        if not inline.is_prose(start, end) or not_a_figure(inline.text, match):
            return None
        sentence = inline.sentence(start)
        groups = match.groupdict()
        unit = next((name for name in _UNITS if groups.get(name)), "word")
        # "3x faster", "x3.7 less", "twice as long": the comparison is part of the figure.
        comparative = unit in ("word", "prefixed") or (
            unit == "multiplier" and _COMPARATIVE_WORD.search(groups["multiplier"]) is not None
        )
        evidence = self.classify(inline, match, sentence, unit, comparative)
        block = inline.block
        container = (
            "table"
            if block.kind == "table_cell"
            else ("list" if block.enclosing("list_item") else "prose")
        )
        scope, citation = None, ""
        if evidence.cls is FigureClass.CLAIM:
            scope, citation = self.sources.scope(inline, *sentence)
        line, column = inline.position(start)
        text = inline.source_text(start, end, self.doc.lines)
        return Figure(text, line, column, evidence.cls, evidence, scope, citation, container)

    def classify(
        self,
        inline: InlineText,
        match: re.Match[str],
        sentence: tuple[int, int],
        unit: str,
        comparative: bool,
    ) -> Evidence:
        """What the figure is, and the evidence: the figure's sentence (or the one it
        restates), then its row, column, lead-in and headings, then the figure itself."""
        start, end = match.span()
        block = inline.block
        restated = None
        if sentence[0] > 0 and RESTATEMENT.match(inline.text, sentence[0]):
            # "This means 2,000% or more.", "This means that the writer uses 16MB": what
            # the sentence before it was.
            lo, hi = inline.sentence(sentence[0] - 1)
            restated = in_words(inline.text[lo:hi], "sentence before", unit)
            if restated is not None and restated.cls is not FigureClass.CLAIM:
                return restated
        evidence = self.classifier.in_sentence(inline, (start, end), sentence, unit, comparative)
        if block.kind == "table_cell" and (
            evidence is None or evidence.kind is not ClaimEvidence.MEASURED
        ):
            header = next(
                (h for h in self.sources.header_row(block) if CONFIG_HEADER.search(h)), ""
            )
            if header and unit not in ("multiplier", "prefixed"):
                # A table of configuration: what it lists is set, not measured. Not a
                # speed-up ("44x"): configurations compared, not set.
                return Evidence(FigureClass.SETTING, header, "column header")
            header = next((h for h in self.sources.header_row(block) if _EXAMPLES.search(h)), "")
            if header:  # a table of examples ("Example input", "Parsed value")
                return Evidence(FigureClass.EXAMPLE, header, "column header")
            if (value := self.literal_label(block)) is not None and _converts(value, match):
                # A row labelled by a value in code, the figure that value in other
                # units ("`300` | 5 minutes"): what the value set means, not a measurement.
                return Evidence(FigureClass.SETTING, f"`{value}`", "table row")
        if block.enclosing("list_item") is not None and (flag := _option_described(block)):
            number = match.groupdict().get("number") or ""
            if number and number in _NUMBERS.findall(flag):
                # "- `--spawn-rate 10`: adds 10 users per second": the option's own value.
                return Evidence(FigureClass.SETTING, flag, "list item")
        evidence = evidence or restated or self.around(block, unit) or _intrinsic(match, unit)
        if (
            evidence.cls is FigureClass.CLAIM
            and evidence.kind is not ClaimEvidence.MEASURED
            and unit == "size"
            and _BYTES.search(match.group("size"))
            and not match.group("approx")
            and not APPROXIMATE.search(inline.text, max(0, start - 20), start)
        ):
            # An exact size in bytes is what a format or type takes, by definition.
            return Evidence(FigureClass.OTHER, "an exact size in bytes", "figure")
        if unit == "size" and _BOUND.search(match.group("approx") or ""):
            # "≤ 14 bytes", "≥4 KB strides": a limit, not a measurement.
            return Evidence(FigureClass.SETTING, match.group("approx").strip(), "figure")
        return evidence

    def literal_label(self, cell: Block) -> str | None:
        """The label of ``cell``'s row when it is a number in code and nothing else
        (`` `300` ``)."""
        leaves = self.outline.own_leaves(cell.parent) if cell.parent is not None else []
        if not leaves or leaves[0] is cell:
            return None
        items = [i for i in leaves[0].items if not (isinstance(i, Span) and not i.text.strip())]
        if len(items) != 1 or not isinstance(items[0], Code):
            return None
        value = items[0].text.strip()
        return value if _NUMBERS.fullmatch(value) else None

    def around(self, block: Block, unit: str) -> Evidence | None:
        """The evidence beyond a figure's sentence: its table row label and column
        header, the lead-in of its list or table, its headings, innermost first."""
        if block.kind == "table_cell" and block.parent is not None:
            leaves = self.outline.own_leaves(block.parent)
            label = self.sources.inline(leaves[0]).text if leaves and leaves[0] is not block else ""
            # "hierarchical (default)": which row is the default choice, not a default value.
            label = _DEFAULT_TAG.sub("", label)
            found = self.context("row", block, label, "table row", unit) or self.context(
                "header", block, self.sources.column_header(block), "column header", unit
            )
            if found is not None:
                return found
        container = _container(block)
        if container is not None:
            before = self.outline.previous(container)
            if before is not None and before.kind == "paragraph":
                text = self.sources.inline(before).text
                if text.rstrip().endswith(":"):
                    found = self.context("lead-in", before, text, "lead-in", unit)
                    if found is not None:
                        return found
        for heading in self.outline.sections(block.line):
            found = self.context("heading", heading.block, heading.text, "heading", unit)
            if found is not None:
                # A heading about speed says nothing of the sizes under it, and a
                # heading alone does not make a share ("10%") a measurement.
                claim = found.cls is FigureClass.CLAIM
                if claim and unit == "percent":
                    return None
                if claim and unit == "size" and _FOOTPRINT.search(heading.text) is None:
                    return None
                return found
        return None

    def context(self, kind: str, block: Block, text: str, where: str, unit: str) -> Evidence | None:
        """`in_words` of a piece of context, found once per block, kind and unit."""
        key = (kind, id(block), unit == "duration")
        if key not in self._context:
            self._context[key] = in_words(text, where, unit) if text else None
        return self._context[key]


_UNITS = ("rate", "duration", "multiplier", "percent", "size", "prefixed")
_COMPARATIVE_WORD = re.compile(r"[a-z]{3,}\Z")
_EXAMPLES = re.compile(r"\b(?:examples?|samples?)\b", re.IGNORECASE)
_BYTES = re.compile(r"\Abytes?\Z", re.IGNORECASE)
_BOUND = re.compile(r"[<>≤≥]")
_NUMBERS = re.compile(r"\d+(?:\.\d+)?")
_DEFAULT_TAG = re.compile(r"\s*\((?:the )?default\)", re.IGNORECASE)
_SECONDS = {
    "ms": 0.001,
    "millisecond": 0.001,
    "s": 1.0,
    "sec": 1.0,
    "second": 1.0,
    "min": 60.0,
    "minute": 60.0,
    "h": 3600.0,
    "hr": 3600.0,
    "hour": 3600.0,
    "day": 86400.0,
}
_FOOTPRINT = re.compile(r"\b(?:memory|storage|disk|size|footprint|ram|space|heap)\b", re.I)
"""The kinds of unit a figure match can have (a word figure has none of them)."""


def _intrinsic(match: re.Match[str], unit: str) -> Evidence:
    """What a figure says of itself when nothing around it does: a duration in micro- or
    nanoseconds is the time an operation takes, and a rate of work per second is a
    throughput (nobody configures a timeout in nanoseconds); anything else is not a
    claim on its own."""
    if unit == "duration" and _OPERATION_SCALE.match(match.group("duration")):
        return Evidence(
            FigureClass.CLAIM, "a duration of nano- or microseconds", "figure", ClaimEvidence.METRIC
        )
    if unit == "rate" and _WORK_RATE.search(match.group("rate")):
        return Evidence(
            FigureClass.CLAIM, "a rate of work per second", "figure", ClaimEvidence.METRIC
        )
    return Evidence(FigureClass.OTHER)


_OPERATION_SCALE = re.compile(r"(?:ns|[µμ]s|us)\Z")
_WORK_RATE = re.compile(
    r"\b(?:ops|op|msgs?|messages|req|requests|queries|tasks|events|rows|spawns|lines|pages"
    r"|tokens|records|transactions)\b",
    re.IGNORECASE,
)


def _converts(value: str, match: re.Match[str]) -> bool:
    """Whether a duration figure is ``value`` (a number of seconds or milliseconds) in
    other units: "5 minutes" for `300`, "1 hour" for `3600000`."""
    groups = match.groupdict()
    duration, number = groups.get("duration"), groups.get("number")
    if not duration or not number or "-" in number or "," in number:
        return False
    unit = duration.lower().rstrip("s") or "s"
    factor = _SECONDS.get(unit) or _SECONDS.get(duration.lower())
    if factor is None:
        return False
    seconds = float(number) * factor
    return any(abs(seconds * scale - float(value)) < 1e-9 for scale in (1.0, 1000.0))


def _option_described(block: Block) -> str | None:
    """The command-line option a list item opens with and then describes ("`--users
    100`: ..."), written as code and followed by a colon or a dash."""
    items = block.items
    if len(items) < 2 or not isinstance(items[0], Code) or not isinstance(items[1], Span):
        return None
    flag = items[0].text.strip()
    if not _FLAG.match(flag) or not _DESCRIBES.match(items[1].text):
        return None
    return f"`{flag}`"


_FLAG = re.compile(r"--?[A-Za-z][\w-]*(?:[ =]\S+)?\Z")
_DESCRIBES = re.compile(r"\s*(?::|[-–—]\s)")


def _container(block: Block) -> Block | None:
    """The outermost list, or the table, that ``block`` stands in."""
    if block.kind == "table_cell":
        return block.enclosing("table")
    found: Block | None = None
    current: Block | None = block
    while current is not None:
        if current.kind == "list":
            found = current
        current = current.parent
    return found
