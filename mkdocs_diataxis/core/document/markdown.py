"""The markdown-it-py parser every page goes through, set up once.

CommonMark plus GFM tables and strikethrough: what Python-Markdown with the `tables`
extension (used by nearly every MkDocs site) understands. Raw HTML stays on so
comments arrive as html_block/html_inline tokens.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

MARKDOWN = MarkdownIt("commonmark").enable(["table", "strikethrough"])
# Link targets are recorded as written: percent-encoding and punycode (a third of the
# inline parse on link-heavy pages) would only make them differ from the source.


def _as_written(url: str) -> str:
    return url


MARKDOWN.normalizeLink = _as_written  # type: ignore[method-assign]
MARKDOWN.normalizeLinkText = _as_written  # type: ignore[method-assign,assignment]

_INLINE_MARKUP = re.compile(r"[\\`*_~\[\]<&]")
"""A character that may start inline markup (an escape, code, emphasis, strikethrough,
a link or image, an autolink or HTML, an entity). Without one, the only inline syntax
left is the line break, so markdown-it's inline parser would return plain text."""


def _inline_unless_plain(state: StateCore) -> None:
    """markdown-it's core ``inline`` rule, with a shortcut for plain text: most headings,
    table cells and paragraphs have no inline markup, and splitting them at line breaks
    here gives the same tokens as the inline parser in a fraction of the time."""
    md, env = state.md, state.env
    for token in state.tokens:
        if token.type != "inline":
            continue
        if _INLINE_MARKUP.search(token.content) is None:
            token.children = _plain_tokens(token.content)
        else:
            token.children = []
            md.inline.parse(token.content, md, env, token.children)


def _plain_tokens(content: str) -> list[Token]:
    """The inline tokens of markup-free ``content``, as markdown-it's ``text`` and
    ``newline`` rules make them: a line break after two or more spaces is a hard break
    (the spaces go), after one space a soft break (the space goes), else a soft break;
    the next line's leading spaces and tabs go."""
    tokens: list[Token] = []
    lines = content.split("\n")
    last = len(lines) - 1
    for number, line in enumerate(lines):
        if number:
            line = line.lstrip(" \t")
        kind = ""
        if number < last:
            kept = line.rstrip(" ")
            kind = "hardbreak" if len(line) - len(kept) >= 2 else "softbreak"
            line = kept if kind == "hardbreak" else line.removesuffix(" ")
        if line:
            tokens.append(Token("text", "", 0, content=line))
        if kind:
            tokens.append(Token(kind, "br", 0))
    return tokens


MARKDOWN.core.ruler.at("inline", _inline_unless_plain)

BLOCKS = MarkdownIt("commonmark", {"inline_definitions": True}).enable(["table", "strikethrough"])
"""The same block rules, for a block-level pass alone (see `sections`): link reference
definitions come out as ``definition`` tokens, with their lines, instead of going
straight into the parse's ``env``; their targets as written, as in `MARKDOWN`."""
BLOCKS.normalizeLink = _as_written  # type: ignore[method-assign]
BLOCKS.normalizeLinkText = _as_written  # type: ignore[method-assign,assignment]
