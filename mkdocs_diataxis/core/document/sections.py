"""Cutting a large page into sections that markdown-it parses one at a time, with the
tokens it would give for the whole page (see `TokenWalk.build`)."""

from __future__ import annotations

import re

SECTION_CHARS = 200_000
"""Pages longer than this are parsed in sections of about this size (`sections`)."""

_SPLIT_HEADING = re.compile(r"#{1,6}(?:[ \t]|$)")
_FENCE_OPEN = re.compile(r" {0,3}(?:(`{3,})(?!.*`)|(~{3,}))")
_HTML_OPEN = re.compile(
    r" {0,3}<(?:(script|pre|style|textarea)(?:[\s>]|$)|(!--)|(\?)|(!\[CDATA\[)|(![A-Za-z]))",
    re.I | re.A,  # "ſ" is not an "s" to CommonMark
)
_HTML_CLOSE = {
    1: re.compile(r"</(?:script|pre|style|textarea)>", re.I | re.A),
    2: re.compile("-->"),
    3: re.compile(r"\?>"),
    4: re.compile(r"\]\]>"),
    5: re.compile(">"),
}
"""The HTML blocks only their end closes (CommonMark's kinds 1 to 5), by the group of
`_HTML_OPEN` that opened them."""


def sections(text: str, size: int) -> list[tuple[int, int, int]]:
    """``text`` cut into sections of about ``size`` characters that markdown-it parses
    as it parses the whole: (first line index, start offset, end offset) of each.

    A section starts at an ATX heading at the start of a line, after a blank line, and
    outside a fenced code block or an HTML block that only its end closes (``<pre>``,
    ``<!--``...): there every block CommonMark can hold open has ended (a list, a
    quote, a table, a paragraph, indented code, an HTML block that ends at a blank
    line), so the tokens are the same, line numbers apart. Where it is unsure (a fence
    inside a list item) it does not cut, which is always safe. A text of ``size`` or
    less is one section."""
    if len(text) <= size:
        return [(0, 0, len(text))]
    parts: list[tuple[int, int, int]] = []
    first_line, start = 0, 0
    fence: str | None = None  # the run that opened a fenced code block
    html: re.Pattern[str] | None = None  # what closes an open HTML block
    blank = True
    offset = 0
    index = 0
    while offset <= len(text):
        newline = text.find("\n", offset)
        end = len(text) if newline < 0 else newline
        line = text[offset:end]
        if fence is not None:
            # A closing fence as markdown-it reads one: indented less than four columns
            # (a tab counts to the next multiple of four), at least as long as the
            # opening, and nothing but spaces and tabs after it.
            body = line.lstrip(" \t")
            indent = len(line[: len(line) - len(body)].expandtabs(4))
            run = len(body) - len(body.lstrip(fence[0]))
            if indent <= 3 and run >= len(fence) and not body[run:].strip(" \t"):
                fence = None
        elif html is not None:
            if html.search(line):
                html = None
        else:
            if blank and offset - start >= size and _SPLIT_HEADING.match(line):
                parts.append((first_line, start, offset))
                first_line, start = index, offset
            if (opening := _FENCE_OPEN.match(line)) is not None:
                fence = opening.group(1) or opening.group(2)
            elif (tag := _HTML_OPEN.match(line)) is not None:
                closer = _HTML_CLOSE[tag.lastindex or 5]
                if not closer.search(line):  # "<!-->" opens and closes
                    html = closer
        blank = not line.strip()
        offset = end + 1
        index += 1
    parts.append((first_line, start, len(text)))
    return parts
