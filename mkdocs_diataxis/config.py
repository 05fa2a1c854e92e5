"""The ``diataxis`` entry of ``mkdocs.yml``, declared as MkDocs config options.

Each option's validation is the core's (`mkdocs_diataxis.core.options.OPTIONS`), run
once by MkDocs; the option keeps what it returns (compiled patterns, the term list, the
plan), and `DiataxisConfig.settings` hands them to the checks as they are. The command
line loads the same options the same way, so both accept and reject the same values.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from typing import Any

import yaml
from mkdocs.config import base
from mkdocs.config.base import BaseConfigOption, ValidationError

from mkdocs_diataxis.core import Settings
from mkdocs_diataxis.core.glossary import with_snippet_glossaries
from mkdocs_diataxis.core.options import OPTIONS, RAW_DEFAULTS, SettingsError
from mkdocs_diataxis.core.snippets import snippet_folders, snippets_restricted


class _Checked(BaseConfigOption[Any]):
    """An option validated by the core validator of the same name; keeps its result."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self._name = name
        self._check = OPTIONS[name]
        self.default = RAW_DEFAULTS.get(name)

    def pre_validation(self, config: base.Config, key_name: str) -> None:
        # File options (terms.file, acronyms.glossary) are relative to mkdocs.yml.
        path = config.config_file_path
        self._base_dir = os.path.dirname(os.path.abspath(path)) if path else os.getcwd()

    def run_validation(self, value: object) -> object:
        try:
            return self._check(value, getattr(self, "_base_dir", os.getcwd()))
        except SettingsError as error:
            # MkDocs names the option; name the key inside it too ("categories.how-to").
            where = f"{error.option}: " if error.option != self._name else ""
            raise ValidationError(f"{where}{error.message}") from None


class DiataxisConfig(base.Config):
    """Options of the ``diataxis`` plugin; every one has a default."""

    categories = _Checked("categories")
    """Folder names that put a page in each category, at any depth of its path.

    A mapping of `tutorial`, `how-to`, `reference` or `explanation` to a list of folder
    names (matched case-insensitively). A category given here replaces that category's
    default list; categories not given keep theirs."""

    require_category = _Checked("require_category")
    """Gitignore-style patterns (relative to `docs_dir`) of pages that must have a
    category. Default: every Markdown page (`**/*.md`)."""

    exempt = _Checked("exempt")
    """Gitignore-style patterns of pages the placement rules never report, added to the
    defaults: landing pages (`index.md`, `README.md`), `SUMMARY.md`, snippet and include
    folders (`_snippets/`, `snippets/`, `includes/`, `partials/`) and blog posts
    (`blog/posts/`). A `!pattern` re-includes a page the defaults exempt."""

    exempt_defaults = _Checked("exempt_defaults")
    """Whether the default `exempt` patterns apply (default `true`); `false` leaves only
    the project's own."""

    severity = _Checked("severity")
    """Per-rule level: a mapping of rule id (or `family/*`) to `warn`, `info` or `ignore`,
    the words MkDocs uses for its own `validation:` options."""

    citations = _Checked("citations")
    """Uncited performance figures (`citation/*`). A mapping with:

    - `enabled` (default `true`): look for figures at all;
    - `patterns` (default none): extra regular expressions that count as citations,
      such as `Task \\d+\\.\\d+` for a project that cites its task tracker;
    - `methodology` (default `info`): severity of `citation/weak`, given when figures
      rely on a methodology section with no link or benchmark named;
    - `exclude` (default none): gitignore-style patterns of pages not checked for
      figures, such as `research/**`."""

    terms = _Checked("terms")
    """Forbidden terms (`terms/forbidden`). A mapping with:

    - `enabled` (default `true`);
    - `defaults` (default `true`): start from the shipped list; `false` starts empty;
    - `file` (default none): a YAML term list, relative to `mkdocs.yml`, in the same
      format as the shipped list; its entries override shipped ones with the same
      patterns;
    - `forbid` (default none): more entries inline, each a phrase or a full entry;
    - `allow` (default none): phrases to take off the list (e.g. `simply`);
    - `exclude` (default none): gitignore-style patterns of pages not checked."""

    acronyms = _Checked("acronyms")
    """Acronyms used before they are defined (`terms/acronym`). A mapping with:

    - `enabled` (default `true`);
    - `known` (default none): more acronyms every reader knows;
    - `glossary` (default none): a file of `*[ABC]: Full name` lines (the file
      `pymdownx.snippets` auto-appends) or a YAML mapping, relative to `mkdocs.yml`;
    - `exclude` (default none): gitignore-style patterns of pages not checked;
    - `scope` (default `page`): `site` counts a definition on any page of the site."""

    content_fit = _Checked("content_fit")
    """Whether a page is made of another category's content (`content/fit`, info). A
    mapping with:

    - `enabled` (default `false`): look in every page for entries to look up and
      directions for tasks, score the pages where they make a case against the page's
      category, and report those whose scores do not put that category first;
    - `exclude` (default none): gitignore-style patterns of pages not read."""

    status_page = _Checked("status_page")
    """The generated Documentation status page. A mapping with:

    - `enabled` (default `true`);
    - `path` (default `diataxis-status.md`): where the page appears in the site;
    - `title` (default `Documentation status`);
    - `in_nav` (default `true`): `false` keeps it out of the navigation (MkDocs will not
      report it as omitted from `nav`);
    - `plan` (default none): a YAML plan of deliverables, relative to `mkdocs.yml`;
    - `stub_words` (default `50`): pages with fewer words count as stubs;
    - `section_depth` (default: automatic): group pages into sections by their first
      N folders instead of by the folders above their category folder."""

    report = _Checked("report")
    """File name of the JSON report written into `site_dir` (default
    `diataxis-report.json`); `null` writes none."""

    baseline = _Checked("baseline")
    """A baseline file written by `mkdocs-diataxis baseline` (relative to `mkdocs.yml`):
    findings recorded in it report at info, so `--strict` fails on new findings only."""

    jobs = _Checked("jobs")
    """Worker processes that check pages while MkDocs renders them: `auto` (the default)
    uses one per core but one, when the site holds at least 1 MB of Markdown; `0` checks
    in the build's own process; a number starts that many workers whatever the site's
    size. Findings are the same either way; only the build's wall time changes."""

    time_limit = _Checked("time_limit")
    """CPU seconds a page's check may take per MB of the page, and at least (default
    `30`, about 50 times what a check takes): a check that runs longer, such as a
    regular expression of the project's backtracking over a long line, is stopped and
    reported as `page/too-slow`. `0` sets no limit."""

    cache = _Checked("cache")
    """Keep each page's result between runs (default `true`), so that a page whose
    text, settings and plugin version an earlier `mkdocs build`, `mkdocs serve` or
    `mkdocs-diataxis check` saw is not checked again; `false` checks every page every
    time."""

    cache_dir = _Checked("cache_dir")
    """The folder results are kept in, relative to `mkdocs.yml` (default
    `.cache/plugin/diataxis`, beside the caches of Material's plugins). Keep it between
    CI runs to skip unchanged pages there too."""

    def settings(self) -> Settings:
        """The validated options as the checks read them (call after validation)."""
        return Settings(**{name: self[name] for name in OPTIONS})


def i18n_suffix_locales(options: Any) -> tuple[str, ...]:
    """The locales of a mkdocs-static-i18n configuration (its plugin config, or its
    ``plugins:`` entry as written) when it uses the suffix layout, its default, where
    ``page.fr.md`` translates ``page.md``; none for the folder layout."""
    if not hasattr(options, "get") or options.get("docs_structure", "suffix") != "suffix":
        return ()
    return i18n_locales(options)


def i18n_locales(options: Any) -> tuple[str, ...]:
    """The locales of a mkdocs-static-i18n configuration, whatever its layout."""
    if not hasattr(options, "get"):
        return ()
    languages = options.get("languages")
    if not isinstance(languages, list):
        return ()
    return tuple(
        str(language.get("locale"))
        for language in languages
        if hasattr(language, "get") and isinstance(language.get("locale"), str)
    )


def meta_file_categories(docs_dir: str, meta_file: str) -> dict[str, tuple[str, object]]:
    """Material's meta plugin: each folder of ``docs_dir`` (``""`` for the root) whose
    meta file (``.meta.yml`` by default) sets ``diataxis:``, with that value. Pages
    below inherit it unless their own front matter sets one. Each value comes with the
    meta file's path in ``docs_dir``. A file that is not YAML is left to the meta
    plugin, which stops the build on it."""
    found: dict[str, tuple[str, object]] = {}
    for folder, dirs, files in os.walk(docs_dir):
        dirs.sort()
        if meta_file not in files:
            continue
        try:
            with open(os.path.join(folder, meta_file), encoding="utf-8-sig") as handle:
                data = yaml.safe_load(handle)
        except (OSError, UnicodeDecodeError, yaml.YAMLError):
            continue
        if isinstance(data, dict) and "diataxis" in data:
            relative = os.path.relpath(folder, docs_dir).replace(os.sep, "/")
            relative = "" if relative == "." else relative
            found[relative] = (f"{relative}/{meta_file}".lstrip("/"), data["diataxis"])
    return found


def translations(pages: list[str], docs_dir: str, options: Any) -> dict[str, tuple[str, ...]]:
    """Each page of the default language's build (mkdocs-static-i18n) -> the other
    locales a translation of it exists in: ``page.fr.md`` beside ``page.md`` in the
    suffix layout, ``fr/page.md`` for ``en/page.md`` in the folder layout."""
    if not hasattr(options, "get") or not isinstance(options.get("languages"), list):
        return {}
    locales: list[str] = []
    default = None
    for language in options["languages"]:
        if hasattr(language, "get") and isinstance(language.get("locale"), str):
            locales.append(language.get("locale"))
            if language.get("default"):
                default = language.get("locale")
    default = default or (locales[0] if locales else None)
    others = [locale for locale in locales if locale != default]
    folder = options.get("docs_structure", "suffix") == "folder"
    found: dict[str, tuple[str, ...]] = {}
    for page in pages:
        if folder:
            first, _, rest = page.partition("/")
            if first != default or not rest:
                continue
            candidates = [(locale, f"{locale}/{rest}") for locale in others]
        else:
            stem, _, extension = page.rpartition(".")
            candidates = [(locale, f"{stem}.{locale}.{extension}") for locale in others]
        there = tuple(
            locale for locale, path in candidates if os.path.isfile(os.path.join(docs_dir, path))
        )
        if there:
            found[page] = there
    return found


# The other plugins whose settings change what the checks read.
OTHER_PLUGINS = ("i18n", "macros", "include-markdown", "material/meta", "meta")


def with_site_context(
    settings: Settings,
    plugins: Mapping[str, Any],
    mdx_configs: Mapping[str, Any],
    base_dir: str,
    docs_dir: str,
) -> Settings:
    """``settings`` with what the site's other plugins and Markdown extensions mean for
    the checks, the same for the build and the command line: ``plugins`` maps each of
    `OTHER_PLUGINS` the site uses to its options (a plugin's config, or its
    ``plugins:`` entry as written); ``mdx_configs`` maps extensions to theirs."""
    settings = with_snippet_glossaries(settings, mdx_configs, base_dir, docs_dir)
    meta = plugins.get("material/meta", plugins.get("meta"))
    meta_on = hasattr(meta, "get") and meta.get("enabled", True) is not False
    meta_file = str(meta.get("meta_file", ".meta.yml")) if meta_on else ""
    return dataclasses.replace(
        settings,
        languages=i18n_suffix_locales(plugins.get("i18n")),
        # Template tags are not prose: mkdocs-macros' Jinja, include-markdown's tags.
        templates="macros" in plugins or "include-markdown" in plugins,
        include_tags="include-markdown" in plugins,
        snippet_dirs=tuple(snippet_folders(mdx_configs, base_dir, docs_dir)),
        snippets_restricted=snippets_restricted(mdx_configs),
        folder_meta=meta_file_categories(docs_dir, meta_file) if meta_on else {},
    )
