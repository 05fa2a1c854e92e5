"""Suppression comments and diataxis_ignore silence exactly what they name."""

from __future__ import annotations

from tests.helpers import findings, md

PAGE_IN_TWO_FOLDERS = "reference/guides/x.md"


def test_diataxis_ignore_silences_the_named_rule_on_the_page() -> None:
    text = "---\ndiataxis_ignore: [placement/nested]\n---\n"
    assert findings(PAGE_IN_TWO_FOLDERS, text) == []


def test_diataxis_ignore_family_wildcard() -> None:
    text = "---\ndiataxis_ignore: [placement/*]\n---\n"
    assert findings("loose.md", text) == []


def test_diataxis_ignore_leaves_other_rules_alone() -> None:
    text = "---\ndiataxis_ignore: [placement/mismatch]\n---\n"
    assert findings(PAGE_IN_TWO_FOLDERS, text) == [("placement/nested", 1, 1, "")]


def test_diataxis_ignore_unknown_rule_is_reported() -> None:
    text = "---\ndiataxis_ignore: [placement/nestd]\n---\n"
    assert findings(PAGE_IN_TWO_FOLDERS, text) == [
        ("placement/nested", 1, 1, ""),
        ("suppression/unknown-rule", 2, 19, "placement/nestd"),
    ]


def test_diataxis_ignore_must_be_a_list() -> None:
    assert findings("reference/a.md", "---\ndiataxis_ignore: 3\n---\n") == [
        ("suppression/unknown-rule", 2, 18, "3")
    ]


def test_disable_comment_covers_until_enable() -> None:
    text = md("""
        <!-- diataxis: disable suppression/unknown-directive -->
        <!-- diataxis: bogus -->

        <!-- diataxis: enable -->
        <!-- diataxis: bogus -->
    """)
    assert findings("reference/a.md", text) == [("suppression/unknown-directive", 5, 16, "bogus")]


def test_disable_on_the_first_line_covers_page_findings() -> None:
    assert findings("loose.md", "<!-- diataxis: disable placement/uncategorized -->\n") == []


def test_disable_without_enable_runs_to_the_end() -> None:
    text = "<!-- diataxis: disable placement/nested, placement/mismatch -->\n\nText\n"
    assert findings(PAGE_IN_TWO_FOLDERS, text) == []


def test_disable_with_no_rule_silences_everything() -> None:
    assert findings(PAGE_IN_TWO_FOLDERS, "<!-- diataxis: disable -->\n") == []


def test_disable_next_line_only_covers_the_next_line() -> None:
    text = md("""
        <!-- diataxis: disable-next-line suppression/unknown-directive -->
        <!-- diataxis: bogus -->
        <!-- diataxis: bogus -->
    """)
    assert findings("reference/a.md", text) == [("suppression/unknown-directive", 3, 16, "bogus")]


def test_disable_next_line_does_not_cover_its_own_line() -> None:
    # The finding is on line 1, so a comment on line 1 does not cover it: only line 2.
    assert findings(
        PAGE_IN_TWO_FOLDERS, "<!-- diataxis: disable-next-line placement/nested -->\n"
    ) == [("placement/nested", 1, 1, "")]


def test_unknown_rule_in_comment_is_reported_where_it_is_written() -> None:
    text = "# T\n\nText <!-- diataxis: disable placement/uncategorised -->\n"
    assert findings("reference/a.md", text) == [
        ("suppression/unknown-rule", 3, 29, "placement/uncategorised")
    ]


def test_unknown_directive_is_reported() -> None:
    assert findings("reference/a.md", "<!-- diataxis: disabel placement/nested -->\n") == [
        ("suppression/unknown-directive", 1, 16, "disabel")
    ]


def test_ordinary_comments_are_not_directives() -> None:
    assert findings("reference/a.md", "<!-- TODO: diataxis: later -->\n<!-- note -->\n") == []


def test_suppression_findings_can_be_ignored_by_severity() -> None:
    text = "<!-- diataxis: disabel x -->\n"
    assert findings("reference/a.md", text, severity={"suppression/*": "ignore"}) == []


def test_rule_names_may_continue_on_the_next_lines_of_the_comment() -> None:
    text = md("""
        <!-- diataxis: disable-next-line
             suppression/unknown-directive -->
        <!-- diataxis: bogus -->
    """)
    assert findings("reference/a.md", text) == []
