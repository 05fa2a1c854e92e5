"""What a performance figure looks like, and whether the words around a figure-shaped
match make it one: "23%" only near a word about performance, "512 MB" only near one
about memory use, "3 minutes" only next to a verb of running or timing."""

from __future__ import annotations

import bisect
import re

from mkdocs_diataxis.core.document import Block, InlineText, Span

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
FIGURE = re.compile(
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
NOT_A_FIGURE = re.compile(
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
LONG_DURATIONS = frozenset({"min", "mins", "minute", "minutes", "hour", "hours", "hr", "hrs"})
_DIGIT = re.compile(r"\d")


def could_hold_figure(block: Block) -> bool:
    """Cheap pre-filter: every figure has a digit in the block's prose."""
    return any(isinstance(item, Span) and _DIGIT.search(item.text) for item in block.items)


class Nearby:
    """Whether a pattern matches near a place in a block's text, each pattern run once
    over a block rather than once per figure, so that a block with thousands of figures
    stays linear."""

    def __init__(self) -> None:
        self._hits: dict[tuple[int, str], list[tuple[int, int]]] = {}

    def __call__(self, inline: InlineText, pattern: re.Pattern[str], lo: int, hi: int) -> bool:
        """Whether ``pattern`` matches wholly inside ``inline.text[lo:hi]``."""
        key = (id(inline.block), pattern.pattern)
        hits = self._hits.get(key)
        if hits is None:
            hits = self._hits[key] = [m.span() for m in pattern.finditer(inline.text)]
        index = bisect.bisect_left(hits, (lo, -1))
        return index < len(hits) and hits[index][1] <= hi


def in_context(near: Nearby, inline: InlineText, match: re.Match[str], lo: int, hi: int) -> bool:
    """Whether a figure-shaped match is a performance figure, given the words in
    ``inline.text[lo:hi]`` around it."""
    multiplier = match.group("multiplier") or ""
    if match.group("percent") or multiplier in ("x", "×"):
        return near(inline, _PERFORMANCE_CONTEXT, lo, hi)
    if match.group("size"):
        return near(inline, _MEMORY_CONTEXT, lo, hi)
    unit = duration_unit(match)
    if unit in LONG_DURATIONS:
        return near(inline, _LONG_CONTEXT, lo, hi)
    if unit == "s" and _STATUS_PLURAL.search(match.group(0)):
        return not near(inline, _STATUS_CONTEXT, lo, hi)
    return True


def duration_unit(match: re.Match[str]) -> str:
    """The duration unit of a figure match, lower case (``""`` when it is no duration)."""
    return (match.group("duration") or "").strip().lower()
