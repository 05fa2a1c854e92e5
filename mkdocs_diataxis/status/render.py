"""Render a `Report` as the Markdown of the Documentation status page.

Everything taken from pages, config or the plan is escaped (HTML and Markdown), links
to pages are relative ``.md`` links so MkDocs checks and rewrites them, and identical
input gives identical output (a date only when ``SOURCE_DATE_EPOCH`` is set).
"""

from __future__ import annotations

import datetime
import heapq
import html
import os
import posixpath
from collections.abc import Callable, Sequence
from functools import cached_property
from urllib.parse import quote

from mkdocs_diataxis.core.finding import Finding
from mkdocs_diataxis.core.registry import RULES
from mkdocs_diataxis.core.report import Report
from mkdocs_diataxis.core.vocabulary import CATEGORIES, DELIVERABLE_STATES
from mkdocs_diataxis.status.markup import (
    anchor_for_findings,
    code,
    inline_html,
    prose_html,
    rule_anchor,
    source_url,
    text,
)
from mkdocs_diataxis.status.parts import (
    HEADINGS,
    STATE_MARKS,
    STYLE,
    Code,
    Em,
    Link,
    Own,
    Part,
)

FINDINGS_SHOWN = 1000
"""Findings listed on the page at most; the JSON report and the command line list all."""


def render_status_page(
    report: Report,
    *,
    title: str,
    page_path: str,
    repo_url: str | None = None,
    edit_uri: str | None = None,
    admonitions: bool = False,
    report_file: str | None = None,
) -> str:
    """The whole page as Markdown; ``admonitions`` when the site enables that extension
    (Material shows the summary as a success or warning box); ``report_file`` is the
    JSON report written next to it, named when findings are left off the page."""
    renderer = _Renderer(report, page_path, source_url(repo_url, edit_uri), admonitions)
    renderer.report_file = report_file
    return renderer.render(title)


def render_status_page_blocks(
    report: Report,
    *,
    title: str,
    page_path: str,
    href: Callable[[str], str | None],
    repo_url: str | None = None,
    edit_uri: str | None = None,
    admonitions: bool = False,
    report_file: str | None = None,
) -> tuple[str, dict[str, str]]:
    """The page as Markdown whose tables and lists of findings are HTML comments, and
    the HTML of each, by its comment: `fill_blocks` (in `markup`) puts them into the converted page.
    ``href`` is the URL of a page by its path, relative to this page, or ``None`` for a
    path that is not a page of the site (left out, excluded): named without a link.

    A site of 2,000 pages makes a page of 460 KB of Markdown, mostly tables; converting
    those took MkDocs 0.8 s and 16 MB at the moment the build holds the most memory.
    Written here as HTML, they cost neither.
    """
    renderer = _Renderer(report, page_path, source_url(repo_url, edit_uri), admonitions)
    renderer.report_file = report_file
    renderer.href = href
    return renderer.render(title), renderer.blocks


class _Renderer:
    def __init__(
        self, report: Report, page_path: str, source_url: str | None, admonitions: bool
    ) -> None:
        self.report = report
        self.admonitions = admonitions
        self.base = posixpath.dirname(page_path)
        self.source_url = source_url
        self.report_file: str | None = None
        self.out: list[str] = []
        self.href: Callable[[str], str | None] | None = None
        """With it, tables and lists of findings are written as HTML blocks."""
        self.unbuilt = {r.path for r in report.results if r.unreadable and not r.stopped}
        """Pages left out of the site because they could not be read (not UTF-8, a folder
        link that loops): named, never linked, since a link to them leads nowhere."""
        self.blocks: dict[str, str] = {}

    def bar(self, done: int, total: int, label: str) -> None:
        """A progress bar: a <progress>-like div styled by the page's own CSS, with the
        numbers in text so it reads the same without CSS."""
        percent = round(100 * done / total) if total else 0
        self.line(
            f'<div class="diataxis-progress" role="progressbar" aria-valuemin="0"'
            f' aria-valuemax="100" aria-valuenow="{percent}">'
            f'<span style="width: {percent}%"></span></div>'
        )
        self.line()
        self.line(f"{label}: {done} of {total} complete ({percent}%)")
        self.line()

    def line(self, value: str = "") -> None:
        self.out.append(value)

    def relative(self, path: str) -> str:
        """The URL of a page's source file relative to this page's."""
        return quote(posixpath.relpath(path, self.base or "."))

    def link(self, path: str, label: str | None = None) -> str:
        return f"[{text(label if label is not None else path)}]({self.relative(path)})"

    def format(self, parts: Sequence[Part] | str) -> str:
        """A cell or list item, as Markdown or (with `href`) as HTML."""
        write = self._markdown if self.href is None else self._html
        return "".join(map(write, (parts,) if isinstance(parts, str) else parts))

    def _markdown(self, part: Part) -> str:
        if isinstance(part, str):
            return text(part)
        if isinstance(part, Link):
            if part.path in self.unbuilt:
                return text(part.label)
            return (
                self.link(part.path, part.label)
                if part.path
                else f"[{text(part.label)}]({part.url})"
            )
        if isinstance(part, Code):
            return code(part.value)
        if isinstance(part, Em):
            return f"*{text(part.value)}*"
        return html.escape(part.value)

    def _html(self, part: Part) -> str:
        if isinstance(part, str):
            return html.escape(part)
        if isinstance(part, Link):
            url: str | None = part.url
            if part.path:
                assert self.href is not None
                url = None if part.path in self.unbuilt else self.href(part.path)
            if url is None:  # not a page of the site
                return html.escape(part.label)
            return f'<a href="{html.escape(url)}">{html.escape(part.label)}</a>'
        if isinstance(part, Code):
            return f"<code>{html.escape(part.value)}</code>"
        if isinstance(part, Em):
            return f"<em>{html.escape(part.value)}</em>"
        return html.escape(part.value)

    def block(self, markup: str) -> None:
        """An HTML block, kept out of the Markdown (see `render_status_page_blocks`)."""
        comment = f"<!-- diataxis-status block {len(self.blocks) + 1} -->"
        self.blocks[comment] = markup
        self.line(comment)
        self.line()

    def render(self, title: str) -> str:
        self.line(f"# {text(title)}")
        self.line()
        self.line(STYLE)
        self.line()
        warnings = self.report.count(severity="warning")
        if self.admonitions:
            kind = "success" if warnings == 0 else "warning"
            self.line(f'!!! {kind} "In one sentence"')
            self.line(f"    {text(self.report.summary_sentence())}")
        else:
            self.line(f"**{text(self.report.summary_sentence())}**")
        self.line()
        epoch = os.environ.get("SOURCE_DATE_EPOCH")
        if epoch and epoch.isdigit():
            when = datetime.datetime.fromtimestamp(int(epoch), tz=datetime.timezone.utc)
            self.line(f"Generated {when:%Y-%m-%d %H:%M} UTC.")
            self.line()
        self.summary()
        self.coverage()
        self.content_fit()
        if self.report.milestones:
            self.plan()
        self.pages()
        self.findings()
        self.rules()
        return "\n".join(self.out).rstrip() + "\n"

    def rules(self) -> None:
        """What each rule with findings checks and how to fix it, each at an anchor
        (``#rule-placement-uncategorized``) that code scanning links to (SARIF
        ``helpUri``). Raw HTML, so that no extension reads the text."""
        found = sorted({rule for rule, _ in self.report.rule_counts})
        if not found:
            return
        self.line("## Rules")
        self.line()
        self.line('<dl class="diataxis-rules">')
        for rule_id in found:
            rule = RULES.get(rule_id)
            if rule is None:
                continue
            self.line(f'<dt id="{rule_anchor(rule_id)}"><code>{html.escape(rule_id)}</code></dt>')
            summary = inline_html(rule.summary)
            self.line(f"<dd><p>{summary}</p>{prose_html(rule.explanation)}</dd>")
        self.line("</dl>")
        self.line()

    def table(self, header: list[str], rows: list[list[Sequence[Part] | str]]) -> None:
        if self.href is not None:
            cells = "".join(f"<th>{html.escape(name)}</th>" for name in header)
            body = "".join(
                "<tr>" + "".join(f"<td>{self.format(cell)}</td>" for cell in row) + "</tr>\n"
                for row in rows
            )
            self.block(
                f'<div class="diataxis-table">\n<table>\n<thead>\n<tr>{cells}</tr>\n</thead>\n'
                f"<tbody>\n{body}</tbody>\n</table>\n</div>"
            )
            return
        self.line("| " + " | ".join(header) + " |")
        self.line("|" + "|".join("---" for _ in header) + "|")
        for row in rows:
            self.line("| " + " | ".join(self.format(cell) for cell in row) + " |")
        self.line()

    def items(self, items: list[Sequence[Part]]) -> None:
        """A bulleted list."""
        if self.href is not None:
            body = "".join(f"<li>{self.format(item)}</li>\n" for item in items)
            self.block(f"<ul>\n{body}</ul>")
            return
        for item in items:
            self.line(f"- {self.format(item)}")
        self.line()

    def summary(self) -> None:
        r = self.report
        self.line("## Summary")
        self.line()
        rows = [
            ["Pages", str(len(r.pages))],
            [
                "With a Diátaxis category",
                f"{r.categorized} ({r.by_source('front matter')} by front matter,"
                f" {r.by_source('folder')} by folder)",
            ],
            ["Warnings", str(r.count(severity="warning"))],
            ["Info findings", str(r.count(severity="info"))],
        ]
        if r.figures_measured:
            uncited = r.figures_measured - r.figures_cited
            rows.append(
                [
                    "Citation coverage",
                    f"{r.figures_cited} of {r.figures_measured} measured figures cited"
                    f" ({round(100 * r.figures_cited / r.figures_measured)}%, {uncited} uncited)",
                ]
            )
        else:
            rows.append(["Citation coverage", "no measured performance figures"])
        rows.append(["Forbidden terms", str(r.count("terms/forbidden"))])
        rows.append(["Undefined acronyms", str(r.count("terms/acronym"))])
        if r.baselined:
            rows.append(["Baselined findings still present", str(r.baselined)])
        self.table(["Measure", "Value"], [[(Own(m),), (Own(v),)] for m, v in rows])
        by_rule = r.by_rule()
        if by_rule:
            self.line("### Findings by rule")
            self.line()
            self.table(
                ["Rule", "Warnings", "Info"],
                [[(Code(rule),), str(w), str(i)] for rule, w, i in by_rule],
            )

    def coverage(self) -> None:
        self.line("## Diátaxis coverage")
        self.line()
        if not self.report.coverage:
            self.line("No page has a category yet.")
            self.line()
            return
        stubs = {page.path for page in self.report.pages if page.stub}
        rows: list[list[Sequence[Part] | str]] = []
        gaps = 0
        for section, cells in self.report.coverage.items():
            row: list[Sequence[Part] | str] = [section or (Own("(top level)"),)]
            for category in CATEGORIES:
                pages = cells[category]
                if not pages:
                    gaps += 1
                    row.append((Own("— "), Em("gap")))
                    continue
                full = [p for p in pages if p not in stubs]
                stub = [p for p in pages if p in stubs]
                count = f"{len(full)}" + (f" (+{len(stub)} stub)" if stub else "")
                parts: list[Part] = [Own(f"{count}: ")]
                for number, path in enumerate(pages):
                    parts.extend([Own(", ")] if number else [])
                    parts.append(Link(posixpath.basename(path), path))
                row.append(parts)
            rows.append(row)
        self.table(["Section", *(HEADINGS[c] for c in CATEGORIES)], rows)
        if gaps:
            self.line(
                f"{gaps} gap{'s' if gaps != 1 else ''}: information, not errors. Diátaxis does"
                " not ask every section to have all four kinds of page."
            )
            self.line()

    def plan(self) -> None:
        r = self.report
        self.line("## Plan progress")
        self.line()
        self.bar(r.planned_done, r.planned, "Overall")
        counts = r.deliverable_states()
        self.line(", ".join(f"{STATE_MARKS[s]}: {counts[s]}" for s in DELIVERABLE_STATES))
        self.line()
        for milestone in r.milestones:
            due = f" (due {milestone.due})" if milestone.due else ""
            self.line(f"### {text(milestone.name)}{due}")
            self.line()
            self.bar(milestone.done, len(milestone.deliverables), "Deliverables")
            rows: list[list[Sequence[Part] | str]] = []
            for d in milestone.deliverables:
                if d.state == "missing":  # nothing to link to: say where it goes
                    page: Sequence[Part] | str = f"{d.title} ({d.page})" if d.title else d.page
                else:
                    page = (Link(d.title or d.page, d.page),)
                rows.append([page, d.category or "any", STATE_MARKS[d.state], d.detail])
            self.table(["Page", "Category", "State", "Detail"], rows)

    def pages(self) -> None:
        self.line("## Pages")
        self.line()
        families = sorted({family for page in self.report.pages for family in page.findings})
        rows: list[list[Sequence[Part] | str]] = []
        for page in self.report.pages:
            decided = page.category_source or "—"
            marks = (["○ stub"] if page.stub else []) + (
                [f"△ {page.warnings}"] if page.warnings else []
            )
            mark = " ".join(marks) or "✓"
            also = (Own(f" · also {', '.join(page.languages)}"),) if page.languages else ()
            rows.append(
                [
                    (Link(page.title, page.path), *also),
                    page.category or "—",
                    decided,
                    str(page.lines),
                    str(page.words),
                    *(str(page.findings.get(f, 0)) for f in families),
                    mark,
                ]
            )
        header = ["Page", "Category", "Decided by", "Lines", "Words", *families, "Status"]
        self.table(header, rows)

    @cached_property
    def shown(self) -> list[Finding]:
        """The findings the page lists: warnings first, then info findings, up to the
        cap, so the page stays readable (and cheap for MkDocs to render) however large
        the site. Findings are unpacked a page at a time, and only these are kept."""
        return heapq.nsmallest(
            FINDINGS_SHOWN,
            self.report.findings(),
            key=lambda f: (f.severity != "warning", f.sort_key()),
        )

    @cached_property
    def anchors(self) -> dict[str, str]:
        """The heading id of each page's findings, by path, for pages with any shown."""
        taken: set[str] = set()
        paths = dict.fromkeys(f.path for f in self.shown)
        return {path: anchor_for_findings(path, taken) for path in paths}

    def content_fit(self) -> None:
        """Per section, the pages `content/fit` reports, with a link to why; only when
        the rule is on (``content_fit``)."""
        if not self.report.content_fit:
            return
        self.line("## Content fit")
        self.line()
        reported = [page for page in self.report.pages if page.fit_case]
        if not reported:
            self.line("No page is made of the content of another category than its own.")
            self.line()
            return
        one = len(reported) == 1
        self.line(
            f"{len(reported)} page{' is' if one else 's are'} made of the content of another"
            f" category than the one {'it is' if one else 'they are'} filed in"
            " (`content/fit`): misfiled, or two kinds of page in one. The evidence names"
            " the lines."
        )
        self.line()
        rows: list[list[Sequence[Part] | str]] = []
        for page in sorted(reported, key=lambda p: (p.section, p.path)):
            anchor = self.anchors.get(page.path) if self.href is not None else None
            why: Sequence[Part] = (
                (Link("the finding", url=f"#{anchor}"),)
                if anchor
                else (Own("under Findings" if self.href is None else "beyond the findings listed"),)
            )
            section = page.section or (Own("(top level)"),)
            rows.append(
                [
                    section,
                    (Link(page.title, page.path),),
                    page.category or "—",
                    page.fit_case or "—",
                    why,
                ]
            )
        self.table(["Section", "Page", "Filed as", "Reads as", "Evidence"], rows)

    def findings(self) -> None:
        self.line("## Findings")
        self.line()
        if not self.report.rule_counts:
            self.line("No findings.")
            return
        shown = self.shown
        hidden = self.report.count() - len(shown)
        if hidden:
            warnings = self.report.count(severity="warning") - sum(
                1 for f in shown if f.severity == "warning"
            )
            where = (
                f"in the JSON report, {code(self.report_file)} at the root of the site"
                if self.report_file
                else "with `mkdocs-diataxis check`"
            )
            self.line(
                f"The first {FINDINGS_SHOWN:,} findings, warnings first; {hidden:,} more"
                f" ({warnings:,} warnings) are listed {where}."
            )
            self.line()
        by_page: dict[str, list[Finding]] = {}
        for finding in shown:
            by_page.setdefault(finding.path, []).append(finding)
        partials = set(self.report.partials)
        titles = {page.path: page.title for page in self.report.pages}
        # In the build, every page's findings go into one HTML block: a heading per
        # page made MkDocs' Markdown and table of contents the largest cost of the page
        # (0.1 s for 370 pages), and a contents list of 370 entries helps nobody.
        html_parts: list[str] | None = [] if self.href is not None else None
        for path in by_page:  # pages with warnings first, then by path
            # A person reads the page's title; the path says where to fix it.
            title = titles.get(path)
            heading = title if title and title != path else path
            location: list[Part] = (
                [Code(path), Own(", included in pages: fix it once, here.")]
                if path in partials  # a file pages include: no page of its own to open
                else [Code(path), Own(", left out of the site: it could not be read.")]
                if path in self.unbuilt
                else [Code(path), Own(" · "), Link("Open the page", path=path)]
            )
            if html_parts is not None:
                html_parts.append(f'<h3 id="{self.anchors[path]}">{html.escape(heading)}</h3>')
                html_parts.append(f"<p>{self.format(location)}</p>")
            else:
                self.line(f"### {text(heading)}")
                self.line()
                self.line(self.format(location))
                self.line()
            items: list[Sequence[Part]] = []
            for f in sorted(by_page[path], key=Finding.sort_key):
                line: Part = Own(f"Line {f.line}")
                if self.source_url:
                    url = f"{self.source_url}{quote(path)}#L{f.line}"
                    line = Link(f"Line {f.line}", url=url)
                level = "" if f.severity == "warning" else " (info)"
                item: list[Part] = [line, Own(": "), Code(f.rule), Own(f"{level} "), f.message]
                if f.suggestion:
                    item.extend([Own(" — "), f.suggestion])
                items.append(item)
            if html_parts is not None:
                body = "".join(f"<li>{self.format(item)}</li>\n" for item in items)
                html_parts.append(f"<ul>\n{body}</ul>")
            else:
                self.items(items)
        if html_parts:
            self.block("\n".join(html_parts))
