"""The text of one leaf block (paragraph, heading, cell) as rules read it.

Rules that look for words across markup ("286" in **bold** then "ns", a link inside a
sentence) need the block's text in one string, and then the source position of any
character in it. `InlineText` joins a leaf's items: prose as rendered, inline code as
its content (so citations such as ``bench.rs`` are visible), links by their text.
`InlineText.is_prose` tells prose apart, so rules that must not look inside code skip it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from mkdocs_diataxis.core.document.model import Block, Code, Document, Link, Span

# A sentence ends at . ! or ? followed by space and a capital, digit, quote or bracket,
# or at a line end. Matches "done. Next"; not "e.g. this", "v1.2" or "3.5 ms".
_SENTENCE_END = re.compile(
    r"(?<!e\.g)(?<!i\.e)(?<!\betc)(?<!\bvs)(?<!\bcf)[.!?](?=\s+[\"'(\[A-Z0-9*_])"
)


_QUOTE = re.compile('["“”]')


@dataclass(frozen=True, slots=True)
class InlineText:
    """A leaf block's joined text with a way back to source positions."""

    block: Block
    text: str
    links: tuple[tuple[int, Link], ...]
    """Each link with the offset in ``text`` where it stands."""
    _starts: tuple[int, ...]
    _items: tuple[Span | Code, ...]
    _link_offsets: tuple[int, ...] = ()
    _non_image_offsets: tuple[int, ...] = ()
    _non_image_links: tuple[Link, ...] = ()
    # Computed on first use: most blocks never need their sentences or quotes.
    _sentence_ends: tuple[int, ...] | None = None
    _quote_offsets: tuple[int, ...] | None = None
    _has_code: bool | None = None

    @classmethod
    def of(cls, block: Block) -> InlineText:
        """Join ``block.items``; a line change between items becomes one space."""
        parts: list[str] = []
        links: list[tuple[int, Link]] = []
        starts: list[int] = []
        items: list[Span | Code] = []
        length = 0
        last_line = 0
        for item in block.items:
            if isinstance(item, Link):
                links.append((length, item))
                continue
            if last_line and item.line != last_line and parts and not parts[-1].endswith(" "):
                parts.append(" ")
                length += 1
            starts.append(length)
            items.append(item)
            parts.append(item.text)
            length += len(item.text)
            last_line = item.end_line if isinstance(item, Code) else item.line
        return cls(
            block,
            "".join(parts),
            tuple(links),
            tuple(starts),
            tuple(items),
            tuple(offset for offset, _ in links),
            tuple(offset for offset, link in links if link.kind != "image"),
            tuple(link for _, link in links if link.kind != "image"),
        )

    @property
    def has_code(self) -> bool:
        """Whether inline code stands anywhere in the text."""
        found = self._has_code
        if found is None:
            found = any(isinstance(item, Code) for item in self._items)
            object.__setattr__(self, "_has_code", found)
        return found

    def position(self, offset: int) -> tuple[int, int]:
        """Source (line, column) of ``text[offset]``."""
        if not self._items:
            return self.block.line, 1
        index = max(0, bisect.bisect_right(self._starts, offset) - 1)
        item = self._items[index]
        inside = offset - self._starts[index]
        if isinstance(item, Span):
            return item.line, item.column_of(min(inside, max(len(item.text) - 1, 0)))
        # Inside code: columns are approximate past a line break in the code span.
        return item.line, item.column + 1 + inside

    def has_link(self, start: int, stop: int, *, images: bool = True) -> bool:
        """Whether a link (an image too, unless ``images`` is false) stands at an offset
        from ``start`` to ``stop``, both included. A bisection: a block with thousands
        of links and figures stays linear."""
        offsets = self._link_offsets if images else self._non_image_offsets
        index = bisect.bisect_left(offsets, start)
        return index < len(offsets) and offsets[index] <= stop

    def links_in(self, start: int, stop: int) -> Iterator[tuple[int, Link]]:
        """The links (not images) at offsets from ``start`` to ``stop``, both included,
        with their offsets, found by bisection, as `has_link`."""
        index = bisect.bisect_left(self._non_image_offsets, start)
        while index < len(self._non_image_offsets) and self._non_image_offsets[index] <= stop:
            yield self._non_image_offsets[index], self._non_image_links[index]
            index += 1

    def codes_in(self, start: int, stop: int) -> Iterator[Code]:
        """The inline code spans that overlap ``text[start:stop]``, found by bisection."""
        index = max(0, bisect.bisect_right(self._starts, start) - 1)
        while index < len(self._items) and self._starts[index] < stop:
            item = self._items[index]
            if isinstance(item, Code) and self._starts[index] + len(item.text) > start:
                yield item
            index += 1

    def quotes(self, start: int, end: int) -> int:
        """How many double quotes (straight or curly) stand in ``text[start:end]``; a
        bisection over offsets found once, so counting per hit stays linear."""
        offsets = self._quote_offsets
        if offsets is None:
            offsets = tuple(match.start() for match in _QUOTE.finditer(self.text))
            object.__setattr__(self, "_quote_offsets", offsets)
        return bisect.bisect_left(offsets, end) - bisect.bisect_left(offsets, start)

    def link_at(self, offset: int) -> Link | None:
        """The link whose label holds ``text[offset]``, if any."""
        if not self._items:
            return None
        index = max(0, bisect.bisect_right(self._starts, offset) - 1)
        item = self._items[index]
        return item.link if isinstance(item, Span) else None

    def link_label(self, offset: int) -> str:
        """The whole label of the link whose label holds ``text[offset]`` (``""`` when
        none does)."""
        if not self._items:
            return ""
        index = max(0, bisect.bisect_right(self._starts, offset) - 1)
        item = self._items[index]
        link = item.link if isinstance(item, Span) else None
        if link is None:
            return ""

        def same(at: int) -> bool:
            other = self._items[at]
            return isinstance(other, Span) and other.link is link

        first = last = index
        while first > 0 and same(first - 1):
            first -= 1
        while last + 1 < len(self._items) and same(last + 1):
            last += 1
        end = self._starts[last] + len(self._items[last].text)
        return self.text[self._starts[first] : end]

    def is_prose(self, start: int, end: int) -> bool:
        """Whether ``text[start:end]`` holds no inline code (it may cross emphasis or a
        line break: "**blazing** fast" is prose)."""
        index = max(0, bisect.bisect_right(self._starts, start) - 1)
        while index < len(self._items) and self._starts[index] < end:
            item = self._items[index]
            if isinstance(item, Code) and self._starts[index] + len(item.text) > start:
                return False
            index += 1
        return bool(self._items)

    def source_text(self, start: int, end: int, lines: Sequence[str]) -> str:
        """The source characters from ``text[start]`` to ``text[end - 1]``, line breaks
        (and a continuation line's indentation or ``>``) included as written."""
        line, first = self.position(start)
        last_line, last = self.position(end - 1)
        if last_line == line:
            return lines[line - 1][first - 1 : last]
        if last_line < line:  # positions that do not run forwards: the text as read
            return self.text[start:end]
        middle = lines[line : last_line - 1]
        return "\n".join([lines[line - 1][first - 1 :], *middle, lines[last_line - 1][:last]])

    def sentence(self, offset: int) -> tuple[int, int]:
        """(start, end) of the sentence holding ``text[offset]``."""
        ends = self._sentence_ends
        if ends is None:
            ends = tuple(match.end() for match in _SENTENCE_END.finditer(self.text))
            object.__setattr__(self, "_sentence_ends", ends)
        index = bisect.bisect_right(ends, offset)
        start = ends[index - 1] if index else 0
        end = ends[index] if index < len(ends) else len(self.text)
        return start, end


def one_line(text: str) -> str:
    """``text`` with its runs of white space (line breaks too) as single spaces: how a
    finding's text reads inside a one-line message."""
    return " ".join(text.split())


def inline_text(doc: Document, block: Block) -> InlineText:
    """The block's `InlineText`, built once per page for all rules."""
    cache = doc.derived.setdefault("inline", {})
    found = cache.get(id(block))
    if found is None:
        found = cache[id(block)] = InlineText.of(block)
    assert isinstance(found, InlineText)
    return found
