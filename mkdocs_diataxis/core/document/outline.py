"""The outline of a page: which block comes before and after which, the prose leaves of
each list item and table row, the block under each heading, and the sections that hold
each line. Built once per page, in one pass, for every rule that asks (`outline_of`).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from mkdocs_diataxis.core.document.model import PROSE_LEAVES, Block, Document, Heading


class Outline:
    """Relations between a page's blocks, each answered by a lookup."""

    def __init__(self, doc: Document) -> None:
        blocks = doc.blocks
        self._blocks = blocks
        # By block number (`Block.number`): a list entry a block, where dictionaries
        # keyed by block took a tenth of a large page's model.
        self._previous: list[Block | None] = [None] * len(blocks)
        self._next: list[Block | None] = [None] * len(blocks)
        self._own_leaves: dict[int, list[Block]] = {}
        self._under_heading: dict[int, Block] = {}
        last_child: dict[int, Block] = {}
        previous_block: Block | None = None
        for number, block in enumerate(blocks):
            parent_key = id(block.parent)
            before = last_child.get(parent_key)
            if before is not None:
                self._previous[number] = before
                self._next[before.number] = block
            last_child[parent_key] = block
            if block.kind in PROSE_LEAVES:
                owner = block.parent if block.kind == "table_cell" else block.enclosing("list_item")
                if owner is not None:
                    self._own_leaves.setdefault(owner.number, []).append(block)
            if block.kind != "html":  # comments may stand between a heading and its text
                if previous_block is not None and previous_block.kind == "heading":
                    self._under_heading[previous_block.number] = block
                previous_block = block
        # Each heading's chain from the one before it: a page of thousands of sections
        # and figures stays linear.
        chains: list[tuple[Heading, ...]] = []
        chain: list[Heading] = []
        for heading in doc.headings:
            while chain and chain[-1].level >= heading.level:
                chain.pop()
            chain.append(heading)
            chains.append(tuple(reversed(chain)))
        self._chains = chains
        self._heading_lines = [heading.line for heading in doc.headings]
        # A section of a large page: the paragraphs under headings of earlier sections.
        self._earlier_under = doc.page.under if doc.page is not None else {}

    def _number(self, block: Block) -> int:
        """``block``'s number in this page, or -1 for a block not of it."""
        number = block.number
        if 0 <= number < len(self._blocks) and self._blocks[number] is block:
            return number
        return -1

    def previous(self, block: Block) -> Block | None:
        """The sibling right before ``block`` (same parent), if any."""
        number = self._number(block)
        return self._previous[number] if number >= 0 else None

    def next(self, block: Block) -> Block | None:
        """The sibling right after ``block`` (same parent), if any."""
        number = self._number(block)
        return self._next[number] if number >= 0 else None

    def own_leaves(self, owner: Block) -> Sequence[Block]:
        """The prose leaves of a list item (not of the items nested in it) or of a table
        row, in order."""
        return self._own_leaves.get(self._number(owner), ())

    def under(self, heading: Heading) -> Block | None:
        """The first block after ``heading`` (comments skipped), if any. For a heading
        of an earlier section of a large page: the paragraph under it, if one is."""
        number = self._number(heading.block)
        if number < 0:
            return self._earlier_under.get(id(heading.block))
        return self._under_heading.get(number)

    def sections(self, line: int) -> tuple[Heading, ...]:
        """The headings whose sections hold ``line``, innermost first."""
        index = bisect.bisect_right(self._heading_lines, line) - 1
        return self._chains[index] if index >= 0 else ()


def outline_of(doc: Document) -> Outline:
    """The page's outline, built on first use and shared by every rule."""
    found = doc.derived.get("outline")
    if found is None:
        found = doc.derived["outline"] = Outline(doc)
    assert isinstance(found, Outline)
    return found
