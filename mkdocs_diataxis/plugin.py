"""MkDocs glue: read settings, check every page in ``on_files``, log each finding."""

from __future__ import annotations

import os
from typing import Any, Literal

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import Files, InclusionLevel

from mkdocs_diataxis.config import DiataxisConfig
from mkdocs_diataxis.core import PageResult, Settings, check_page

log = get_plugin_logger(__name__)


class DiataxisPlugin(BasePlugin[DiataxisConfig]):
    """Checks Diátaxis placement on every build; findings are MkDocs warnings."""

    def __init__(self) -> None:
        self.settings = Settings()
        self.results: dict[str, PageResult] = {}

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        # Defining on_startup keeps one plugin instance across `mkdocs serve` rebuilds;
        # per-build state is reset in on_config.
        del command, dirty

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        # Already validated by DiataxisConfig when mkdocs.yml was loaded.
        base_dir = os.path.dirname(os.path.abspath(config.config_file_path or "mkdocs.yml"))
        self.settings = Settings.from_mapping(dict(self.config), base_dir)
        self.results = {}
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
        return files
