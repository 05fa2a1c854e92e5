"""Validation of the ``diataxis`` entry of ``mkdocs.yml``: plain data in, `Settings` out.

Each option has one validator in `OPTIONS`. MkDocs runs them as the plugin's config
options (`mkdocs_diataxis.config`) and keeps what they return; the command line goes
through the same config options; `load_settings` runs them on plain data (tests, other
engines). Either way each option is validated once, data files are read once, and
anything wrong raises a `SettingsError` naming the option. A value of ``None`` means the
option's default, which `mkdocs_diataxis.core.settings` spells.
"""

from __future__ import annotations

import os
import posixpath
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from mkdocs_diataxis.core.baseline import Baseline, BaselineError, load_baseline
from mkdocs_diataxis.core.glossary import GlossaryError, load_glossary
from mkdocs_diataxis.core.pathmatch import PathPatterns, PatternError
from mkdocs_diataxis.core.plan import PlanError, load_plan
from mkdocs_diataxis.core.registry import RULES
from mkdocs_diataxis.core.saferegex import safe_regex_problem
from mkdocs_diataxis.core.settings import (
    DEFAULT_CACHE_DIR,
    DEFAULT_FOLDERS,
    DEFAULT_REPORT,
    DEFAULT_REQUIRE_CATEGORY,
    DEFAULT_TIME_LIMIT,
    AcronymSettings,
    CitationSettings,
    ContentFitSettings,
    Settings,
    StatusPageSettings,
    TermSettings,
)
from mkdocs_diataxis.core.spelling import did_you_mean
from mkdocs_diataxis.core.termlist import (
    TermEntry,
    TermListError,
    load_default_terms,
    load_term_file,
    merge_terms,
    parse_inline_entry,
)
from mkdocs_diataxis.core.vocabulary import CATEGORIES, LEVELS, Level


class SettingsError(ValueError):
    """An invalid option: ``option`` is its name in ``mkdocs.yml``."""

    def __init__(self, option: str, message: str) -> None:
        super().__init__(message)
        self.option = option
        self.message = message


def load_settings(data: Mapping[str, Any], base_dir: str = ".") -> Settings:
    """Validate plain data (as loaded from YAML) into settings.

    ``base_dir`` is the folder of ``mkdocs.yml``: file options (``terms.file``,
    ``acronyms.glossary``, ``status_page.plan``, ``baseline``) are relative to it.
    Unknown keys are left to the caller (MkDocs reports them itself). Every option goes
    through its validator, as MkDocs runs them: an absent one as `RAW_DEFAULTS` says,
    or ``None`` (its default); ``report: null`` is no report.
    """
    return Settings(
        **{
            name: check(data.get(name, RAW_DEFAULTS.get(name)), base_dir)
            for name, check in OPTIONS.items()
        }
    )


def _given(data: Mapping[str, Any], **checks: Callable[[Any], Any]) -> dict[str, Any]:
    """The keys of ``data`` that are set, each through its check: what a settings class
    takes to keep its own defaults for the rest."""
    return {key: check(data[key]) for key, check in checks.items() if data.get(key) is not None}


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
    merged = dict(DEFAULT_FOLDERS)
    if value is None:
        return merged
    if not isinstance(value, Mapping):
        raise SettingsError(
            "categories", f"expected a mapping of category to folder names, got {_describe(value)}"
        )
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
    return merged


def _patterns(option: str, default: tuple[str, ...] = ()) -> Callable[[Any], PathPatterns]:
    def check(value: Any) -> PathPatterns:
        patterns = default if value is None else _string_list(option, value)
        try:
            return PathPatterns(patterns)
        except PatternError as error:
            raise SettingsError(option, str(error)) from None

    return check


def _severity(value: Any) -> Mapping[str, Level]:
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise SettingsError(
            "severity",
            f"expected a mapping of rule id to warn, info or ignore, got {_describe(value)}",
        )
    levels: dict[str, Level] = {}
    for name, level in value.items():
        rule_ids = RULES.expand(str(name))
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
    return levels


def _bool(option: str) -> Callable[[Any], bool]:
    def check(value: Any) -> bool:
        if not isinstance(value, bool):
            raise SettingsError(option, f"expected true or false, got {_describe(value)}")
        return value

    return check


def _optional(check: Callable[[Any], Any], default: Any) -> Callable[[Any], Any]:
    """``check``, with ``default`` for an option not given."""
    return lambda value: default if value is None else check(value)


def _level(option: str) -> Callable[[Any], Level]:
    def check(value: Any) -> Level:
        if value not in LEVELS:
            raise SettingsError(option, f"expected warn, info or ignore, got {_describe(value)}")
        level: Level = value
        return level

    return check


def _whole_number(option: str) -> Callable[[Any], int]:
    def check(value: Any) -> int:
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise SettingsError(option, f"expected a whole number, got {_describe(value)}")
        return value

    return check


def _file(option: str, base_dir: str) -> Callable[[Any], str]:
    """A file path option: its absolute path (relative to ``mkdocs.yml``'s folder)."""

    def check(value: Any) -> str:
        if not isinstance(value, str) or not value.strip():
            raise SettingsError(option, f"expected a file path, got {_describe(value)}")
        return os.path.join(base_dir, value)

    return check


def _regexes(option: str, value: Any) -> tuple[re.Pattern[str], ...]:
    compiled = []
    for index, pattern in enumerate(_string_list(option, value)):
        try:
            compiled.append(re.compile(pattern))
        except re.error as error:
            raise SettingsError(
                option, f"item {index + 1} ({pattern!r}) is not a valid regular expression: {error}"
            ) from None
        problem = safe_regex_problem(pattern)
        if problem is not None:
            raise SettingsError(option, f"item {index + 1} ({pattern!r}): {problem}")
    return tuple(compiled)


def _section(option: str, value: Any, keys: Sequence[str]) -> Mapping[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        # "content_fit: true" reads naturally; say what it should be.
        hint = (
            f" such as {{enabled: {str(value).lower()}}}"
            if isinstance(value, bool) and "enabled" in keys
            else ""
        )
        raise SettingsError(option, f"expected a mapping{hint}, got {_describe(value)}")
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
        **_given(
            data,
            enabled=_bool("citations.enabled"),
            patterns=lambda v: _regexes("citations.patterns", v),
            methodology=_level("citations.methodology"),
            exclude=_patterns("citations.exclude"),
        )
    )


def _terms(value: Any, base_dir: str) -> TermSettings:
    data = _section("terms", value, ("enabled", "defaults", "file", "forbid", "allow", "exclude"))
    given = _given(
        data,
        enabled=_bool("terms.enabled"),
        exclude=_patterns("terms.exclude"),
        file=_file("terms.file", base_dir),
    )
    use_defaults = _given(data, defaults=_bool("terms.defaults")).get("defaults", True)
    try:
        project: list[TermEntry] = []
        if "file" in given:
            project.extend(load_term_file(given["file"]))
        forbid = [] if data.get("forbid") is None else data["forbid"]
        if not isinstance(forbid, list):
            raise SettingsError("terms.forbid", f"expected a list, got {_describe(forbid)}")
        project.extend(
            parse_inline_entry(item, f"terms.forbid: entry {index + 1}")
            for index, item in enumerate(forbid)
        )
        defaults = load_default_terms() if use_defaults else ()
    except TermListError as error:
        raise SettingsError("terms", str(error)) from None
    allow = _given(data, allow=lambda v: _string_list("terms.allow", v)).get("allow", ())
    entries = tuple(merge_terms(defaults, project, allow))
    return TermSettings(**given, entries=entries)


def _acronyms(value: Any, base_dir: str) -> AcronymSettings:
    data = _section("acronyms", value, ("enabled", "known", "glossary", "exclude", "scope"))
    given = _given(
        data,
        enabled=_bool("acronyms.enabled"),
        scope=_scope,
        known=lambda v: frozenset(_string_list("acronyms.known", v)),
        exclude=_patterns("acronyms.exclude"),
    )
    if data.get("glossary") is not None:
        given["glossary_file"] = _file("acronyms.glossary", base_dir)(data["glossary"])
        try:
            given["glossary"] = load_glossary(given["glossary_file"])
        except GlossaryError as error:
            raise SettingsError("acronyms.glossary", str(error)) from None
    return AcronymSettings(**given)


def _content_fit(value: Any) -> ContentFitSettings:
    data = _section("content_fit", value, ("enabled", "exclude"))
    return ContentFitSettings(
        **_given(
            data,
            enabled=_bool("content_fit.enabled"),
            exclude=_patterns("content_fit.exclude"),
        )
    )


def _scope(value: Any) -> str:
    if value not in ("page", "site"):
        raise SettingsError("acronyms.scope", f"expected page or site, got {_describe(value)}")
    return str(value)


def _status_page(value: Any, base_dir: str) -> StatusPageSettings:
    keys = ("enabled", "path", "title", "in_nav", "plan", "stub_words", "section_depth")
    data = _section("status_page", value, keys)
    given = _given(
        data,
        enabled=_bool("status_page.enabled"),
        path=_status_path,
        title=_title,
        in_nav=_bool("status_page.in_nav"),
        stub_words=_whole_number("status_page.stub_words"),
        section_depth=_whole_number("status_page.section_depth"),
    )
    if data.get("plan") is not None:
        plan_file = _file("status_page.plan", base_dir)(data["plan"])
        try:
            given["plan"] = load_plan(plan_file, data["plan"])
        except PlanError as error:
            raise SettingsError("status_page.plan", str(error)) from None
        given["plan_file"] = plan_file
    return StatusPageSettings(**given)


def _status_path(value: Any) -> str:
    path = _contained(value) if isinstance(value, str) else None
    if path is None or not path.endswith(".md"):
        raise SettingsError(
            "status_page.path",
            "expected a .md path inside docs_dir such as diataxis-status.md,"
            f" got {_describe(value)}",
        )
    return path


def _title(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise SettingsError(
            "status_page.title", f"expected a non-empty string, got {_describe(value)}"
        )
    return value.strip()


def _report(value: Any, base_dir: str) -> str | None:
    del base_dir
    if value is None or value is False:
        return None
    path = _contained(value) if isinstance(value, str) else None
    if path is None:
        raise SettingsError(
            "report", f"expected a file name inside site_dir (or null), got {_describe(value)}"
        )
    return path


def check_jobs(value: Any) -> int | None:
    """``jobs``: ``auto`` (or nothing) is ``None``; otherwise a number of workers."""
    if value is None or value == "auto":
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise SettingsError(
            "jobs",
            f"expected auto or a number of worker processes (0 or more), got {_describe(value)}",
        )
    return value


def _time_limit(value: Any) -> float | None:
    """``time_limit``: CPU seconds per MB of a page; ``0``, ``false`` or ``null`` for no
    limit."""
    if value is None or value is False or value == 0:
        return None
    if (
        isinstance(value, bool)
        or not isinstance(value, (int, float))
        or not 0 < value < 1_000_000  # a NaN fails this too
    ):
        raise SettingsError(
            "time_limit",
            "expected CPU seconds per MB of a page (a number above 0 and below 1,000,000),"
            f" or 0 for no limit, got {_describe(value)}",
        )
    return float(value)


def _baseline(value: Any, base_dir: str) -> Baseline | None:
    if value is None:
        return None
    path = _file("baseline", base_dir)(value)
    try:
        return load_baseline(path, value)
    except BaselineError as error:
        raise SettingsError("baseline", str(error)) from None


def _cache_dir(value: Any, base_dir: str) -> str:
    """``cache_dir``: the folder results are kept in, absolute (relative to the folder of
    ``mkdocs.yml``; ``.cache/plugin/diataxis`` by default, as Material keeps its own)."""
    if value is None:
        value = DEFAULT_CACHE_DIR
    if not isinstance(value, str) or not value.strip():
        raise SettingsError("cache_dir", f"expected a folder path, got {_describe(value)}")
    return os.path.normpath(os.path.join(base_dir, value.strip()))


_DRIVE = re.compile(r"[A-Za-z]:")


def _contained(value: str) -> str | None:
    """``value`` as a relative path with ``/`` separators, normalised *before* it is
    judged (surrounding spaces, backslashes, ``.`` and ``..`` parts), or ``None`` when
    it names nothing or leaves its folder: `` ../docs/index.md`` (a leading space),
    ``\\abs.md`` and ``C:/x.json`` all once passed as inside and were written outside."""
    path = posixpath.normpath(value.strip().replace("\\", "/"))
    if path in (".", "..") or path.startswith(("/", "../")) or _DRIVE.match(path):
        return None
    return path


def _plain(check: Callable[[Any], Any]) -> Callable[[Any, str], Any]:
    return lambda value, base_dir: check(value)


OPTIONS: dict[str, Callable[[Any, str], Any]] = {
    "categories": _plain(_categories),
    "require_category": _plain(_patterns("require_category", DEFAULT_REQUIRE_CATEGORY)),
    "exempt": _plain(_patterns("exempt")),
    "exempt_defaults": _plain(_optional(_bool("exempt_defaults"), True)),
    "severity": _plain(_severity),
    "citations": _plain(_citations),
    "terms": _terms,
    "acronyms": _acronyms,
    "content_fit": _plain(_content_fit),
    "status_page": _status_page,
    "report": _report,
    "baseline": _baseline,
    "jobs": _plain(check_jobs),
    "time_limit": _plain(_time_limit),
    "cache": _plain(_optional(_bool("cache"), True)),
    "cache_dir": _cache_dir,
}
"""Option name -> validator from plain data and the folder of ``mkdocs.yml``; each
returns the option's value in `Settings` and raises `SettingsError`."""

RAW_DEFAULTS: dict[str, Any] = {"report": DEFAULT_REPORT, "time_limit": DEFAULT_TIME_LIMIT}
"""What an option is when ``mkdocs.yml`` does not give it, where that differs from
``None`` (``report: null`` turns the report off)."""


def _describe(value: Any) -> str:
    if value is None:
        return "nothing"
    return f"{type(value).__name__} {value!r}"[:80]
