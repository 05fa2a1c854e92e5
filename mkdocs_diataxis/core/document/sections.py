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
    while True:
        offset, lines, tokens = _next_cut(text, start, size)
        if offset is None and not parts:
            return [(0, 0, len(text))]
        if read is not None:
            read(first_line, tokens)
        del tokens
        if offset is None:
            parts.append((first_line, start, len(text)))
            return parts
        parts.append((first_line, start, offset))
        first_line, start = first_line + lines, offset


def _next_cut(text: str, start: int, size: int) -> tuple[int | None, int, list[Token]]:
    """Where the section starting at ``start`` ends: the offset of the first heading
    to cut at, ``size`` characters or more into it (``None``: none before the end of
    the text, or the rest is ``size`` or shorter), the section's number of lines, and
    its block tokens, line numbers counted from ``start``.

    The text is read a window at a time. When a window holds no heading to cut at,
    the blocks that ended before its last top-level block are final (that block began
    where markdown-it's state was fresh), so the next window is read from that block
    on, twice as large when that block filled half the window or more: each line is
    parsed about once, however far the cut is."""
    if len(text) - start <= size:
        return None, 0, _block_tokens(text[start:])
    kept: list[Token] = []  # final tokens, before ``resume``
    resume, resume_line = start, 0
    step = size + _REACH
    while True:
        end = text.find("\n", resume + step)
        end = len(text) if end < 0 else end + 1
        window = text[resume:end]
        tokens = _block_tokens(window)
        line_starts = [0, *(match.end() for match in _NEWLINE.finditer(window))]
        last, last_index = 0, 0  # the first line and token of the last top-level block
        for index, token in enumerate(tokens):
            if not token.map:
                continue
            if token.level == 0 and token.nesting >= 0:
                last, last_index = token.map[0], index
            if token.type != "heading_open" or token.level or not token.markup.startswith("#"):
                continue
            offset = resume + line_starts[token.map[0]]
            if offset - start < size or offset == start or not _after_blank_line(text, offset):
                continue
            return offset, resume_line + token.map[0], kept + shifted(tokens[:index], resume_line)
        if end == len(text):
            return None, 0, kept + shifted(tokens, resume_line)
        if last > 0:
            kept += shifted(tokens[:last_index], resume_line)
            resume, resume_line = resume + line_starts[last], resume_line + last
        if line_starts[last] < len(window) // 2:  # one block fills the window: widen it
            step *= 2


def _after_blank_line(text: str, offset: int) -> bool:
    """Whether the line before the one starting at ``offset`` is blank."""
    before = text.rfind("\n", 0, offset - 1) + 1
    return not text[before : offset - 1].strip()


def shifted(tokens: list[Token], lines: int) -> list[Token]:
    """``tokens`` with their line numbers moved down by ``lines``."""
    if lines:
        for token in tokens:
            if token.map:
                token.map = [token.map[0] + lines, token.map[1] + lines]
    return tokens


def _block_tokens(text: str) -> list[Token]:
    """markdown-it's block-level tokens of ``text``, as its own parse would make them
    (NUL read as U+FFFD, which ``block.parse`` alone does not do)."""
    tokens: list[Token] = []
    BLOCKS.block.parse(text.replace("\0", "\ufffd"), BLOCKS, {}, tokens)
    return tokens
