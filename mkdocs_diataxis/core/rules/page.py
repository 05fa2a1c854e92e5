"""``page/*``: problems with the page file itself, met while reading it."""

from __future__ import annotations

import re
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
30 by default) and reports it, naming the pattern that was being matched. The page's
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
HTML_TITLE = Rule(
    "page/html-title",
    "warning",
    "The page's front matter title holds HTML, which themes put unescaped into every page.",
    """MkDocs themes (its own, readthedocs, Material) write each page's title into the
navigation of every page of the site as it is, not escaped. A `title:` in front matter
holding a tag is therefore HTML on every page: `<img src=x onerror=...>` runs its
script site-wide, and even a harmless `<code>` shows as literal text in the browser
tab, where titles are never HTML. A title taken from the first heading is safe: MkDocs
strips the tags from it (tested), so only front matter titles are checked.

The finding shows the first tag, at its place in the front matter.

Fix: write the title as plain text, and keep the formatting for the page's first
heading; or write `<` as `&lt;` to show it literally.""",
    Example(
        "how-to/embed.md",
        b"---\ntitle: Embed an <iframe> player\n---\n# Embed a player\n",
        "the title would be an iframe in every page's navigation",
    ),
)
RULES = (UNREADABLE, FRONT_MATTER, TOO_SLOW, HTML_TITLE)

_BY_ID = {rule.id: rule for rule in RULES}

_TAG = re.compile(r"<(?:/?[A-Za-z][^<>]*>?|!--|!\[CDATA\[|![A-Za-z]|\?)")
"""An HTML tag, end tag, comment or processing instruction, as a browser starts one."""


def check(ctx: PageContext) -> Iterator[Finding]:
    """The problems met while reading the page, and a front matter title that is HTML."""
    doc = ctx.doc
    for problem in doc.problems:
        yield _BY_ID[problem.rule].reports(doc, problem)
    title = doc.meta.get("title")
    if title is not None and not isinstance(title, str):
        title = str(title)  # a list or a mapping reaches the theme as its text
    if title is not None and (tag := _TAG.search(title)) is not None:
        where = next(doc.front_matter_keys("title"), (1, 1))
        found = doc.locate(tag.group(0), *where, last_line=doc.front_matter.end_line)
        line, column = found or where
        yield HTML_TITLE.at(
            doc,
            line,
            column,
            tag.group(0),
            "the front matter title holds HTML: themes put it unescaped into every page's"
            " navigation, where it runs as HTML, and the browser tab shows it as text",
            "write the title as plain text (formatting belongs in the first heading), or"
            " write < as &lt;",
        )
