"""The status page in a MkDocs build: added as a generated file, its Markdown written
once the checks are done, its tables put into the converted HTML."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from mkdocs_diataxis.core.report import Report
from mkdocs_diataxis.core.settings import StatusPageSettings
from mkdocs_diataxis.status.markup import fill_blocks
from mkdocs_diataxis.status.render import render_status_page_blocks

log = get_plugin_logger(__name__)


class StatusPage:
    """One build's Documentation status page."""

    def __init__(self, settings: StatusPageSettings, report_file: str | None) -> None:
        self.settings = settings
        self.report_file = report_file
        self.file: File | None = None
        self._rendered = False
        self._blocks: dict[str, str] = {}

    def join_nav(self, config: MkDocsConfig) -> None:
        """With ``in_nav`` and a ``nav:`` written in ``mkdocs.yml``, list the page at its
        end (unless the nav lists it already): MkDocs would otherwise report it as a
        page the nav omits, and fail ``--strict`` with ``validation.omitted_files:
        warn``."""
        nav = config.nav
        if self.settings.in_nav and isinstance(nav, list) and not _lists(nav, self.settings.path):
            nav.append({self.settings.title: self.settings.path})

    def add(self, files: Files, config: MkDocsConfig) -> None:
        """Add the page to the build's files, or fail clearly when its path is taken."""
        existing = files.get_file_from_path(self.settings.path)
        if existing is not None:
            raise PluginError(
                f"diataxis: the status page path '{self.settings.path}' is already taken by"
                f" {existing.abs_src_path or existing.src_uri}; set status_page.path to a free"
                " path or status_page.enabled to false"
            )
        inclusion = InclusionLevel.INCLUDED if self.settings.in_nav else InclusionLevel.NOT_IN_NAV
        if "awesome-nav" in config.plugins:
            # awesome-nav builds the nav from .nav.yml files in its own on_nav and reports
            # a page it leaves out: the page joins that nav afterwards (`join_built_nav`).
            inclusion = InclusionLevel.NOT_IN_NAV
        # Its content is written once the checks are done (see `markdown`).
        self.file = File.generated(
            config, self.settings.path, content=f"# {self.settings.title}\n", inclusion=inclusion
        )
        files.append(self.file)

    def join_built_nav(self, nav: Navigation, config: MkDocsConfig) -> None:
        """With ``in_nav`` and mkdocs-awesome-nav, add the page at the end of the nav
        that plugin built, unless a ``.nav.yml`` lists it already."""
        if (
            not self.settings.in_nav
            or self.file is None
            or "awesome-nav" not in config.plugins
            or any(page.file.src_uri == self.file.src_uri for page in nav.pages)
        ):
            return
        page = Page(self.settings.title, self.file, config)
        if nav.pages:
            nav.pages[-1].next_page = page
            page.previous_page = nav.pages[-1]
        nav.items.append(page)
        nav.pages.append(page)

    def url(self) -> str | None:
        """The page's address in the site, relative to its root; ``None`` until it is
        added, or when another plugin dropped it."""
        return None if self.file is None else self.file.url or "./"

    def is_page(self, page: Page) -> bool:
        """Whether ``page`` is the status page (by path: a plugin that ran later in
        ``on_files`` may have copied the file)."""
        return self.file is not None and page.file.src_uri == self.file.src_uri

    def markdown(self, report: Report, page: Page, config: MkDocsConfig, files: Files) -> str:
        """The page's Markdown, its tables and lists held by HTML comments (`fill`)."""
        self._rendered = True

        def href(path: str) -> str | None:
            found = files.get_file_from_path(path)
            if found is None or found.inclusion.is_excluded():  # not in the site
                return None
            return found.url_relative_to(page.file)

        markdown, self._blocks = render_status_page_blocks(
            report,
            title=self.settings.title,
            page_path=self.settings.path,
            href=href,
            repo_url=config.repo_url,
            edit_uri=config.edit_uri,
            admonitions="admonition" in config.markdown_extensions,
            report_file=self.report_file,
        )
        return markdown

    def fill(self, html: str, page: Page) -> str:
        """The converted page with its tables and lists in place."""
        if not self._blocks:
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

    def check_rendered(self) -> None:
        """Warn when another plugin removed or replaced the page after it was added."""
        if self.file is not None and not self._rendered:
            log.warning(
                f"{self.file.src_uri}: the status page was not rendered (another plugin"
                " removed or replaced it after on_files); set status_page.enabled to false"
                " if that is intended"
            )


def _lists(nav: object, path: str) -> bool:
    """Whether a ``nav:`` value (pages, titled pages, sections) names ``path``."""
    if isinstance(nav, str):
        return nav.strip("/") == path
    if isinstance(nav, list):
        return any(_lists(item, path) for item in nav)
    if isinstance(nav, dict):
        return any(_lists(value, path) for value in nav.values())
    return False
