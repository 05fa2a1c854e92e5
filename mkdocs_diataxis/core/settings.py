"""The plugin's settings as plain, validated objects: what the checks read.

Nothing here validates: `mkdocs_diataxis.core.options` turns the ``diataxis`` entry of
``mkdocs.yml`` into these objects, once, for the plugin and the command line alike.
Every default is spelled here, once. Settings travel to worker processes as they are
(compiled patterns and the data read from files included), so no file is read twice.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field

from mkdocs_diataxis.core.baseline import Baseline
from mkdocs_diataxis.core.pathmatch import PathPatterns
from mkdocs_diataxis.core.plan import Plan
from mkdocs_diataxis.core.termlist import TermEntry, TermMatcher, default_entries
from mkdocs_diataxis.core.vocabulary import SEVERITY_OF_LEVEL, Level, Severity

DEFAULT_FOLDERS: Mapping[str, tuple[str, ...]] = {
    "tutorial": ("tutorials", "tutorial"),
    "how-to": ("how-to", "howto", "guides", "how-to-guides"),
    "reference": ("reference", "ref", "api"),
    "explanation": ("explanation", "explanations", "concepts", "topics", "background"),
}
"""Folder names that put a page in each category, at any depth of its path."""
DEFAULT_REQUIRE_CATEGORY: tuple[str, ...] = ("**/*.md",)
DEFAULT_EXEMPT: tuple[str, ...] = (
    # landing pages
    "index.md",
    "README.md",
    # literate-nav's navigation file
    "SUMMARY.md",
    # pages included into others, not documents of their own
    "_snippets/",
    "snippets/",
    "includes/",
    "partials/",
    # posts of Material's blog plugin (its default blog_dir), dated, not categorised
    "**/blog/posts/",
)
"""Pages that are not documents: exempt from placement unless ``exempt_defaults`` is
false. Gitignore patterns: a name without a slash matches at any depth."""
DEFAULT_REPORT = "diataxis-report.json"
"""The JSON report's file name in ``site_dir`` (``report: null`` writes none)."""
DEFAULT_TIME_LIMIT = 30.0
"""CPU seconds per MB a page's check may take: some 50 times an ordinary page's time
here, and 5 times the slowest shape measured (`bench_hostile`: nested brackets), so
that a slow CI machine never reports a page that is merely large."""
DEFAULT_CACHE_DIR = ".cache/plugin/diataxis"
"""Where results are kept between runs, relative to the folder of ``mkdocs.yml``."""


@dataclass(frozen=True)
class CitationSettings:
    """``citations:`` options."""

    enabled: bool = True
    patterns: tuple[re.Pattern[str], ...] = ()
    """Regular expressions that count as citations."""
    methodology: Level = "info"
    exclude: PathPatterns = field(default_factory=PathPatterns)


@dataclass(frozen=True)
class TermSettings:
    """``terms:`` options, with the merged term list compiled once."""

    enabled: bool = True
    entries: tuple[TermEntry, ...] = field(default_factory=default_entries)
    exclude: PathPatterns = field(default_factory=PathPatterns)
    file: str | None = None
    """Absolute path of the project's term file, if any."""

    @functools.cached_property
    def matchers(self) -> tuple[TermMatcher, ...]:
        """Each entry compiled once, with the cheap substring test that must pass first:
        on first use, so that a build whose pages all come from the results cache does
        not compile them (15 ms of its start)."""
        return tuple(TermMatcher.of(index, entry) for index, entry in enumerate(self.entries))


@dataclass(frozen=True)
class AcronymSettings:
    """``acronyms:`` options."""

    enabled: bool = True
    known: frozenset[str] = frozenset()
    glossary: Mapping[str, str] = field(default_factory=dict)
    exclude: PathPatterns = field(default_factory=PathPatterns)
    glossary_file: str | None = None
    """Absolute path of the glossary file, if any."""
    snippet_files: tuple[str, ...] = ()
    """Files pymdownx.snippets auto-appends, read as glossaries too."""
    scope: str = "page"
    """Where a definition counts: ``page`` (on the page itself) or ``site`` (anywhere
    on the site)."""
    site_defined: frozenset[str] = frozenset()
    """With ``scope: site``, the acronyms some page of the site defines (upper case),
    found by `site_definitions` before the pages are checked."""


@dataclass(frozen=True)
class ContentFitSettings:
    """``content_fit:`` options (`content/fit`: does the page read like its category?)."""

    enabled: bool = False
    """Off by default: reading every page costs time, and the rule is advisory."""
    exclude: PathPatterns = field(default_factory=PathPatterns)


@dataclass(frozen=True)
class StatusPageSettings:
    """``status_page:`` options."""

    enabled: bool = True
    path: str = "diataxis-status.md"
    title: str = "Documentation status"
    in_nav: bool = True
    plan: Plan | None = None
    plan_file: str | None = None
    """Absolute path of the plan file (watched under ``mkdocs serve``)."""
    stub_words: int = 50
    section_depth: int | None = None


@dataclass(frozen=True)
class Settings:
    """Everything the checks and the report need to know, already validated."""

    categories: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: dict(DEFAULT_FOLDERS))
    require_category: PathPatterns = field(
        default_factory=lambda: PathPatterns(DEFAULT_REQUIRE_CATEGORY)
    )
    exempt: PathPatterns = field(default_factory=PathPatterns)
    """The project's own ``exempt`` patterns, added to `DEFAULT_EXEMPT`."""
    exempt_defaults: bool = True
    severity: Mapping[str, Level] = field(default_factory=dict)
    citations: CitationSettings = field(default_factory=CitationSettings)
    terms: TermSettings = field(default_factory=TermSettings)
    acronyms: AcronymSettings = field(default_factory=AcronymSettings)
    content_fit: ContentFitSettings = field(default_factory=ContentFitSettings)
    status_page: StatusPageSettings = field(default_factory=StatusPageSettings)
    report: str | None = DEFAULT_REPORT
    baseline: Baseline | None = None
    jobs: int | None = None
    """Worker processes that check pages; ``None`` (``auto``) chooses by the machine and
    the site."""
    time_limit: float | None = DEFAULT_TIME_LIMIT
    """CPU seconds a page's check may take per MB of the page (at least this much), or
    ``None`` for no limit (see `timelimit`)."""
    cache: bool = True
    """Keep results between runs in `cache_dir` (see ``mkdocs_diataxis.cache``)."""
    cache_dir: str = DEFAULT_CACHE_DIR
    """The folder results are kept in: absolute once validated."""
    folder_meta: Mapping[str, tuple[str, object]] = field(
        default_factory=dict, metadata={"from": "material/meta"}
    )
    """Not an option: folder (``""`` for docs_dir) -> its meta file (``.meta.yml``) and
    the ``diataxis:`` value it sets, for Material's meta plugin (`inherited_category`)."""
    snippet_dirs: tuple[str, ...] = field(default=(), metadata={"from": "pymdownx.snippets"})
    """Not an option: the folders ``pymdownx.snippets`` includes files from (absolute),
    empty when the site does not use it."""
    snippets_restricted: bool = field(default=True, metadata={"from": "pymdownx.snippets"})
    """Not an option: pymdownx.snippets' ``restrict_base_path``."""
    partials: frozenset[str] = field(default=frozenset(), metadata={"from": "pymdownx.snippets"})
    """Not an option: the paths (relative to docs_dir, ``../`` for a file outside it)
    of the files pages include that are not pages themselves. They are checked as
    partials: every rule on their text, none on where they are filed."""
    include_tags: bool = field(default=False, metadata={"from": "mkdocs-include-markdown"})
    """Not an option: whether mkdocs-include-markdown's ``{% include-markdown %}`` tags
    include files into pages (checked as partials, see ``partials``)."""
    templates: bool = field(default=False, metadata={"from": "mkdocs-macros"})
    """Not an option: whether mkdocs-macros renders the pages, so that template syntax
    is never read as prose."""
    languages: tuple[str, ...] = field(default=(), metadata={"from": "mkdocs-static-i18n"})
    """Not an option: the locales of a mkdocs-static-i18n site in its suffix layout, where
    ``index.fr.md`` is the French ``index.md`` (see `untranslated`)."""
    folder_category: Mapping[str, str] = field(init=False, repr=False, compare=False)
    """Folder name (lower case) -> category, derived from ``categories``."""
    exempted: PathPatterns = field(init=False, repr=False, compare=False)
    """Every page placement leaves alone: the defaults (unless ``exempt_defaults`` is
    false), then the project's ``exempt``, so that its ``!`` patterns re-include."""

    def __post_init__(self) -> None:
        folder_to_category = {
            folder.lower(): category
            for category, folders in self.categories.items()
            for folder in folders
        }
        object.__setattr__(self, "folder_category", folder_to_category)
        defaults = DEFAULT_EXEMPT if self.exempt_defaults else ()
        object.__setattr__(self, "exempted", PathPatterns((*defaults, *self.exempt.patterns)))

    def inherited_category(self, path: str) -> tuple[str, object] | None:
        """The meta file of the nearest folder that sets ``diataxis:`` for the page at
        ``path``, and the value, as Material's meta plugin merges it into the page's
        front matter; ``None`` when no meta file sets one."""
        if not self.folder_meta:
            return None
        parts = path.split("/")[:-1]
        for depth in range(len(parts), -1, -1):
            folder = "/".join(parts[:depth])
            if folder in self.folder_meta:
                return self.folder_meta[folder]
        return None

    def untranslated(self, path: str) -> str:
        """The page a translation translates: ``guide/index.fr.md`` -> ``guide/index.md``
        when ``fr`` is one of `languages`; any other path as it is."""
        stem, dot, extension = path.rpartition(".")
        base, dot_locale, locale = stem.rpartition(".")
        if dot and dot_locale and locale in self.languages and "/" not in locale:
            return f"{base}.{extension}"
        return path

    def watched_files(self) -> list[str]:
        """Files outside ``docs_dir`` the checks read: a rebuild is due when they change."""
        files = [self.status_page.plan_file, self.terms.file, self.acronyms.glossary_file]
        files.extend(self.acronyms.snippet_files)
        if self.baseline is not None:
            files.append(self.baseline.file)
        return [path for path in files if path]

    def idle_content_fit(self) -> str | None:
        """The line that says ``content/fit`` is given a severity, or ``content_fit``
        patterns, while the rule is off: a CI gate that looks set and checks nothing."""
        if self.content_fit.enabled:
            return None
        given = [
            name
            for name, set_ in (
                ("severity: content/fit", self.severity.get("content/fit") not in (None, "ignore")),
                ("content_fit.exclude", bool(self.content_fit.exclude.patterns)),
            )
            if set_
        ]
        if not given:
            return None
        return (
            f"{' and '.join(given)} set, but content_fit is not enabled: content/fit does"
            " not run; add 'enabled: true' under content_fit"
        )

    def unmatched_patterns(self, paths: Collection[str], docs_dir: str = "docs") -> str | None:
        """The line that names each of the project's path patterns that matches none of
        ``paths`` (every Markdown file of the site, drafts and excluded ones too, and
        the files pages include): written from the project's root ("docs/about/") or
        mistyped, it leaves out nothing, silently. A ``!`` pattern is named when what
        it re-includes matches nothing. ``docs_dir`` is the folder's name, for the
        hint."""
        given = [
            ("exempt", self.exempt),
            ("citations.exclude", self.citations.exclude),
            ("terms.exclude", self.terms.exclude),
            ("acronyms.exclude", self.acronyms.exclude),
            ("content_fit.exclude", self.content_fit.exclude),
        ]
        if self.require_category.patterns != DEFAULT_REQUIRE_CATEGORY:
            given.append(("require_category", self.require_category))
        groups = []
        rooted = ""  # a pattern written from the project's folder: "docs/about/"
        for option, patterns in given:
            unmatched = [
                f'"{pattern}"'
                for pattern in patterns.patterns
                if pattern.strip("! ")
                and not pattern.startswith("#")
                and not any(map(PathPatterns((pattern.removeprefix("!"),)).match, paths))
            ]
            if unmatched:
                groups.append(f"{option} {_listed(unmatched)}")
            rooted = rooted or next(
                (
                    pattern
                    for pattern in unmatched
                    if pattern.strip('"').lstrip("!/").startswith(f"{docs_dir}/")
                ),
                "",
            )
        if not groups:
            return None
        hint = "patterns are paths under docs_dir"
        if rooted:
            path = rooted.strip('"').lstrip("!/")
            hint += f', so write "{path.removeprefix(docs_dir + "/")}", not "{path}"'
        return f"no page of the site matches {'; '.join(groups)} ({hint})"

    def severity_of(self, rule_id: str, default: Severity) -> Severity | None:
        """The severity ``rule_id`` reports at here, or ``None`` when it is ignored."""
        level = self.severity.get(rule_id)
        if level is None and rule_id == "citation/weak":
            level = self.citations.methodology
        return default if level is None else SEVERITY_OF_LEVEL[level]


def _listed(items: list[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"
