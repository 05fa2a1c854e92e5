"""MkDocs glue: read settings, check every page, log each finding, add the status page,
write the JSON report."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any, Literal

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from mkdocs_diataxis.config import DiataxisConfig
from mkdocs_diataxis.core import PageResult, Settings, check_page
from mkdocs_diataxis.core.batch import Batch, SourcePage
from mkdocs_diataxis.core.check import check_file
from mkdocs_diataxis.core.links import LinkLoops
from mkdocs_diataxis.core.report import Report, build_report
from mkdocs_diataxis.status.render import fill_blocks, render_status_page_blocks

log = get_plugin_logger(__name__)

CacheKey = tuple[str, bytes]
"""A page's path and the digest of its bytes."""


class DiataxisPlugin(BasePlugin[DiataxisConfig]):
    """Checks every page on every build (findings are MkDocs warnings) and adds the
    Documentation status page.

    Pages are read in ``on_files`` and checked while MkDocs renders them (in worker
    processes on large sites); the results are gathered when the status page, which is
    added last, is rendered, or at ``on_env`` at the latest. Results are kept by content
    across ``mkdocs serve`` rebuilds, so a rebuild re-checks only the pages that changed.
    """

    def __init__(self) -> None:
        self.settings = Settings()
        self.results: dict[str, PageResult] = {}
        self.report: Report | None = None
        self.checked = 0
        """Pages checked (not taken from the cache) by the last build."""
        self._cache: dict[CacheKey, PageResult] = {}
        self._cache_settings: object = None
        self._batch: Batch | None = None
        self._batch_keys: list[CacheKey] = []
        self._order: list[str] = []
        self._status_file: File | None = None
        self._status_rendered = False
        self._blocks: dict[str, str] = {}

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        # Defining on_startup keeps one plugin instance across `mkdocs serve` rebuilds, so
        # the cache survives them; per-build state is reset in on_config.
        del command, dirty

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        # Already validated by DiataxisConfig when mkdocs.yml was loaded.
        base_dir = os.path.dirname(os.path.abspath(config.config_file_path or "mkdocs.yml"))
        self.settings = Settings.from_mapping(dict(self.config), base_dir)
        identity = (repr(self.settings.origin), _contents(self.settings.watched_files()))
        if identity != self._cache_settings:  # other settings, other findings
            self._cache = {}
            self._cache_settings = identity
        self.results = {}
        self.report = None
        self.checked = 0
        self._batch = None
        self._status_file = None
        self._status_rendered = False
        self._blocks = {}
        return config

    # Late, so that files other plugins add in on_files are present (and skipped), and
    # the status page is the last page MkDocs reads: checking overlaps all the others.
    @event_priority(-50)
    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        pending: list[SourcePage] = []
        size = 0
        self._batch_keys = []
        self._order = []
        cache: dict[CacheKey, PageResult] = {}
        # MkDocs follows folder links; one back to a folder above it repeats the pages
        # forty levels deep and then fails copying them. Name each loop once and leave
        # its copies out of the build.
        loops = LinkLoops(config.docs_dir)
        for file in list(files):
            if file.generated_by is None and loops.loop_in(file.src_uri) is not None:
                files.remove(file)
        for result in loops.results(self.settings):
            self.results[result.path] = result
            self._order.append(result.path)
        for file in files.documentation_pages():
            if file.generated_by is not None or file.inclusion.is_excluded():
                continue
            path = file.src_uri
            self._order.append(path)
            try:
                source: bytes = file.content_bytes
            except OSError:
                file.inclusion = InclusionLevel.EXCLUDED  # MkDocs could not read it either
                self.results[path] = check_file(path, file.abs_src_path or path, self.settings)
                continue
            if not _decodes(source):
                # MkDocs would stop the build with a traceback reading this page; leave it
                # out instead, so the finding is the one clear message.
                file.inclusion = InclusionLevel.EXCLUDED
                self.results[path] = check_page(path, source, self.settings)
                continue
            key = (path, hashlib.blake2b(source, digest_size=16).digest())
            if (known := self._cache.get(key)) is not None:
                self.results[path] = cache[key] = known
                continue
            # Pages on disk are read again where they are checked, so that this process
            # does not hold every page's bytes while MkDocs renders.
            pending.append((path, Path(file.abs_src_path) if file.abs_src_path else source))
            size += len(source)
            self._batch_keys.append(key)
        self._cache = cache  # only this build's pages: a long serve session stays small
        self.checked = len(pending)
        self._batch = Batch.for_jobs(pending, self.settings, self.settings.jobs, size=size)
        if self.settings.status_page.enabled:
            self._add_status_page(files, config)
        return files

    def _add_status_page(self, files: Files, config: MkDocsConfig) -> None:
        status = self.settings.status_page
        existing = files.get_file_from_path(status.path)
        if existing is not None:
            raise PluginError(
                f"diataxis: the status page path '{status.path}' is already taken by"
                f" {existing.abs_src_path or existing.src_uri}; set status_page.path to a free"
                " path or status_page.enabled to false"
            )
        inclusion = InclusionLevel.INCLUDED if status.in_nav else InclusionLevel.NOT_IN_NAV
        # Its content is written once the checks are done (on_page_markdown below).
        self._status_file = File.generated(
            config, status.path, content=f"# {status.title}\n", inclusion=inclusion
        )
        files.append(self._status_file)

    # First, so that other plugins see the status page's real Markdown.
    @event_priority(100)
    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if not self._is_status(page):
            return markdown
        report = self._collect()
        status = self.settings.status_page
        self._status_rendered = True

        def href(path: str) -> str | None:
            file = files.get_file_from_path(path)
            return None if file is None else file.url_relative_to(page.file)

        markdown, self._blocks = render_status_page_blocks(
            report,
            title=status.title,
            page_path=status.path,
            href=href,
            repo_url=config.repo_url,
            edit_uri=config.edit_uri,
            admonitions="admonition" in config.markdown_extensions,
            report_file=self.settings.report,
        )
        return markdown

    # First, so that other plugins see the status page's whole HTML.
    @event_priority(100)
    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if not self._blocks or not self._is_status(page):
            return html
        html, missing = fill_blocks(html, self._blocks)
        self._blocks = {}
        if missing:
            log.warning(
                f"{page.file.src_uri}: {len(missing)} of the status page's tables and lists"
                " are missing: a Markdown extension or plugin removed the HTML comments that"
                f" hold their places ({missing[0]})"
            )
        return html

    def _is_status(self, page: Page) -> bool:
        # By path, not identity: a plugin later in on_files may have copied the File.
        return self._status_file is not None and page.file.src_uri == self._status_file.src_uri

    def _collect(self) -> Report:
        """Wait for the checks, log every finding once, build the report."""
        if self.report is not None:
            return self.report
        if self._batch is not None:
            for key, result in zip(self._batch_keys, self._batch.results(), strict=True):
                self.results[key[0]] = self._cache[key] = result
            self._batch = None
        for path in self._order:
            for finding in self.results[path].findings:
                if finding.severity == "warning":
                    log.warning(finding.format())
                else:
                    log.info(finding.format())
        self.report = build_report(
            (self.results[path] for path in self._order),
            self.settings,
            self.settings.status_page.plan,
            stub_words=self.settings.status_page.stub_words,
            section_depth=self.settings.status_page.section_depth,
        )
        return self.report

    # Every page has been read by now: the findings must be in before the build ends,
    # even when the status page is off or another plugin dropped it.
    def on_env(self, env: Any, /, *, config: MkDocsConfig, files: Files) -> Any:
        self._collect()
        status = self._status_file
        if status is not None and not self._status_rendered:
            log.warning(
                f"{status.src_uri}: the status page was not rendered (another plugin"
                " removed or replaced it after on_files); set status_page.enabled to false"
                " if that is intended"
            )
        return env

    def on_serve(self, server: Any, /, *, config: MkDocsConfig, builder: Any) -> Any:
        # Files outside docs_dir that change findings or the status page.
        for path in self.settings.watched_files():
            server.watch(path)
        return server

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.settings.report is None or self.report is None:
            return
        target = os.path.join(config.site_dir, self.settings.report)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "w", encoding="utf-8") as handle:
            self.report.write_json(handle)

    def on_build_error(self, *, error: Exception) -> None:
        if self._batch is not None:
            self._batch.cancel()
            self._batch = None


def _decodes(source: bytes) -> bool:
    try:
        source.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _contents(paths: list[str]) -> tuple[bytes, ...]:
    """The bytes of each file (empty when unreadable): a change makes a new identity."""
    contents = []
    for path in paths:
        try:
            with open(path, "rb") as handle:
                contents.append(handle.read())
        except OSError:
            contents.append(b"")
    return tuple(contents)
