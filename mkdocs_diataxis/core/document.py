"""The document model: one page parsed once, with every piece at its real source position.

A `Document` is built from a page's path and raw bytes. Rules read its parts
(prose spans, headings, tables, list items, code, comments, links, front matter)
and never parse Markdown themselves.

Positions are 1-based lines and columns in the file as it is on disk: front matter
counts, a UTF-8 byte order mark does not, CRLF and lone CR end lines like LF, and
every character (a tab too) is one column.
"""

from __future__ import annotations

import bisect
import html
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.common.entities import entities as markdown_entities
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from mkdocs_diataxis.core.frontmatter import FrontMatter, split_front_matter

# CommonMark plus GFM tables and strikethrough: what Python-Markdown with the `tables`
# extension (used by nearly every MkDocs site) understands. Raw HTML stays on so
# comments arrive as html_block/html_inline tokens.
_MARKDOWN = MarkdownIt("commonmark").enable(["table", "strikethrough"])
# Link targets are recorded as written: percent-encoding and punycode (a third of the
# inline parse on link-heavy pages) would only make them differ from the source.


def _as_written(url: str) -> str:
    return url


_MARKDOWN.normalizeLink = _as_written  # type: ignore[method-assign]
_MARKDOWN.normalizeLinkText = _as_written  # type: ignore[method-assign,assignment]

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


_MARKDOWN.core.ruler.at("inline", _inline_unless_plain)

# Material / pymdownx block openers whose indented body is Markdown, not code.
# Matches `!!! note`, `??? tip "Title"`, `???+ warning`, `=== "Tab"`, `===! "Tab"`;
# not `!!!` alone or `====` (a setext underline).
_BLOCK_OPENER = re.compile(
    r"[ \t]*(?:(?P<admonition>!!!|\?\?\?\+?)[ \t]+(?P<kind>[\w-]+)(?P<title>[^\n]*)"
    r"|(?P<tab>===[!+]?)[ \t]+(?P<label>[^\n]*))\Z"
)
# pymdownx.blocks fences (`/// note | Title`, closing `///`) and snippet includes
# (`--8<-- "file.md"`): directives, not prose. Not `//` comments or `--8<` in text.
_DIRECTIVE_LINE = re.compile(r"[ \t]*(?:/{3,}|-{1,2}8<-{1,2})(?:[ \t]|\Z)")
# A fenced code opener: ``` or ~~~ (three or more), any indentation.
_FENCE = re.compile(r"[ \t]*(`{3,}|~{3,})")
# Abbreviation definitions (`*[HTML]: Hyper Text Markup Language`), consumed by the
# `abbr` extension and never rendered as text.
_ABBREVIATION = re.compile(r"\*\[(?P<term>[^\]\n]+)\]:[ \t]*(?P<definition>[^\n]*)\Z")
# Footnote definitions (`[^1]: Source text`): CommonMark alone would swallow these
# as link reference definitions; the label is blanked so the text stays prose.
_FOOTNOTE_DEFINITION = re.compile(r"(?P<indent>[ \t]{0,3})\[\^(?P<label>[^\]\n]+)\]:")
_NEWLINE = re.compile("\n")
_SLACK = 256
"""How far past the cursor a text token's source may start (markup in between)."""
# An HTML entity as CommonMark reads one: "&amp;", "&#35;", "&#x1F600;"; not "&" alone
# or "&unterminated".
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
PROSE_LEAVES = frozenset(["paragraph", "heading", "table_cell"])
"""Block kinds whose items are prose that rules read."""


@dataclass(eq=False, slots=True)
class Block:
    """A structural element (paragraph, heading, list item, table cell, quote, admonition...).

    Blocks form a tree through ``parent``: a paragraph inside a list item inside a
    blockquote has that chain of parents.
    """

    kind: str
    line: int
    end_line: int
    parent: Block | None = None
    level: int = 0
    """Heading level for headings, nesting depth (1 = outermost) for list items."""
    ordered: bool = False
    """For lists and list items: numbered."""
    index: int = 0
    """For table cells: the column (0-based); for body rows: the row (0-based)."""
    items: list[Span | Code | Link] = field(default_factory=list)
    """For paragraphs, headings and cells: prose, inline code and links, in source order."""

    def enclosing(self, kind: str) -> Block | None:
        """The nearest block of ``kind`` among this block and its parents."""
        block: Block | None = self
        while block is not None:
            if block.kind == kind:
                return block
            block = block.parent
        return None


@dataclass(frozen=True, slots=True)
class Span:
    """A run of prose text as rendered, with where each character stands in the source.

    ``columns`` is only set when the text is not a literal copy of the source (escapes,
    entities): then it holds the source column of every character.
    """

    text: str
    line: int
    column: int
    block: Block
    columns: tuple[int, ...] | None = None
    link: Link | None = None
    """The link this text is the label of, if any."""

    def column_of(self, index: int) -> int:
        """The 1-based source column of ``text[index]``."""
        if self.columns is None:
            return self.column + index
        if not self.columns:
            return self.column
        return self.columns[min(index, len(self.columns) - 1)]


@dataclass(frozen=True, slots=True)
class Heading:
    """A heading: ``text`` is its inline content (closing hashes and attributes removed)."""

    level: int
    text: str
    line: int
    column: int
    block: Block


@dataclass(frozen=True, slots=True)
class Cell:
    """One table cell."""

    text: str
    line: int
    column: int
    block: Block


@dataclass(slots=True)
class Table:
    """A GFM table: header cells and body rows, each cell at its source position."""

    line: int
    end_line: int
    block: Block
    header: list[Cell] = field(default_factory=list)
    rows: list[list[Cell]] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Code:
    """Code kept apart from prose: ``kind`` is ``fenced``, ``indented`` or ``inline``."""

    kind: str
    line: int
    column: int
    end_line: int
    text: str
    info: str = ""


@dataclass(frozen=True, slots=True)
class Comment:
    """An HTML comment: ``text`` is what stands between ``<!--`` and ``-->``."""

    text: str
    line: int
    column: int
    end_line: int


@dataclass(frozen=True, slots=True)
class Link:
    """A link or image; ``kind`` is ``inline``, ``reference``, ``autolink`` or ``image``."""

    target: str
    kind: str
    line: int
    column: int


@dataclass(frozen=True, slots=True)
class Directive:
    """A Material/pymdownx construct that is not prose: admonition/tab openers and the like.

    ``title`` is the quoted title of an admonition or the label of a tab.
    """

    kind: str
    name: str
    title: str
    line: int


@dataclass(frozen=True, slots=True)
class Abbreviation:
    """An ``*[TERM]: definition`` line."""

    term: str
    definition: str
    line: int


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong with the page itself (encoding, front matter), reported by ``page/*``."""

    rule: str
    line: int
    column: int
    text: str
    message: str
    suggestion: str


@dataclass(slots=True)
class Document:
    """One page, parsed once. Build it with `Document.parse`."""

    path: str
    text: str
    front_matter: FrontMatter
    lines: list[str] = field(default_factory=list)
    line_starts: list[int] = field(default_factory=list)
    """Offset in ``text`` where each line starts."""
    blocks: list[Block] = field(default_factory=list)
    """Every block in document order (containers before what they contain)."""
    spans: list[Span] = field(default_factory=list)
    headings: list[Heading] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    list_items: list[Block] = field(default_factory=list)
    blockquotes: list[Block] = field(default_factory=list)
    code: list[Code] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    directives: list[Directive] = field(default_factory=list)
    abbreviations: list[Abbreviation] = field(default_factory=list)
    footnotes: dict[str, int] = field(default_factory=dict)
    """Footnote label -> line of its definition."""
    problems: list[Problem] = field(default_factory=list)
    derived: dict[str, dict[int, object]] = field(default_factory=dict)
    """Data rules derive from the model and share (e.g. joined block texts), by kind."""

    @property
    def meta(self) -> dict[str, Any]:
        """The front matter data (empty when there is none or it is broken)."""
        return self.front_matter.data

    @property
    def word_count(self) -> int:
        """Words of prose (headings, paragraphs, lists, tables); code and markup excluded."""
        return sum(len(span.text.split()) for span in self.spans)

    def locate(
        self, text: str, line: int, column: int, last_line: int | None = None
    ) -> tuple[int, int] | None:
        """Where ``text`` first stands in the source from ``line``:``column`` on, up to
        ``last_line`` (default: the same line); ``None`` when it does not."""
        if not text:
            return None
        for number in range(max(line, 1), min(last_line or line, len(self.lines)) + 1):
            found = self.lines[number - 1].find(text, column - 1 if number == line else 0)
            if found >= 0:
                return number, found + 1
        return None

    def leaves_on(self, lines: set[int]) -> Iterator[Block]:
        """Prose leaves (paragraphs, headings, table cells) touching any of ``lines``, in
        document order: the blocks worth a rule's time when a scan of the raw page has
        shown where its matches can be."""
        if not lines:
            return
        for block in self.blocks:
            if (
                block.kind in PROSE_LEAVES
                and block.items
                and any(line in lines for line in range(block.line, block.end_line + 1))
            ):
                yield block

    @classmethod
    def unreadable(
        cls,
        path: str,
        message: str,
        suggestion: str = "check that the file exists and that its permissions allow reading",
    ) -> Document:
        """The model of a page whose file could not be read: no text, one problem."""
        doc = cls(path=path, text="", front_matter=FrontMatter())
        doc.problems.append(
            Problem(
                rule="page/unreadable",
                line=1,
                column=1,
                text="",
                message=message,
                suggestion=suggestion,
            )
        )
        return doc

    @classmethod
    def parse(cls, path: str, source: bytes | str) -> Document:
        """Build the model of one page; never raises on bad input (see ``problems``)."""
        if isinstance(source, bytes):
            text, problem = _decode(source)
            if problem is not None:
                doc = cls(path=path, text="", front_matter=FrontMatter())
                doc.problems.append(problem)
                return doc
        else:
            text = source[1:] if source.startswith("\ufeff") else source
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        front_matter = split_front_matter(text)
        line_starts = [0]
        line_starts.extend(match.end() for match in _NEWLINE.finditer(text))
        doc = cls(
            path=path,
            text=text,
            front_matter=front_matter,
            lines=text.split("\n"),
            line_starts=line_starts,
        )
        doc.problems.extend(front_matter.problems)
        _Builder(doc).build()
        return doc


def _decode(data: bytes) -> tuple[str, Problem | None]:
    data = data.removeprefix(b"\xef\xbb\xbf")  # positions count after the byte order mark
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as error:
        # Lines end at LF, CRLF or a lone CR, as everywhere else in the model.
        before = data[: error.start].replace(b"\r\n", b"\n").replace(b"\r", b"\n")
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        byte = data[error.start : error.start + 1].hex()
        return "", Problem(
            rule="page/unreadable",
            line=line,
            column=column,
            text="",
            message=f"the page is not valid UTF-8 (byte 0x{byte} at line {line}); it cannot be"
            " checked or built",
            suggestion="re-save the file as UTF-8",
        )


class _Builder:
    """Walks markdown-it tokens once and fills a `Document`."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.text = doc.text
        self.line_starts = doc.line_starts

    # --- positions -------------------------------------------------------------

    def offset_of_line(self, line_index: int) -> int:
        """Offset of the start of 0-based ``line_index`` (end of text past the last line)."""
        if line_index >= len(self.line_starts):
            return len(self.text)
        return self.line_starts[line_index]

    def line_end(self, offset: int, limit: int) -> int:
        """The offset of the newline that ends ``offset``'s line, or ``limit`` if that
        comes first. From the line index, not a scan: on a 1 MB line, scanning to its
        end from every piece of text on it was quadratic."""
        index = bisect.bisect_right(self.line_starts, offset)
        end = self.line_starts[index] - 1 if index < len(self.line_starts) else len(self.text)
        return min(end, limit)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a text offset."""
        index = bisect.bisect_right(self.line_starts, offset) - 1
        return index + 1, offset - self.line_starts[index] + 1

    # --- the walk --------------------------------------------------------------

    def build(self) -> None:
        tokens = _MARKDOWN.parse(self.prepare())
        stack: list[Block] = []  # open containers: lists, items, quotes, tables, rows
        table: Table | None = None
        row: list[Cell] = []
        row_bounds: list[tuple[int, int]] = []
        leaf: Block | None = None
        for token in tokens:
            kind = token.type
            if kind.endswith("_close"):
                if kind in _CONTAINER_CLOSE and stack:
                    stack.pop()
                continue
            parent = stack[-1] if stack else None
            start, end = (token.map[0], token.map[1]) if token.map else (0, 0)
            if kind in _CONTAINER_OPEN:
                block = self.block(_CONTAINER_OPEN[kind], start, end, parent)
                stack.append(block)
                if kind == "ordered_list_open":
                    block.ordered = True
                elif kind == "list_item_open":
                    block.ordered = parent is not None and parent.ordered
                    block.level = sum(1 for open_block in stack if open_block.kind == "list")
                    self.doc.list_items.append(block)
                elif kind == "blockquote_open":
                    self.doc.blockquotes.append(block)
                elif kind == "table_open":
                    table = Table(start + 1, end, block)
                    self.doc.tables.append(table)
                elif kind == "tr_open" and table is not None:
                    row = []
                    row_bounds = self.split_row(start)
                    if parent is not None and parent.kind == "thead":
                        table.header = row
                    else:
                        block.index = len(table.rows)
                        table.rows.append(row)
            elif kind in ("th_open", "td_open") and parent is not None:
                leaf = self.block("table_cell", parent.line - 1, parent.end_line, parent)
                leaf.index = len(row)
            elif kind in ("paragraph_open", "heading_open"):
                leaf = self.block(kind[:-5], start, end, parent)
                if kind == "heading_open":
                    leaf.level = int(token.tag[1])
            elif kind == "inline" and leaf is not None:
                if leaf.kind == "table_cell":
                    self.cell(token, leaf, row, row_bounds)
                else:
                    self.inline(token, leaf)
            elif kind in ("fence", "code_block"):
                self.block("code", start, end, parent)
                self.code_block(token)
            elif kind == "html_block":
                self.block("html", start, end, parent)
                self.html_block(token)

    def block(self, kind: str, start: int, end: int, parent: Block | None) -> Block:
        """A new block over 0-based lines ``[start, end)``, recorded in document order."""
        lines = self.doc.lines
        while end > start + 1 and end <= len(lines) and not lines[end - 1].strip():
            end -= 1  # markdown-it counts the blank lines after a list item or list
        block = Block(kind, start + 1, end, parent)
        self.doc.blocks.append(block)
        return block

    def prepare(self) -> str:
        """The text markdown-it parses: same lines, with non-Markdown syntax neutralised.

        Front matter lines become blank; Material/pymdownx block bodies lose one
        level of indentation per enclosing block (so they parse as Markdown, not
        indented code); directive, abbreviation and footnote-label syntax is blanked.
        Lines are never added or removed, so token line numbers are source lines.
        """
        lines = list(self.doc.lines)
        for index in range(self.doc.front_matter.end_line):
            lines[index] = ""
        indents: list[int] = []  # body indentation of each open block
        fence: tuple[str, int, int] | None = None  # (char, length, depth) of an open fence
        for index in range(self.doc.front_matter.end_line, len(lines)):
            line = lines[index]
            if not line.strip():
                lines[index] = ""
                continue
            width = _indent_width(line)
            while indents and width < indents[-1]:
                indents.pop()
            if fence is not None and len(indents) < fence[2]:
                fence = None
            body = _dedent(line, 4 * len(indents)) if indents else line
            lines[index] = body
            stripped = body.lstrip(" \t")
            if fence is not None:
                if stripped.startswith(fence[0] * fence[1]) and not stripped.strip(fence[0]):
                    fence = None
                continue
            if (opening := _FENCE.match(body)) is not None:
                run = opening.group(1)
                fence = (run[0], len(run), len(indents))
                continue
            if (opener := _BLOCK_OPENER.match(line)) is not None:
                if opener.group("tab"):
                    self.doc.directives.append(
                        Directive(
                            "tab", opener.group("tab"), _unquote(opener.group("label")), index + 1
                        )
                    )
                else:
                    self.doc.directives.append(
                        Directive(
                            "admonition",
                            opener.group("kind"),
                            _unquote(opener.group("title")),
                            index + 1,
                        )
                    )
                lines[index] = ""
                indents.append(width + 4)
                continue
            if _DIRECTIVE_LINE.match(stripped):
                self.doc.directives.append(
                    Directive("directive", stripped.split()[0], "", index + 1)
                )
                lines[index] = ""
                continue
            if (abbreviation := _ABBREVIATION.match(stripped)) is not None:
                self.doc.abbreviations.append(
                    Abbreviation(
                        abbreviation.group("term").strip(),
                        abbreviation.group("definition").strip(),
                        index + 1,
                    )
                )
                lines[index] = ""
                continue
            if (footnote := _FOOTNOTE_DEFINITION.match(body)) is not None:
                self.doc.footnotes.setdefault(footnote.group("label"), index + 1)
                # Only the label goes; the text is found in the source line by content.
                lines[index] = footnote.group("indent") + body[footnote.end() :].lstrip()
        return "\n".join(lines)

    # --- leaves ----------------------------------------------------------------

    def inline(self, token: Token, block: Block) -> None:
        start = self.offset_of_line(block.line - 1)
        limit = self.offset_of_line(block.end_line)
        first = token.content.split("\n", 1)[0].strip(" \t")  # markdown-it strips no more
        anchor = self.text.rfind(first, start, self.line_end(start, limit)) if first else -1
        cursor = anchor if anchor >= 0 else start
        if block.kind == "heading":
            line, column = self.position(cursor)
            self.doc.headings.append(
                Heading(block.level, _strip_heading_attributes(token.content), line, column, block)
            )
        self.children(token.children or [], block, cursor, limit)
        if block.kind == "heading":
            self.trim_heading_attributes(block)

    def trim_heading_attributes(self, block: Block) -> None:
        """Drop a trailing attribute list (``{ #anchor .class }``) from a heading's prose."""
        last = block.items[-1] if block.items else None
        if not isinstance(last, Span):
            return
        match = _HEADING_ATTRIBUTES.search(last.text)
        if match is None:
            return
        kept = last.text[: match.start()]
        trimmed = Span(kept, last.line, last.column, block, last.columns) if kept else None
        for items in (block.items, self.doc.spans):
            index = len(items) - 1 - items[::-1].index(last)
            if trimmed is None:
                del items[index]
            else:
                items[index] = trimmed

    def cell(
        self, token: Token, block: Block, row: list[Cell], bounds: list[tuple[int, int]]
    ) -> None:
        index = len(row)
        if index < len(bounds):
            start, limit = bounds[index]
        else:  # a cell markdown-it padded in: it has no source text
            start = limit = bounds[-1][1] if bounds else self.offset_of_line(block.line - 1)
        while start < limit and self.text[start] in " \t":
            start += 1
        line, column = self.position(start)
        row.append(Cell(token.content, line, column, block))
        self.children(token.children or [], block, start, limit)

    def split_row(self, line_index: int) -> list[tuple[int, int]]:
        """Source (start, end) of each cell on a table row line; escaped pipes do not split."""
        start = self.offset_of_line(line_index)
        end = self.line_end(start, len(self.text))
        line = self.text[start:end]
        bounds: list[tuple[int, int]] = []
        cell_start = 0
        escaped = False
        for index, char in enumerate(line):
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == "|":
                bounds.append((cell_start, index))
                cell_start = index + 1
        bounds.append((cell_start, len(line)))
        # A leading or trailing pipe makes an empty edge "cell" that is not one.
        if bounds and not line[: bounds[0][1]].strip() and line.lstrip().startswith("|"):
            bounds.pop(0)
        if bounds and not line[bounds[-1][0] :].strip() and line.rstrip().endswith("|"):
            bounds.pop()
        return [(start + a, start + b) for a, b in bounds]

    def children(self, children: list[Token], block: Block, cursor: int, limit: int) -> None:
        text = self.text
        skip_depth = 0  # inside an autolink or image: the text is a target, not prose
        quotes = 0  # enclosing blockquotes: each puts a `>` before continuation lines
        parent = block.parent
        while parent is not None:
            quotes += parent.kind == "blockquote"
            parent = parent.parent
        link: Link | None = None  # the link whose label is being read
        for child in children:
            kind = child.type
            if kind == "text":
                if skip_depth or not child.content:
                    continue
                cursor = self.span(child.content, block, cursor, limit, link)
            elif kind == "code_inline":
                cursor = self.code_span(child.content, block, cursor, limit)
            elif kind in ("softbreak", "hardbreak"):
                newline = text.find("\n", cursor, limit)
                if newline >= 0:
                    cursor = newline + 1
                    # Skip the container prefix of the next line: indentation, and one
                    # `>` per enclosing quote (a lazy line's own `>` is text).
                    markers = quotes
                    while cursor < limit and (
                        text[cursor] in " \t" or (text[cursor] == ">" and markers > 0)
                    ):
                        markers -= text[cursor] == ">"
                        cursor += 1
            elif kind == "link_open":
                href = str(child.attrs.get("href", ""))
                if child.markup == "autolink":
                    opening = text.find("<", cursor, limit)
                    position = self.position(opening if opening >= 0 else cursor)
                    self.record(block, Link(href, "autolink", *position))
                    skip_depth += 1
                else:
                    opening = text.find("[", cursor, limit)
                    if opening >= 0:
                        cursor = opening + 1
                    position = self.position(opening if opening >= 0 else cursor)
                    link = Link(href, "inline", *position)
                    self.record(block, link)
            elif kind == "link_close":
                if child.markup == "autolink":
                    skip_depth -= 1
                    closing = text.find(">", cursor, limit)
                    cursor = closing + 1 if closing >= 0 else cursor
                else:
                    cursor = self.skip_link_tail(cursor, limit)
                    link = None
            elif kind == "image":
                opening = text.find("![", cursor, limit)
                position = self.position(opening if opening >= 0 else cursor)
                self.record(block, Link(str(child.attrs.get("src", "")), "image", *position))
                if opening >= 0:
                    cursor = self.skip_target(self.skip_brackets(opening + 1, limit), limit)
            elif kind == "html_inline":
                found = text.find(child.content, cursor, limit)
                if found >= 0:
                    if child.content.startswith("<!--"):
                        self.comment(child.content, found)
                    cursor = found + len(child.content)

    def span(
        self, content: str, block: Block, cursor: int, limit: int, link: Link | None = None
    ) -> int:
        """Record prose ``content`` found at or after ``cursor``; return the new cursor."""
        end = self.line_end(cursor, limit)
        # The text follows the cursor closely (past a `*`, `[` or `<` at most); a bounded
        # search keeps a long line of text that is not literal (entities) linear.
        found = self.text.find(content, cursor, min(end, cursor + len(content) + _SLACK))
        if found >= 0:
            line, column = self.position(found)
            self.record(block, Span(content, line, column, block, link=link))
            return found + len(content)
        columns, position = self.align(content, cursor, end)
        line, column = self.position(columns[0])
        base = self.line_starts[line - 1] - 1
        offsets = tuple(o - base for o in columns)
        self.record(block, Span(content, line, column, block, offsets, link))
        return position

    def align(self, content: str, cursor: int, end: int) -> tuple[list[int], int]:
        """The source offset of each character of ``content``, text that is not a literal
        copy of the source (backslash escapes, entities, NUL read as U+FFFD), walking
        source and text in step from ``cursor``; and the offset past the last one."""
        text = self.text
        columns: list[int] = []
        position = cursor
        index = 0
        while index < len(content) and position < end:
            char, source = content[index], text[position]
            if source == "\\" and position + 1 < end and text[position + 1] == char:
                columns.append(position + 1)  # an escaped character
                position += 2
                index += 1
            elif (
                source == "&"
                and (entity := _ENTITY.match(text, position, end))
                and (decoded := _decode_entity(entity.group(0)))
                and content.startswith(decoded, index)
            ):
                columns.extend([position] * len(decoded))  # the entity's first column
                position = entity.end()
                index += len(decoded)
            elif source == char or (source == "\0" and char == "\ufffd"):
                columns.append(position)
                position += 1
                index += 1
            else:
                position += 1  # markup the text leaves out
        columns.extend([max(cursor, position - 1)] * (len(content) - index))
        return columns, position

    def code_span(self, content: str, block: Block, cursor: int, limit: int) -> int:
        text = self.text
        opening = text.find("`", cursor, limit)
        if opening < 0:
            return cursor
        run_end = opening
        while run_end < limit and text[run_end] == "`":
            run_end += 1
        size = run_end - opening
        line, column = self.position(opening)
        search = run_end
        while True:
            closing = text.find("`" * size, search, limit)
            if closing < 0:
                return run_end
            after = closing
            while after < limit and text[after] == "`":
                after += 1
            if after - closing == size:
                end_line, _ = self.position(after)
                self.record(block, Code("inline", line, column, end_line, content))
                return after
            search = after

    def record(self, block: Block, item: Span | Code | Link) -> None:
        """Add an inline item to its leaf block and to the document's list of its kind."""
        block.items.append(item)
        if isinstance(item, Span):
            self.doc.spans.append(item)
        elif isinstance(item, Code):
            self.doc.code.append(item)
        else:
            self.doc.links.append(item)

    def skip_brackets(self, opening: int, limit: int) -> int:
        """From a ``[`` at ``opening``, the offset just past its matching ``]``."""
        depth = 0
        index = opening
        text = self.text
        while index < limit:
            char = text[index]
            if char == "\\":
                index += 2
                continue
            if char == "[":
                depth += 1
            elif char == "]":
                depth -= 1
                if depth == 0:
                    return index + 1
            index += 1
        return limit

    def skip_link_tail(self, cursor: int, limit: int) -> int:
        """Past the ``]`` ending link text and the ``(target)`` or ``[label]`` after it."""
        text = self.text
        closing = text.find("]", cursor, limit)
        if closing < 0:
            return cursor
        return self.skip_target(closing + 1, limit)

    def skip_target(self, index: int, limit: int) -> int:
        """Past the ``(target "title")`` or ``[label]`` starting at ``index``, if any."""
        text = self.text
        if index < limit and text[index] == "(":
            depth = 0
            while index < limit:
                char = text[index]
                if char == "\\":
                    index += 2
                    continue
                if char == "(":
                    depth += 1
                elif char == ")":
                    depth -= 1
                    if depth == 0:
                        return index + 1
                index += 1
            return limit
        if index < limit and text[index] == "[":
            label_end = text.find("]", index, limit)
            return label_end + 1 if label_end >= 0 else index
        return index

    def code_block(self, token: Token) -> None:
        start, end = token.map if token.map else (0, 0)
        line_text = self.doc.lines[start] if start < len(self.doc.lines) else ""
        column = len(line_text) - len(line_text.lstrip(" \t")) + 1
        kind = "fenced" if token.type == "fence" else "indented"
        self.doc.code.append(Code(kind, start + 1, column, end, token.content, token.info.strip()))

    def html_block(self, token: Token) -> None:
        if "<!--" not in token.content:
            return
        first, last = token.map if token.map else (0, len(self.doc.lines))
        start, limit = self.offset_of_line(first), self.offset_of_line(last)
        # In the source, not token.content (which has lost a list's indentation and a
        # quote's markers); a find walk, not a regex, so thousands of comments that
        # never close stay linear.
        text = self.text
        opening = text.find("<!--", start, limit)
        while opening >= 0:
            closing = text.find("-->", opening + 4, limit)
            if closing < 0:
                break  # never closed: not a comment, and none follows
            self.comment(text[opening : closing + 3], opening)
            opening = text.find("<!--", closing + 3, limit)

    def comment(self, raw: str, offset: int) -> None:
        line, column = self.position(offset)
        end_line, _ = self.position(offset + len(raw))
        body = raw[4:-3] if raw.endswith("-->") else raw[4:]
        self.doc.comments.append(Comment(body, line, column, end_line))


_CONTAINER_OPEN = {
    "bullet_list_open": "list",
    "ordered_list_open": "list",
    "list_item_open": "list_item",
    "blockquote_open": "blockquote",
    "table_open": "table",
    "thead_open": "thead",
    "tbody_open": "tbody",
    "tr_open": "table_row",
}
_CONTAINER_CLOSE = frozenset(kind.replace("_open", "_close") for kind in _CONTAINER_OPEN)


def _decode_entity(entity: str) -> str:
    """What markdown-it reads ``&name;`` or ``&#N;`` as (``""`` when it keeps it as
    written): its own table for names, where Python's would also decode "&notes;"."""
    if entity[1] == "#":
        return html.unescape(entity)
    return str(markdown_entities.get(entity[1:-1], ""))


def _indent_width(line: str) -> int:
    width = 0
    for char in line:
        if char == " ":
            width += 1
        elif char == "\t":
            width += 4 - width % 4
        else:
            break
    return width


def _dedent(line: str, columns: int) -> str:
    """``line`` with up to ``columns`` columns of leading whitespace removed (tabs expand)."""
    width = 0
    index = 0
    while index < len(line) and width < columns:
        char = line[index]
        if char == " ":
            width += 1
        elif char == "\t":
            width += 4 - width % 4
        else:
            break
        index += 1
    return " " * max(0, width - columns) + line[index:]


def _unquote(title: str) -> str:
    title = title.strip()
    if len(title) >= 2 and title[0] == title[-1] and title[0] in "\"'":
        return title[1:-1]
    return title


# `{#anchor .class}` or `{ #anchor }` ending a heading (attr_list): not part of its
# text. Not `{placeholder}` or `{{ jinja }}`.
_HEADING_ATTRIBUTES = re.compile(r"[ \t]*\{[ \t]*[:#.][^{}\n]*\}[ \t]*\Z")


def _strip_heading_attributes(text: str) -> str:
    return _HEADING_ATTRIBUTES.sub("", text).strip()


def iter_front_matter_key_lines(doc: Document, key: str) -> Iterator[tuple[int, int]]:
    """(line, column of the value) of each top-level ``key:`` line in the front matter."""
    pattern = re.compile(rf"{re.escape(key)}[ \t]*:[ \t]*")
    for index in range(doc.front_matter.start_line, doc.front_matter.end_line):
        match = pattern.match(doc.lines[index])
        if match is not None:
            yield index + 1, match.end() + 1


__all__ = [
    "Abbreviation",
    "Block",
    "Cell",
    "Code",
    "Comment",
    "Directive",
    "Document",
    "Heading",
    "Link",
    "Problem",
    "Span",
    "Table",
]
