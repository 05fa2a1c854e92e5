"""MkDocs glue: each hook hands its event to the build's session (the checks) or to the
status page; the plugin keeps nothing else."""

from __future__ import annotations

import os
from typing import Any, Literal

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from mkdocs_diataxis.config import (
    OTHER_PLUGINS,
    DiataxisConfig,
    translations,
    with_site_context,
)
from mkdocs_diataxis.session import BuildSession, drop_from_nav
from mkdocs_diataxis.status.page import StatusPage


class DiataxisPlugin(BasePlugin[DiataxisConfig]):
    """Checks every page on every build (findings are MkDocs warnings) and adds the
    Documentation status page."""

    def __init__(self) -> None:
        self.session: BuildSession | None = None
        self.status: StatusPage | None = None
        self.language_build = False

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        # Defining on_startup keeps one plugin instance across `mkdocs serve` rebuilds, so
        # a rebuild's session can take over what the last one checked.
        del command, dirty

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        # MkDocs runs a plugin listed twice twice ("diataxis #2"): two status pages at
        # one path, every finding logged twice.
        if any(name.startswith("diataxis #") for name in config.plugins):
            raise PluginError("plugins: 'diataxis' is listed more than once; keep one")
        base_dir = os.path.dirname(os.path.abspath(config.config_file_path or "mkdocs.yml"))
        plugins = {
            name: getattr(config.plugins[name], "config", {})
            for name in OTHER_PLUGINS
            if name in config.plugins
        }
        # MkDocs keeps the options of the extensions given some (``mdx_configs``): one
        # listed by its bare name ("- pymdownx.snippets") is in ``markdown_extensions`` only.
        extensions: dict[str, Any] = {
            name: {} for name in config.markdown_extensions if isinstance(name, str)
        }
        extensions.update(config.mdx_configs)
        settings = with_site_context(
            self.config.settings(), plugins, extensions, base_dir, config.docs_dir
        )
        self.session = BuildSession(settings, previous=self.session)
        # mkdocs-static-i18n builds each further language inside the first build's
        # on_post_build: the site's status page and report are the first build's, so a
        # language's build checks and logs its own pages and writes neither.
        self.language_build = bool(getattr(config.plugins.get("i18n"), "building", False))
        enabled = settings.status_page.enabled and not self.language_build
        self.status = StatusPage(settings.status_page, settings.report) if enabled else None
        if self.status is not None:
            self.status.join_nav(config)
        return config

    # First, so that plugins that list the site's pages in on_files see the status page
    # (mkdocs-redirects checks its targets against that list)...
    @event_priority(100)
    def _add_status_page_first(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        if self.status is not None and config.plugins.get("i18n") is None:
            self.status.add(files, config)
        return files

    # ... but last with mkdocs-static-i18n (-100), which trips over a page that is not
    # a file in docs_dir. Folder links that loop are taken out here, once every plugin
    # has added its files.
    @event_priority(-200)
    def _add_status_page_last(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        assert self.session is not None
        self.session.leave_out_loops(files, config.docs_dir)
        if self.status is not None:
            if config.plugins.get("i18n") is not None:
                self.status.add(files, config)
            # mkdocs-literate-nav writes config.nav from its nav file in on_files (-100).
            self.status.join_nav(config)
        return files

    on_files = CombinedEvent(_add_status_page_first, _add_status_page_last)

    # Last, when every plugin has settled which pages the site has: Material's blog
    # holds its posts out of the files until its own on_nav (-50).
    @event_priority(-200)
    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
        assert self.session is not None
        own = self.status.settings.path if self.status else None
        self.session.start(files, config.docs_dir, own=own)
        if self.session.left_out:  # built before the pages were read: no links to them
            drop_from_nav(nav, self.session.left_out)
        if self.status is not None:
            self.status.join_built_nav(nav, config)
        i18n = config.plugins.get("i18n")
        if i18n is not None and not self.language_build:
            self.session.translations = translations(
                self.session.pages(), config.docs_dir, getattr(i18n, "config", None)
            )
        return nav

    # First, so that other plugins see the status page's real Markdown.
    @event_priority(100)
    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if self.status is None or not self.status.is_page(page) or self.session is None:
            return markdown
        return self.status.markdown(self.session.collect(), page, config, files)

    # First, so that other plugins see the status page's whole HTML.
    @event_priority(100)
    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if self.status is None or not self.status.is_page(page):
            return html
        return self.status.fill(html, page)

    # Every page has been read by now: the findings must be in before the build ends,
    # even when the status page is off or another plugin dropped it.
    def on_env(self, env: Any, /, *, config: MkDocsConfig, files: Files) -> Any:
        if self.session is not None:
            self.session.collect()
            self.session.log_totals(self.status.url() if self.status is not None else None)
        if self.status is not None:
            self.status.check_rendered()
        return env

    def on_serve(self, server: Any, /, *, config: MkDocsConfig, builder: Any) -> Any:
        # Files outside docs_dir that change findings or the status page.
        if self.session is not None:
            for path in [*self.session.settings.watched_files(), *self.session.partial_files]:
                server.watch(path)
        return server

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.session is not None and not self.language_build:
            self.session.write_report(config.site_dir)

    def on_build_error(self, *, error: Exception) -> None:
        if self.session is not None:
            self.session.cancel()
