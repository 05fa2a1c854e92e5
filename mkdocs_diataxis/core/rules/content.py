"""``content/fit``: a page whose content reads clearly as another category than the one
it is filed in, with the signals that decided it (``content_fit``, off by default).

What a page reads as comes from ``core/fit``: signals a reader notices, weighed by a
linear model measured on real docs. Across projects it tells reference pages and
how-to guides apart, and little else (``benchmarks/fit-results.md``), so the rule
reports only a page that reads as one of those two, surely, with signals to show.
"""

from __future__ import annotations

from collections.abc import Iterator

from mkdocs_diataxis.core.context import PageContext
from mkdocs_diataxis.core.finding import Finding
from mkdocs_diataxis.core.fit.reading import Reading
from mkdocs_diataxis.core.fit.suggest import CONTENT_DECIDES, SURE
from mkdocs_diataxis.core.rule import Example, Rule

OUTSCORED = 0.1
"""The page's own category must score no more than this: clearly outscored."""

FIT = Rule(
    "content/fit",
    "info",
    "The page reads clearly as reference or as a how-to guide, but is filed as another category.",
    """Diátaxis asks what a page is for, not where it is filed. A how-to guide that has
grown into tables of options, or a reference page that walks through steps, serves
neither reader well. With `content_fit: {enabled: true}`, each page's content is read
for the signals of each category (steps that open with a verb, numbered steps,
prerequisites; tables, Parameters/Returns headings, signatures; "in this tutorial",
"you should see"; "why", "because", trade-offs), the title and opening weighing more.
A page is reported when it reads as reference or as a how-to guide at least as surely
as `mkdocs-diataxis init` needs (70% for reference, 80% for how-to), its own category
scores 10% or less, and signals of the category it reads as can be shown: the finding
names them, with their lines. The model does not tell tutorials or explanations apart
from how-to guides well enough to report a page for reading as one of them.

Info by default: it never fails `--strict`; `severity: {content/fit: warn}` makes it
a warning.

Fix: if the page is what it reads as, file it there (move it, or declare
`diataxis: <category>`); if it is what its folder says, rewrite it for that reader,
or split it: the tables into a reference page, the steps into a how-to guide. A page
that is rightly both can say `diataxis_ignore: [content/fit]` in its front matter.""",
    Example(
        "how-to/options.md",
        b"# Options\n\n## Parameters\n\n| name | type | default |\n|---|---|---|\n"
        b"| `a` | `int` | `0` |\n| `b` | `str` | `x` |\n| `c` | `bool` | `no` |\n\n"
        b"## Returns\n\nDefaults to `None`.\n",
        "a how-to guide that reads as reference",
        {"content_fit": {"enabled": True}},
    ),
)
RULES = (FIT,)


def check(ctx: PageContext) -> Iterator[Finding]:
    """A `content/fit` finding when the page's content reads clearly as another
    category than its own."""
    reading, category = ctx.fit, ctx.category
    if reading is None or category is None or not outscored(reading, category):
        return
    yield FIT.at(
        ctx.doc,
        1,
        1,
        "",
        f"the page reads as {reading.category}, not {category}"
        f" ({reading.category} {_percent(reading.probability)},"
        f" {category} {_percent(reading.scores[category])}): {reading.why()}",
        f"if it is {_article(reading.category)}, file it there (move it, or declare"
        f' "diataxis: {reading.category}"); if it is {_article(category)}, rewrite or'
        " split it for that reader",
    )


def outscored(reading: Reading, category: str) -> bool:
    """Whether ``reading`` clearly outscores the page's own ``category``."""
    read = reading.category
    return (
        read != category
        and read in CONTENT_DECIDES
        and reading.probability >= SURE[read]
        and reading.scores[category] <= OUTSCORED
        and bool(reading.evidence)
    )


def _percent(value: float) -> str:
    return f"{int(value * 100 + 1e-9)}%"


def _article(category: str) -> str:
    return {
        "tutorial": "a tutorial",
        "how-to": "a how-to guide",
        "reference": "reference",
        "explanation": "an explanation",
    }[category]
