"""Whether a performance figure is a claim, and the evidence that says so (SPEC 4.2).

A number with a unit is only a candidate. It is a **claim** on evidence: a metric
("latency", "takes", "footprint"), measured wording ("measured", "in our tests",
"Result:") or a comparison ("74% more requests per second", "3x faster"). Words that
make it a **setting** ("timeout", "defaults to"), a **target** ("goal", "should"), an
**example** ("for example", "suppose"), the **environment** ("a machine with 64 GB of
RAM", "a 90GB dataset") or something **other** (prices, human time, shares) say what it
is instead. Evidence is looked for in the figure's own sentence or list item first, then
in its table row label and column header, then in the lead-in of its list or table,
then in its headings; the first place with anything to say decides, so a sentence wins
over a heading.

Within the sentence the order is: an example or a condition put to the reader before
the figure; a threshold it is the value of ("when memory usage is above 16GB"); the
hardware or data it describes ("64 GB of RAM", "a 90GB dataset"); people's work
("the speed to develop features"); explicit measured wording anywhere ("in our tests");
"reached" or "achieved" right before it; a target near it; a comparison at the figure
("3x faster", "reduced ... by 94%"); a share ("50% of the code"); a setting or other
word near it; a metric anywhere; a verb of doing right before it ("costs 1.49 µs",
"serves 10,000 req/s"); "compared to" or "vs." near it. The words are in `words`.
"""

from __future__ import annotations

import bisect
import enum
import re
from dataclasses import dataclass

from mkdocs_diataxis.core.document import InlineText
from mkdocs_diataxis.core.figures.words import (
    ACHIEVED,
    APPLIED,
    ATTACHED_AFTER,
    ATTACHED_BEFORE,
    CHANGE_TO,
    COMPARED,
    COMPARISON_AFTER,
    COMPARISON_BEFORE,
    CONVERSION,
    CONVERSION_AFTER,
    DURATION_VERB,
    ENVIRONMENT,
    EXAMPLE,
    EXAMPLE_OPENING,
    FOOTPRINT_VERB,
    GET_STARTED,
    GIVEN_BEFORE,
    HUMAN,
    IF_CLAUSE,
    IMPERATIVE,
    MEASURED,
    METRIC,
    MODAL,
    OTHER,
    RATE_VERB,
    READER,
    RELATIVE_AFTER,
    RESULTS,
    SETTING,
    SETTING_AFTER,
    SHARE,
    SHARE_BEFORE,
    SPACE_METRIC,
    STATISTIC_HEADER,
    TARGET,
    TARGET_AFTER,
    THRESHOLD,
    TIME_OFFSET_AFTER,
    UP_TO,
)


class FigureClass(str, enum.Enum):
    """What a candidate figure is. Only a claim needs a source."""

    CLAIM = "claim"
    SETTING = "setting"
    TARGET = "target"
    EXAMPLE = "example"
    ENVIRONMENT = "environment"
    OTHER = "other"


class ClaimEvidence(str, enum.Enum):
    """What makes a figure a claim (SPEC 4.2)."""

    METRIC = "metric"
    MEASURED = "measured wording"
    COMPARISON = "comparison"


@dataclass(frozen=True, slots=True)
class Evidence:
    """Why a figure is in its class: the words that decided and where they stand
    (``sentence``, ``table row``, ``column header``, ``lead-in``, ``heading``); no words
    when nothing on the page says it is a claim."""

    cls: FigureClass
    words: str = ""
    where: str = ""
    kind: ClaimEvidence | None = None
    """For a claim: a metric, measured wording or a comparison."""

    def describe(self) -> str:
        """The evidence in words: ``"more", comparison in the sentence``, or what the
        figure says of itself (``a duration of nano- or microseconds``)."""
        if not self.words:
            return "no metric, measured wording or comparison in reach"
        if self.where == "figure" and self.kind is not ClaimEvidence.COMPARISON:
            return self.words
        kind = self.kind.value if self.kind else self.cls.value
        return f'"{self.words}", {kind} in the {self.where}'


class Nearby:
    """Where a pattern matches in a block's text. A short stretch is searched as it is
    asked for; over a long one each pattern runs once over the block and is bisected, so
    that a block with thousands of figures stays linear."""

    def __init__(self) -> None:
        self._hits: dict[tuple[int, str], list[tuple[int, int]]] = {}

    def hits(self, inline: InlineText, pattern: re.Pattern[str]) -> list[tuple[int, int]]:
        """Where ``pattern`` matches in prose (words inside inline code say nothing)."""
        key = (id(inline.block), pattern.pattern)
        found = self._hits.get(key)
        if found is None:
            spans = [match.span() for match in pattern.finditer(inline.text)]
            if spans and inline.has_code:
                spans = [span for span in spans if inline.is_prose(*span)]
            found = self._hits[key] = spans
        return found

    def first(
        self, inline: InlineText, pattern: re.Pattern[str], lo: int, hi: int
    ) -> tuple[int, int] | None:
        """The first match wholly inside ``inline.text[lo:hi]``, if any."""
        if hi - lo <= _SHORT:
            # Past ``hi`` too, so that a lookahead sees what follows; matches must end by it.
            for match in pattern.finditer(inline.text, lo, hi + _LOOKAHEAD):
                if match.end() > hi:
                    break
                if not inline.has_code or inline.is_prose(*match.span()):
                    return match.span()
            return None
        hits = self.hits(inline, pattern)
        index = bisect.bisect_left(hits, (lo, -1))
        while index < len(hits) and hits[index][1] <= hi:
            return hits[index]
        return None

    def last(
        self, inline: InlineText, pattern: re.Pattern[str], lo: int, hi: int
    ) -> tuple[int, int] | None:
        """The last match wholly inside ``inline.text[lo:hi]``, if any."""
        if hi - lo <= _SHORT:
            found = None
            for match in pattern.finditer(inline.text, lo, hi + _LOOKAHEAD):
                if match.end() > hi:
                    break
                if not inline.has_code or inline.is_prose(*match.span()):
                    found = match.span()
            return found
        hits = self.hits(inline, pattern)
        index = bisect.bisect_right(hits, (hi, hi)) - 1
        while index >= 0 and hits[index][1] > hi:
            index -= 1
        return hits[index] if index >= 0 and hits[index][0] >= lo else None


_SHORT = 240
"""Up to this many characters, a stretch is searched directly."""
_LOOKAHEAD = 24
"""How far past a stretch a direct search reads, for the patterns' lookaheads."""
_WORD = re.compile(r"[A-Za-z]{2}")
_NEAR_BEFORE = 60
"""How far before a figure a setting, environment or other word counts (characters)."""
_NEAR_AFTER = 25
"""How far after a figure such a word counts ("a 30s timeout", "64 GB of RAM")."""


class Classifier:
    """Classifies the figures of one page, sharing the pattern scans of each block."""

    def __init__(self) -> None:
        self.near = Nearby()

    def in_sentence(
        self,
        inline: InlineText,
        span: tuple[int, int],
        sentence: tuple[int, int],
        unit: str,
        comparative: bool = False,
    ) -> Evidence | None:
        """The evidence in a figure's own sentence, if it says anything either way.
        ``unit`` is the figure's kind of unit (``duration``, ``rate``, ``size``...);
        ``comparative`` says the figure carries its comparison ("3x faster")."""
        start, end = span
        lo, hi = sentence
        text = inline.text
        if (
            not comparative
            and hi - lo <= _SHORT
            and not _WORD.search(text, lo, start)
            and not _WORD.search(text, end, hi)
        ):
            return None  # a table cell holding the figure alone: nothing to read here

        def words(span: tuple[int, int]) -> str:
            return " ".join(text[span[0] : span[1]].split())

        near_lo, near_hi = max(lo, start - _NEAR_BEFORE), min(hi, end + _NEAR_AFTER)
        # 1. A hypothetical, a mention: nothing in it is claimed.
        if (found := self.near.last(inline, EXAMPLE, lo, start)) is not None:
            return Evidence(FigureClass.EXAMPLE, words(found), "sentence")
        if inline.quotes(lo, start) % 2 == 1 and inline.quotes(end, hi) > 0:
            # "uv is 10-100x faster than pip", in quotes: a claim mentioned, not made.
            return Evidence(FigureClass.OTHER, "in quotes", "sentence")
        if (clause := IF_CLAUSE.search(text, max(lo, start - 60), start)) is not None:
            return Evidence(FigureClass.EXAMPLE, words(clause.span()), "sentence")
        if (opening := EXAMPLE_OPENING.match(text)) is not None:
            return Evidence(FigureClass.EXAMPLE, words(opening.span()), "paragraph")
        # 2. What the words right at the figure make it.
        if unit == "duration" and (offset := TIME_OFFSET_AFTER.match(text, end)) is not None:
            return Evidence(FigureClass.OTHER, words(offset.span()), "sentence")
        if unit == "percent" and (relative := RELATIVE_AFTER.match(text, end)) is not None:
            return Evidence(
                FigureClass.CLAIM, words(relative.span()), "sentence", ClaimEvidence.COMPARISON
            )
        if (given := self.given(text, (start, end), (lo, hi), unit)) is not None:
            return given
        if unit == "size" and (verb := FOOTPRINT_VERB.search(text, max(lo, start - 30), start)):
            return Evidence(FigureClass.CLAIM, words(verb.span()), "sentence", ClaimEvidence.METRIC)
        attached = ATTACHED_AFTER.match(text, end) or ATTACHED_BEFORE.search(
            text, max(lo, start - 40), start
        )
        if attached is not None:
            return Evidence(FigureClass.ENVIRONMENT, words(attached.span()), "sentence")
        if (found := self.near.last(inline, HUMAN, lo, start)) is not None:
            return Evidence(FigureClass.OTHER, words(found), "sentence")
        # 3. Measured wording anywhere in the sentence; "reached" right before it.
        if (found := self.near.first(inline, MEASURED, lo, hi)) is not None:
            return Evidence(FigureClass.CLAIM, words(found), "sentence", ClaimEvidence.MEASURED)
        if (found := self.near.last(inline, ACHIEVED, near_lo, start)) is not None:
            return Evidence(FigureClass.CLAIM, words(found), "sentence", ClaimEvidence.MEASURED)
        # 4. A target or a possibility.
        goal = self.near.last(inline, TARGET, near_lo, start)
        if goal is None and (after_goal := TARGET_AFTER.match(text, end)) is not None:
            goal = after_goal.span("word")
        if goal is not None:
            return Evidence(FigureClass.TARGET, words(goal), "sentence")
        if (modal := MODAL.search(text, max(lo, start - 40), start)) is not None:
            return Evidence(FigureClass.TARGET, words(modal.span()), "sentence")
        # 5. A share of things; a comparison at the figure.
        if unit == "percent":
            share = SHARE.match(text, end) or SHARE_BEFORE.search(text, max(lo, start - 20), start)
            if share is not None:
                return Evidence(FigureClass.OTHER, words(share.span()), "sentence")
        if comparative:
            figure = " ".join(text[start:end].split())
            return Evidence(FigureClass.CLAIM, figure, "figure", ClaimEvidence.COMPARISON)
        after = COMPARISON_AFTER.match(text, end)
        if after is not None and after.end() <= hi:
            return Evidence(
                FigureClass.CLAIM, words(after.span()), "sentence", ClaimEvidence.COMPARISON
            )
        before = COMPARISON_BEFORE.search(text, max(lo, start - 70), start)
        if before is not None:
            return Evidence(
                FigureClass.CLAIM, words(before.span()), "sentence", ClaimEvidence.COMPARISON
            )
        # A time the reader spends: "The tutorial takes about 15 minutes to complete"
        # (the tutorial is what takes it: "In this tutorial, the parser takes 20 ms" is
        # a claim).
        spent = (
            READER.search(text, max(lo, start - 30), start)
            or GET_STARTED.search(text, max(lo, start - 40), start)
            if unit == "duration"
            else None
        )
        if spent is not None and not _CLAUSE_BREAK.search(text, spent.end(), start):
            return Evidence(FigureClass.OTHER, words(spent.span()), "sentence")
        # 6. Near the figure, the closest word decides: "the request timeout is 30s" is
        # a setting, "with the default configuration, the server handles 20,000 req/s"
        # a throughput.
        if (closest := self.closest(inline, (start, end), near_lo, unit)) is not None:
            return closest
        # 7. A metric anywhere in the sentence; two figures compared.
        metric = SPACE_METRIC if unit == "size" else METRIC
        found = self.near.first(inline, metric, lo, start) or self.near.first(
            inline, metric, end, hi
        )
        if found is not None:
            return Evidence(FigureClass.CLAIM, words(found), "sentence", ClaimEvidence.METRIC)
        compared = self.near.first(inline, COMPARED, near_lo, near_hi)
        if compared is not None and _other_figure_near(text, (start, end), near_lo, near_hi):
            # "50-500MB per adapter vs 10-100GB for full models": two figures compared.
            return Evidence(
                FigureClass.CLAIM, words(compared), "sentence", ClaimEvidence.COMPARISON
            )
        return None

    def given(
        self, text: str, span: tuple[int, int], sentence: tuple[int, int], unit: str
    ) -> Evidence | None:
        """A value the figure is given as: a threshold ("when memory usage is above
        16GB"), a value to use or set ("Reduce the poll period to 5 ms"), a filter
        ("queries that took more than 100 ms"), a span to run for, a conversion, a rate
        a benchmark applies ("sends messages at 10,000 msg/s")."""
        start, end = span
        lo, hi = sentence

        def setting(found: re.Match[str] | None) -> Evidence | None:
            return (
                None
                if found is None
                else Evidence(FigureClass.SETTING, " ".join(found.group(0).split()), "sentence")
            )

        found = THRESHOLD.search(text, max(lo, start - 70), start) or GIVEN_BEFORE.search(
            text, max(lo, start - 30), start
        )
        if found is not None:
            return setting(found)
        # An instruction: the reader changes something to the figure, unless what they
        # change is a metric ("Cut build time by 50%" claims what the change gives).
        told = IMPERATIVE.match(text, lo)
        if told is not None and _CLAUSE_BREAK.search(text, told.end(), start):
            told = None  # "Run `bench` and see 5ms": what the reader then sees is no setting
        told = told or CHANGE_TO.search(text, max(lo, start - 60), start)
        if told is not None and not METRIC.search(text, told.end(), start):
            return setting(told)
        converted = CONVERSION.search(text, max(lo, start - 4), start) and not (
            unit == "multiplier" or COMPARISON_AFTER.match(text, end)
        )  # "= 5x faster", "= 40% less" compare, they convert nothing
        if converted or (
            CONVERSION_AFTER.match(text, end, min(len(text), end + 40))
            and not MEASURED.search(text, lo, hi)
        ):
            return Evidence(FigureClass.OTHER, "=", "sentence")
        if unit == "rate" and (applied := APPLIED.search(text, max(lo, start - 60), start)):
            return Evidence(FigureClass.ENVIRONMENT, " ".join(applied.group(0).split()), "sentence")
        if SETTING_AFTER.match(text, end) is not None:
            return setting(SETTING_AFTER.match(text, end))
        if unit not in ("rate", "multiplier") and UP_TO.search(text, max(lo, start - 8), start):
            return setting(UP_TO.search(text, max(lo, start - 8), start))
        return None

    def closest(
        self, inline: InlineText, span: tuple[int, int], near_lo: int, unit: str
    ) -> Evidence | None:
        """Of the setting, other and metric words (and verbs of doing) before the figure
        within reach, the one closest to it decides."""
        start, _ = span
        text = inline.text
        candidates: list[tuple[int, Evidence]] = []
        for cls, pattern in ((FigureClass.SETTING, SETTING), (FigureClass.OTHER, OTHER)):
            if (found := self.near.last(inline, pattern, near_lo, start)) is not None:
                candidates.append((found[1], Evidence(cls, _squeeze(text, found), "sentence")))
        metric = SPACE_METRIC if unit == "size" else METRIC
        if (found := self.near.last(inline, metric, near_lo, start)) is not None:
            evidence = Evidence(
                FigureClass.CLAIM, _squeeze(text, found), "sentence", ClaimEvidence.METRIC
            )
            candidates.append((found[1], evidence))
        doing = {"duration": DURATION_VERB, "rate": RATE_VERB}.get(unit)
        if doing is not None and (did := doing.search(text, max(near_lo, start - 40), start)):
            evidence = Evidence(
                FigureClass.CLAIM, _squeeze(text, did.span()), "sentence", ClaimEvidence.METRIC
            )
            candidates.append((did.end(), evidence))
        if not candidates:
            return None
        return max(candidates, key=lambda candidate: candidate[0])[1]


def _squeeze(text: str, span: tuple[int, int]) -> str:
    return " ".join(text[span[0] : span[1]].split())


def _claim(text: str, span: tuple[int, int], kind: ClaimEvidence) -> Evidence:
    """A claim on the words at ``span`` of its sentence."""
    return Evidence(FigureClass.CLAIM, _squeeze(text, span), "sentence", kind)


_STEP_PREFIX = re.compile(r"(?:(?:step|part)\s+\d+\s*[:.)-]?\s*)?", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[,;:]|\b(?:and|which|then|see|until|so|when|while)\b")
_ANOTHER_FIGURE = re.compile(r"(?<![\d.,])\d[\d.,]*\s?[A-Za-zµμ%×]")


def _other_figure_near(text: str, span: tuple[int, int], lo: int, hi: int) -> bool:
    """Whether another number with a unit stands in ``text[lo:hi]`` besides ``span``."""
    return bool(
        _ANOTHER_FIGURE.search(text, lo, span[0]) or _ANOTHER_FIGURE.search(text, span[1], hi)
    )


def in_words(text: str, where: str, unit: str = "") -> Evidence | None:
    """The evidence in a piece of context that is not the figure's sentence (a row
    label, a column header, a lead-in, a heading): measured wording, then a target,
    example, setting, environment or other word, then a metric."""
    if (found := MEASURED.search(text) or RESULTS.search(text)) is not None:
        return Evidence(FigureClass.CLAIM, found.group(0), where, ClaimEvidence.MEASURED)
    for cls, pattern in (
        (FigureClass.EXAMPLE, EXAMPLE),
        (FigureClass.TARGET, TARGET),
        (FigureClass.SETTING, SETTING),
        (FigureClass.ENVIRONMENT, ENVIRONMENT),
        (FigureClass.OTHER, OTHER),
        *(((FigureClass.OTHER, READER),) if unit == "duration" else ()),
    ):
        if (found := pattern.search(text)) is not None:
            return Evidence(cls, found.group(0), where)
    found = METRIC.search(text)
    if (
        where == "heading"
        and found is not None
        and found[0].lower() == "take"
        and _STEP_PREFIX.fullmatch(text, 0, found.start())
    ):
        # "Take quantities instead", "Step 2: Take a snapshot": a task, not a duration.
        found = METRIC.search(text, found.end())
    if found is not None:
        return Evidence(FigureClass.CLAIM, found.group(0), where, ClaimEvidence.METRIC)
    if where == "column header" and (found := STATISTIC_HEADER.match(text)) is not None:
        return Evidence(FigureClass.CLAIM, found.group(0).strip(), where, ClaimEvidence.METRIC)
    return None
