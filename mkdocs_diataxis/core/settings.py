"""The plugin's settings as a plain, validated object shared by the plugin and the CLI.

``Settings.from_mapping`` takes the same data as the ``diataxis`` entry of
``mkdocs.yml`` and rejects anything wrong with a `SettingsError` naming the option.
"""

from __future__ import annotations

import difflib
import os
import posixpath
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Literal

from mkdocs_diataxis.core.baseline import Baseline, BaselineError, load_baseline
from mkdocs_diataxis.core.finding import Severity
from mkdocs_diataxis.core.glossary import GlossaryError, load_glossary
from mkdocs_diataxis.core.pathmatch import PathPatterns, PatternError
from mkdocs_diataxis.core.plan import Plan, PlanError, load_plan
from mkdocs_diataxis.core.termlist import (
    TermEntry,
    TermListError,
    TermMatcher,
    load_default_terms,
    load_term_file,
    merge_terms,
    parse_inline_entry,
)

CATEGORIES: tuple[str, ...] = ("tutorial", "how-to", "reference", "explanation")
"""The four Diátaxis categories, in the order Diátaxis presents them."""

DEFAULT_FOLDERS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "tutorial": ("tutorials", "tutorial"),
        "how-to": ("how-to", "howto", "guides", "how-to-guides"),
        "reference": ("reference", "ref", "api"),
        "explanation": ("explanation", "explanations", "concepts", "topics", "background"),
    }
)
DEFAULT_REQUIRE_CATEGORY: tuple[str, ...] = ("**/*.md",)
DEFAULT_EXEMPT: tuple[str, ...] = ("index.md", "**/index.md", "README.md", "**/README.md")

Level = Literal["warn", "info", "ignore"]
LEVELS: tuple[Level, ...] = ("warn", "info", "ignore")
_LEVEL_TO_SEVERITY: dict[str, Severity | None] = {"warn": "warning", "info": "info", "ignore": None}


class SettingsError(ValueError):
    """An invalid option: ``option`` is its name in ``mkdocs.yml``."""

    def __init__(self, option: str, message: str) -> None:
        super().__init__(message)
        self.option = option
        self.message = message


def closest(word: str, choices: Sequence[str]) -> str | None:
    """The choice a typo most likely meant, if any is close enough."""
    matches = difflib.get_close_matches(word.lower(), list(choices), n=1, cutoff=0.5)
    return matches[0] if matches else None


def did_you_mean(word: str, choices: Sequence[str]) -> str:
    """`` (did you mean 'x'?)`` or nothing, for error messages."""
    guess = closest(word, choices)
    return f" (did you mean '{guess}'?)" if guess else ""


@dataclass(frozen=True)
class CitationSettings:
    """``citations:`` options."""

    enabled: bool = True
    patterns: tuple[re.Pattern[str], ...] = ()
    methodology: Level = "info"
    exclude: PathPatterns = field(default_factory=lambda: PathPatterns(()))


@dataclass(frozen=True)
class TermSettings:
    """``terms:`` options, with the merged term list compiled into one pattern."""

    enabled: bool = True
    entries: tuple[TermEntry, ...] = field(
        default_factory=lambda: tuple(merge_terms(load_default_terms(), (), ()))
    )
    exclude: PathPatterns = field(default_factory=lambda: PathPatterns(()))
    file: str | None = None
    """Absolute path of the project's term file, if any."""
    matchers: tuple[TermMatcher, ...] = field(init=False, repr=False, compare=False)
    """Each entry compiled once, with the cheap substring test that must pass first."""

    def __post_init__(self) -> None:
        matchers = tuple(TermMatcher.of(index, entry) for index, entry in enumerate(self.entries))
        object.__setattr__(self, "matchers", matchers)


@dataclass(frozen=True)
class AcronymSettings:
    """``acronyms:`` options."""

    enabled: bool = True
    known: frozenset[str] = frozenset()
    glossary: Mapping[str, str] = field(default_factory=dict)
    exclude: PathPatterns = field(default_factory=lambda: PathPatterns(()))
    glossary_file: str | None = None


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
    """Everything the checks need to know, already validated."""

    categories: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: DEFAULT_FOLDERS)
    require_category: PathPatterns = field(
        default_factory=lambda: PathPatterns(DEFAULT_REQUIRE_CATEGORY)
    )
    exempt: PathPatterns = field(default_factory=lambda: PathPatterns(DEFAULT_EXEMPT))
    severity: Mapping[str, Level] = field(default_factory=dict)
    citations: CitationSettings = field(default_factory=CitationSettings)
    terms: TermSettings = field(default_factory=TermSettings)
    acronyms: AcronymSettings = field(default_factory=AcronymSettings)
    status_page: StatusPageSettings = field(default_factory=StatusPageSettings)
    report: str | None = "diataxis-report.json"
    baseline: Baseline | None = None
    jobs: int | None = None
    """Worker processes that check pages; ``None`` chooses by the machine and the site."""
    folder_category: Mapping[str, str] = field(init=False, repr=False, compare=False)
    """Folder name (lower case) -> category, derived from ``categories``."""
    origin: tuple[Mapping[str, Any], str] | None = field(default=None, repr=False, compare=False)
    """The data and base folder `from_mapping` validated, so that worker processes can
    validate the same settings again (compiled patterns and read files do not travel)."""

    def __reduce__(self) -> tuple[Any, ...]:
        if self.origin is None:
            raise TypeError("only settings made by Settings.from_mapping can be pickled")
        return (Settings.from_mapping, self.origin)

    def with_options(self, **changes: Any) -> Settings:
        """These settings with some options given anew, validated like the rest (so
        that `origin` still describes them)."""
        if self.origin is None:
            raise TypeError("only settings made by Settings.from_mapping can be changed")
        data, base_dir = self.origin
        return Settings.from_mapping({**data, **changes}, base_dir)

    def __post_init__(self) -> None:
        folder_to_category = {
            folder.lower(): category
            for category, folders in self.categories.items()
            for folder in folders
        }
        object.__setattr__(self, "folder_category", MappingProxyType(folder_to_category))

    def watched_files(self) -> list[str]:
        """Files outside ``docs_dir`` the checks read: a rebuild is due when they change."""
        files = [self.status_page.plan_file, self.terms.file, self.acronyms.glossary_file]
        if self.baseline is not None:
            files.append(self.baseline.file)
        return [path for path in files if path]

    def severity_of(self, rule_id: str, default: Severity) -> Severity | None:
        """The severity ``rule_id`` reports at here, or ``None`` when it is ignored."""
        level = self.severity.get(rule_id)
        if level is None and rule_id == "citation/weak":
            level = self.citations.methodology
        return default if level is None else _LEVEL_TO_SEVERITY[level]

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any], base_dir: str = ".") -> Settings:
        """Validate plain data (as loaded from YAML) into settings.

        ``base_dir`` is the folder of ``mkdocs.yml``: file options (``terms.file``,
        ``acronyms.glossary``) are relative to it. Unknown keys are left to the caller
        (MkDocs reports them itself); ``None`` values mean "use the default".
        """
        values = {name: check(data.get(name), base_dir) for name, check in OPTIONS.items()}
        if "report" not in data:  # absent means the default file; null means none
            values["report"] = "diataxis-report.json"
        return cls(**values, origin=(dict(data), base_dir))


def _string_list(option: str, value: Any) -> tuple[str, ...]:
    if isinstance(value, str) or not isinstance(value, Sequence):
        raise SettingsError(option, f"expected a list of strings, got {_describe(value)}")
    for index, item in enumerate(value):
        if not isinstance(item, str) or not item.strip():
            raise SettingsError(
                option, f"item {index + 1} must be a non-empty string, got {_describe(item)}"
            )
    return tuple(item.strip() for item in value)


def _categories(value: Any) -> Mapping[str, tuple[str, ...]]:
    if value is None:
        return DEFAULT_FOLDERS
    if not isinstance(value, Mapping):
        raise SettingsError(
            "categories", f"expected a mapping of category to folder names, got {_describe(value)}"
        )
    merged = dict(DEFAULT_FOLDERS)
    for category, folders in value.items():
        if category not in CATEGORIES:
            raise SettingsError(
                "categories",
                f"unknown category '{category}'{did_you_mean(str(category), CATEGORIES)};"
                f" the categories are {', '.join(CATEGORIES)}",
            )
        names = _string_list(f"categories.{category}", [] if folders is None else folders)
        for name in names:
            if "/" in name or "\\" in name:
                raise SettingsError(
                    f"categories.{category}",
                    f"'{name}' is a path; list single folder names (any depth matches)",
                )
        merged[category] = names
    owner: dict[str, str] = {}
    for category, names in merged.items():
        for name in names:
            other = owner.setdefault(name.lower(), category)
            if other != category:
                raise SettingsError(
                    "categories",
                    f"folder name '{name}' is listed for both '{other}' and '{category}';"
                    " a folder can name only one category",
                )
    return MappingProxyType(merged)


def _patterns(option: str, default: tuple[str, ...]) -> Callable[[Any], PathPatterns]:
    def check(value: Any) -> PathPatterns:
        patterns = default if value is None else _string_list(option, value)
        try:
            return PathPatterns(patterns)
        except PatternError as error:
            raise SettingsError(option, str(error)) from None

    return check


def _severity(value: Any) -> Mapping[str, Level]:
    # Imported late: the registry imports the rule modules, which import this module.
    from mkdocs_diataxis.core.registry import RULES, expand_rule_names

    if value is None:
        return MappingProxyType({})
    if not isinstance(value, Mapping):
        raise SettingsError(
            "severity",
            f"expected a mapping of rule id to warn, info or ignore, got {_describe(value)}",
        )
    levels: dict[str, Level] = {}
    for name, level in value.items():
        rule_ids = expand_rule_names(str(name))
        if not rule_ids:
            raise SettingsError(
                "severity",
                f"unknown rule '{name}'{did_you_mean(str(name), list(RULES))};"
                " the rules reference lists them",
            )
        if level not in LEVELS:
            raise SettingsError(
                "severity",
                f"'{name}: {level}' is not a level; use warn, info or ignore",
            )
        for rule_id in rule_ids:
            levels[rule_id] = level
    return MappingProxyType(levels)


def _bool(option: str, value: Any, default: bool) -> bool:
    if value is None:
        return default
    if not isinstance(value, bool):
        raise SettingsError(option, f"expected true or false, got {_describe(value)}")
    return value


def _level(option: str, value: Any, default: Level) -> Level:
    if value is None:
        return default
    if value not in LEVELS:
        raise SettingsError(option, f"expected warn, info or ignore, got {_describe(value)}")
    level: Level = value
    return level


def _regexes(option: str, value: Any) -> tuple[re.Pattern[str], ...]:
    if value is None:
        return ()
    compiled = []
    for index, pattern in enumerate(_string_list(option, value)):
        try:
            compiled.append(re.compile(pattern))
        except re.error as error:
            raise SettingsError(
                option, f"item {index + 1} ({pattern!r}) is not a valid regular expression: {error}"
            ) from None
    return tuple(compiled)


def _section(option: str, value: Any, keys: Sequence[str]) -> Mapping[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise SettingsError(option, f"expected a mapping, got {_describe(value)}")
    for key in value:
        if key not in keys:
            raise SettingsError(
                option,
                f"unknown key '{key}'{did_you_mean(str(key), keys)}; allowed: {', '.join(keys)}",
            )
    return value


def _citations(value: Any) -> CitationSettings:
    data = _section("citations", value, ("enabled", "patterns", "methodology", "exclude"))
    return CitationSettings(
        enabled=_bool("citations.enabled", data.get("enabled"), True),
        patterns=_regexes("citations.patterns", data.get("patterns")),
        methodology=_level("citations.methodology", data.get("methodology"), "info"),
        exclude=_patterns("citations.exclude", ())(data.get("exclude")),
    )


def _terms(value: Any, base_dir: str) -> TermSettings:
    data = _section("terms", value, ("enabled", "defaults", "file", "forbid", "allow", "exclude"))
    try:
        use_defaults = _bool("terms.defaults", data.get("defaults"), True)
        defaults = load_default_terms() if use_defaults else ()
        project: list[TermEntry] = []
        file = data.get("file")
        term_file = None
        if file is not None:
            if not isinstance(file, str) or not file.strip():
                raise SettingsError("terms.file", f"expected a file path, got {_describe(file)}")
            term_file = os.path.join(base_dir, file)
            project.extend(load_term_file(term_file))
        forbid = data.get("forbid") or []
        if not isinstance(forbid, list):
            raise SettingsError("terms.forbid", f"expected a list, got {_describe(forbid)}")
        project.extend(
            parse_inline_entry(item, f"terms.forbid: entry {index + 1}")
            for index, item in enumerate(forbid)
        )
    except TermListError as error:
        raise SettingsError("terms", str(error)) from None
    allow = _string_list("terms.allow", data.get("allow") or [])
    return TermSettings(
        enabled=_bool("terms.enabled", data.get("enabled"), True),
        entries=tuple(merge_terms(defaults, project, allow)),
        exclude=_patterns("terms.exclude", ())(data.get("exclude")),
        file=term_file,
    )


def _acronyms(value: Any, base_dir: str) -> AcronymSettings:
    data = _section("acronyms", value, ("enabled", "known", "glossary", "exclude"))
    glossary: dict[str, str] = {}
    file = data.get("glossary")
    glossary_file = None
    if file is not None:
        if not isinstance(file, str) or not file.strip():
            raise SettingsError("acronyms.glossary", f"expected a file path, got {_describe(file)}")
        glossary_file = os.path.join(base_dir, file)
        try:
            glossary = load_glossary(glossary_file)
        except GlossaryError as error:
            raise SettingsError("acronyms.glossary", str(error)) from None
    known = _string_list("acronyms.known", data.get("known") or [])
    return AcronymSettings(
        enabled=_bool("acronyms.enabled", data.get("enabled"), True),
        known=frozenset(known),
        glossary=MappingProxyType(glossary),
        exclude=_patterns("acronyms.exclude", ())(data.get("exclude")),
        glossary_file=glossary_file,
    )


def _status_page(value: Any, base_dir: str) -> StatusPageSettings:
    keys = ("enabled", "path", "title", "in_nav", "plan", "stub_words", "section_depth")
    data = _section("status_page", value, keys)
    path = data.get("path", "diataxis-status.md")
    if not isinstance(path, str) or not path.endswith(".md") or not _inside(path):
        raise SettingsError(
            "status_page.path",
            "expected a .md path inside docs_dir such as diataxis-status.md,"
            f" got {_describe(path)}",
        )
    title = data.get("title", "Documentation status")
    if not isinstance(title, str) or not title.strip():
        raise SettingsError(
            "status_page.title", f"expected a non-empty string, got {_describe(title)}"
        )
    plan = plan_file = None
    if data.get("plan") is not None:
        if not isinstance(data["plan"], str) or not data["plan"].strip():
            raise SettingsError(
                "status_page.plan", f"expected a file path, got {_describe(data['plan'])}"
            )
        plan_file = os.path.join(base_dir, data["plan"])
        try:
            plan = load_plan(plan_file, data["plan"])
        except PlanError as error:
            raise SettingsError("status_page.plan", str(error)) from None
    stub_words = data.get("stub_words", 50)
    if not isinstance(stub_words, int) or isinstance(stub_words, bool) or stub_words < 0:
        raise SettingsError(
            "status_page.stub_words", f"expected a whole number, got {_describe(stub_words)}"
        )
    depth = data.get("section_depth")
    if depth is not None and (not isinstance(depth, int) or isinstance(depth, bool) or depth < 0):
        raise SettingsError(
            "status_page.section_depth", f"expected a whole number, got {_describe(depth)}"
        )
    return StatusPageSettings(
        enabled=_bool("status_page.enabled", data.get("enabled"), True),
        path=posixpath.normpath(path.replace("\\", "/")),
        title=title.strip(),
        in_nav=_bool("status_page.in_nav", data.get("in_nav"), True),
        plan=plan,
        plan_file=plan_file,
        stub_words=stub_words,
        section_depth=depth,
    )


def _report(value: Any, base_dir: str) -> str | None:
    if value is None or value is False:
        return None
    if not isinstance(value, str) or not value.strip() or not _inside(value):
        raise SettingsError(
            "report", f"expected a file name inside site_dir (or null), got {_describe(value)}"
        )
    return value.strip()


def _jobs(value: Any) -> int | None:
    if value is None or value == "auto":
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise SettingsError(
            "jobs",
            f"expected auto or a number of worker processes (0 or more), got {_describe(value)}",
        )
    return value


def _baseline(value: Any, base_dir: str) -> Baseline | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise SettingsError("baseline", f"expected a file path, got {_describe(value)}")
    try:
        return load_baseline(os.path.join(base_dir, value), value)
    except BaselineError as error:
        raise SettingsError("baseline", str(error)) from None


def _inside(path: str) -> bool:
    """Whether a relative path stays inside its folder."""
    normal = os.path.normpath(path.replace("\\", "/"))
    return not (os.path.isabs(path) or normal == ".." or normal.startswith(".." + os.sep))


def _plain(check: Callable[[Any], Any]) -> Callable[[Any, str], Any]:
    return lambda value, base_dir: check(value)


OPTIONS: dict[str, Callable[[Any, str], Any]] = {
    "categories": _plain(_categories),
    "require_category": _plain(_patterns("require_category", DEFAULT_REQUIRE_CATEGORY)),
    "exempt": _plain(_patterns("exempt", DEFAULT_EXEMPT)),
    "severity": _plain(_severity),
    "citations": _plain(_citations),
    "terms": _terms,
    "acronyms": _acronyms,
    "status_page": _status_page,
    "report": _report,
    "baseline": _baseline,
    "jobs": _plain(_jobs),
}
"""Option name -> validator from plain data (``None`` means the default); each raises
`SettingsError`. The plugin's config options call these, so ``mkdocs.yml`` and
`Settings.from_mapping` validate identically."""


def _describe(value: Any) -> str:
    if value is None:
        return "nothing"
    return f"{type(value).__name__} {value!r}"[:80]
