"""What kind of number a performance figure is: a setting, a target, a reading time, an
example, or a measurement (the only kind that needs a source).

The words before the figure in its sentence, the words right after it, its column
header and, failing those, its section heading decide, in that order.
"""

from __future__ import annotations

import re

from mkdocs_diataxis.core.document import InlineText, Outline
from mkdocs_diataxis.core.figures.candidates import LONG_DURATIONS, Nearby, duration_unit

# Words before a figure that make it an example, not a claim: "For example, a model of
# 1 GB ...", "say 5 ms".
_EXAMPLE_WORDS = re.compile(
    r"\b(?:for example|for instance|e\.g\.|say\b|suppose|imagine|assum\w*|hypothetical\w*)",
    re.IGNORECASE,
)
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


def classify(
    near: Nearby,
    outline: Outline,
    inline: InlineText,
    match: re.Match[str],
    before: int,
    header: str,
) -> str:
    """The figure's kind from its column ``header``, the words from ``before`` up to
    it, the words right after it, and its section heading."""
    block = inline.block
    start, end = match.span()
    after = inline.text[end : end + 20]
    unit = duration_unit(match)
    if _INTENSITY.search(inline.text[before:start]) or _CONFIG_AFTER.match(after):
        return "config"
    if _CONFIG_WORDS.search(header) or near(inline, _CONFIG_WORDS, before, start):
        return "config"
    if unit in LONG_DURATIONS and _READING_AFTER.match(after):
        return "reading-time"
    # An example runs from "For example" to the end of its sentence, or through the
    # whole paragraph when the paragraph opens with it.
    if near(inline, _EXAMPLE_WORDS, before, start) or _EXAMPLE_WORDS.match(
        inline.text.lstrip()[:40]
    ):
        return "example"
    if (
        _TARGET_WORDS.search(header)
        or near(inline, _TARGET_WORDS, before, start)
        or _TARGET_AFTER.match(after)
    ):
        return "target"
    if unit in LONG_DURATIONS and (
        near(inline, _READING_WORDS, before, start) or _READING_WORDS.search(header)
    ):
        return "reading-time"
    for heading in outline.sections(block.line)[:1]:
        if _CONFIG_HEADING.search(heading.text):
            return "config"
        if _TARGET_HEADING.search(heading.text):
            return "target"
    return "measured"
