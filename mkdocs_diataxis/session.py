"""One build's checking: which pages to check, what an earlier build of the same
``mkdocs serve`` session already knows, the worker batch, each finding logged once,
the report and its JSON file."""

from __future__ import annotations

import dataclasses
import os
from collections import Counter
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from mkdocs_diataxis.cache import ResultStore, page_digest
from mkdocs_diataxis.core import PageResult, Settings, check_page
from mkdocs_diataxis.core.check import check_file
from mkdocs_diataxis.core.generated import is_generated, marked_head_size
from mkdocs_diataxis.core.glossary import with_site_definitions
from mkdocs_diataxis.core.links import LinkLoops
from mkdocs_diataxis.core.report import Report, build_report
from mkdocs_diataxis.core.snippets import partial_files, tag_included
from mkdocs_diataxis.workers import Batch, SourcePage, capped_jobs
from mkdocs_diataxis.writing import WriteError, write_whole

log = get_plugin_logger(__name__)

# Plugins whose generated pages are navigation, not documents: Material's blog makes
# archive, category and author index pages.
_NOT_DOCUMENTS = frozenset({"material/blog", "blog"})

CacheKey = tuple[str, str]
"""A page's path and the digest of its bytes (see `page_digest`)."""


class BuildSession:
    """The checks of one build. Pages are read in `start` (``on_nav``) and checked
    while MkDocs renders them (in worker processes on large sites); `collect` waits for
    them. A page whose path, bytes and settings an earlier session saw is not checked
    again: its result depends on nothing else, so this holds across sites too (MkDocs
    keeps one plugin instance per process, for ``mkdocs serve``). Nor is one the results
    cache (``cache_dir``) holds from an earlier run; its findings are logged again.
    """

    def __init__(self, settings: Settings, previous: BuildSession | None = None) -> None:
        self.settings = settings
        """The settings pages are checked with: with ``acronyms.scope: site``, what the
        site defines is added in `start`."""
        self._given = settings
        self._earlier: Settings | None = None
        self.results: dict[str, PageResult] = {}
        """Each page's result by path, once `collect` has run."""
        self.checked = 0
        """Pages checked in this build (not taken from an earlier one)."""
        self.left_out: set[str] = set()
        """Pages `start` took out of the build because MkDocs cannot read them."""
        self.report: Report | None = None
        self._known: dict[CacheKey, PageResult] = {}
        # Other settings, other findings: only the same settings may reuse results.
        if previous is not None and previous._given == settings:
            self._known = previous._cache
            self._earlier = previous.settings
        self._cache: dict[CacheKey, PageResult] = {}
        self._store: ResultStore | None = None
        self._previous_store = previous._store if previous is not None else None
        self._batch: Batch | None = None
        self._batch_keys: list[CacheKey] = []
        self._order: list[str] = []
        self._reused: set[str] = set()
        self.partial_files: list[str] = []
        """The files pages include, absolute: `mkdocs serve` watches them."""
        self.translations: dict[str, tuple[str, ...]] = {}
        """Page -> the locales it is translated into (mkdocs-static-i18n), for the
        report."""
        """Pages whose result an earlier build of this process gave: their findings
        were logged then."""

    def leave_out_loops(self, files: Files, docs_dir: str) -> None:
        """MkDocs follows folder links; one back to a folder above it repeats the pages
        forty levels deep and then fails copying them. Name each loop once and leave its
        copies out of the build (``on_files``, before the nav is made of them)."""
        loops = LinkLoops(docs_dir)
        for file in list(files):
            if file.generated_by is None and loops.loop_in(file.src_uri) is not None:
                files.remove(file)
        for result in loops.results(self.settings):
            self.results[result.path] = result
            self._order.append(result.path)

    def start(self, files: Files, docs_dir: str, own: str | None = None) -> None:
        """Take the build's pages and start checking the ones not known yet
        (``on_nav``: by then every plugin has said which pages the site has, and the
        blog has taken back the posts it held out while it read them). Pages other
        plugins generate (mkdocs-gen-files, ``File.generated``) are checked from their
        content; ``own`` (the status page's path) and the blog's archive and category
        views are not documents. The files pages include (``pymdownx.snippets``) are
        checked too, once each, as partials."""
        pending: list[SourcePage] = []
        size = 0
        self._define_site(files)
        self._open_store(docs_dir)
        including: list[str] = []  # pages that may include snippets
        tagged: list[str] = []  # files pages include with mkdocs-include-markdown
        pages: set[str] = set()
        for file in files.documentation_pages():
            if file.inclusion.is_excluded() or file.src_uri == own:
                continue
            if file.generated_by in _NOT_DOCUMENTS:
                continue
            path = file.src_uri
            self._order.append(path)
            if file.abs_src_path:
                pages.add(os.path.normpath(file.abs_src_path))
            try:
                source: bytes = file.content_bytes
            except OSError:
                file.inclusion = InclusionLevel.EXCLUDED  # MkDocs could not read it either
                self.left_out.add(path)
                self.results[path] = check_file(path, file.abs_src_path or path, self.settings)
                continue
            if is_generated(source[: marked_head_size()]):
                self._order.pop()  # `mkdocs-diataxis status -o docs/...` wrote it
                continue
            if not _decodes(source):
                # MkDocs would stop the build with a traceback reading this page; leave it
                # out instead, so the finding is the one clear message.
                file.inclusion = InclusionLevel.EXCLUDED
                self.left_out.add(path)
                self.results[path] = check_page(path, source, self.settings)
                continue
            if self.settings.snippet_dirs and b"8<" in source:
                including.append(source.decode("utf-8"))
            if self.settings.include_tags and b"{%" in source:
                folder = os.path.dirname(file.abs_src_path or os.path.join(docs_dir, path))
                tagged.extend(tag_included(folder, source.decode("utf-8"), docs_dir))
            key = (path, page_digest(source))
            if self._reuse(key):
                continue
            # Pages on disk are read again where they are checked, so that this process
            # does not hold every page's bytes while MkDocs renders.
            pending.append((path, Path(file.abs_src_path) if file.abs_src_path else source))
            size += len(source)
            self._batch_keys.append(key)
        size += self._add_partials(including, tagged, docs_dir, pages, pending)
        self._known = {}  # only this build's pages: a long serve session stays small
        self.checked = len(pending)
        # A fork where it is safe (`can_fork`): `mkdocs build` runs one thread here, as
        # does the first build of `mkdocs serve`, before its server starts.
        self._batch = Batch.for_jobs(pending, self.settings, size=size, fork=True)
        if (capped := capped_jobs(self.settings.jobs)) is not None:
            log.info(capped)
        if (idle := self.settings.idle_content_fit()) is not None:
            log.info(idle)
        every = [f.src_uri for f in files.documentation_pages(inclusion=InclusionLevel.all)]
        name = os.path.basename(os.path.normpath(docs_dir))
        if unmatched := self.settings.unmatched_patterns([*every, *self._order], name):
            log.info(unmatched)

    def _add_partials(
        self,
        including: list[str],
        tagged: list[str],
        docs_dir: str,
        pages: set[str],
        pending: list[SourcePage],
    ) -> int:
        """Add the files the pages include (and the one ``auto_append`` adds) that are not
        pages themselves to the settings' partials and to the checks; their size."""
        settings = self.settings
        if not settings.snippet_dirs and not tagged:
            return 0
        partials = partial_files(
            including,
            settings.snippet_dirs,
            settings.acronyms.snippet_files,
            docs_dir,
            pages,
            tagged,
            tags=settings.include_tags,
            restrict=settings.snippets_restricted,
        )
        self.settings = dataclasses.replace(settings, partials=frozenset(partials))
        self.partial_files = list(partials.values())
        size = 0
        for path, absolute in partials.items():
            self._order.append(path)
            try:
                source = Path(absolute).read_bytes()
            except OSError:
                self.results[path] = check_file(path, absolute, self.settings)
                continue
            key = (path, page_digest(source, partial=True))
            if self._reuse(key):
                continue
            pending.append((path, Path(absolute)))
            size += len(source)
            self._batch_keys.append(key)
        return size

    def _open_store(self, docs_dir: str) -> None:
        """The results cache for this build's settings (`ResultStore`); under ``mkdocs
        serve``, the last build's store when the settings are the same."""
        settings = self.settings
        folder = settings.cache_dir if settings.cache else None
        self._store = ResultStore.open(folder, settings, docs_dir, previous=self._previous_store)
        self._previous_store = None

    def _reuse(self, key: CacheKey) -> bool:
        """Take the page's result from the last build of this process (its findings were
        logged then) or from the results cache (they are logged again); whether found."""
        assert self._store is not None
        path, digest = key
        if (known := self._known.get(key)) is not None:
            self._reused.add(path)
            self._store.keep(path, digest, known)
        elif (known := self._store.get(path, digest)) is None:
            return False
        self.results[path] = self._cache[key] = known
        return True

    def _define_site(self, files: Files) -> None:
        """With ``acronyms.scope: site``, add what the site's pages define to the
        settings; an earlier build's results stand only if that did not change."""
        if self.settings.acronyms.scope != "site":
            return
        sources = []
        for file in files.documentation_pages():
            try:
                sources.append(file.content_string)
            except (OSError, UnicodeDecodeError):
                continue  # reported when the page is checked
        self.settings = with_site_definitions(self.settings, sources)
        if self._earlier is None or self._earlier.acronyms != self.settings.acronyms:
            self._known = {}

    def pages(self) -> list[str]:
        """The paths of the pages this build checks (partials left out)."""
        return [path for path in self._order if path not in self.settings.partials]

    def collect(self) -> Report:
        """Wait for the checks, log every finding once, build the report."""
        if self.report is not None:
            return self.report
        if self._batch is not None:
            checked = zip(self._batch_keys, self._batch.pages, self._batch.results(), strict=True)
            for key, (_, source), result in checked:
                self.results[key[0]] = result
                if result.stopped:
                    continue  # ran out of time: try again next time
                self._cache[key] = result
                if self._store is not None and _still(source, key[1]):
                    self._store.put(*key, result)
            self._batch = None
        if self._store is not None:
            self._store.save()
            if self._store.notice is not None:
                log.info(self._store.notice)
        # A rebuild (`mkdocs serve`, or each language of mkdocs-static-i18n) logs only
        # what it checked itself; the totals line counts every page.
        for path in self._order:
            if path in self._reused:
                continue
            for finding in self.results[path].findings:
                if finding.severity == "warning":
                    log.warning(finding.format())
                else:
                    log.info(finding.format())
        self.report = build_report(
            (self.results[path] for path in self._order), self.settings, self.translations
        )
        return self.report

    def log_totals(self, status_url: str | None) -> None:
        """One line at the end of the build's log: pages, findings by rule family, and
        where the status page is."""
        where = f"; status page: {status_url}" if status_url is not None else ""
        log.info(self._totals() + where)

    def _totals(self) -> str:
        warnings: Counter[str] = Counter()
        infos = 0
        for path in self._order:
            for finding in self.results[path].findings:
                if finding.severity == "warning":
                    warnings[finding.rule.split("/")[0]] += 1
                else:
                    infos += 1
        families = ", ".join(f"{family} {count}" for family, count in sorted(warnings.items()))
        partials = sum(1 for path in self._order if path in self.settings.partials)
        pages = len(self._order) - partials
        included = f" and {partials} included file(s)" if partials else ""
        reused = len(self._reused) + (self._store.hits if self._store is not None else 0)
        again = f", {reused} unchanged since the last run" if reused else ""
        shown = f" ({families})" if families else ""
        return (
            f"checked {pages} page(s){included}{again}: {sum(warnings.values())} warning(s)"
            f"{shown}, {infos} info finding(s)"
        )

    def write_report(self, site_dir: str) -> None:
        """Write the JSON report into ``site_dir`` (when one is configured)."""
        if self.settings.report is None or self.report is None:
            return
        target = os.path.join(site_dir, self.settings.report)
        report = self.report
        try:
            write_whole(target, report.write_json, make_folder=True)
        except WriteError as error:
            raise PluginError(f"diataxis: report: {error}") from None

    def cancel(self) -> None:
        """Stop the workers (the build failed)."""
        if self._batch is not None:
            self._batch.cancel()
            self._batch = None


def drop_from_nav(nav: Navigation, paths: set[str]) -> None:
    """Take the pages at ``paths`` (by source path) out of a built navigation, with any
    section left empty, and link the others' previous and next pages again: a theme
    would show a link to a page that is not built, titled "None"."""

    def kept(items: list[Any]) -> list[Any]:
        result = []
        for item in items:
            if isinstance(item, Page) and item.file.src_uri in paths:
                continue
            if isinstance(item, Section):
                item.children = kept(item.children)
                if not item.children:
                    continue
            result.append(item)
        return result

    nav.items = kept(nav.items)
    nav.pages = [page for page in nav.pages if page.file.src_uri not in paths]
    for number, page in enumerate(nav.pages):
        page.previous_page = nav.pages[number - 1] if number else None
        page.next_page = nav.pages[number + 1] if number + 1 < len(nav.pages) else None


def _still(source: bytes | Path, digest: str) -> bool:
    """Whether a page checked from its file still has the bytes its cache digest was
    made from: one saved in the editor while it was checked must not file the new
    text's result under the old text's digest."""
    if isinstance(source, bytes):
        return True
    try:
        data = source.read_bytes()
    except OSError:
        return False
    # A page digest is hexadecimal; only an included file's ends in "p".
    return page_digest(data, partial=digest.endswith("p")) == digest


def _decodes(source: bytes) -> bool:
    try:
        source.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True
