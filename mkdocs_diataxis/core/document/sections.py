"""Cutting a large page into sections that markdown-it parses one at a time, with the
tokens it would give for the whole page (see `TokenWalk.build`)."""

from __future__ import annotations

import re
from collections.abc import Callable

from markdown_it.token import Token

from mkdocs_diataxis.core.document.markdown import BLOCKS

SECTION_CHARS = 200_000
"""Pages longer than this are parsed in sections of about this size (`sections`)."""

_REACH = 20_000
"""How far past a section's size its block-level pass first reads to find a heading
to cut at; it reads twice as far each time it finds none."""

_NEWLINE = re.compile("\n")

Reader = Callable[[int, list[Token]], None]
"""Called with each section's first line and its block-level tokens (line numbers
counted from the section's start, link reference definitions as ``definition``
tokens), in order."""


def sections(text: str, size: int, read: Reader | None = None) -> list[tuple[int, int, int]]:
    """``text`` cut into sections of about ``size`` characters that markdown-it parses
    as it parses the whole: (first line index, start offset, end offset) of each.

    A section starts at an ATX heading that markdown-it's own block parser, reading
    from the start of the section before, finds at the top level (in no list, quote,
    fence or HTML block) after a blank line: there every block CommonMark can hold
    open has ended, so the tokens are the same, line numbers apart. Where there is no
    such heading the page is not cut, which is always safe. A text of ``size`` or
    less, or one with nowhere to cut, is one section, and is not read here.

    ``read``, if given, receives each section's block-level tokens: the pass that
    finds the cuts reads each section once (and a little beyond), so whatever needs
    the whole page's blocks before any section is modelled reads them here."""
    if len(text) <= size:
        return [(0, 0, len(text))]
    parts: list[tuple[int, int, int]] = []
    first_line, start = 0, 0
    while len(text) - start > size:
        cut = _next_cut(text, start, size)
        if cut is None:
            break
        offset, lines, tokens = cut
        if read is not None:
            read(first_line, tokens)
        parts.append((first_line, start, offset))
        first_line, start = first_line + lines, offset
    if not parts:
        return [(0, 0, len(text))]
    if read is not None:
        read(first_line, _block_tokens(text[start:]))
    parts.append((first_line, start, len(text)))
    return parts


def _next_cut(text: str, start: int, size: int) -> tuple[int, int, list[Token]] | None:
    """Where the section starting at ``start`` ends: the offset of the first heading
    to cut at ``size`` characters or more into it, the section's number of lines, and
    its block tokens (``None``: no such heading before the end of the text)."""
    reach = size + _REACH
    while True:
        end = text.find("\n", start + reach)
        end = len(text) if end < 0 else end + 1
        window = text[start:end]
        tokens = _block_tokens(window)
        line_starts = [0, *(match.end() for match in _NEWLINE.finditer(window))]
        for index, token in enumerate(tokens):
            if (
                token.type != "heading_open"
                or token.level
                or not token.markup.startswith("#")
                or not token.map
            ):
                continue
            line = token.map[0]
            offset = line_starts[line]
            if offset < size or line == 0 or window[line_starts[line - 1] : offset].strip():
                continue
            return start + offset, line, tokens[:index]
        if end == len(text):
            return None
        reach *= 2


def _block_tokens(text: str) -> list[Token]:
    """markdown-it's block-level tokens of ``text``, as its own parse would make them
    (NUL read as U+FFFD, which ``block.parse`` alone does not do)."""
    tokens: list[Token] = []
    BLOCKS.block.parse(text.replace("\0", "\ufffd"), BLOCKS, {}, tokens)
    return tokens
