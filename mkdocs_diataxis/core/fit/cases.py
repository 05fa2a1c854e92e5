"""The two cases `content/fit` reports, decided on content that makes the case by
itself (see ``core/rules/content.py`` for why): a page made of entries to look up,
and a page made of directions for tasks. Each is found first by a cheap pass over
the page (`case_signals`); only a page whose content makes a case is read for all
its signals and scored, and a page that scores highest as its own category is not
reported."""

from __future__ import annotations

from mkdocs_diataxis.core.document import Document
from mkdocs_diataxis.core.fit.reading import Evidence, Reading, read, reading_of, shown
from mkdocs_diataxis.core.fit.signals import PageSignals, case_signals

FEWEST_WORDS = 100
"""A shorter page is never reported: three entries or two directions on a stub are
not what a page is made of (and a page of code has few words of prose)."""
LOOKUP_SHARE = 1 / 3
FEWEST_ENTRIES = 3
"""The least share of a page's words in entries to look up, and the fewest entries,
to report it as reference."""
FEWEST_DIRECTIONS = 2
WORDS_PER_DIRECTION = 250
"""The fewest directions for tasks, and the most words per direction on average, to
report a page as a how-to guide."""
DIRECTED_FROM = ("reference", "explanation")
"""The categories a page may be filed in to be reported as reading as a how-to guide."""


def case_for(signals: PageSignals, category: str) -> tuple[str, Evidence] | None:
    """What a page filed as ``category`` with ``signals`` is made of, if another
    category's content makes the case, and the content that shows it."""
    if signals.words < FEWEST_WORDS:
        return None
    entries = signals.body["lookup-entries"]
    if (
        category != "reference"
        and entries.count >= FEWEST_ENTRIES
        and signals.lookup_words >= LOOKUP_SHARE * signals.words
    ):
        return "reference", shown(signals, "lookup-entries")
    directions = signals.body["directions"].count
    if (
        category in DIRECTED_FROM
        and directions >= FEWEST_DIRECTIONS
        and directions * WORDS_PER_DIRECTION >= signals.words
    ):
        return "how-to", shown(signals, "directions")
    return None


def reported_case(reading: Reading, category: str) -> tuple[str, Evidence] | None:
    """`case_for` on a page read in full, unless the page is not in English or its
    signals score ``category`` highest."""
    if not reading.in_english or reading.category == category:
        return None
    return case_for(reading.signals, category)


def read_if_case(doc: Document, title: str, category: str | None) -> Reading | None:
    """``doc`` (titled ``title``, filed as ``category``) read in full when its content
    makes a case against its category; else ``None``."""
    if category is None or case_for(case_signals(doc), category) is None:
        return None
    return read(doc, title)


def reading_if_case(signals: PageSignals, category: str | None) -> Reading | None:
    """`read_if_case` for a page whose signals were read already (a large page, read a
    section at a time)."""
    if category is None or case_for(signals, category) is None:
        return None
    return reading_of(signals)
