"""``mkdocs-diataxis init``: the ``categories:`` and ``exempt:`` lines that file a
site's uncategorised pages, each with its evidence. It prints; it never edits
``mkdocs.yml``."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterator
from typing import TextIO

from mkdocs_diataxis.core import PageResult
from mkdocs_diataxis.core.check import _title
from mkdocs_diataxis.core.document import parse_document
from mkdocs_diataxis.core.fit.reading import read
from mkdocs_diataxis.core.fit.suggest import Plan, as_lines, plan
from mkdocs_diataxis.project import Project

UNCATEGORIZED = "placement/uncategorized"


def placement_only(project: Project) -> None:
    """Check placement alone: the other rules cost time and say nothing here."""
    settings = project.settings
    project.settings = dataclasses.replace(
        settings,
        citations=dataclasses.replace(settings.citations, enabled=False),
        terms=dataclasses.replace(settings.terms, enabled=False),
        acronyms=dataclasses.replace(settings.acronyms, enabled=False),
        baseline=None,
    )


def uncategorised(results: list[PageResult]) -> list[str]:
    """The pages with a ``placement/uncategorized`` finding."""
    return [r.path for r in results if any(f.rule == UNCATEGORIZED for f in r.findings)]


def readings(project: Project, pages: list[str]) -> dict[str, tuple[str, float, str]]:
    """What each page's content reads as (category, how sure, why); a page that cannot
    be read is left out."""
    found = {}
    for page in pages:
        try:
            with open(os.path.join(project.docs_dir, page), "rb") as handle:
                source = handle.read()
        except OSError:
            continue
        doc = parse_document(page, source)
        if doc.problems and not doc.text:
            continue
        reading = read(doc, _title(doc))
        found[page] = (
            reading.category,
            reading.probability,
            reading.why() if reading.evidence else "",
        )
    return found


def write_plan(found: Plan, pages: int, project: Project, out: TextIO) -> None:
    """The suggestions as YAML a user can paste, with the evidence in comments."""
    for line in _text(found, pages, project):
        out.write(line + "\n")


def _text(found: Plan, pages: int, project: Project) -> Iterator[str]:
    if not pages:
        yield "# Every page has a category or is exempt: there is nothing to add."
        return
    filed = sum(s.pages for s in found.folders) + sum(1 for a in found.pages if a.exempt)
    settings = project.settings
    lines = as_lines(found, settings.categories, settings.exempt.patterns)
    verb = "has" if pages == 1 else "have"
    yield f"# {_pages(pages)} {verb} no category (placement/uncategorized)."
    if lines:
        yield f"# These options of the diataxis plugin in {os.path.basename(project.config_file)}"
        yield f"# file or exempt {filed} of them; each keeps what the option already lists."
        yield from lines.split("\n")
        yield ""
        yield "# Why:"
        for s in found.folders:
            target = s.category or "exempt"
            yield f"#   {s.folder}/ -> {target} ({_pages(s.pages)}): {s.evidence}"
        for advice in found.pages:
            if advice.exempt:
                yield f"#   {advice.page} -> exempt: {advice.evidence}"
    if found.undecided:
        yield ""
        yield "# Folders that neither their name nor their pages' content files: add each to"
        yield "# the category it is (categories:), or exempt it (exempt:)."
        for folder in found.undecided:
            votes = ", ".join(f"{count} as {category}" for category, count in folder.votes.items())
            yield f"#   {folder.folder}/ ({_pages(folder.pages)}): read {votes or 'as nothing'}"
    named = [a for a in found.pages if a.category]
    if named:
        yield ""
        yield "# Pages no folder line files, whose names say their category: declare it in"
        yield "# their front matter, or move them into a category folder."
        for advice in named:
            yield f"#   {advice.page}: diataxis: {advice.category}  ({advice.evidence})"
    rest = [a.page for a in found.pages if not a.exempt and not a.category]
    if rest:
        yield ""
        yield "# Pages nothing here decides: read each, then declare its category in its front"
        yield "# matter (`diataxis: how-to`) or move it into a category folder. Content read"
        yield "# page by page is not sure enough to say."
        for page in rest:
            yield f"#   {page}"


def _pages(count: int) -> str:
    return f"{count} page{'s' if count != 1 else ''}"


__all__ = ["placement_only", "plan", "readings", "uncategorised", "write_plan"]
