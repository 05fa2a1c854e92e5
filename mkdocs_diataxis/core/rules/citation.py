"""``citation/*``: measured performance figures must say where they come from.

The figures themselves (found, classified, matched with their citations) are a fact of
the page that ``core/figures/`` computes once; these rules report the measured ones no
citation covers.
"""

from __future__ import annotations

from collections.abc import Iterator

from mkdocs_diataxis.core.context import PageContext
from mkdocs_diataxis.core.document import one_line
from mkdocs_diataxis.core.figures.sources import methodology_heading
from mkdocs_diataxis.core.finding import Finding
from mkdocs_diataxis.core.rule import Example, Rule

UNCITED = Rule(
    "citation/uncited",
    "warning",
    "A performance claim has no source in reach.",
    """A number with a performance unit ("286ns", "6.12M msg/sec", "3x faster", "23%",
"120 MB/s") is only a candidate. It is a claim a reader will repeat when something
around it says so: a metric ("latency", "takes", "memory usage", "overhead"), measured
wording ("measured", "in our tests", "Result:") or a comparison ("74% more requests per
second", "reduces build time by 40%"), looked for in the figure's sentence or list item,
then its table row and column header, then the lead-in of its list or table, then its
headings. Words that make it a setting, a target, an example, the test environment or
something else (a price, a reader's time) say it is not; the sentence wins over a
heading. A claim must say where it came from: a link, a footnote, a benchmark file or
id, or a "Source:" line, in its scope (its sentence or item, its table row or Source
column, a lead-in ending with ":", a "Source:" trailer, the heading or opening paragraph
of its section, the benchmark printed after it, or a Sources/Methodology section). The
message names the evidence; `mkdocs-diataxis figures` lists every candidate and why.

Fix: link the benchmark (`286ns ([bench](https://example.org/bench))`), add a
footnote, or put a "Source: `benches/spawn.rs`" line under the list.""",
    Example(
        "reference/lifecycle.md",
        b"# Lifecycle\n\nSpawning a component takes 286ns on a warm cache.\n",
        "the sentence says how long spawning takes, and nothing says where that comes from",
    ),
)
WEAK = Rule(
    "citation/weak",
    "info",
    "Figures rely on a methodology section that names no source.",
    """A "Methodology" or "Test environment" section tells how figures were measured,
but without a locator (a link, a benchmark file or id) nobody can rerun or check
them. The figures it covers are not reported one by one; this one finding, at the
section, says how many depend on it. Its severity is `citations.methodology`.

Fix: link the benchmark code or results from the methodology section.""",
    Example(
        "reference/lifecycle.md",
        b"# Lifecycle\n\nSpawn takes 286ns.\n\n## Methodology\n\nMeasured on a laptop.\n",
        "`citation/weak` is info by default; set `citations.methodology: warn` to fail on it",
    ),
)
RULES = (UNCITED, WEAK)


def check(ctx: PageContext) -> Iterator[Finding]:
    """``citation/uncited`` for claims nothing covers; ``citation/weak`` once."""
    doc = ctx.doc
    for figure in ctx.figures:
        if not figure.uncited:
            continue
        yield UNCITED.at(
            doc,
            figure.line,
            figure.column,
            figure.text,
            f'"{one_line(figure.text)}" reads as a measured performance claim'
            f" ({figure.evidence.describe()}) with no source in reach",
            _SUGGESTIONS[figure.container],
        )
    weak = sum(1 for figure in ctx.figures if figure.weakly_cited)
    if weak:
        heading = methodology_heading(doc)
        line, column, text = (heading.line, heading.column, heading.text) if heading else (1, 1, "")
        yield WEAK.at(
            doc,
            line,
            column,
            text,
            f"{weak} performance claim(s) rely on a methodology section that names no source",
            "link the benchmark code or its results from this section",
        )


_SUGGESTIONS = {
    "table": 'add a Source column, or a "Source:" line under the table naming the benchmark',
    "list": 'add a lead-in ending with ":" that names the benchmark, or a link in the item',
    "prose": "link the benchmark or add a footnote naming where the figure comes from",
}
