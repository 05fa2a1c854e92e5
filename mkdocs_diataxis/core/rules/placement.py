"""``placement/*``: every page sits in one Diátaxis category, and its front matter agrees.

The category itself is decided in ``core/category.py`` (front matter first, then the
nearest category folder); these rules report what is wrong with how it was decided.
"""

from __future__ import annotations

from collections.abc import Iterator

from mkdocs_diataxis.core.category import FRONT_MATTER_KEY
from mkdocs_diataxis.core.context import PageContext
from mkdocs_diataxis.core.document import Document
from mkdocs_diataxis.core.finding import Finding
from mkdocs_diataxis.core.rule import Example, Rule
from mkdocs_diataxis.core.spelling import closest
from mkdocs_diataxis.core.vocabulary import CATEGORIES

UNCATEGORIZED = Rule(
    "placement/uncategorized",
    "warning",
    "A page that must have a category is in no category folder and declares none.",
    """Every page covered by `require_category` (all Markdown pages by default) and not
matched by `exempt` must belong to one of the four Diátaxis categories: tutorial,
how-to, reference or explanation. The category comes from front matter
(`diataxis: how-to`) or from a category folder anywhere in the page's path
(`guides/`, `reference/`, ... as mapped by `categories`).

Fix: move the page into a category folder, declare `diataxis: <category>` in its
front matter, or add it to `exempt` if it is a landing page. On a site with many
such pages, `mkdocs-diataxis init` prints the `categories:` and `exempt:` lines that
file them, each with its reason.""",
    Example("deploying.md", b"# Deploying\n", "no front matter, in no category folder"),
)
MISMATCH = Rule(
    "placement/mismatch",
    "warning",
    "The front matter declares one category and the page's folder says another.",
    """A page under `reference/` that declares `diataxis: how-to` is either in the wrong
folder or wrongly labelled; readers browsing the folder and the status page would
disagree about what it is. The front matter wins for the status page meanwhile.

Fix: move the page to a folder of the declared category, or correct the front matter.""",
    Example("reference/deploy.md", b"---\ndiataxis: how-to\n---\n# Deploy\n"),
)
NESTED = Rule(
    "placement/nested",
    "warning",
    "The page's path holds category folders of two different categories.",
    """`reference/guides/x.md` is under a reference folder and a how-to folder at once.
The nearest folder (`guides/`, how-to) decides the category meanwhile, but the
structure is confusing: a category folder belongs in one place in the tree.

Fix: move the page so that its path holds one category folder only, or rename a
folder that is not meant as a category (or remove it from `categories`).""",
    Example("reference/guides/install.md", b"# Install\n"),
)
UNKNOWN_CATEGORY = Rule(
    "placement/unknown-category",
    "warning",
    "The front matter names a category that is not one of the four.",
    """`diataxis:` must be one of `tutorial`, `how-to`, `reference` or `explanation`.
Anything else is ignored (the folder decides instead) and reported, with the
closest valid name as the suggestion.

Fix: use one of the four names, e.g. `diataxis: how-to`.""",
    Example("guides/upgrade.md", b"---\ndiataxis: howto-guide\n---\n# Upgrade\n"),
)
RULES = (UNCATEGORIZED, MISMATCH, NESTED, UNKNOWN_CATEGORY)


def check(ctx: PageContext) -> Iterator[Finding]:
    """Placement findings for one page; pages matched by ``exempt`` get none."""
    doc, settings = ctx.doc, ctx.settings
    if doc.path in settings.partials or settings.exempted.match(settings.untranslated(doc.path)):
        return  # a partial is filed where the pages that include it want it
    placement = ctx.placement
    declared = placement.declared
    line, column, shown = _declared_at(doc, declared)
    unknown = declared is not None and placement.source != "front matter"
    if unknown:
        guess = closest(declared.strip(), CATEGORIES) if isinstance(declared, str) else None
        yield UNKNOWN_CATEGORY.at(
            doc,
            line,
            column,
            shown,
            f'"{shown}" is not a Diátaxis category'
            + (
                "" if placement.declared_in == "the front matter" else f" ({placement.declared_in})"
            ),
            f'use "{guess}"' if guess else f"use one of: {', '.join(CATEGORIES)}",
        )
    if placement.category is None and not unknown and settings.require_category.match(doc.path):
        yield UNCATEGORIZED.at(
            doc,
            1,
            1,
            "",
            "the page has no Diátaxis category: it is in no category folder and its"
            " front matter declares none",
            "move it into a tutorials/, how-to/, reference/ or explanation/ folder, or add"
            ' "diataxis: <category>" to its front matter (or list it in exempt)',
        )
    folder_category = placement.folder_category
    if placement.source == "front matter" and folder_category not in (None, placement.category):
        folder = placement.folders[-1][0]
        yield MISMATCH.at(
            doc,
            line,
            column,
            shown,
            f'{placement.declared_in} says "{placement.category}" but the folder "{folder}/"'
            f' says "{folder_category}"',
            f"move the page to {_article(placement.category or '')} {placement.category}"
            f' folder, or change {placement.declared_in} to "diataxis: {folder_category}"',
        )
    distinct = {category for _, category in placement.folders}
    if len(distinct) > 1:
        outer = next(f for f in placement.folders if f[1] != placement.folders[-1][1])
        inner = placement.folders[-1]
        yield NESTED.at(
            doc,
            1,
            1,
            "",
            f'the path holds category folders "{outer[0]}/" ({outer[1]}) and'
            f' "{inner[0]}/" ({inner[1]})',
            f'keep one category folder in the path; the nearest, "{inner[0]}/", decides'
            f" meanwhile ({inner[1]})",
        )


def _declared_at(doc: Document, declared: object) -> tuple[int, int, str]:
    """Where the front matter's category stands and its text as written: the word
    itself for a (quoted or bare) string, else the whole value on its line."""
    key = next(doc.front_matter_keys(FRONT_MATTER_KEY), None)
    if key is None:
        return 1, 1, str(declared).strip()
    line, column = key
    if isinstance(declared, str) and (found := doc.locate(declared.strip(), line, column)):
        return found[0], found[1], declared.strip()
    written = doc.lines[line - 1][column - 1 :].split(" #", 1)[0].rstrip()
    return line, column, written or str(declared).strip()


def _article(word: str) -> str:
    """ "an" before "explanation", "a" before the other categories."""
    return "an" if word[:1] in "aeiou" else "a"
