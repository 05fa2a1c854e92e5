"""``content/fit``: a page whose content reads clearly as another category than the one
it is filed in, with the content that shows it (``content_fit``, off by default).

What a page reads as overall comes from ``core/fit``: signals a reader notices,
weighed by a linear model measured on real docs. Judged by reading the pages it
reported, the model alone was wrong two times in three (``benchmarks/fit-judged.tsv``):
a recipe with tables of sample data reads as reference, an explanation whose
numbered list describes a mechanism reads as a how-to guide. So a report needs
content that makes the case by itself, in one of two kinds, and the model only
vetoes: a page whose signals read most as its own category is never reported.

- As reference: a third or more of the page's words are in entries to look up
  (rows of tables headed "Name | Type | Default", "`name`: what it is" list items),
  three or more, on a page not filed as reference.
- As a how-to guide: directions for tasks ("To pin a version, run ..."), two or
  more and one every 250 words at least, on a page filed as reference or
  explanation. A tutorial is made of directions too: what sets it apart is the
  reader it serves, which no signal shows, so a tutorial is never reported for
  reading as a how-to guide.
"""

from __future__ import annotations

from collections.abc import Iterator

from mkdocs_diataxis.core.context import PageContext
from mkdocs_diataxis.core.finding import Finding
from mkdocs_diataxis.core.fit.made_of import ENTRIES
from mkdocs_diataxis.core.fit.reading import Evidence, Reading
from mkdocs_diataxis.core.rule import Example, Rule

_EXAMPLE = (
    b"# Cache options\n\nThe cache takes these options, all of them optional, in its"
    b" section of the settings file.\n\n"
    b"| Option | Type | Description |\n|---|---|---|\n"
    b"| `dir` | path | Where the cache keeps its files on disk, created when missing. |\n"
    b"| `size` | integer | The most bytes the cache holds before the oldest entries go. |\n"
    b"| `ttl` | seconds | How long an entry stays fresh before it is fetched again. |\n"
    b"| `shared` | boolean | Whether other processes may read and write the same cache. |\n"
    b"| `verify` | boolean | Whether each entry is checked against its digest when read. |\n"
    b"| `compress` | boolean | Whether entries are stored compressed, to save disk space. |\n"
    b"| `offline` | boolean | Whether a missing entry is an error instead of a download. |\n"
    b"| `log` | path | Where the cache writes a line for each entry it adds or drops. |\n"
)
"""A how-to guide that is a table of options (the how-to guide shows it too)."""

FIT = Rule(
    "content/fit",
    "info",
    "The page is made of entries to look up, or of directions for tasks, but filed otherwise.",
    """Diátaxis asks what a page is for, not where it is filed. A how-to guide that has
grown into tables of options, or an explanation that has become a list of "to do X,
run Y", serves neither reader well. With `content_fit: {enabled: true}`, each page is
read for content that shows by itself what kind of page it is, of two kinds only.

Entries to look up are rows of tables whose header names what each row describes
(Name, Key, Type, Default, Description) and at least half of whose rows have a cell
of three words or more, and list items that open with a name from code and say what
it is. A page not filed as reference is reported when a third or more of its words
are in such entries, three or more.

Directions for tasks are sentences that open with "To" and a task, then, after a
comma, say what to do with one of some seventy common verbs or "you can", "you need",
"you must", "you should": "To pin a version, run ...", "To enable it, add ...", "To
log in, you can ...". "To learn more, see ..." is not one. A
page filed as reference or explanation is reported when it gives two or more, one
every 250 words at least.

Words are those of the page's prose, headings and table cells, not its code; a page
of fewer than 100 words is never reported. The page is also scored for the four
categories from all its signals (steps that open with a verb, prerequisites; tables,
Parameters/Returns headings, signatures; "in this tutorial", "you should see"; "why",
"because", trade-offs), the title and opening weighing more, and a page whose
signals score its own category highest is never reported. Only pages in English
are read (judged by the function words of paragraphs and of table cells that hold
words, and by their script). Tutorials are never reported for reading as how-to
guides: both are made of steps, and what sets them apart (a learner led through a
lesson, a worker doing a task) shows in no signal. The finding names the lines, the
share or the rate, and the scores.

Info by default: it never fails `--strict`; `severity: {content/fit: warn}` makes it
a warning.

Fix: if the page is what it reads as, file it there (move it, or declare
`diataxis: <category>`); if it is what its folder says, move the entries or the
directions to a page of their own and link to it. A page that is rightly both can
say `diataxis_ignore: [content/fit]` in its front matter.""",
    Example(
        "how-to/cache.md",
        _EXAMPLE,
        "a how-to guide made of a table of options",
        {"content_fit": {"enabled": True}},
    ),
)
RULES = (FIT,)


def check(ctx: PageContext) -> Iterator[Finding]:
    """A `content/fit` finding when the page's content reads clearly as another
    category than its own."""
    reading, category, case = ctx.fit, ctx.category, ctx.fit_case
    if reading is None or category is None or case is None:
        return
    reads_as, evidence = case
    yield FIT.at(
        ctx.doc,
        1,
        1,
        "",
        f"the page reads as {_article(reads_as)}, not {_article(category)}:"
        f" {_the_case(evidence, reading)}; {_scores(reading, reads_as, category)}",
        f"if it is {_article(reads_as)}, file it there (move it, or declare"
        f' "diataxis: {reads_as}"); if it is {_article(category)}, move the'
        f" {_PARTS[reads_as]} to a page of their own",
    )


_PARTS = {"reference": "entries to look up", "how-to": "directions"}


def _the_case(case: Evidence, reading: Reading) -> str:
    """The content that makes the case, said so that it can be checked."""
    signals = reading.signals
    words = signals.words
    lines = sorted({line for line, _ in case.places})
    at = f"line{'s' if len(lines) > 1 else ''} {', '.join(map(str, lines))}"
    if case.count > len(case.places):
        at += ", ..."
    if case.signal == "lookup-entries":
        share = signals.lookup_words / words  # a case needs 100 words or more
        return (
            f"{_percent(share)} of its words are in {case.count} entries to look up ({at}):"
            f" {ENTRIES}"
        )
    first = case.places[0][1] if case.places else ""
    return (
        f"it gives {case.count} directions for tasks, one every {words // case.count} words"
        f' ({at}), such as "{first if first.endswith("...") else first + " ..."}"'
    )


def _scores(reading: Reading, reads_as: str, category: str) -> str:
    """The scores of the category read and of the page's own, and of the highest when it
    is neither (a page of directions full of commands scores highest as reference)."""
    shown = [reads_as, category]
    if reading.category not in shown:
        shown.append(reading.category)
    scores = ", ".join(f"{_percent(reading.scores[c])} as {_article(c)}" for c in shown)
    return f"on all its signals it scores {scores}"


def _percent(value: float) -> str:
    return f"{int(value * 100 + 1e-9)}%"


def _article(category: str) -> str:
    return {
        "tutorial": "a tutorial",
        "how-to": "a how-to guide",
        "reference": "reference",
        "explanation": "an explanation",
    }[category]
