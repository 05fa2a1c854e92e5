"""`PageContext`: everything a rule family may read about one page, each shared fact
computed once however many rules ask for it.

The facts that need the settings (category, figures, suppressions) are kept here. Those
of the page alone (each block's joined text, the outline) are kept on the `Document`
itself, so that the code below the rules that computes facts can share them too;
`inline` and `outline` here are the same objects."""

from __future__ import annotations

from functools import cached_property
from typing import Any

from mkdocs_diataxis.core.category import Placement, decide
from mkdocs_diataxis.core.document import (
    Block,
    Document,
    InlineText,
    Outline,
    inline_text,
    outline_of,
)
from mkdocs_diataxis.core.figures import Figure, find_figures
from mkdocs_diataxis.core.fit.cases import read_if_case, reported_case
from mkdocs_diataxis.core.fit.reading import Evidence, Reading
from mkdocs_diataxis.core.rule import RuleSet
from mkdocs_diataxis.core.settings import Settings
from mkdocs_diataxis.core.suppressions import Suppressions, read_suppressions


class PageContext:
    """One page under check: the parsed page, the settings, the rules, and the facts
    derived from them (category, figures, outline, suppressions, inline texts)."""

    def __init__(
        self,
        doc: Document,
        settings: Settings,
        rules: RuleSet,
        figures: list[Figure] | None = None,
    ) -> None:
        """``figures``: the page's, when they were found already (a large page's, one
        section at a time)."""
        self.doc = doc
        self.settings = settings
        self.rules = rules
        """Every rule, so that a suppression can name any of them."""
        self.page_state: dict[str, Any] = doc.page.derived if doc.page is not None else {}
        """What a rule keeps for the rest of this check of the page, by kind: for a large
        page checked a section at a time, shared by its sections (see `Document.page`);
        else this check's own."""
        if figures is not None:
            self.figures = figures

    @cached_property
    def placement(self) -> Placement:
        """The page's category and how it was decided."""
        return decide(self.doc, self.settings)

    @property
    def category(self) -> str | None:
        return self.placement.category

    @cached_property
    def figures(self) -> list[Figure]:
        """The page's performance figures, classified, with what cites them (none when
        citations are off or the page is excluded from them)."""
        return find_figures(self.doc, self.settings)

    @cached_property
    def fit(self) -> Reading | None:
        """What the page's content reads as (`content/fit`): ``None`` unless
        ``content_fit`` is on, the page is one to read (see `reads_fit`) and its
        content makes a case against its category (see ``core/fit/cases.py``)."""
        if not reads_fit(self.doc, self.settings):
            return None
        return read_if_case(self.doc, page_title(self.doc), self.placement.category)

    @cached_property
    def fit_case(self) -> tuple[str, Evidence] | None:
        """The category `content/fit` reports the page as reading as, and the content
        that shows it (see `reported_case`); ``None``: no report."""
        category = self.placement.category
        if self.fit is None or category is None:
            return None
        return reported_case(self.fit, category)

    @cached_property
    def suppressions(self) -> Suppressions:
        """Which rules the page silences where."""
        return read_suppressions(self.doc, self.rules)

    @property
    def outline(self) -> Outline:
        """Siblings, list items' and rows' leaves, sections and heading chains."""
        return outline_of(self.doc)

    def inline(self, block: Block) -> InlineText:
        """A leaf block's text as one string, with its way back to the source."""
        return inline_text(self.doc, block)


def page_title(doc: Document) -> str:
    """Front matter ``title``, else the first heading, else the file name."""
    title = doc.meta.get("title")
    if isinstance(title, str) and title.strip():
        return title.strip()
    for heading in doc.headings:
        if heading.text.strip():
            return heading.text.strip()
    return doc.path.rsplit("/", 1)[-1].removesuffix(".md")


def reads_fit(doc: Document, settings: Settings) -> bool:
    """Whether `content/fit` reads the page: it is on, and the page is a document of
    its own (not a landing page or another page placement exempts, not a file other
    pages include, not one the project excluded)."""
    fit = settings.content_fit
    if not fit.enabled or doc.path in settings.partials:
        return False
    page = settings.untranslated(doc.path)
    return not settings.exempted.match(page) and not fit.exclude.match(page)
