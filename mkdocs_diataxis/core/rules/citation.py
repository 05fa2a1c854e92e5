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
    "A measured performance figure has no source in reach.",
    """A number with a performance unit ("286ns", "6.12M msg/sec", "3x faster",
"23% faster", "120 MB/s") is a claim a reader will repeat. When it is a measurement
(not a configured value, a target or a reading time), the page must say where it
came from: a link, a footnote, a benchmark file or id, or a "Source:" line, placed in
the figure's scope (its sentence or list item, its table row or Source column, a
lead-in ending with ":" before the list or table, a "Source:" trailer after it, the
first paragraph of its section, or a Sources/Methodology section).

Fix: link the benchmark (`286ns ([bench](https://example.org/bench))`), add a
footnote, or put a "Source: `benches/spawn.rs`" line under the list.""",
    Example(
        "reference/lifecycle.md",
        b"# Lifecycle\n\nCosts on the reference machine.\n\n- Component spawn: 286ns\n",
        "a list with no lead-in naming a source",
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
    """``citation/uncited`` for measured figures nothing covers; ``citation/weak`` once."""
    doc = ctx.doc
    for figure in ctx.figures:
        if figure.kind != "measured" or figure.scope is not None:
            continue
        yield UNCITED.at(
            doc,
            figure.line,
            figure.column,
            figure.text,
            f'"{one_line(figure.text)}" is a measured performance figure with no source in reach',
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
            f"{weak} measured figure(s) rely on a methodology section that names no source",
            "link the benchmark code or its results from this section",
        )


_SUGGESTIONS = {
    "table": 'add a Source column, or a "Source:" line under the table naming the benchmark',
    "list": 'add a lead-in ending with ":" that names the benchmark, or a link in the item',
    "prose": "link the benchmark or add a footnote naming where the figure comes from",
}
