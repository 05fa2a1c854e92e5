"""What a page is made of, when that alone shows its kind: entries to look up
(reference) and directions for tasks (how-to guides). `content/fit` reports a page on
these (see ``core/fit/cases.py``); they are kept apart from the model's inputs."""

from __future__ import annotations

import bisect
import re

from mkdocs_diataxis.core.document import Block, Code, Document, Span, Table
from mkdocs_diataxis.core.fit.text import IMPERATIVE, Found, prose, shorten, with_code

ENTRIES = (
    "table rows under headers such as Name, Type, Default, and list items that open with"
    " a name from code and say what it is"
)
"""What counts as an entry to look up, as findings say it."""
CASES: dict[str, tuple[str, str]] = {
    "lookup-entries": ("reference", f"entries to look up: {ENTRIES}"),
    "directions": (
        "how-to",
        'directions for tasks: "to do X, run Y"',
    ),
}
"""Signals that make a case by themselves, weighed apart from the model by
`content/fit` (see ``core/rules/content.py``), not by it: as inputs to it they
measured no better (leave one corpus out, macro 0.781 with them and without)."""

# A table whose header names what each row describes: "Name | Type | Default",
# "Key | Description" (not sample data such as "timestamp | price").
_FIELD_HEADER = re.compile(
    r"\b(?:name|key|field|option|parameter|param|argument|arg|flag|variable|env|setting|"
    r"property|attribute|column|annotation|type|default|description|required|condition|"
    r"reason|endpoint|method|metric)s?\b",
    re.IGNORECASE,
)
# "To pin a version, run ...", "To add a dependency, use ...": a task, then what to do.
# Not a phrase that opens a sentence the same way: "To some extent, you can", "To be
# fair, you should", "To put it another way, you can", "To summarize, use"; nor a
# pointer elsewhere ("To learn more, see").
_NOT_A_TASK = (
    r"(?:a|an|the|this|that|these|those|some|any|each|date|what|which)\b"
    r"|be (?:fair|clear|honest|precise|exact)\b|put it\b|sum up\b|summari[sz]e\b|recap\b"
    r"|conclude\b|illustrate\b|learn more\b|find out more\b|read more\b"
)
_DIRECTION = re.compile(
    rf"(?:^|[.!?:] )to (?!{_NOT_A_TASK})[a-z]+\b[^.!?]*?, "
    rf"(?:{IMPERATIVE.pattern}|you (?:can|need|must|should)\b)",
    re.IGNORECASE,
)
# After a list item's opening name: ": what it is", "- what it is", "(int): ...".
_DESCRIBED = re.compile(r"\s*(?:\([^)]*\)\s*)?[:=\u2013\u2014-]\s*\S")


def _describes_a_name(block: Block) -> bool:
    """Whether a paragraph opens a list item with a name from code and says what it is:
    "`timeout`: seconds to wait" (an entry of a list of options, fields, columns)."""
    if block.parent is None or block.parent.kind != "list_item" or len(block.items) < 2:
        return False
    name, after = block.items[0], block.items[1]
    return isinstance(name, Code) and isinstance(after, Span) and bool(_DESCRIBED.match(after.text))


def read_cases(doc: Document, body: dict[str, Found]) -> int:
    """The `CASES` of ``doc`` into ``body``; the words of its entries to look up."""
    entries: list[tuple[int, str, int]] = []  # (line, text, words), to be put in order
    for block in doc.blocks:
        if block.kind != "paragraph" or not block.items:
            continue
        if _may_direct(block):
            said, starts = with_code(block)
            for match in _DIRECTION.finditer(said):
                direction = match.group(0).lstrip(".!?: ")
                begins = match.end() - len(direction)
                at = starts[bisect.bisect_right(starts, (begins, 1 << 30)) - 1][1]
                body["directions"].add(at, shorten(direction))
        if _describes_a_name(block):
            text, line = prose(block)
            entries.append((line, text[:40], len(text.split())))
    for table in doc.tables:
        # Counted as the page's words are: the prose of each cell, not its code.
        rows = [[len(prose(cell.block)[0].split()) for cell in row] for row in table.rows]
        if _names_entries(table, rows):
            for row, words in zip(table.rows, rows, strict=True):
                if row:
                    entries.append((row[0].line, row[0].text[:40], sum(words)))
    for line, text, _ in sorted(entries, key=lambda entry: entry[0]):
        body["lookup-entries"].add(line, text)
    return sum(words for _, _, words in entries)


def _names_entries(table: Table, rows: list[list[int]]) -> bool:
    """Whether a table is one of entries: its header names what each row describes,
    and at least half its rows say something in words (a cell of three words or
    more), where most sample data ("name | department | salary") holds values. Sample
    data with a column of sentences (a log's messages) is counted: requiring the
    words under a describing column ("Description") dropped a reference page that was
    rightly reported (benchmarks/fit-results.md). ``rows``: the words of each cell."""
    if len(rows) < 3 or not _FIELD_HEADER.search(" ".join(c.text for c in table.header)):
        return False
    said = sum(1 for row in rows if any(words >= 3 for words in row))
    return 2 * said >= len(rows)


def _may_direct(block: Block) -> bool:
    """Whether a paragraph has "to" in its prose and a comma, as every direction does:
    most have not, and are not joined with their code to be looked at."""
    to = comma = False
    for item in block.items:
        if isinstance(item, Span):
            to = to or "to" in item.text.lower()
            comma = comma or "," in item.text
        elif isinstance(item, Code):
            comma = comma or "," in item.text
    return to and comma
