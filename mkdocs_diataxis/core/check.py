"""Check one page: parse it once, run every rule family on it, apply suppressions,
severities and the baseline, and keep the facts the status page needs."""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from mkdocs_diataxis.core.baseline import fingerprint
from mkdocs_diataxis.core.context import PageContext, page_title, reads_fit
from mkdocs_diataxis.core.document import (
    Document,
    read_document,
    unreadable_document,
)
from mkdocs_diataxis.core.document.large import section_models
from mkdocs_diataxis.core.document.walk import TokenWalk
from mkdocs_diataxis.core.figures import PageFigures
from mkdocs_diataxis.core.finding import Finding, pack, unpack
from mkdocs_diataxis.core.fit.cases import reading_if_case
from mkdocs_diataxis.core.fit.signals import PageSignals, page_signals
from mkdocs_diataxis.core.registry import FAMILIES, RULES, SECTIONED, SectionedFamily
from mkdocs_diataxis.core.rules import content, page
from mkdocs_diataxis.core.settings import Settings
from mkdocs_diataxis.core.timelimit import PageTimeoutError, limit_for, time_limit

_NOTHING_ELSE = frozenset({page.UNREADABLE.id, page.TOO_SLOW.id})
"""Problems that leave nothing else to check on the page."""


@dataclass(frozen=True, slots=True)
class PageFacts:
    """What the status page needs to know about a page besides its findings."""

    path: str
    category: str | None
    category_source: str | None
    """``"front matter"``, ``"folder"``, ``"generated"`` or ``None``."""
    title: str
    lines: int
    words: int
    figures_measured: int = 0
    """How many performance figures on the page are claims (not settings, targets,
    examples, the environment or other numbers)."""
    figures_cited: int = 0
    """How many of those a citation covers."""
    generated: bool = False
    """The content is generated from code at build time (mkdocstrings): few words in
    the source do not make it a stub."""
    partial: bool = False
    """A file pages include (see ``Settings.partials``), not a page of its own."""
    fit: dict[str, float] | None = None
    """With ``content_fit`` on, each category's score from all the page's signals,
    rounded to three places; only a page whose content makes a case is scored
    (``None``: not scored)."""
    fit_case: str | None = None
    """The category `content/fit` reports the page's content as reading as (``None``:
    it is not reported: no case, or not read, or the finding silenced)."""


@dataclass(frozen=True, slots=True)
class PageResult:
    """The outcome of checking one page: findings in source order, and facts.

    The findings are kept packed (see `finding.pack`): a build holds every page's
    result until it ends, and reads the findings only a few times.
    """

    path: str
    packed: bytes = field(repr=False)
    facts: PageFacts
    unreadable: bool = False
    """The page could not be decoded (or its check was stopped), so nothing but
    ``page/unreadable`` (or ``page/too-slow``) was checked."""
    stopped: bool = False
    """The check ran out of time (``page/too-slow``): a result that depends on the
    machine, so it is never kept in the cache."""

    @classmethod
    def of(
        cls, path: str, findings: Iterable[Finding], facts: PageFacts, unreadable: bool = False
    ) -> PageResult:
        return cls(path, pack(findings), facts, unreadable)

    @property
    def findings(self) -> tuple[Finding, ...]:
        """The page's findings, unpacked anew at each use (read it once into a local
        when going over them more than once)."""
        return unpack(self.packed)


def check_page(path: str, source: bytes | str, settings: Settings) -> PageResult:
    """Check one page.

    ``path`` is relative to ``docs_dir`` with ``/`` separators; ``source`` is the file's
    bytes (or already-decoded text). Never raises on bad input: unreadable pages and
    broken front matter come back as ``page/*`` findings.
    """
    try:
        with _collector_paused(), time_limit(limit_for(settings.time_limit, len(source))):
            doc = read_document(path, source, templates=settings.templates)
            walk = TokenWalk(doc)
            if doc.text and walk.sectioned:
                return _check_sections(walk, settings)
            if doc.text:
                walk.build()
            return check_document(doc, settings)
    except PageTimeoutError as stop:
        return dataclasses.replace(check_document(_stopped(path, stop), settings), stopped=True)


def _stopped(path: str, stop: PageTimeoutError) -> Document:
    """The model of a page whose check ran out of time: one ``page/too-slow`` problem."""
    message = f"checking stopped after {stop.seconds:g} s of CPU time, this page's time limit"
    suggestion = "raise time_limit if the page is very large; otherwise report the page as a bug"
    if stop.culprit is not None:
        message += f", while the pattern {stop.culprit!r} was being matched"
        suggestion = (
            "rewrite the pattern so that its repetitions cannot match the same text in many"
            " ways, or raise time_limit"
        )
    return unreadable_document(path, message, suggestion, rule=page.TOO_SLOW.id)


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Keep Python's cycle collector from running while one page is checked.

    A page's model is one graph of objects (a 20,000-row table makes 200,000 of them).
    Each collection that runs while the graph is being built walks all of it again, so
    the time per MB grew with the page's size (1.6 times from a tenth to full size).
    Paused, the graph's cycles are collected once, right after the page, in one walk.
    A collector that the caller turned off stays off."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def check_file(path: str, file: str | os.PathLike[str], settings: Settings) -> PageResult:
    """Check the page stored in ``file``; a file the system cannot read gives one
    ``page/unreadable`` finding instead of an error."""
    try:
        with open(file, "rb") as handle:
            source = handle.read()
    except OSError as error:
        reason = error.strerror or type(error).__name__
        return check_document(
            unreadable_document(path, f"cannot read the file ({reason})"), settings
        )
    return check_page(path, source, settings)


def check_document(doc: Document, settings: Settings) -> PageResult:
    """Run every rule family on a parsed page; see `check_page`."""
    ctx = PageContext(doc, settings, RULES)
    facts = _facts(ctx, doc.word_count)
    if any(problem.rule in _NOTHING_ELSE for problem in doc.problems):
        # Only page/unreadable (or too-slow), but it too has an identity a baseline can
        # record.
        unreadable = _in_baseline(list(_apply_severity(page.check(ctx), settings)), doc, settings)
        return PageResult.of(doc.path, unreadable, facts, True)
    raw = [finding for family in FAMILIES for finding in family.check(ctx)]
    return _result(ctx, raw, facts)


def _check_sections(walk: TokenWalk, settings: Settings) -> PageResult:
    """`check_document` for a page modelled one section at a time (see `Document.page`):
    the sectioned families check each section as it comes, the figures are gathered,
    and the other families check the page once, with its headings, comments and
    figures. Only one section's model exists at once."""
    doc = walk.doc
    figures = PageFigures(settings)
    found: dict[SectionedFamily, list[Finding]] = {family: [] for family in SECTIONED}
    words = 0
    signals: PageSignals | None = None
    fit_on = reads_fit(doc, settings)
    for section in section_models(walk):
        ctx = PageContext(section, settings, RULES)
        for family in SECTIONED:
            found[family].extend(family.check(ctx))
        figures.add(section)
        words += section.word_count
        if fit_on:  # in full: whether a case is made is known only at the end
            part = page_signals(section, None)
            signals = signals.then(part) if signals else part
        del ctx, section  # before the next is built (see `section_models`)
    ctx = PageContext(doc, settings, RULES, figures.settle())
    # The title comes last: the first heading with text may be in any section.
    titled = signals.titled(page_title(doc)) if signals is not None else None
    ctx.fit = reading_if_case(titled, ctx.placement.category) if titled else None
    settled = {family: family.settle(walk.page, found[family]) for family in SECTIONED}
    raw = [
        finding
        for family in FAMILIES
        for finding in (settled[family] if family in settled else family.check(ctx))
    ]
    return _result(ctx, raw, _facts(ctx, words))


def _facts(ctx: PageContext, words: int) -> PageFacts:
    """What the status page needs of the page besides its findings."""
    doc, settings, placement, figures = ctx.doc, ctx.settings, ctx.placement, ctx.figures
    return PageFacts(
        path=doc.path,
        title=page_title(doc),
        category=placement.category,
        category_source=placement.source,
        lines=len(doc.lines) - (1 if doc.text.endswith("\n") else 0) if doc.text else 0,
        words=words,
        figures_measured=sum(1 for figure in figures if figure.claim),
        figures_cited=sum(1 for figure in figures if figure.cited),
        generated=doc.generated,
        partial=doc.path in settings.partials,
        fit={c: round(p, 3) for c, p in ctx.fit.scores.items()} if ctx.fit else None,
        fit_case=ctx.fit_case[0] if ctx.fit_case else None,
    )


def _result(ctx: PageContext, raw: list[Finding], facts: PageFacts) -> PageResult:
    """The page's result from every family's findings: suppressions, severities and the
    baseline applied, in source order."""
    doc, settings = ctx.doc, ctx.settings
    kept = [finding for finding in raw if not ctx.suppressions.silences(finding)]
    findings = sorted(_apply_severity(kept, settings), key=Finding.sort_key)
    if facts.fit_case and not any(finding.rule == content.FIT.id for finding in findings):
        facts = dataclasses.replace(facts, fit_case=None)  # silenced, or the rule ignored
    return PageResult.of(doc.path, _in_baseline(findings, doc, settings), facts)


def _in_baseline(findings: list[Finding], doc: Document, settings: Settings) -> list[Finding]:
    """Each warning with its identity (`fingerprint`), and those the baseline records
    turned into info."""
    # A baseline records and matches warnings only, so only they need an identity.
    findings = [
        dataclasses.replace(f, fingerprint=fingerprint(f, doc.lines))
        if f.severity == "warning"
        else f
        for f in findings
    ]
    if settings.baseline is not None:
        findings = settings.baseline.apply(findings)
    return findings


def _apply_severity(findings: Iterable[Finding], settings: Settings) -> Iterator[Finding]:
    """Findings at their configured severity; ignored rules dropped."""
    for finding in findings:
        severity = settings.severity_of(finding.rule, finding.severity)
        if severity is None:
            continue
        if severity != finding.severity:
            finding = dataclasses.replace(finding, severity=severity)
        yield finding
