"""The report: everything the status page shows, as plain data that serialises to JSON.

`build_report` turns the per-page results of a build (or a CLI run) and the settings
(the plan, what counts as a stub, how pages group into sections) into a `Report`: one
code path for the plugin, ``check --format json`` and ``status``, so they agree.
``Report.to_json`` is the ``diataxis-report.json`` format (schema in
``data/report.schema.json``); ``mkdocs_diataxis.status`` renders it as Markdown.
"""

from __future__ import annotations

import io
import json
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import asdict, dataclass, field
from typing import Any, TextIO

from mkdocs_diataxis.core.check import PageResult
from mkdocs_diataxis.core.finding import Finding
from mkdocs_diataxis.core.plan import Deliverable
from mkdocs_diataxis.core.settings import Settings
from mkdocs_diataxis.core.vocabulary import CATEGORIES, DeliverableState

REPORT_VERSION = 1


@dataclass(frozen=True, slots=True)
class PageRow:
    """One page in the report."""

    path: str
    title: str
    category: str | None
    category_source: str | None
    section: str
    lines: int
    words: int
    stub: bool
    findings: dict[str, int]
    """Rule family -> number of findings (warnings and info)."""
    warnings: int
    languages: tuple[str, ...] = ()
    """The locales a translation of the page exists in (mkdocs-static-i18n), besides
    the default language's, which is the page checked here."""
    fit: dict[str, float] | None = None
    """With ``content_fit`` on, each category's score, for a page whose content makes
    a case (``None``: not scored)."""
    fit_case: str | None = None
    """The category `content/fit` reports the page as reading as (``None``: none)."""


@dataclass(frozen=True, slots=True)
class DeliverableProgress:
    """A planned page and where it stands."""

    page: str
    category: str | None
    state: DeliverableState
    detail: str
    lines: int | None = None
    words: int | None = None
    title: str = ""
    """The plan's name for the page, if it gives one."""

    def to_dict(self) -> dict[str, Any]:
        """As in the JSON report: ``title`` only when the plan gives one."""
        data = asdict(self)
        if not self.title:
            del data["title"]
        return data


@dataclass(frozen=True, slots=True)
class MilestoneProgress:
    name: str
    due: str | None
    deliverables: tuple[DeliverableProgress, ...]

    @property
    def done(self) -> int:
        return sum(1 for d in self.deliverables if d.state == "complete")


@dataclass
class Report:
    """Everything computed about the docs in one build."""

    pages: list[PageRow] = field(default_factory=list)
    results: list[PageResult] = field(default_factory=list)
    partials: list[str] = field(default_factory=list)
    """Files pages include (snippets), checked but not pages: in no count of pages."""
    """Every page's result, by path: the findings, unpacked only where they are read."""
    rule_counts: Counter[tuple[str, str]] = field(default_factory=Counter)
    """(rule, severity) -> number of findings."""
    coverage: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    """Section -> category -> page paths (stubs included; see ``pages``)."""
    milestones: list[MilestoneProgress] = field(default_factory=list)
    figures_measured: int = 0
    figures_cited: int = 0
    baselined: int = 0
    content_fit: bool = False
    """Whether `content/fit` read the pages (``content_fit`` is on, and the rule is not
    ignored)."""

    @property
    def categorized(self) -> int:
        return sum(1 for page in self.pages if page.category is not None)

    def by_source(self, source: str) -> int:
        return sum(1 for page in self.pages if page.category_source == source)

    def findings(self) -> Iterator[Finding]:
        """Every finding, by page path and then in source order."""
        for result in self.results:
            yield from result.findings

    def count(self, rule: str | None = None, severity: str | None = None) -> int:
        return sum(
            number
            for (found, level), number in self.rule_counts.items()
            if (rule is None or found == rule or found.startswith(rule + "/"))
            and (severity is None or level == severity)
        )

    def by_rule(self) -> list[tuple[str, int, int]]:
        """(rule, warnings, info) for every rule with findings, by rule id."""
        counts = self.rule_counts
        rules = sorted({rule for rule, _ in counts})
        return [(rule, counts[(rule, "warning")], counts[(rule, "info")]) for rule in rules]

    @property
    def planned(self) -> int:
        return sum(len(m.deliverables) for m in self.milestones)

    @property
    def planned_done(self) -> int:
        return sum(m.done for m in self.milestones)

    def deliverable_states(self) -> Counter[DeliverableState]:
        """How many planned pages are in each state."""
        return Counter(d.state for m in self.milestones for d in m.deliverables)

    def summary_sentence(self) -> str:
        """One plain sentence a manager can read."""
        pages = len(self.pages)
        warnings = self.count(severity="warning")
        parts = [
            f"{pages} page{'s' if pages != 1 else ''}, {self.categorized} with a Diátaxis category"
        ]
        if self.figures_measured:
            parts.append(f"{self.figures_cited} of {self.figures_measured} measured figures cited")
        if self.milestones:
            parts.append(f"{self.planned_done} of {self.planned} planned deliverables complete")
        verdict = (
            "no warnings"
            if warnings == 0
            else f"{warnings} warning{'s' if warnings != 1 else ''} to fix"
        )
        return "; ".join(parts) + f"; {verdict}."

    def to_dict(self, *, findings: bool = True) -> dict[str, Any]:
        """The JSON report (``data/report.schema.json``); without ``findings``, their
        list is left empty for `write_json` to stream."""
        return {
            "version": REPORT_VERSION,
            "summary": {
                "pages": len(self.pages),
                "categorized": self.categorized,
                "categorized_by_front_matter": self.by_source("front matter"),
                "categorized_by_folder": self.by_source("folder"),
                "categorized_as_generated": self.by_source("generated"),
                "partials": len(self.partials),
                "warnings": self.count(severity="warning"),
                "info": self.count(severity="info"),
                "by_rule": {rule: {"warning": w, "info": i} for rule, w, i in self.by_rule()},
                "figures": {
                    "measured": self.figures_measured,
                    "cited": self.figures_cited,
                    "uncited": self.figures_measured - self.figures_cited,
                },
                "forbidden_terms": self.count("terms/forbidden"),
                "undefined_acronyms": self.count("terms/acronym"),
                "baselined": self.baselined,
                "sentence": self.summary_sentence(),
            },
            "coverage": self.coverage,
            "pages": [_page_json(page) for page in self.pages],
            "findings": [_finding_dict(f) for f in self.findings()] if findings else [],
            "plan": [
                {
                    "name": m.name,
                    "due": m.due,
                    "done": m.done,
                    "total": len(m.deliverables),
                    "deliverables": [d.to_dict() for d in m.deliverables],
                }
                for m in self.milestones
            ],
        }

    def to_json(self) -> str:
        """Stable JSON: same input, same bytes."""
        out = io.StringIO()
        self.write_json(out)
        return out.getvalue()

    def write_json(self, out: TextIO) -> None:
        """Write `to_json`'s text to ``out``, one finding at a time: a site with tens
        of thousands of findings never holds them all as JSON objects at once."""
        data = self.to_dict(findings=False)
        out.write("{")
        for number, (key, value) in enumerate(data.items()):
            out.write(("," if number else "") + "\n  " + _json(key, 1) + ": ")
            if key != "findings":
                out.write(_json(value, 1))
                continue
            count = 0
            for count, finding in enumerate(self.findings(), 1):
                out.write(("," if count > 1 else "[") + "\n    " + _json(_finding_dict(finding), 2))
            out.write("\n  ]" if count else "[]")
        out.write("\n}\n")


def _json(value: Any, depth: int) -> str:
    """``value`` as indented JSON, to stand at nesting ``depth`` (JSON strings escape
    their line breaks, so every raw one is the layout's)."""
    return json.dumps(value, indent=2, ensure_ascii=False).replace("\n", "\n" + "  " * depth)


def _finding_dict(f: Finding) -> dict[str, Any]:
    return {
        "rule": f.rule,
        "severity": f.severity,
        "path": f.path,
        "line": f.line,
        "column": f.column,
        "text": f.text,
        "message": f.message,
        "suggestion": f.suggestion,
    }


def _page_json(page: PageRow) -> dict[str, object]:
    """A page as the JSON report writes it: ``languages`` only on a site that has
    translations, ``fit`` only for a page `content/fit` scored: its scores, and the
    category it is reported as reading as, or ``None``."""
    data = asdict(page)
    if not page.languages:
        del data["languages"]
    else:
        data["languages"] = list(page.languages)
    del data["fit"], data["fit_case"]
    if page.fit is not None:
        data["fit"] = {"scores": page.fit, "case": page.fit_case}
    return data


def section_of(path: str, settings: Settings, depth: int | None = None) -> str:
    """The section a page belongs to: the folders above its first category folder
    (``components/rt`` for ``components/rt/guides/x.md``), else its first folder; with
    ``depth``, its first ``depth`` folders. Top-level pages are in section ``""``."""
    folders = path.split("/")[:-1]
    if depth is not None:
        return "/".join(folders[:depth])
    for index, folder in enumerate(folders):
        if folder.lower() in settings.folder_category:
            return "/".join(folders[:index])
    return folders[0] if folders else ""


def build_report(
    results: Iterable[PageResult],
    settings: Settings,
    translations: Mapping[str, tuple[str, ...]] | None = None,
) -> Report:
    """Assemble the report of a whole site from its pages' results; ``translations``
    are the locales each page is translated into (mkdocs-static-i18n)."""
    status = settings.status_page
    fit_on = (
        settings.content_fit.enabled and settings.severity_of("content/fit", "info") is not None
    )
    report = Report(content_fit=fit_on)
    ordered = sorted(results, key=lambda result: result.path)
    by_path = {result.path: result for result in ordered}
    for result in ordered:
        facts = result.facts
        findings = result.findings
        report.results.append(result)
        report.rule_counts.update((f.rule, f.severity) for f in findings)
        report.baselined += sum(1 for f in findings if f.baselined)
        report.figures_measured += facts.figures_measured
        report.figures_cited += facts.figures_cited
        if facts.partial:
            report.partials.append(result.path)  # its findings count; it is no page
            continue
        families = Counter(f.rule.split("/", 1)[0] for f in findings)
        section = section_of(result.path, settings, status.section_depth)
        report.pages.append(
            PageRow(
                path=result.path,
                title=facts.title,
                category=facts.category,
                category_source=facts.category_source,
                section=section,
                lines=facts.lines,
                words=facts.words,
                stub=facts.words < status.stub_words
                and not result.unreadable
                and not facts.generated,
                findings=dict(sorted(families.items())),
                warnings=sum(1 for f in findings if f.severity == "warning"),
                languages=(translations or {}).get(result.path, ()),
                fit=facts.fit,
                fit_case=facts.fit_case,
            )
        )
        if facts.category is not None:
            cells = report.coverage.setdefault(section, {c: [] for c in CATEGORIES})
            cells[facts.category].append(result.path)
    report.coverage = dict(sorted(report.coverage.items()))
    if status.plan is not None:
        report.milestones = [
            MilestoneProgress(
                milestone.name,
                milestone.due.isoformat() if milestone.due else None,
                tuple(
                    _progress(d, by_path.get(d.page), status.stub_words)
                    for d in milestone.deliverables
                ),
            )
            for milestone in status.plan.milestones
        ]
    return report


def _progress(
    deliverable: Deliverable, result: PageResult | None, stub_words: int
) -> DeliverableProgress:
    def state(name: DeliverableState, detail: str) -> DeliverableProgress:
        facts = result.facts if result is not None else None
        return DeliverableProgress(
            deliverable.page,
            deliverable.category,
            name,
            detail,
            facts.lines if facts else None,
            facts.words if facts else None,
            deliverable.title,
        )

    if result is None:
        return state("missing", "the page does not exist yet")
    facts = result.facts
    if facts.words < stub_words and not facts.generated:
        return state("stub", f"{facts.words} words: a title and little else")
    short: list[str] = []
    if deliverable.min_lines is not None and facts.lines < deliverable.min_lines:
        short.append(f"{facts.lines} of {deliverable.min_lines} lines")
    if deliverable.min_words is not None and facts.words < deliverable.min_words:
        short.append(f"{facts.words} of {deliverable.min_words} words")
    if short:
        return state("draft", "below target: " + ", ".join(short))
    problems: list[str] = []
    if deliverable.max_lines is not None and facts.lines > deliverable.max_lines:
        problems.append(f"{facts.lines} lines, over the planned {deliverable.max_lines}")
    if deliverable.category is not None and facts.category != deliverable.category:
        problems.append(
            f"planned as {deliverable.category}, is {facts.category or 'uncategorized'}"
        )
    warnings = sum(1 for f in result.findings if f.severity == "warning")
    if warnings:
        problems.append(f"{warnings} warning{'s' if warnings != 1 else ''}")
    if problems:
        return state("needs work", "; ".join(problems))
    return state("complete", "")
