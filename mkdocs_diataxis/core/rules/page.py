"""``page/*``: problems with the page file itself, found while building the document."""

from __future__ import annotations

from collections.abc import Iterator

from mkdocs_diataxis.core.document import Document
from mkdocs_diataxis.core.finding import Finding
from mkdocs_diataxis.core.rule import Rule

UNREADABLE = Rule(
    "page/unreadable",
    "warning",
    "The page cannot be read as UTF-8 text, so it cannot be checked.",
    """MkDocs reads pages as UTF-8 and stops the build on anything else; the plugin
reports the page, with the line of the first bad byte, and checks the other pages.
A file the system cannot read at all (permissions, a broken link) is reported the
same way, with the system's reason.

Example: a page saved as Latin-1 with `café` in it.

Fix: re-save the file as UTF-8 (every editor offers it).""",
)
FRONT_MATTER = Rule(
    "page/front-matter",
    "warning",
    "The page's front matter is not valid YAML or not a mapping.",
    """MkDocs silently ignores front matter it cannot load and renders it as page text,
so `diataxis:` and every other key in it are lost without a word. The finding names
the line and column where YAML parsing failed.

Example: `title: Deploying: the hard way` (an unquoted second colon).

Fix: correct the YAML between the `---` lines, quoting values that contain `: `.""",
)
RULES = (UNREADABLE, FRONT_MATTER)

_BY_ID = {rule.id: rule for rule in RULES}


def check(doc: Document) -> Iterator[Finding]:
    """The problems met while reading the page."""
    for problem in doc.problems:
        rule = _BY_ID[problem.rule]
        yield rule.at(
            doc, problem.line, problem.column, problem.text, problem.message, problem.suggestion
        )
