"""Term lists for ``terms/forbidden``: the YAML format, its validation and matching.

A list is a sequence of entries (see ``data/terms.schema.json``). Plain patterns are
phrases matched case-insensitively as whole words, tolerant of hyphen, space or
nothing between their words; ``/.../`` patterns are regular expressions, checked to be
safe (see `saferegex`) so matching cannot take exponential time.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from mkdocs_diataxis.core.datafile import DataFileError, load_shipped_yaml, read_yaml
from mkdocs_diataxis.core.saferegex import safe_regex_problem, sre_constants, sre_parse
from mkdocs_diataxis.core.vocabulary import CATEGORIES, LEVELS

KEYS = (
    "pattern",
    "inflections",
    "severity",
    "replacements",
    "reason",
    "exceptions",
    "scope",
    "unless_cited",
)


class TermListError(ValueError):
    """A malformed term list: the message names the source, the entry and the key."""


@dataclass(frozen=True, slots=True)
class TermEntry:
    """One forbidden term (a phrase or several spellings of it)."""

    patterns: tuple[str, ...]
    severity: str = "warn"
    replacements: tuple[str, ...] = ()
    reason: str = ""
    exceptions: tuple[re.Pattern[str], ...] = ()
    inflections: tuple[str, ...] = ()
    only: tuple[str, ...] = ()
    """Categories the entry applies to (empty: all)."""
    excluded: tuple[str, ...] = ()
    """Categories the entry does not apply to."""
    unless_cited: bool = False
    """A link or footnote in the same sentence cancels the hit (claims with data)."""
    source: str = ""
    """Where the entry was defined, for messages: ``terms.yml entry 3``."""

    @property
    def key(self) -> frozenset[str]:
        """Identity for overriding: the set of its patterns, lower case."""
        return frozenset(pattern.lower() for pattern in self.patterns)

    def applies_to(self, category: str | None) -> bool:
        """Whether the entry is checked on a page of ``category``."""
        if self.only and category not in self.only:
            return False
        return category not in self.excluded

    def regex(self) -> str:
        """One regular expression for all its patterns (whole words, variants)."""
        return "|".join(_pattern_regex(pattern, self.inflections) for pattern in self.patterns)


@dataclass(frozen=True, slots=True)
class TermMatcher:
    """An entry's compiled pattern and its pre-filter.

    ``triggers`` are lower-case substrings at least one of which any hit contains (the
    longest word of each plain pattern; "deploy" is in "hot-deploy" and "hotdeploy"),
    so most blocks skip the regular expression; ``None`` means "always run" (/regex/).
    """

    index: int
    entry: TermEntry
    regex: re.Pattern[str]
    triggers: tuple[str, ...] | None

    @classmethod
    def of(cls, index: int, entry: TermEntry) -> TermMatcher:
        triggers: list[str] = []
        regex = re.compile(entry.regex(), re.IGNORECASE)
        for pattern in entry.patterns:
            if len(pattern) > 2 and pattern[0] == pattern[-1] == "/":
                required = _regex_triggers(pattern[1:-1])
                if required is None:
                    return cls(index, entry, regex, None)
                triggers.extend(required)
                continue
            words = [word for word in re.split(r"[\s\-]+", pattern.lower()) if word]
            triggers.append(max(words, key=len))
        return cls(index, entry, regex, tuple(triggers))

    def may_match(self, lower_text: str) -> bool:
        """Cheap test on the lower-cased text before running the pattern."""
        return self.triggers is None or any(trigger in lower_text for trigger in self.triggers)


def _regex_triggers(body: str) -> tuple[str, ...] | None:
    """Lower-case words at least one of which every match of the regex ``body`` holds,
    when the regex says so plainly; ``None`` otherwise.

    Two places qualify: a run of literal text at the top level (its longest word), and
    a top-level group of alternatives each starting with literal text (the longest word
    of each). Words under three letters are too common to filter with. For
    ``we (?:outperform|beat|surpass)`` that is outperform, beat or surpass; for
    ``a|b`` or ``\\w+ing`` nothing.
    """
    try:
        items: list[tuple[Any, Any]] = list(sre_parse.parse(body).data)
    except re.error:
        return None
    best: tuple[str, ...] | None = None

    def consider(words: list[str]) -> None:
        nonlocal best
        if (
            words
            and min(map(len, words)) >= 3
            and (best is None or min(map(len, words)) > min(map(len, best)))
        ):
            best = tuple(words)

    run = ""
    for op, value in [*items, (None, None)]:
        if op is sre_constants.LITERAL:
            run += chr(value)
            continue
        if run.split():
            consider([max(run.lower().split(), key=len)])
        run = ""
        if op is sre_constants.BRANCH:  # (?:a|b) is inlined as its alternatives
            consider(_leading_words(value[1]))
        elif op is sre_constants.SUBPATTERN:  # (a|b), a capturing group
            inner = list(value[-1])
            if len(inner) == 1 and inner[0][0] is sre_constants.BRANCH:
                consider(_leading_words(inner[0][1][1]))
    return best


def _leading_words(alternatives: Iterable[Any]) -> list[str]:
    """The longest word of each alternative's leading literal text; ``[]`` if one has
    none (then no word is required)."""
    words = []
    for alternative in alternatives:
        lead = ""
        for op, value in alternative:
            if op is not sre_constants.LITERAL:
                break
            lead += chr(value)
        if not lead.split():
            return []
        words.append(max(lead.lower().split(), key=len))
    return words


@lru_cache(maxsize=1)
def load_default_terms() -> tuple[TermEntry, ...]:
    """The shipped default list (``mkdocs_diataxis/data/terms.yml``), read once."""
    # Ours, and tested against the safe-pattern check (test_terms), which is not run here:
    # it took half of this list's load at every build's start.
    data = load_shipped_yaml("terms.yml")
    return tuple(parse_term_list(data, "default terms.yml", trusted=True))


def default_entries() -> tuple[TermEntry, ...]:
    """The term list of a site that configures none: the shipped entries in use."""
    return tuple(merge_terms(load_default_terms(), (), ()))


def load_term_file(path: str) -> list[TermEntry]:
    """A project's term file; errors name the file, the entry and the key."""
    what = f"terms file {path}"
    try:
        data = read_yaml(path, what)
    except DataFileError as error:
        raise TermListError(str(error)) from None
    return parse_term_list(data, what)


def parse_term_list(data: Any, source: str, *, trusted: bool = False) -> list[TermEntry]:
    """Validate plain data (a list of entries) into term entries; the patterns of a list
    not ``trusted`` must pass `check_safe_regex`."""
    if data is None:
        return []
    if not isinstance(data, list):
        raise TermListError(f"{source}: expected a list of entries, got {type(data).__name__}")
    return [
        _entry(item, f"{source}: entry {index + 1}", trusted) for index, item in enumerate(data)
    ]


def parse_inline_entry(item: Any, source: str) -> TermEntry:
    """An entry of ``terms.forbid``: a full entry, or just a phrase."""
    if isinstance(item, str):
        return _entry({"pattern": item}, source)
    return _entry(item, source)


def _entry(item: Any, where: str, trusted: bool = False) -> TermEntry:
    if not isinstance(item, Mapping):
        raise TermListError(f"{where}: expected a mapping with a 'pattern' key, got {item!r}")
    for key in item:
        if key not in KEYS:
            raise TermListError(f"{where}: unknown key '{key}'; allowed keys: {', '.join(KEYS)}")
    if "pattern" not in item:
        raise TermListError(f"{where}: key 'pattern' is missing")
    patterns = _strings(item["pattern"], f"{where}: key 'pattern'")
    if not patterns:
        raise TermListError(f"{where}: key 'pattern' is empty")
    inflections = _strings(item.get("inflections", []), f"{where}: key 'inflections'")
    for pattern in patterns:
        try:
            if not trusted:
                check_safe_regex(_pattern_regex(pattern, inflections))
        except (re.error, TermListError) as error:
            raise TermListError(f"{where}: key 'pattern': {pattern!r}: {error}") from None
    severity = item.get("severity", "warn")
    if severity not in LEVELS:
        raise TermListError(
            f"{where}: key 'severity': expected warn, info or ignore, got {severity!r}"
        )
    exceptions = []
    for text in _strings(item.get("exceptions", []), f"{where}: key 'exceptions'"):
        regex = text[1:-1] if len(text) > 2 and text[0] == text[-1] == "/" else text
        try:
            if not trusted:
                check_safe_regex(regex)
            exceptions.append(re.compile(regex, re.IGNORECASE))
        except (re.error, TermListError) as error:
            raise TermListError(f"{where}: key 'exceptions': {text!r}: {error}") from None
    reason = item.get("reason", "")
    if not isinstance(reason, str):
        raise TermListError(f"{where}: key 'reason': expected a string, got {reason!r}")
    only, excluded = _scope(item.get("scope"), f"{where}: key 'scope'")
    unless_cited = item.get("unless_cited", False)
    if not isinstance(unless_cited, bool):
        raise TermListError(f"{where}: key 'unless_cited': expected true or false")
    return TermEntry(
        patterns=patterns,
        severity=severity,
        replacements=_strings(item.get("replacements", []), f"{where}: key 'replacements'"),
        reason=reason.strip(),
        exceptions=tuple(exceptions),
        inflections=inflections,
        only=only,
        excluded=excluded,
        unless_cited=unless_cited,
        source=where,
    )


def _strings(value: Any, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise TermListError(f"{where}: expected a string or a list of non-empty strings")
    return tuple(v.strip() for v in value)


def _scope(value: Any, where: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    if value is None:
        return (), ()
    if isinstance(value, Mapping) and set(value) == {"except"}:
        excluded = _categories(value["except"], where)
        return (), excluded
    if isinstance(value, (list, str)):
        return _categories(value, where), ()
    raise TermListError(
        f"{where}: expected a list of categories or {{except: [categories]}}, got {value!r}"
    )


def _categories(value: Any, where: str) -> tuple[str, ...]:
    names = _strings(value, where)
    for name in names:
        if name not in CATEGORIES:
            raise TermListError(f"{where}: '{name}' is not a category; use {', '.join(CATEGORIES)}")
    return names


# Whole words: not inside a word, a hyphenated compound, a file name or a path
# ("universal" is not found in "hatch-universal.pkg" or "non-universal").
_BEFORE = r"(?<![\w\-./])"
_AFTER = r"(?![\w\-/]|\.\w)"


_LEADING_FLAGS = re.compile(r"\(\?([imsx]+)\)")


def _pattern_regex(pattern: str, inflections: Sequence[str]) -> str:
    """``hot deploy`` -> a regex for hot deploy / hot-deploy / hotdeploy (+ inflections)."""
    if len(pattern) > 2 and pattern[0] == pattern[-1] == "/":
        body = pattern[1:-1]
        # Flags at the start, such as (?s), apply to the pattern alone: written where
        # the pattern stands inside the whole-word guards, they would be refused.
        if (flags := _LEADING_FLAGS.match(body)) is not None:
            body = f"(?{flags.group(1)}:{body[flags.end() :]})"
        return rf"{_BEFORE}(?:{body}){_AFTER}"
    words = [re.escape(word) for word in re.split(r"[\s\-]+", pattern.strip()) if word]
    body = r"[\s\-]?".join(words)
    if inflections:
        suffixes = "|".join(re.escape(suffix) for suffix in inflections)
        body += rf"(?:{suffixes})?"
    return rf"{_BEFORE}{body}{_AFTER}"


def check_safe_regex(regex: str) -> None:
    """Refuse a regular expression that could make matching exponential
    (see `saferegex`), as a `TermListError`."""
    problem = safe_regex_problem(regex)
    if problem is not None:
        raise TermListError(problem)


def merge_terms(
    defaults: Sequence[TermEntry],
    project: Sequence[TermEntry],
    allow: Sequence[str],
) -> list[TermEntry]:
    """Defaults, overridden by project entries with the same patterns, minus allowed
    phrases (an allowed phrase drops every entry that lists it as a pattern)."""
    merged: dict[frozenset[str], TermEntry] = {entry.key: entry for entry in defaults}
    for entry in project:
        merged[entry.key] = entry
    allowed = {phrase.lower() for phrase in allow}
    kept = []
    for entry in merged.values():
        patterns = tuple(p for p in entry.patterns if p.lower() not in allowed)
        if patterns and entry.severity != "ignore":
            kept.append(entry if patterns == entry.patterns else _replace_patterns(entry, patterns))
    return kept


def _replace_patterns(entry: TermEntry, patterns: tuple[str, ...]) -> TermEntry:
    return dataclasses.replace(entry, patterns=patterns)
