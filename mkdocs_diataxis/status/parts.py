"""The vocabulary of the status page: its own CSS, its words for categories and plan
states, and the parts a table cell or list item is made of, each escaped its own way
(see ``render``)."""

from __future__ import annotations

from typing import NamedTuple

# The page's own CSS (in the page, not the site): the progress bars. Colours come from
# Material's variables when present, with plain fallbacks for the mkdocs theme.
STYLE = (
    "<style>"
    ".diataxis-progress{height:.6rem;max-width:24rem;border-radius:.3rem;overflow:hidden;"
    "background:var(--md-default-fg-color--lightest,#e0e0e0)}"
    ".diataxis-progress>span{display:block;height:100%;"
    "background:var(--md-accent-fg-color,#2e7d32)}"
    # Tables fit the content column in every theme: cells wrap (ReadTheDocs keeps them
    # on one line), long paths break, and what still does not fit scrolls in place.
    ".diataxis-table{max-width:100%;overflow-x:auto}"
    ".diataxis-table table td,.diataxis-table table th{white-space:normal;"
    "overflow-wrap:anywhere}"
    "</style>"
)

HEADINGS = {
    "tutorial": "Tutorials",
    "how-to": "How-to guides",
    "reference": "Reference",
    "explanation": "Explanation",
}
STATE_MARKS = {
    "missing": "✗ missing",
    "stub": "○ stub",
    "draft": "◐ draft",
    "needs work": "△ needs work",
    "complete": "✓ complete",
}


class Link(NamedTuple):
    """A link to a page (by its path under ``docs_dir``) or, with ``url``, elsewhere."""

    label: str
    path: str = ""
    url: str = ""


class Code(NamedTuple):
    value: str


class Em(NamedTuple):
    value: str


class Own(NamedTuple):
    """Words of this page's own, with nothing in them that Markdown would read as syntax:
    written as they are (HTML-escaped in HTML)."""

    value: str


Part = str | Link | Code | Em | Own
"""A piece of a table cell or list item: a ``str`` is text from the docs, config or plan,
escaped as it is written."""
