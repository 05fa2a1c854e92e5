"""What a candidate performance figure looks like: a number with a performance unit or
a comparison ("286ns", "6.12M msg/sec", "3x faster", "23%", "512 MB", "sub-200ms",
"x3.7 less", "twice as long"), never a version, date, status code or dimension.

A candidate is not yet a claim: `evidence` decides that from the words around it.
"""

from __future__ import annotations

import re

from mkdocs_diataxis.core.document import Block, Span

_SPACE = "[ \u00a0\u2009\u202f]"  # space, no-break space, thin space, narrow no-break space
# 1,234,567.8 / 1 234 (space, no-break or thin space separators) / 12.5
_NUMBER = r"\d{1,3}(?:[, \u00a0\u2009\u202f]\d{3}(?!\d))+(?:\.\d+)?|\d+(?:\.\d+)?"
_COMPARATIVE = (
    r"faster|slower|quicker|speedup|speed-up|improvement|better|worse|higher|lower|more|less"
    r"|fewer|smaller|larger|bigger|throughput|reduction|increase|decrease|cheaper"
)
# A figure with a number. Matches "286ns", "1.49 µs", "~3 ms", "<100μs", "10-50 µs",
# "6.12M msg/sec", "833k ops/sec", "2.65 million spawns/sec", "10,000 req/s", "4.2M
# queries per second", "120 MB/s", "10 Gbps", "3x faster", "10× improvement", "23%",
# "512 MB", the "200ms" of "sub-200ms", the "x3.7" of "x3.7 less throughput".
# Not "v1.2.3", "x86", "4x4", "0x1F", "Python 3.11", "404", "step 3" (no unit, or
# glued to a word, version or path).
FIGURE = re.compile(
    rf"""
    (?=[\d~≈≤≥<>x×])  # what a figure starts with: most positions fail here, at once
    (?:(?<=\bsub-)|(?<![\w.,/\-]))
    (?<!\d[ \u00a0\u2009\u202f])  # inside "1 000 000": only its first digit starts one
    (?P<approx>(?:[~≈≤≥]|[<>]=?){_SPACE}?)?
    (?:
        (?P<prefixed>[x×](?P<factor>\d+(?:\.\d+)?)(?={_SPACE}(?:{_COMPARATIVE})\b))
        |
        (?P<number>{_NUMBER})
        (?:{_SPACE}?[-–]{_SPACE}?(?:{_NUMBER})|{_SPACE}to{_SPACE}(?:{_NUMBER}))?
        (?P<scale>{_SPACE}?(?:[kKMGB](?![A-Za-z])|{_SPACE}?(?:thousand|million|billion)\b))?
        {_SPACE}?
        (?:
            (?P<rate>(?:[A-Za-z]{{1,15}}{_SPACE}?)?/{_SPACE}?(?:s|sec|second)\b
                |(?:[A-Za-z]{{1,15}}{_SPACE})?per{_SPACE}(?:second|sec)\b
                |[KMGT]?bps\b|[KMGT]bit/s\b|(?:QPS|IOPS|RPS|TPS|qps|rps)\b)
            |(?P<duration>(?:ns|nanoseconds?|[µμ]s|us|microseconds?|ms|milliseconds?|secs?
                |seconds?|s|mins?|minutes?|hours?|hrs?)(?![\w/]))
            |(?P<multiplier>(?:[x×X]|{_SPACE}times){_SPACE}?(?:{_COMPARATIVE})\b
                |[x×X](?![\w×])(?!{_SPACE}?\d))
            |(?P<percent>%|{_SPACE}percent\b)
            |(?P<size>(?:[KMGT]i?B|kB|bytes?)(?!\w)(?!/{_SPACE}?(?:s|sec|second)\b))
        )
    )
    """,
    re.VERBOSE,
)
# A comparison written in words: "twice as long", "half the memory", "an order of
# magnitude faster", "orders of magnitude less"; not "twice a month" or "half of the
# pods" (no performance comparative follows).
WORD_FIGURE = re.compile(
    r"\b(?:twice|thrice|half)(?=\s{1,3}(?:as\s{1,3}(?:long|fast|slow|quick|much|large|big"
    r"|small|efficient)|the\s{1,3}(?:memory|time|latency|speed|throughput|cost|cpu)))"
    r"|\b(?:an?\s{1,3})?orders?\s{1,3}of\s{1,3}magnitude\b"
    r"(?=\s{1,3}(?:faster|slower|quicker|smaller|larger|less|more|fewer|higher|lower"
    r"|of\s{1,3}the\s{1,3}(?:milli|micro|nano)?second))",
    re.IGNORECASE,
)
# Things shaped like figures that are not: decades ("1990s", "the 90s"), "10s of MB" and
# "1000s of widgets" (tens, thousands of) and "100%" meaning "entirely" (but "100%
# faster" is a figure).
NOT_A_FIGURE = re.compile(
    r"(?:1[89]|20)\d0s\b|\d*0s\s+of\b|(?<=the\s)\d0s\b|(?<=')\d0s\b"
    rf"|100{_SPACE}?%(?!{_SPACE}?(?:faster|slower|quicker|more|less|higher|lower))"
)
# HTTP status codes in the plural ("ignore 403s", "retry on 5xx") read like durations.
_STATUS_PLURAL = re.compile(r"[1-5]\d\ds\Z")
_STATUS_CONTEXT = re.compile(
    r"\b(?:http|status|errors?|responses?|returns?|codes?|ignor\w*|servers?|requests?)\b",
    re.IGNORECASE,
)
_DIGIT = re.compile(r"\d")


def has_word_hint(text: str) -> bool:
    """Whether ``text`` holds a word a comparison in words needs ("twice", "thrice",
    "half", "magnitude"): a cheap test before `WORD_FIGURE` (substring tests beat a
    case-insensitive regular expression several times over)."""
    lowered = text.lower()
    return (
        "twice" in lowered or "half" in lowered or "magnitude" in lowered or ("thrice" in lowered)
    )


def could_hold_figure(block: Block) -> bool:
    """Cheap pre-filter: every figure has a digit, or a word of comparison, in the
    block's prose.

    One test of the span texts joined by line breaks, as good as one per span: no
    digit or hint word holds a line break, so none straddles two spans, and lower
    case turns no letter into an ASCII one depending on its neighbours."""
    prose = "\n".join([item.text for item in block.items if isinstance(item, Span)])
    return _DIGIT.search(prose) is not None or has_word_hint(prose)


def not_a_figure(text: str, match: re.Match[str]) -> bool:
    """Whether a figure-shaped match is a decade, "tens of", "100%" as "entirely", or an
    HTTP status code in the plural."""
    groups = match.groupdict()
    if groups.get("number") and NOT_A_FIGURE.match(text, match.start("number")):
        return True
    if groups.get("duration") == "s" and _STATUS_PLURAL.search(match.group(0)):
        lo, hi = max(0, match.start() - 80), match.end() + 80
        return _STATUS_CONTEXT.search(text, lo, hi) is not None
    return False
