"""``page/*``: problems with the page file itself, met while reading it."""

from __future__ import annotations

from collections.abc import Iterator

from mkdocs_diataxis.core.context import PageContext
from mkdocs_diataxis.core.finding import Finding
from mkdocs_diataxis.core.rule import Example, Rule

UNREADABLE = Rule(
    "page/unreadable",
    "warning",
    "The page cannot be read as UTF-8 text, so it cannot be checked.",
    """MkDocs reads pages as UTF-8 and stops the build on anything else; the plugin
reports the page, with the line of the first bad byte, and checks the other pages.
A file the system cannot read at all (permissions, a broken link) is reported the
same way, with the system's reason.

Fix: re-save the file as UTF-8 (every editor offers it).""",
    Example(
        "notes.md",
        "# Café notes\n".encode("latin-1"),
        "saved as Latin-1, so `é` is the single byte `0xe9`",
    ),
)
FRONT_MATTER = Rule(
    "page/front-matter",
    "warning",
    "The page's front matter is not valid YAML or not a mapping.",
    """MkDocs silently ignores front matter it cannot load and renders it as page text,
so `diataxis:` and every other key in it are lost without a word. The finding names
the line and column where YAML parsing failed.

Fix: correct the YAML between the `---` lines, quoting values that contain `: `.""",
    Example(
        "how-to/deploy.md",
        b"---\ntitle: Deploying: the hard way\n---\n# Deploying\n",
        "the second colon is not quoted",
    ),
)
RULES = (UNREADABLE, FRONT_MATTER)

_BY_ID = {rule.id: rule for rule in RULES}


def check(ctx: PageContext) -> Iterator[Finding]:
    """The problems met while reading the page."""
    for problem in ctx.doc.problems:
        yield _BY_ID[problem.rule].reports(ctx.doc, problem)
