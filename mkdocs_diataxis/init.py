"""``mkdocs-diataxis init``: the ``categories:`` and ``exempt:`` lines that file a
site's uncategorised pages, each with its evidence. It prints; it writes no file
(not even the results cache) and never edits ``mkdocs.yml``."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterator
from typing import TextIO

from mkdocs_diataxis.config import i18n_locales
from mkdocs_diataxis.core import PageResult
from mkdocs_diataxis.core.context import page_title
from mkdocs_diataxis.core.document import parse_document
from mkdocs_diataxis.core.fit.reading import read
from mkdocs_diataxis.core.fit.suggest import (
    InitPlan,
    Reading,
    Site,
    Undecided,
    as_toml,
    as_yaml,
    options,
    plan,
)
from mkdocs_diataxis.core.rules.placement import UNCATEGORIZED
from mkdocs_diataxis.project import Project


def placement_only(project: Project) -> None:
    """Check placement alone, and keep no results: the other rules cost time and say
    nothing here, and a command that prints writes no file."""
    settings = project.settings
    project.settings = dataclasses.replace(
        settings,
        citations=dataclasses.replace(settings.citations, enabled=False),
        terms=dataclasses.replace(settings.terms, enabled=False),
        acronyms=dataclasses.replace(settings.acronyms, enabled=False),
        baseline=None,
        cache=False,
    )


def site_plan(project: Project, results: list[PageResult]) -> tuple[InitPlan, int]:
    """What to suggest for the site, and how many pages have no category."""
    settings = project.settings
    found = [r.path for r in results if any(f.rule == UNCATEGORIZED.id for f in r.findings)]
    # A translation (index.fr.md, with mkdocs-static-i18n's suffix layout) is placed as
    # the page it translates: name it so, and read one of them.
    pages = [settings.untranslated(path) for path in found]
    placed = {
        r.path: (r.facts.category, r.facts.category_source)
        for r in results
        if r.facts.category is not None
        and not settings.exempted.match(settings.untranslated(r.path))
    }
    languages = frozenset(i18n_locales(project.other_plugins.get("i18n")))
    site = Site(settings.categories, settings.exempt.patterns, placed, languages)
    files: dict[str, str] = {}
    for path in found:  # the page itself if it is uncategorised, else a translation
        name = settings.untranslated(path)
        if name not in files or path == name:
            files[name] = path
    read = readings(project, files)
    return plan(pages, read, site), len(found)


def readings(project: Project, pages: dict[str, str]) -> dict[str, Reading]:
    """What each page's content reads as (category, how surely, whether signals of it
    can be shown), by name, read from the file given for it; a page that cannot be
    read, or whose prose is not English, is left out."""
    found = {}
    for name, page in pages.items():
        try:
            with open(os.path.join(project.docs_dir, page), "rb") as handle:
                source = handle.read()
        except OSError:
            continue
        doc = parse_document(page, source)
        if doc.problems and not doc.text:
            continue
        reading = read(doc, page_title(doc))
        if reading.in_english:
            found[name] = (reading.category, reading.probability, bool(reading.evidence))
    return found


def write_plan(found: InitPlan, pages: int, project: Project, out: TextIO) -> None:
    """The suggestions as a snippet of the configuration file, with the evidence in
    comments."""
    for line in _text(found, pages, project):
        out.write(line + "\n")


def _text(found: InitPlan, pages: int, project: Project) -> Iterator[str]:
    if not pages:
        yield "# No page is reported as uncategorised: there is nothing to add."
        return
    name = os.path.basename(project.config_file)
    toml = name.endswith(".toml")
    settings = project.settings
    chosen = options(found, settings.categories, settings.exempt.patterns)
    filed = sum(s.pages for s in found.folders) + sum(a.copies for a in found.advice if a.exempt)
    verb = "has" if pages == 1 else "have"
    yield f"# {_pages(pages)} {verb} no category (placement/uncategorized)."
    if chosen:
        yield f"# These options of the diataxis plugin in {name} file or exempt {filed} of them."
        what = "[project.plugins.diataxis]" if toml else "your `- diataxis:` entry"
        yield f"# Merge them into {what}: each list is whole (it keeps what yours"
        yield "# already holds), so it replaces the one you have."
        yield from (as_toml(chosen) if toml else as_yaml(chosen)).split("\n")
        yield ""
        yield "# Why:"
        for s in found.folders:
            where = f"{_pages(s.pages)}{_at(s.folder, s.places)}"
            yield f"#   {s.folder}/ -> {s.category or 'exempt'} ({where}): {s.evidence}"
        for advice in found.advice:
            if advice.exempt:
                yield f"#   {advice.page} -> exempt: {advice.evidence}"
    named = [a for a in found.advice if a.category]
    if named:
        yield ""
        yield "# Pages whose names say their category, which no folder line reaches: add"
        yield "# `diataxis: <category>` to each one's front matter, or move it into a"
        yield "# category folder."
        for advice in named:
            yield f"#   {advice.page}: diataxis: {advice.category}  ({advice.evidence})"
    if found.undecided:
        yield ""
        yield "# Folders to decide yourself: add each to the category it is (categories:),"
        yield "# or exempt it (exempt:)."
        for folder in found.undecided:
            where = f"{_pages(folder.pages)}{_at(folder.folder, folder.places)}"
            yield f"#   {folder.folder}/ ({where}): {_why_not(folder)}"
    if found.left:
        yield ""
        yield "# Pages nothing here decides: read each, then add `diataxis: <category>` to"
        yield "# its front matter or move it into a category folder. Content read page by"
        yield "# page is not sure enough to say."
        for page in found.left:
            yield f"#   {page}"


def _why_not(folder: Undecided) -> str:
    if folder.refiles:
        first, others = folder.refiles[0], len(folder.refiles) - 1
        already = (
            f"{first} and {_pages(others)} more, which have" if others else f"{first}, which has"
        )
        return (
            f"the name says {folder.category}, but that line would also file {already} a"
            " category already (a folder name counts at any depth)"
        )
    if not folder.votes:
        return "its name says nothing, and no page of it reads as English prose"
    votes = ", ".join(f"{count} as {category}" for category, count in folder.votes.items())
    return f"its name says nothing; its pages read {votes}"


def _at(folder: str, places: tuple[str, ...]) -> str:
    """Where a folder stands, when not at the top of docs_dir."""
    shown = [place for place in places if place != folder]
    return f", at {', '.join(p + '/' for p in places)}" if shown else ""


def _pages(count: int) -> str:
    return f"{count} page{'s' if count != 1 else ''}"
