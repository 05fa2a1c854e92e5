"""The project the command line checks: its config file, docs_dir and plugin settings,
read as MkDocs reads them (``!ENV`` tags resolved, other tags left alone), and its pages."""

from __future__ import annotations

import dataclasses
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import quote

import yaml

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib
from mkdocs.exceptions import ConfigurationError
from mkdocs.utils import is_markdown_file
from mkdocs.utils.yaml import yaml_load
from pathspec.gitignore import GitIgnoreSpec
from yaml_env_tag import construct_env_tag  # type: ignore[import-untyped]

from mkdocs_diataxis.cache import ResultStore, page_digest
from mkdocs_diataxis.config import OTHER_PLUGINS, DiataxisConfig, with_site_context
from mkdocs_diataxis.core import PageResult, Settings
from mkdocs_diataxis.core.check import check_document
from mkdocs_diataxis.core.document import parse_document
from mkdocs_diataxis.core.figures import Figure, find_figures
from mkdocs_diataxis.core.generated import is_generated, marked_head_size
from mkdocs_diataxis.core.glossary import with_site_definitions
from mkdocs_diataxis.core.links import LinkLoops
from mkdocs_diataxis.core.snippets import (
    partial_files,
    tag_included,
)
from mkdocs_diataxis.workers import Batch, SourcePage, capped_jobs

CONFIG_NAMES = (
    "mkdocs.yml",
    "mkdocs.yaml",
    "properdocs.yml",
    "properdocs.yaml",
    "zensical.toml",
)


class CliError(Exception):
    """A usage or configuration problem: printed as one line, exit code 2."""


class _TolerantLoader(yaml.SafeLoader):
    """Safe YAML that resolves ``!ENV`` and leaves other MkDocs tags (``!relative``,
    ``!!python/name:``...) unresolved instead of failing: plugin options never use them."""


def _any_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    del suffix
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)  # type: ignore[arg-type]


_TolerantLoader.add_multi_constructor("!", _any_tag)
# `!ENV [NAME, default]` is resolved as MkDocs resolves it (`enabled: !ENV [CI, false]`).
_TolerantLoader.add_constructor("!ENV", construct_env_tag)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", _any_tag)


class ReportedFigure(NamedTuple):
    """A figure and the finding a check gives it (``rule (severity)``), if any."""

    figure: Figure
    reported: str | None


class Project:
    """The config file, its docs_dir and the validated plugin settings."""

    def __init__(self, config_file: str | None) -> None:
        self.config_file = _find_config(config_file)
        self.base_dir = os.path.dirname(os.path.abspath(self.config_file))
        # MkDocs' own loading: INHERIT merges the parent file in, as the build does.
        try:
            if self.config_file.endswith(".toml"):
                data = _zensical_project(self.config_file)
            else:
                with open(self.config_file, encoding="utf-8-sig") as handle:
                    data = yaml_load(handle, loader=_TolerantLoader)  # type: ignore[arg-type]
        except (OSError, UnicodeDecodeError) as error:
            raise CliError(f"cannot read {self.config_file}: {error}") from None
        except ConfigurationError as error:  # bad YAML (with its line), a missing INHERIT
            raise CliError(f"{self.config_file}: {' '.join(str(error).split())}") from None
        except tomllib.TOMLDecodeError as error:
            raise CliError(f"{self.config_file} is not valid TOML: {error}") from None
        except (AttributeError, TypeError):
            data = None  # not a mapping: said below
        if not isinstance(data, dict):
            raise CliError(f"{self.config_file}: expected a mapping of settings")
        self.data = data
        self._shown: dict[str, str] = {}
        self.docs_dir = os.path.join(self.base_dir, str(data.get("docs_dir") or "docs"))
        if not os.path.isdir(self.docs_dir):
            raise CliError(f"{self.config_file}: docs_dir {self.docs_dir} is not a folder")
        plugins = _plugin_entries(data.get("plugins"), self.config_file)
        options, self.has_plugin = _plugin_options(plugins, self.config_file)
        others: dict[str, Any] = {}
        self.other_plugins = others
        """The options of the other plugins the checks read (i18n, blog, meta...)."""
        for name in OTHER_PLUGINS:
            other, present = _plugin_options(plugins, self.config_file, name)
            if present:
                others[name] = other
        self.settings = with_site_context(
            _validate(options, self.config_file),
            others,
            _mdx_configs(data.get("markdown_extensions")),
            self.base_dir,
            self.docs_dir,
        )
        # As MkDocs excludes: hidden files and /templates/ always, then exclude_docs; and
        # as `mkdocs build` leaves drafts out.
        self.exclude = GitIgnoreSpec.from_lines(
            [".*", "/templates/", *_string_lines(data.get("exclude_docs"))]
        )
        self.drafts = GitIgnoreSpec.from_lines(_string_lines(data.get("draft_docs")))
        self.loops = LinkLoops(self.docs_dir)
        self.every_page: list[str] = []
        """Every Markdown file under docs_dir, drafts and excluded ones too, as the last
        walk of the whole folder found them (`pages` with no paths)."""
        self.notices: list[str] = []
        """Lines for the user from `check`: a results cache that could not be used, a
        ``jobs`` value more than the machine can use, ``content/fit`` options set while
        it is off."""
        self.cache_hits = 0
        """How many results `check` took from the cache."""

    def pages(self, paths: Sequence[str]) -> list[str]:
        """Markdown pages to check (relative to docs_dir), all or those under ``paths``."""
        roots = [os.path.abspath(path) for path in paths] or [self.docs_dir]
        docs = os.path.abspath(self.docs_dir)
        found: set[str] = set()
        for root in roots:
            if os.path.commonpath([root, docs]) != docs:
                raise CliError(f"{root} is outside docs_dir {docs}")
            if os.path.isfile(root):
                found.add(os.path.relpath(root, docs).replace(os.sep, "/"))
                continue
            if not os.path.isdir(root):
                raise CliError(f"{root} does not exist")
            # Folder links are followed, as MkDocs follows them; a loop is not.
            for folder, dirs, files in os.walk(root, followlinks=True):
                dirs[:] = sorted(
                    d
                    for d in dirs
                    if not d.startswith(".")
                    and not self.loops.is_loop(
                        os.path.relpath(os.path.join(folder, d), docs).replace(os.sep, "/")
                    )
                )
                for name in files:
                    if is_markdown_file(name):  # .md, .markdown, .mdown, .mkdn, .mkd
                        path = os.path.relpath(os.path.join(folder, name), docs)
                        found.add(path.replace(os.sep, "/"))
        if not paths:
            self.every_page = sorted(found)
        return sorted(
            path
            for path in found
            if not self.exclude.match_file(path)
            and not self.drafts.match_file(path)
            and not self._generated(path)
        )

    def _generated(self, path: str) -> bool:
        """Whether the page is a status page `status -o` wrote: never checked."""
        try:
            with open(os.path.join(self.docs_dir, path), "rb") as handle:
                return is_generated(handle.read(marked_head_size()))
        except OSError:
            return False  # `check` reports it

    def status_page_url(self) -> str | None:
        """The status page's address on the published site, from ``site_url`` and
        ``use_directory_urls``; ``None`` without a ``site_url`` or a status page."""
        site_url = self.data.get("site_url")
        status = self.settings.status_page
        if not isinstance(site_url, str) or not site_url.strip() or not status.enabled:
            return None
        page = status.path.removesuffix(".md")
        if self.data.get("use_directory_urls", True) is not False:
            folder, _, name = page.rpartition("/")
            if name in ("index", "README"):  # the folder's own page
                page = folder
            page = f"{page}/" if page else ""
        else:
            page = f"{page}.html"
        return f"{site_url.strip().rstrip('/')}/{quote(page)}"

    def shown(self, path: str) -> str:
        """A page's path as output shows it: relative to the working folder."""
        if path not in self._shown:  # a page may have thousands of findings
            self._shown[path] = os.path.relpath(os.path.join(self.docs_dir, path))
        return self._shown[path]

    def figures(self, paths: Sequence[str]) -> Iterator[tuple[str, list[ReportedFigure]]]:
        """Each page's performance figures (all, or those under ``paths``), classified,
        with what cites them and the finding a check gives them, if any (a suppression
        or a severity of ``ignore`` leaves none): why ``citation/*`` reports what it
        reports."""
        for path in self.pages(paths):
            try:
                source = Path(self.docs_dir, path).read_bytes()
            except OSError:
                continue  # `check` reports it
            doc = parse_document(path, source, templates=self.settings.templates)
            findings = check_document(doc, self.settings).findings
            uncited = {
                (finding.line, finding.column): f"{finding.rule} ({finding.severity})"
                for finding in findings
                if finding.rule == "citation/uncited"
            }
            weak = next(
                (
                    f"{finding.rule} ({finding.severity}) at line {finding.line}"
                    for finding in findings
                    if finding.rule == "citation/weak"
                ),
                None,
            )
            reported = [
                ReportedFigure(
                    figure,
                    weak if figure.weakly_cited else uncited.get((figure.line, figure.column)),
                )
                for figure in find_figures(doc, self.settings)
            ]
            yield path, reported

    def check(self, paths: Sequence[str]) -> list[PageResult]:
        """Check the pages (all, or those under ``paths``) here and in as many worker
        processes as the ``jobs`` setting asks for."""
        checked = self.pages(paths)
        site_pages = self.pages([]) if paths else checked  # found once, used twice
        pages: list[SourcePage] = [(path, Path(self.docs_dir, path)) for path in checked]
        settings = (
            with_site_definitions(self.settings, self._sources(site_pages))
            if (self.settings.acronyms.scope == "site")
            else self.settings
        )
        if settings.snippet_dirs or settings.include_tags:
            # The files the checked pages include, once each, as partials (see the build).
            site = {os.path.normpath(os.path.join(self.docs_dir, p)) for p in site_pages}
            texts, tagged = self._includes(checked)
            partials = partial_files(
                texts,
                settings.snippet_dirs,
                settings.acronyms.snippet_files,
                self.docs_dir,
                site,
                tagged,
                tags=settings.include_tags,
                restrict=settings.snippets_restricted,
            )
            settings = dataclasses.replace(settings, partials=frozenset(partials))
            pages.extend((path, Path(absolute)) for path, absolute in partials.items())
        results = self._results(pages, settings) + self.loops.results(settings)
        if len(checked) == len(site_pages) and (unmatched := self._unmatched(settings, pages)):
            self.notices.append(unmatched)
        return results

    def _results(self, pages: list[SourcePage], settings: Settings) -> list[PageResult]:
        """Each page's result, from the results cache when an earlier run checked the same
        bytes with the same settings, else checked here and in workers (and cached)."""
        store = ResultStore.open(
            settings.cache_dir if settings.cache else None, settings, self.docs_dir
        )
        results: list[PageResult | None] = []
        pending: list[SourcePage] = []
        digests: list[tuple[int, str]] = []  # where each pending page's result goes
        size = 0
        for path, file in pages:
            results.append(None)
            try:
                source = file if isinstance(file, bytes) else file.read_bytes()
            except OSError:
                pending.append((path, file))  # its check reports why
                digests.append((len(results) - 1, ""))
                continue
            digest = page_digest(source, partial=path in settings.partials)
            results[-1] = store.get(path, digest)
            if results[-1] is None:
                # The bytes the digest was made from, so that the result filed under it is
                # theirs even if the file changes meanwhile.
                pending.append((path, source))
                digests.append((len(results) - 1, digest))
                size += len(source)
        # This process runs one thread, so workers may start as forks of it.
        checked = Batch.for_jobs(pending, settings, size=size, fork=True).results()
        for (index, digest), result in zip(digests, checked, strict=True):
            results[index] = result
            if digest and not result.stopped:  # ran out of time: try again next time
                store.put(result.path, digest, result)
        store.save()
        lines = (store.notice, capped_jobs(settings.jobs), settings.idle_content_fit())
        self.notices = [line for line in lines if line]
        self.cache_hits = store.hits
        return [result for result in results if result is not None]

    def _includes(self, paths: Sequence[str]) -> tuple[list[str], list[str]]:
        """The text of each of these pages that may include a snippet, and the files
        they include with mkdocs-include-markdown's tags."""
        texts: list[str] = []
        tagged: list[str] = []
        for path in paths:
            try:
                source = Path(self.docs_dir, path).read_bytes()
            except OSError:
                continue  # `check` reports it
            if b"8<" in source:
                texts.append(source.decode("utf-8", errors="replace"))
            if self.settings.include_tags and b"{%" in source:
                folder = os.path.dirname(os.path.join(self.docs_dir, path))
                text = source.decode("utf-8", errors="replace")
                tagged.extend(tag_included(folder, text, self.docs_dir))
        return texts, tagged

    def _unmatched(self, settings: Settings, pages: list[SourcePage]) -> str | None:
        """`Settings.unmatched_patterns` over every Markdown file under docs_dir (drafts
        and excluded pages too, from the walk that found the pages: folder loops are
        not followed) and the files the pages include."""
        name = os.path.basename(os.path.normpath(self.docs_dir))
        paths = [*self.every_page, *(path for path, _ in pages)]
        return settings.unmatched_patterns(paths, name)

    def _sources(self, paths: Sequence[str]) -> Iterator[str]:
        """The text of every page of the site (``paths``), for ``acronyms.scope: site``: a
        definition on a page not checked still counts."""
        for path in paths:
            try:
                yield Path(self.docs_dir, path).read_text("utf-8")
            except (OSError, UnicodeDecodeError):
                continue  # `check` reports it


def _find_config(config_file: str | None) -> str:
    if config_file is not None:
        if not os.path.isfile(config_file):
            raise CliError(f"config file {config_file} does not exist")
        return config_file
    for name in CONFIG_NAMES:
        if os.path.isfile(name):
            return name
    raise CliError("no mkdocs.yml, properdocs.yml or zensical.toml here; name one with -f")


def _plugin_entries(plugins: Any, config_file: str) -> list[tuple[str, Any]]:
    """``plugins:`` (a list or a mapping) as (name, options) pairs, refused where MkDocs
    refuses it, so that ``check`` never reads a configuration the build would not."""
    if plugins is None:
        return []
    if isinstance(plugins, dict):
        entries = list(plugins.items())
    elif isinstance(plugins, list):
        entries = []
        for number, item in enumerate(plugins, 1):
            if isinstance(item, dict):
                if len(item) != 1:
                    raise CliError(
                        f"{config_file}: plugins: entry {number} names {len(item)} plugins"
                        f" ({', '.join(map(str, item))}); write one plugin per entry"
                    )
                entries.append(next(iter(item.items())))
            else:
                entries.append((item, None))
    else:
        raise CliError(
            f"{config_file}: plugins: expected a list or a mapping of plugins,"
            f" got {type(plugins).__name__} {plugins!r}"[:200]
        )
    for name, _ in entries:
        if not isinstance(name, str):
            raise CliError(f"{config_file}: plugins: {name!r} is not a plugin name"[:200])
    if sum(1 for name, _ in entries if name == "diataxis") > 1:
        raise CliError(f"{config_file}: plugins: 'diataxis' is listed more than once; keep one")
    return entries


def _plugin_options(
    plugins: list[tuple[str, Any]], config_file: str, name: str = "diataxis"
) -> tuple[dict[str, Any], bool]:
    """A plugin's options among the entries of ``plugins:``, and whether it is there."""
    for entry, value in plugins:
        if entry == name:
            return _options(name, value, config_file), True
    return {}, False


def _options(name: str, value: Any, config_file: str) -> dict[str, Any]:
    """A plugin entry's options: none (``name:``, ``name = true``) or a mapping."""
    if value is None or isinstance(value, bool):
        return {}
    if not isinstance(value, dict):
        raise CliError(
            f"{config_file}: plugin '{name}': expected a mapping of options, got {value!r}"
        )
    return dict(value)


def _zensical_project(path: str) -> Any:
    """The ``[project]`` scope of a Zensical ``zensical.toml``: the settings mkdocs.yml
    holds, plugins as ``[project.plugins.diataxis]`` tables. An extension written
    ``[project.markdown_extensions.pymdownx.snippets]`` (TOML nests the dotted name) is
    named ``pymdownx.snippets`` again."""
    with open(path, "rb") as handle:
        project = tomllib.load(handle).get("project")
    extensions = project.get("markdown_extensions") if isinstance(project, dict) else None
    if isinstance(extensions, dict) and isinstance(extensions.get("pymdownx"), dict):
        for name, options in extensions.pop("pymdownx").items():
            extensions[f"pymdownx.{name}"] = options
    return project


def _mdx_configs(value: Any) -> dict[str, Any]:
    """``markdown_extensions`` as MkDocs reads it: extension name -> its options."""
    items = value if isinstance(value, list) else [value] if value else []
    if isinstance(value, dict):
        items = [{key: options} for key, options in value.items()]
    configs: dict[str, Any] = {}
    for item in items:
        if isinstance(item, str):
            configs[item] = {}
        elif isinstance(item, dict):
            for name, options in item.items():
                configs[str(name)] = options if isinstance(options, dict) else {}
    return configs


def _validate(options: dict[str, Any], config_file: str) -> Settings:
    """The plugin's own validation: its MkDocs config options, run once. ``enabled``
    is checked as MkDocs checks it; the command line checks the site either way (it is
    how a site whose build leaves the plugin off is checked), and says so."""
    enabled = options.pop("enabled", True)
    if enabled is not None and not isinstance(enabled, bool):
        raise CliError(
            f"{config_file}: plugin 'diataxis' option 'enabled': expected true or false,"
            f" got {type(enabled).__name__} {enabled!r}"[:200]
        )
    if enabled is False:
        print(
            f"note: {config_file} turns the plugin off (enabled: false); checking anyway",
            file=sys.stderr,
        )
    config = DiataxisConfig(config_file_path=config_file)
    config.load_dict(options)
    errors, warnings = config.validate()
    for key, error in errors:
        raise CliError(f"{config_file}: plugin 'diataxis' option '{key}': {error}")
    for key, warning in warnings:
        print(
            f"warning: {config_file}: plugin 'diataxis' option '{key}': {warning}", file=sys.stderr
        )
    return config.settings()


def _string_lines(value: Any) -> list[str]:
    if isinstance(value, str):
        return [line for line in value.splitlines() if line.strip() and not line.startswith("#")]
    return []
