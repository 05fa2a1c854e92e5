"""A large page modelled one section at a time, so that only one section's model
exists at once (a model takes some 20 times its text): `section_models`.

A section reads the rest of the page through `PageWide`: every heading and code block
(from the block-level pass that finds the cuts, see `sections`), the paragraphs under
the headings still open, and the last prose of earlier sections.
"""

from __future__ import annotations

from collections.abc import Iterator

from mkdocs_diataxis.core.document.model import (
    EARLIER_PROSE_CHARS,
    PROSE_LEAVES,
    Block,
    Document,
    Heading,
    PageWide,
    prose_text,
)
from mkdocs_diataxis.core.document.walk import TokenWalk


def section_models(walk: TokenWalk) -> Iterator[Document]:
    """The model of each section of the page in turn (`Document.page` set), each
    built once the one before is done with, so that only one exists at once.

    Between sections the page keeps what later sections read of earlier ones: its
    headings and comments (the page's ``headings`` and ``comments`` lists, shared
    with every section), the paragraphs under the headings still open, and the last
    of the prose (see `PageWide`). Drop each section before asking for the next."""
    doc = walk.doc
    text, parts = walk.plan()
    page = walk.page
    for part in parts:
        walk.doc = Document(
            path=doc.path,
            text=doc.text,
            front_matter=doc.front_matter,
            templates=doc.templates,
            lines=doc.lines,
            line_starts=doc.line_starts,
            headings=doc.headings,
            comments=doc.comments,
            directives=doc.directives,
            abbreviations=doc.abbreviations,
            footnotes=doc.footnotes,
            page=page,
        )
        walk.walk_part(text, part, True)
        yield walk.doc
        _carry(walk.doc, page)
    walk.doc = doc


def _carry(section: Document, page: PageWide) -> None:
    """Keep what later sections read of ``section`` in ``page`` (see `PageWide`): the
    paragraphs under the headings still open at its end (only they can head a later
    block), and the last `EARLIER_PROSE_CHARS` characters of its prose. The rest of its
    model is left to be freed."""
    chain: list[Heading] = []  # the headings still open, innermost first
    for heading in reversed(section.headings):
        if not chain or heading.level < chain[-1].level:
            chain.append(heading)
            if heading.level == 1:
                break
    under: dict[int, Block] = {}
    open_blocks = {id(heading.block): heading.block for heading in chain}
    previous: Block | None = None
    for block in section.blocks:  # the block under a heading, as `Outline.under` finds it
        if block.kind == "html":
            continue
        if previous is not None and id(previous) in open_blocks and block.kind == "paragraph":
            under[id(previous)] = block
        previous = block
    for heading in chain:
        key = id(heading.block)
        if key in page.under and key not in under:
            under[key] = page.under[key]
    let_go = [block for block in page.under.values() if block not in under.values()]
    page.under = under
    kept: list[tuple[int, str]] = []  # newest first
    size = 0
    for block in reversed(section.blocks):
        if size > EARLIER_PROSE_CHARS:
            break
        if block.items and block.kind in PROSE_LEAVES:
            kept.append((block.line, prose_text(block)))
            size += len(kept[-1][1])
    for entry in reversed(page.earlier_prose):
        if size > EARLIER_PROSE_CHARS:
            break
        kept.append(entry)
        size += len(entry[1])
    kept.reverse()
    page.earlier_prose = kept
    # A block's spans point back at it: with the items of the blocks no later section
    # reads let go, the rest of the model is freed as soon as it is dropped, without
    # waiting for the cycle collector (paused while a page is checked).
    still_read = {id(block) for block in page.under.values()}
    for block in [*section.blocks, *let_go]:  # headings stay whole: the page keeps them
        if block.items and block.kind != "heading" and id(block) not in still_read:
            block.items = []
