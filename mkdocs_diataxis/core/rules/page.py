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
TOO_SLOW = Rule(
    "page/too-slow",
    "warning",
    "Checking the page took longer than its time limit, so it was stopped.",
    """A check takes time in proportion to the page's size, except where a regular
expression of the project's backtracks over a long line: a pattern can pass the check
for unsafe shapes (see "What the plugin guarantees") and still take minutes on the
wrong text. Rather than hang the build, the plugin stops
checking the page once it has used `time_limit` seconds of CPU time (per MB of the page,
10 by default) and reports it, naming the pattern that was being matched. The page's
other findings are not reported, and the result is not cached.

The limit applies in `mkdocs build`, `mkdocs-diataxis` and worker processes on Linux and
macOS; on Windows, and in `mkdocs serve`'s rebuilds when they check pages in process,
it is off.

Fix: rewrite the pattern the message names so that its repetitions cannot match the
same text in many ways (here, `.*` four times over a line of colons), or raise
`time_limit` for a page that is just very large.""",
    Example(
        "reference/log.md",
        b"# Log format\n\n" + b":" * 200 + b"\n",
        "every `.*` can stop at any of the 200 colons",
        {"terms": {"forbid": ["/:.*:.*:.*:.*!/"]}, "time_limit": 0.2},
    ),
)
RULES = (UNREADABLE, FRONT_MATTER, TOO_SLOW)

_BY_ID = {rule.id: rule for rule in RULES}


def check(ctx: PageContext) -> Iterator[Finding]:
    """The problems met while reading the page."""
    for problem in ctx.doc.problems:
        yield _BY_ID[problem.rule].reports(ctx.doc, problem)
