"""The token walk: markdown-it's tokens turned into the `Document`'s blocks and inline
items, each aligned with the exact source line and column it came from.

markdown-it reports block lines but not inline positions; the walk finds each inline
piece in the source from a cursor that only moves forward, with bounded searches, so
a page of any shape costs time linear in its size.
"""

from __future__ import annotations

import bisect
import html
import re
from typing import Any

from markdown_it.common.entities import entities as markdown_entities
from markdown_it.token import Token

from mkdocs_diataxis.core.document.markdown import MARKDOWN
from mkdocs_diataxis.core.document.model import (
    Block,
    Cell,
    Code,
    Comment,
    Document,
    Heading,
    HeadingMark,
    Link,
    PageWide,
    Span,
    Table,
)
from mkdocs_diataxis.core.document.prepass import prepare
from mkdocs_diataxis.core.document.sections import SECTION_CHARS, sections, shifted
from mkdocs_diataxis.core.document.source import SourceText

_SLACK = 256
"""How far past the cursor a text token's source may start (markup in between)."""
# An HTML entity as CommonMark reads one: "&amp;", "&#35;", "&#x1F600;"; not "&" alone
# or "&unterminated".
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


class TokenWalk(SourceText):
    """Walks markdown-it tokens once and fills a `Document`."""

    def __init__(self, doc: Document) -> None:
        super().__init__(doc.text, doc.line_starts)
        self.doc = doc
        """The model being filled: the page's, or that of its section being walked."""
        self._plan: tuple[str, list[tuple[int, int, int]]] | None = None
        self.env: dict[str, Any] = {}
        """markdown-it's environment: the page's link reference definitions."""
        self.page = PageWide()
        """What a section of the page knows of the whole (see `section_models`)."""

    def plan(self) -> tuple[str, list[tuple[int, int, int]]]:
        """The text markdown-it parses (see `prepare`) and its sections (`sections`),
        made once. For a page of more than one section, the block-level pass that
        finds the cuts also gathers every link reference definition (a link may use
        one defined in a later section) and, in `page`, every heading and code block."""
        if self._plan is None:
            text = prepare(self.doc)
            self._plan = text, sections(text, SECTION_CHARS, self.read_blocks)
        return self._plan

    @property
    def sectioned(self) -> bool:
        """Whether the page is longer than one section, so that `section_models` can
        model it a section at a time."""
        return len(self.plan()[1]) > 1

    def build(self) -> None:
        """Parse the page and fill the model. A large page is parsed a section at a
        time (see `sections`), so that only one section's tokens exist at once: they
        took some 20 times the page's size, more than the model itself."""
        text, parts = self.plan()
        for part in parts:
            self.walk_part(text, part, len(parts) > 1)

    def read_blocks(self, first_line: int, tokens: list[Token]) -> None:
        """Keep what the other sections need of one section's block tokens: its link
        reference definitions (the first of a label wins, as in one parse), headings
        and code blocks."""
        references = self.env.setdefault("references", {})
        for token in tokens:
            if token.type == "definition":
                label = token.meta["id"]
                if label not in references:
                    references[label] = {"title": token.meta["title"], "href": token.meta["url"]}
            elif token.type == "heading_open" and token.map:
                self.page.headings.append(
                    HeadingMark(token.map[0] + first_line + 1, int(token.tag[1]))
                )
            elif token.type in ("fence", "code_block"):
                self.page.code_blocks.append(self.code_of(token, first_line))

    def walk_part(self, text: str, part: tuple[int, int, int], cut: bool) -> None:
        """Parse one section of the page (the whole text unless ``cut``) and walk it."""
        first_line, start, end = part
        self.walk(shifted(MARKDOWN.parse(text[start:end] if cut else text, self.env), first_line))

    def walk(self, tokens: list[Token]) -> None:
        """Fill the model from one section's tokens (line numbers the page's)."""
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
        block = Block(kind, start + 1, end, parent, number=len(self.doc.blocks))
        self.doc.blocks.append(block)
        return block

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
        text, starts = self.text, self.line_starts
        # `line_end` inlined, keeping the 1-based line of the cursor: a literal copy of
        # ``content`` is searched for on that line only, so it stands on that line.
        line = bisect.bisect_right(starts, cursor)
        end = min(starts[line] - 1 if line < len(starts) else len(text), limit)
        # The text follows the cursor closely (past a `*`, `[` or `<` at most); a bounded
        # search keeps a long line of text that is not literal (entities) linear.
        found = text.find(content, cursor, min(end, cursor + len(content) + _SLACK))
        # markdown-it strips white space it knows (a thin space too) from a paragraph's
        # start: a line that held only that (and markup) leaves the text to the lines
        # after it. A line with letters keeps it: "&lt; AA" is "< AA" there.
        while (
            found < 0
            and end < limit
            and content[:1] not in self.text[cursor:end]
            and not any(char.isalnum() for char in self.text[cursor:end])
        ):
            cursor = end + 1
            line = bisect.bisect_right(starts, cursor)
            end = min(starts[line] - 1 if line < len(starts) else len(text), limit)
            found = text.find(content, cursor, min(end, cursor + len(content) + _SLACK))
        if found >= 0:
            # What `record` does, without its dispatch on the item's type (the most
            # common item by far).
            span = Span(content, line, found - starts[line - 1] + 1, block, link=link)
            block.items.append(span)
            self.doc.spans.append(span)
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

    def code_block(self, token: Token) -> None:
        self.doc.code.append(self.code_of(token))

    def code_of(self, token: Token, first_line: int = 0) -> Code:
        """The `Code` of a fence or indented code token whose lines count from
        ``first_line``."""
        start, end = token.map if token.map else (0, 0)
        start, end = start + first_line, end + first_line
        line_text = self.doc.lines[start] if start < len(self.doc.lines) else ""
        column = len(line_text) - len(line_text.lstrip(" \t")) + 1
        kind = "fenced" if token.type == "fence" else "indented"
        return Code(kind, start + 1, column, end, token.content, token.info.strip())

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


# `{#anchor .class}` or `{ #anchor }` ending a heading (attr_list): not part of its
# text. Not `{placeholder}` or `{{ jinja }}`.
_HEADING_ATTRIBUTES = re.compile(r"[ \t]*\{[ \t]*[:#.][^{}\n]*\}[ \t]*\Z")


def _strip_heading_attributes(text: str) -> str:
    return _HEADING_ATTRIBUTES.sub("", text).strip()
