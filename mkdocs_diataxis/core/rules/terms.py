"""``terms/*``: forbidden terminology, and acronyms used before they are defined."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator, Sequence

from mkdocs_diataxis.core.capitals import (
    in_shouting,
    is_acronym,
    key_of,
    not_an_acronym_here,
    shipped_lists,
)
from mkdocs_diataxis.core.codenames import names_in_code, programs_in
from mkdocs_diataxis.core.context import PageContext
from mkdocs_diataxis.core.document import Block, Document, InlineText, one_line
from mkdocs_diataxis.core.document.model import PROSE_LEAVES, PageWide, prose_text
from mkdocs_diataxis.core.expansions import SpelledNames, defined_here
from mkdocs_diataxis.core.finding import Finding
from mkdocs_diataxis.core.rule import Example, Rule
from mkdocs_diataxis.core.termlist import TermEntry, TermMatcher

FORBIDDEN = Rule(
    "terms/forbidden",
    "warning",
    "A term from the terminology list: marketing, unsupported claims, or house style.",
    """The shipped list (plus `terms.file` and `terms.forbid`) names terms a docs team
has agreed not to use: marketing superlatives ("blazing fast", "revolutionary"),
claims nobody can check ("zero-downtime", "infinite scalability"), weasel
attributions ("research has shown"), and softer style words at info ("simply",
"just"). Matching ignores case and accepts hyphen, space or no space between words;
code, link targets, blockquotes and quoted titles are never checked. An entry's
exceptions ("zero-cost abstraction", "infinite loop") cancel a hit they overlap, and
its scope limits it to some categories.

Fix: use one of the suggested replacements, or describe the property with a figure
and its source.""",
    Example("index.md", b"# Home\n\nIt enables hot deployment and zero-downtime updates.\n"),
)
ACRONYM = Rule(
    "terms/acronym",
    "info",
    "An acronym is used before the page defines it.",
    """A reader new to the subject cannot look up "WASM" in your head. An acronym
(2 to 7 capitals or digits, plural "s" allowed) must be defined at or before its
first use on each page: `Full Name (ABC)` or `ABC (Full Name)` where the initials
spell it, an `*[ABC]: Full Name` abbreviation on the page, an entry of the
`acronyms.glossary` file, or the shipped list of well-known acronyms (API, CPU,
HTTP, JSON, URL, YAML...) plus `acronyms.known`. RFC 2119 keywords, Roman
numerals, units (MB, NS) and shouted words (NOT, NOTE) are not acronyms. One
finding per acronym per page, at its first use.

Info by default: whether a reader knows an acronym depends on who reads the site,
which no rule sees. On public doc sets, judges accepted about two findings in three
on the sites the rule was tuned on and one in three on sites it was not; most of the
rest were terms every reader of that site knows. `severity: {terms/acronym: warn}`
makes it fail `--strict`.

Fix: write `WebAssembly (WASM)` at first use, or add `*[WASM]: WebAssembly` to the
glossary; list a term every reader knows in `acronyms.known`.""",
    Example("reference/runtime.md", b"# Runtime\n\nModules compile to WASM.\n"),
)
RULES = (FORBIDDEN, ACRONYM)


# --- terms/forbidden -------------------------------------------------------------------


def check(ctx: PageContext) -> Iterator[Finding]:
    """Both terms rules."""
    yield from _forbidden(ctx)
    yield from _acronyms(ctx)


def _forbidden(ctx: PageContext) -> Iterator[Finding]:
    """One finding per hit of an entry that applies to the page's category."""
    doc, terms = ctx.doc, ctx.settings.terms
    if not terms.enabled or not terms.matchers or terms.exclude.match(doc.path):
        return
    found = ctx.page_state.get("terms/forbidden")
    if found is None:  # once for the whole page, however many sections it has
        found = ctx.page_state["terms/forbidden"] = _worth_reading(ctx)
    matchers, lines = found
    cited: dict[tuple[int, int], bool] = {}
    for block in doc.leaves_on(lines):
        if block.enclosing("blockquote"):
            continue
        inline = ctx.inline(block)
        for start, end, entry in _hits(inline.text, matchers):
            if not inline.is_prose(start, end):
                continue
            if _quoted(inline, start, end) or _excepted(inline.text, start, end, entry.exceptions):
                continue
            if entry.unless_cited and (
                _sentence_cites(inline, start, cited) or _compares_code(inline, start, end)
            ):
                continue
            if _titled(doc, inline, block, start):
                continue
            line, column = inline.position(start)
            text = inline.source_text(start, end, doc.lines)
            shown = one_line(text)
            replacements = " or ".join(f'"{r}"' for r in entry.replacements)
            yield Finding(
                rule=FORBIDDEN.id,
                severity="warning" if entry.severity == "warn" else "info",
                path=doc.path,
                line=line,
                column=column,
                text=text,
                message=f'"{shown}": {entry.reason}'
                if entry.reason
                else f'"{shown}" is on the list',
                suggestion=f"use {replacements} instead" if replacements else "rephrase",
            )


def _worth_reading(ctx: PageContext) -> tuple[list[TermMatcher], Sequence[int]]:
    """The entries worth running on the page and the lines (sorted) where they may hit.

    A hit holds one of its entry's triggers in the source, so one scan of the page
    finds the entries worth running and the lines worth reading; blocks elsewhere never
    build their text for this rule. The scan reads the page lowered a chunk of lines at
    a time (triggers never hold a line break): lowered whole, a large page beyond
    Latin-1 took twice its size again for a moment."""
    doc = ctx.doc
    applicable = [m for m in ctx.settings.terms.matchers if m.entry.applies_to(ctx.category)]
    triggers = list(dict.fromkeys(t for m in applicable for t in m.triggers or ()))
    present: set[str] = set()
    lines: set[int] = set()
    for first_line, lower in _lowered_chunks(doc.text) if triggers else ():
        first = {trigger: lower.find(trigger) for trigger in triggers}
        present.update(trigger for trigger, at in first.items() if at >= 0)
        shown = [trigger for trigger in triggers if first[trigger] >= 0]
        lines.update(first_line + line for line in _trigger_lines(lower, shown, first))
    matchers = [
        m for m in applicable if m.triggers is None or any(t in present for t in m.triggers)
    ]
    if any(m.triggers is None for m in matchers):  # a /regex/ entry: any line may hit
        return matchers, range(1, len(doc.lines) + 1)
    return matchers, sorted(lines)


_NEWLINE = re.compile("\n")


def _trigger_lines(lower: str, triggers: list[str], first: dict[str, int]) -> set[int]:
    """The 1-based lines of ``lower`` on which any of ``triggers`` stands.

    Triggers are words, never holding a line break, so a line holds a hit's trigger
    exactly when one of these searches finds it there. A search skips to the next line
    once it has found its line: a common trigger ("just") costs a search per line that
    holds it, not per occurrence. (One regular expression of the page's triggers found
    the same lines, but had to be compiled for each new set of entries.)"""
    newlines = [match.start() for match in _NEWLINE.finditer(lower)]
    lines: set[int] = set()
    for trigger in dict.fromkeys(triggers):
        if not trigger:  # an empty trigger stands everywhere (none is ever made)
            return set(range(1, len(newlines) + 2))
        at = first[trigger]
        while at >= 0:
            index = bisect.bisect(newlines, at)  # newlines before: the 0-based line
            lines.add(index + 1)
            if index == len(newlines):
                break
            at = lower.find(trigger, newlines[index] + 1)
    return lines


# Characters a reader does not see: soft hyphen, zero-width space and joiners, direction
# marks, embeddings, overrides and isolates, word joiner, zero-width no-break space.
# "zero\u200b-downtime" reads as "zero-downtime" and must be caught as it.
_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


_LOWER_CHUNK = 65_536


def _lowered_chunks(text: str) -> Iterator[tuple[int, str]]:
    """``text`` lowered and made visible (see `_INVISIBLE`), a chunk of whole lines at a
    time, each with the number of lines before it: for text beyond Latin-1,
    ``str.lower`` takes a buffer of 12 bytes per character (three code points of four
    bytes each, the most a character can lower to), 6 times a 1 MB page's own size."""
    start = 0
    lines = 0
    while True:
        end = text.find("\n", start + _LOWER_CHUNK)
        end = len(text) if end < 0 else end + 1
        chunk = _visible(text[start:end].lower())
        yield lines, chunk
        if end >= len(text):
            return
        lines += chunk.count("\n")
        start = end


def _visible(text: str) -> str:
    return _INVISIBLE.sub("", text) if _INVISIBLE.search(text) else text


def _hits(text: str, matchers: list[TermMatcher]) -> list[tuple[int, int, TermEntry]]:
    """Every entry's hits, in order, as offsets in ``text``; invisible characters are
    looked through (a hit spans them)."""
    if _INVISIBLE.search(text) is None:
        return _visible_hits(text, matchers)
    kept = [index for index, char in enumerate(text) if not _INVISIBLE.match(char)]
    visible = "".join(text[index] for index in kept)
    return [
        (kept[start], kept[end - 1] + 1, entry)
        for start, end, entry in _visible_hits(visible, matchers)
    ]


def _visible_hits(text: str, matchers: list[TermMatcher]) -> list[tuple[int, int, TermEntry]]:
    """Every entry's hits, in order; where two overlap the longer (then earlier) wins,
    so "infinite scalability" is one hit, not also "infinite"."""
    lower = text.lower()
    found = [
        (match.start(), match.end(), matcher.entry)
        for matcher in matchers
        if matcher.may_match(lower)
        for match in matcher.regex.finditer(text)
    ]
    found.sort(key=lambda hit: (hit[0], -(hit[1] - hit[0])))
    kept: list[tuple[int, int, TermEntry]] = []
    for hit in found:
        if kept and hit[0] < kept[-1][1]:
            continue
        kept.append(hit)
    return kept


_EXCEPTION_REACH = 120
"""Characters on each side of a hit that exception patterns may look at."""


def _excepted(text: str, start: int, end: int, exceptions: tuple[re.Pattern[str], ...]) -> bool:
    lo = max(0, start - _EXCEPTION_REACH)
    window = text[lo : end + _EXCEPTION_REACH]
    for pattern in exceptions:
        for match in pattern.finditer(window):
            if match.start() + lo < end and match.end() + lo > start:
                return True
    return False


# A citation in the sentence: a URL or a footnote reference (links are checked apart).
_CITATION_TEXT = re.compile(r"https?://|\[\^[^\]\s]{1,60}\]")


def _sentence_cites(inline: InlineText, start: int, known: dict[tuple[int, int], bool]) -> bool:
    """Whether the hit's sentence, or the one after it ("... among the fastest. [Learn
    more](why.md#performance)"), links or footnotes a source; ``known`` keeps the
    answer per sentence, so many hits in one long sentence cost one search."""
    sentence_start, sentence_end = inline.sentence(start)
    if sentence_end < len(inline.text):
        sentence_end = inline.sentence(sentence_end)[1]
    key = (id(inline), sentence_start)
    if key not in known:
        known[key] = inline.has_link(sentence_start, sentence_end) or bool(
            _CITATION_TEXT.search(inline.text, sentence_start, sentence_end)
        )
    return known[key]


_BEFORE_COMPARISON = re.compile(r"(?:\s+(?:is|are|be|was|were))?\s+\Z")
_AFTER_COMPARISON = re.compile(r"\s+(?:or equal to\s+)?")


def _compares_code(inline: InlineText, start: int, end: int) -> bool:
    """Whether a comparison stands between two values in code: "when `start` is
    superior to `end`" compares values, not products."""
    text = inline.text
    before = _BEFORE_COMPARISON.search(text, max(0, start - 12), start)
    after = _AFTER_COMPARISON.match(text, end)
    if before is None or after is None or before.start() == 0 or after.end() >= len(text):
        return False
    return not inline.is_prose(before.start() - 1, before.start()) and not inline.is_prose(
        after.end(), after.end() + 1
    )


# A column of titles: what stands in it is the title of an article, talk or post.
_TITLE_COLUMN = re.compile(r"(?:talk|article|post|paper|session|video)?\s*(?:title|name)s?\Z", re.I)
# A label that reads as a title: three or more words, most of them capitalised.
_TITLE_WORD = re.compile(r"[A-Za-z][\w'-]*")


# What introduces a title: "Add external link to article: Seamless FastAPI
# Configuration with ConfZ", the capitalised words of the title up to the hit.
_TITLE_INTRO = re.compile(
    r"\b(?:article|talk|post|podcast|video|book|paper|episode|webinar)s?\s*[:—–-]\s*"
    r"[\"“]?(?:[A-Z0-9][\w'-]*\s+){0,8}\Z"
)


def _titled(doc: Document, inline: InlineText, block: Block, start: int) -> bool:
    """Whether the hit is part of a title: a cell of a Title column, a link label
    written as a title ("[Creating a Production Ready API with ...](...)"), or a title
    right after "article:" or "talk:"."""
    if _TITLE_INTRO.search(inline.text, max(0, start - 120), start):
        return True
    if block.kind == "table_cell":
        table = block.enclosing("table")
        for found in doc.tables:
            if found.block is table:
                header = found.header
                if block.index < len(header) and _TITLE_COLUMN.match(
                    header[block.index].text.strip()
                ):
                    return True
                break
    words = _TITLE_WORD.findall(inline.link_label(start))
    capitals = sum(1 for word in words if word[0].isupper())
    return len(words) >= 3 and capitals * 5 >= len(words) * 3


def _quoted(inline: InlineText, start: int, end: int) -> bool:
    """Whether the hit stands inside double quotes in its sentence ("a quoted title")."""
    sentence_start, sentence_end = inline.sentence(start)
    before = inline.quotes(sentence_start, start)
    return before % 2 == 1 and inline.quotes(end, sentence_end) > 0


# --- terms/acronym ---------------------------------------------------------------------

# An acronym candidate: 2-7 capitals or digits starting with a capital, optional plural
# "s". Matches "WASM", "HTTP2", "APIs"; not "Wasm", "x86", "/API" (a path), "P99" and
# "V2" (fewer than two capitals, filtered after matching), nor the "FFFD" of "U+FFFD"
# (a Unicode code point).
_CANDIDATE = re.compile(r"(?<![\w/.\-@+])[A-Z][A-Z0-9]{1,6}s?(?![\w*]|[.\-][A-Z0-9])")
# HTML's own definition, right before the acronym: <abbr title="...">GTD</abbr>.
_ABBR_TAG = re.compile(r"<abbr\s[^>]*\btitle\s*=\s*[\"'][^\"']+[\"'][^>]*>\Z", re.I)
# Every run of capitals and digits starting with a capital, with a plural "s": the raw
# scan behind the acronym pre-filter. Matches "WASM", "HTTP2", "APIs" and the "XMLH" of
# "XMLHttp"; every candidate above stands inside one of these runs.
_CAPITALS = re.compile(r"[A-Z][A-Z0-9]+s?")


def _acronyms(ctx: PageContext) -> Iterator[Finding]:
    """``terms/acronym`` at the first use of each acronym not defined by then."""
    doc, acronyms = ctx.doc, ctx.settings.acronyms
    if not acronyms.enabled or acronyms.exclude.match(doc.path):
        return
    lists = shipped_lists()
    known = lists.known | {item.upper() for item in acronyms.known}
    defined = {term.upper() for term in acronyms.glossary}
    defined |= {abbreviation.term.upper() for abbreviation in doc.abbreviations}
    defined |= acronyms.site_defined
    # Acronyms already met: on a large page, in this section or an earlier one.
    seen: set[str] = ctx.page_state.setdefault("terms/acronym seen", set())
    in_code: list[frozenset[str]] = []

    def named_in_code() -> frozenset[str]:
        """The capitals the page's code uses, found at the first need: inline code and
        code blocks in a language, comments left out (a diagram or a comment is prose)."""
        if not in_code:
            in_code.append(names_in_code(doc.code))
        return in_code[0]

    programs: list[frozenset[str]] = []

    def run_or_imported() -> frozenset[str]:
        """The tools and packages the page's code runs or imports, found at the first
        need: "uv" of ``uv pip sync``, "httpx" of ``import httpx``."""
        if not programs:
            programs.append(programs_in(doc.code))
        return programs[0]

    names: list[SpelledNames] = []

    def spelled() -> SpelledNames:
        """The page's prose blocks, for names spelled out, made at the first need."""
        if not names:
            # The front matter's title and description head the page as readers see it.
            shown = [
                (0, value)
                for value in (doc.meta.get("title"), doc.meta.get("description"))
                if isinstance(value, str)
            ]
            earlier = doc.page.earlier_prose if doc.page is not None else []
            names.append(
                SpelledNames(
                    shown
                    + earlier
                    + [
                        (block.line, prose_text(block))
                        for block in doc.blocks
                        if block.items and block.kind in PROSE_LEAVES
                    ]
                )
            )
        return names[0]

    def unknown(word: str) -> bool:
        key = key_of(word)
        return key not in defined and key not in known and is_acronym(key, lists)

    # Only lines whose raw text holds a run of capitals that is not known can hold a
    # finding: markup never splits a run of capitals, so the run of any acronym in a
    # block's text stands whole in its source line.
    lines = ctx.page_state.get("terms/acronym lines")
    if lines is None:  # once for the whole page, however many sections it has
        lines = sorted(_lines_with_runs(doc.text, unknown))
        ctx.page_state["terms/acronym lines"] = lines
    for block in doc.leaves_on(lines):
        inline = ctx.inline(block)
        for match in _CANDIDATE.finditer(inline.text):
            word = match.group(0)
            base = word[:-1] if word.endswith("s") else word
            key = key_of(word)
            if key in seen or key in defined or key in known or not is_acronym(key, lists):
                continue
            start, end = match.span()
            if not inline.is_prose(start, end) or _quoted(inline, start, end):
                continue
            if in_shouting(inline.text, start) or not_an_acronym_here(block, inline, match, lists):
                continue
            if base in named_in_code() or base.lower() in run_or_imported():
                continue  # a command, keyword or value the page's code uses: "SCAN ... MATCH"
            seen.add(key)
            # A link labelled with the acronym lets the reader look it up: that defines it.
            if inline.link_at(start) is not None or defined_here(inline.text, start, end, key):
                continue
            line, column = inline.position(start)
            if _ABBR_TAG.search(doc.lines[line - 1], 0, max(0, column - 1)):
                continue  # <abbr title="Getting Things Done">GTD</abbr> defines it
            if spelled().before(block.line, inline.text[:start], key):
                continue  # "Text User Interfaces" earlier on the page
            yield ACRONYM.at(
                doc,
                line,
                column,
                word,
                f'"{base}" is used before it is defined on this page',
                f'write the full name with "({base})" after it at first use, or add'
                f' "*[{base}]: Full name" to the page or to the acronyms glossary; if every'
                " reader knows it, list it in acronyms.known",
            )
    if doc.page is not None and lines:
        # A large page's code in later sections may name an acronym flagged here: what
        # every section's code names decides at the end (`settle`).
        ctx.page_state.setdefault("terms/acronym code", set()).update(named_in_code())
        ctx.page_state.setdefault("terms/acronym programs", set()).update(run_or_imported())


def settle(page: PageWide, findings: list[Finding]) -> list[Finding]:
    """The findings of a large page's sections, less the acronyms that code in a later
    section names: a section reads only its own code, and a code name is never flagged,
    wherever on the page the code is."""
    names = page.derived.get("terms/acronym code", set())
    programs = page.derived.get("terms/acronym programs", set())
    kept = []
    for finding in findings:
        if finding.rule == ACRONYM.id:
            base = finding.text[:-1] if finding.text.endswith("s") else finding.text
            if base in names or base.lower() in programs:
                continue
        kept.append(finding)
    return kept


def _lines_with_runs(text: str, unknown: Callable[[str], bool]) -> set[int]:
    """The 1-based lines of ``text`` holding a run of capitals (`_CAPITALS`) that is
    ``unknown``. A run never holds a line break, so the runs of the whole text are
    those of its lines; each distinct run is judged once, and the lines are only
    looked for when some run is unknown (on most pages none is)."""
    runs = [run for run in set(_CAPITALS.findall(text)) if unknown(run)]
    if not runs:
        return set()
    wanted = frozenset(runs)
    newlines = [match.start() for match in _NEWLINE.finditer(text)]
    return {
        bisect.bisect(newlines, match.start()) + 1
        for match in _CAPITALS.finditer(text)
        if match.group(0) in wanted
    }
