"""What counts as a citation of a performance figure (SPEC 4.2): a link to where it comes
from, a footnote that exists, a source or benchmark file, a benchmark id, a project's own
pattern, or a phrase such as "according to" or "measured on". Vague words ("benchmarks
show", "(measured)") are none, and neither is a link that cannot be a source: an anchor
on the same page, a release or package page, another page of the docs that does not
speak of benchmarks or results."""

from __future__ import annotations

import re
from collections.abc import Collection

from mkdocs_diataxis.core.document import InlineText

# Bare URLs. Matches "https://example.org/bench"; not "example.org" alone.
_URL = re.compile(r"\bhttps?://[^\s<>()\[\]]+")
_FOOTNOTE_REF = re.compile(r"\[\^([^\]\s]{1,60})\]")
# A word with a dot that may be a file name (extension checked afterwards); keeps ::, #
# and : suffixes. It starts only where a word starts, so a run of 20,000 digits is read
# once, not once per digit.
_TOKEN = re.compile(r"(?<![\w/:#.-])[\w/:#-]*\.[\w./:#-]+")
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
SOURCE_PHRASE = re.compile(
    r"\b(?:sources?:|according to\b|benchmarked (?:with|on|using|by|in)\b"
    r"|measured (?:on|with|in|using)\b(?!\s+(?:nano|micro|milli)?seconds?\b"
    r"|\s+(?:ns|us|µs|ms|bytes|percent)\b))",
    re.IGNORECASE,
)
# A page that holds benchmarks or their results, named in a link's target: "BENCHMARKS.md",
# "perf/results.html", "reports/2024-q3"; for links to other
# pages of the same docs, which otherwise explain, list or configure.
_SOURCE_TARGET = re.compile(
    r"bench|result|measur|report|paper|study|pull/|issues/"
    r"|commit/|discussions/|arxiv|doi\.org",
    re.IGNORECASE,
)
# A link that names what a figure is compared with, not where it comes from: "100x
# faster than [Flake8](https://flake8.pycqa.org/)".
_COMPARED_WITH = re.compile(
    r"\b(?:than|vs\.?|versus|compared (?:to|with)|relative to)\s{1,3}(?:the\s{1,3})?\Z", re.I
)
# A release page names a version, and a package index page where to get it, not where a
# figure comes from.
_RELEASE_TARGET = re.compile(
    r"/releases/(?:tag/)?|/tags?/v?\d|/changelog|pypi\.org/project|npmjs\.com/package"
    r"|crates\.io/crates|pkg\.go\.dev|rubygems\.org/gems",
    re.IGNORECASE,
)


def is_source_link(target: str, page: str) -> bool:
    """Whether a link can say where a figure comes from: not an anchor on the same page,
    not a release or tag page, and, for a page of the same docs, one whose address
    speaks of benchmarks or results (a link to the CLI reference is no source)."""
    if not target or target.startswith("#") or _RELEASE_TARGET.search(target):
        return False
    external = "://" in target or target.startswith(("//", "mailto:"))
    if external:
        return True
    return _SOURCE_TARGET.search(target) is not None or page.rsplit("/", 1)[-1] == target


def citation_in(
    inline: InlineText,
    start: int,
    stop: int,
    *,
    page: str,
    footnotes: Collection[str],
    patterns: tuple[re.Pattern[str], ...],
) -> str | None:
    """What in ``inline.text[start:stop]`` names where to find a source: a link, a
    footnote (one of ``footnotes``), a file, a benchmark id or one of the project's
    ``patterns``; ``None`` when nothing does. ``page`` is the page's own path."""
    for offset, link in inline.links_in(start, stop):
        if is_source_link(link.target, page) and not _COMPARED_WITH.search(
            inline.text, max(start, offset - 20), offset
        ):
            return link.target
    text = inline.text[start:stop]
    if (found := _URL.search(text) or _BENCH_ID.search(text)) is not None:
        return found.group(0).rstrip(".,;:")
    for match in _FOOTNOTE_REF.finditer(text):
        if match.group(1) in footnotes:
            return match.group(0)
    if _BENCH_WORD.search(text) and (test := _TEST_ID.search(text)) is not None:
        return test.group(0)
    for token in _TOKEN.finditer(text):
        if _is_source_file(token.group(0)):
            return token.group(0).rstrip(".:,")
    for code in inline.codes_in(start, stop):
        if _BENCH_WORD.search(code.text):
            return code.text
    for pattern in patterns:
        if (found := pattern.search(text)) is not None:
            return found.group(0)
    return None


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
