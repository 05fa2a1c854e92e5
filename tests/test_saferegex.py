"""The one check every project-supplied regular expression passes (issue 19, row 2):
term-list patterns and exceptions and ``citations.patterns``."""

from __future__ import annotations

import pytest

from mkdocs_diataxis.core import SettingsError, load_settings
from mkdocs_diataxis.core.saferegex import UnsafeRegexError, check_safe_regex

NESTED = "a repeated part that can itself match text of different lengths"
BRANCHES = "a repeated alternation whose branches can begin with the same character"
IN_A_ROW = "unbounded repetitions in a row that can match the same characters"
BACKREF = "back-references are not allowed"


@pytest.mark.parametrize(
    ("regex", "problem"),
    [
        # The four the issue timed: 51 s, 31 s, 5 s and more than 60 s on 30 characters.
        ("(a+)+$", NESTED),
        ("(?:a|a)*b", BRANCHES),
        ("(?:a?){28}a{28}", NESTED),
        (r"\w*\w*\w*\w*\w*\w*x", IN_A_ROW),
        # Their relatives.
        ("(a*)*", NESTED),
        ("(?:a|ab)+c", BRANCHES),
        ("(.*,)*x", NESTED),
        (r"(?:\w+\s?)+$", NESTED),
        ("(?:-?[a-z]+)*", NESTED),
        ("(?:x(?:a|a)y)*", BRANCHES),
        ("(ab|.c)+", BRANCHES),
        (r"\d+\s*\d+", IN_A_ROW),
        (r"\d+-?\d+", IN_A_ROW),
        (r"(a)\1", BACKREF),
        (r"(?P<x>a)(?P=x)", BACKREF),
        (r"(?:(a)|b)(?(1)c|d)", BACKREF),
        (r"(?=(a+)+)", NESTED),
        # Found in review: a few rounds of a part with no longest match, ranges of
        # scripts the sample barely covers, and repetitions inside groups.
        (r"(a+){10}$", NESTED),
        (r"(\w+\s?){10}$", NESTED),
        (r"(.*,){10}x", NESTED),
        (r"((a+){3}){3}$", NESTED),
        ("(?:ю[а-я]+)*$", NESTED),
        ("(?:юю|[а-я]ю)*$", BRANCHES),
        ("(?:一[一-丅]+)*$", NESTED),
        (r"(\w*)(\w*)(\w*)(\w*)!", IN_A_ROW),
        (r"\w+(\w+)(\w+)(\w+)!", IN_A_ROW),
    ],
)
def test_unsafe_shapes_are_refused_with_the_reason(regex: str, problem: str) -> None:
    with pytest.raises(UnsafeRegexError) as caught:
        check_safe_regex(regex)
    assert str(caught.value).startswith(problem)


@pytest.mark.parametrize(
    "regex",
    [
        r"Task \d+\.\d+",
        r"\bRFC \d+\b",
        r"(?:see|source):\s*\S+",
        r"JIRA-\d+",
        r"[a-z]+(?:-[a-z]+)*",  # each round begins with "-", which [a-z]+ cannot match
        r"(?:\d+\.)+\d+",  # each round ends with "."
        r"(-[a-z]+)*",  # the same in a capturing group
        r"(\d+\.)+",
        r"([^,]*,){12}x",
        r"(\w+\s+)*",  # a round ends in a space, and begins with a word character
        r"(?:\w+\s+){0,2}",
        r"see \[\d+\]",
        r"RFC ?\d{3,4}",
        r"(?i)benchmark(s)?:\s+\S+",
        r"(?:ab|ac)+",
        r"(?:cat|dog)+",
        r"(?:a?){3}",  # bounded and short
        r"\w+\s+\w+",
        r".*benchmark.*",
        r"hot[\s\-]?deploy(?:s|ed)?",
        r"(?<![\w\-./])(?:we (?:outperform|beat))(?![\w\-/]|\.\w)",
    ],
)
def test_safe_patterns_people_write_are_accepted(regex: str) -> None:
    check_safe_regex(regex)


def test_citation_patterns_are_checked_and_the_error_names_the_item(tmp_path) -> None:
    with pytest.raises(SettingsError) as caught:
        load_settings({"citations": {"patterns": [r"Task \d+", "(a+)+$"]}}, str(tmp_path))
    assert caught.value.option == "citations.patterns"
    assert caught.value.message.startswith(f"item 2 ('(a+)+$'): {NESTED}")


def test_term_list_patterns_and_exceptions_use_the_same_check(tmp_path) -> None:
    (tmp_path / "terms.yml").write_text(
        "- pattern: fast\n  exceptions: ['\\w*\\w*x']\n", encoding="utf-8"
    )
    with pytest.raises(SettingsError) as caught:
        load_settings({"terms": {"file": "terms.yml"}}, str(tmp_path))
    assert "entry 1: key 'exceptions': '\\\\w*\\\\w*x': " + IN_A_ROW in caught.value.message
    with pytest.raises(SettingsError) as caught:
        load_settings({"terms": {"forbid": ["/(?:a|a)*b/"]}}, str(tmp_path))
    assert BRANCHES in caught.value.message
