"""MkDocs glue: read settings, check every page in ``on_files``, log each finding, add
the status page, write the JSON report."""

from __future__ import annotations

import os
from typing import Any, Literal

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel

from mkdocs_diataxis.config import DiataxisConfig
from mkdocs_diataxis.core import PageResult, Settings, check_page
from mkdocs_diataxis.core.report import Report, build_report
from mkdocs_diataxis.status import render_status_page

log = get_plugin_logger(__name__)


class DiataxisPlugin(BasePlugin[DiataxisConfig]):
    """Checks every page on every build (findings are MkDocs warnings) and adds the
    Documentation status page."""

    def __init__(self) -> None:
        self.settings = Settings()
        self.results: dict[str, PageResult] = {}
        self.report: Report | None = None

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        # Defining on_startup keeps one plugin instance across `mkdocs serve` rebuilds;
        # per-build state is reset in on_config.
        del command, dirty

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        # Already validated by DiataxisConfig when mkdocs.yml was loaded.
        base_dir = os.path.dirname(os.path.abspath(config.config_file_path or "mkdocs.yml"))
        self.settings = Settings.from_mapping(dict(self.config), base_dir)
        self.results = {}
        self.report = None
        return config

    # Late, so that files other plugins add in on_files are present (and skipped).
    @event_priority(-50)
    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        for file in files.documentation_pages():
            if file.generated_by is not None or file.inclusion.is_excluded():
                continue
            try:
                source: Any = file.content_bytes
            except OSError as error:
                log.warning(f"{file.src_uri}:1:1: [page/unreadable] cannot read the file ({error})")
                file.inclusion = InclusionLevel.EXCLUDED  # MkDocs could not read it either
                continue
            result = check_page(file.src_uri, source, self.settings)
            self.results[file.src_uri] = result
            if result.unreadable:
                # MkDocs would stop the build with a traceback reading this page; leave it
                # out instead, so the warning above is the one clear message.
                file.inclusion = InclusionLevel.EXCLUDED
            for finding in result.findings:
                if finding.severity == "warning":
                    log.warning(finding.format())
                else:
                    log.info(finding.format())
        self.report = build_report(
            self.results.values(),
            self.settings,
            self.settings.status_page.plan,
            stub_words=self.settings.status_page.stub_words,
            section_depth=self.settings.status_page.section_depth,
        )
        if self.settings.status_page.enabled:
            self._add_status_page(files, config)
        return files

    def _add_status_page(self, files: Files, config: MkDocsConfig) -> None:
        status = self.settings.status_page
        assert self.report is not None
        existing = files.get_file_from_path(status.path)
        if existing is not None:
            raise PluginError(
                f"diataxis: the status page path '{status.path}' is already taken by"
                f" {existing.abs_src_path or existing.src_uri}; set status_page.path to a free"
                " path or status_page.enabled to false"
            )
        markdown = render_status_page(
            self.report,
            title=status.title,
            page_path=status.path,
            repo_url=config.repo_url,
            edit_uri=config.edit_uri,
            admonitions="admonition" in config.markdown_extensions,
        )
        inclusion = InclusionLevel.INCLUDED if status.in_nav else InclusionLevel.NOT_IN_NAV
        files.append(File.generated(config, status.path, content=markdown, inclusion=inclusion))

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
            handle.write(self.report.to_json())
