"""placement/*: SPEC 4.1, one behaviour per test."""

from __future__ import annotations

import pytest

from mkdocs_diataxis.core import check_page, load_settings
from tests.helpers import all_findings, findings


def category(path: str, text: str = "# T\n", **options: object) -> tuple[str | None, str | None]:
    facts = check_page(path, text, load_settings(options)).facts
    return facts.category, facts.category_source


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("tutorials/first.md", "tutorial"),
        ("how-to/deploy.md", "how-to"),
        ("guides/deploy.md", "how-to"),
        ("components/rt/guides/x.md", "how-to"),
        ("api/module.md", "reference"),
        ("Concepts/model.md", "explanation"),
        ("topics/a/b/deep.md", "explanation"),
    ],
)
def test_category_from_nearest_folder_at_any_depth(path: str, expected: str) -> None:
    assert category(path) == (expected, "folder")


def test_front_matter_decides_before_folder() -> None:
    assert category("misc/page.md", "---\ndiataxis: Reference\n---\n") == (
        "reference",
        "front matter",
    )


def test_file_name_is_not_a_folder() -> None:
    assert category("tutorials.md") == (None, None)


def test_uncategorized_page_is_reported_at_line_1() -> None:
    assert findings("deploying.md", "# Deploying\n") == [("placement/uncategorized", 1, 1, "")]
    (finding,) = all_findings("deploying.md", "# Deploying\n")
    assert finding.severity == "warning"
    assert finding.format() == (
        "deploying.md:1:1: [placement/uncategorized] the page has no Diátaxis category: it is in"
        " no category folder and its front matter declares none — move it into a tutorials/,"
        ' how-to/, reference/ or explanation/ folder, or add "diataxis: <category>" to its'
        " front matter (or list it in exempt)"
    )


def test_default_exempt_covers_index_and_readme_at_any_depth() -> None:
    assert findings("index.md", "# Home\n") == []
    assert findings("sub/index.md", "# Sub\n") == []
    assert findings("sub/README.md", "# Sub\n") == []


@pytest.mark.parametrize(
    "path",
    [
        "SUMMARY.md",
        "docs/SUMMARY.md",
        "_snippets/abbreviations.md",
        "guide/snippets/note.md",
        "includes/abbreviations.md",
        "theme/partials/footer.md",
        "blog/posts/2024/release.md",
        "news/blog/posts/hello.md",
    ],
)
def test_pages_that_are_not_documents_are_exempt_by_default(path: str) -> None:
    assert findings(path, "# Not a document\n") == []


def test_a_project_exempt_list_keeps_the_defaults() -> None:
    assert findings("notes/x.md", "# X\n", exempt=["notes/"]) == []
    assert findings("SUMMARY.md", "# Nav\n", exempt=["notes/"]) == []
    assert findings("blog/posts/a.md", "# A\n", exempt=["notes/"]) == []


def test_a_project_can_re_include_a_default_or_drop_the_defaults() -> None:
    uncategorized = [("placement/uncategorized", 1, 1, "")]
    assert findings("SUMMARY.md", "# Nav\n", exempt=["!SUMMARY.md"]) == uncategorized
    assert findings("SUMMARY.md", "# Nav\n", exempt_defaults=False) == uncategorized
    assert findings("index.md", "# Home\n", exempt_defaults=False) == uncategorized
    assert findings("index.md", "# Home\n", exempt_defaults=False, exempt=["index.md"]) == []


def test_exempt_and_require_category_are_gitignore_patterns() -> None:
    assert findings("blog/post.md", "# P\n", exempt=["blog/"]) == []
    assert findings("notes/x.md", "# P\n", require_category=["guides/**", "reference/**"]) == []
    assert findings("notes/x.md", "# P\n", require_category=["notes/*.md"]) == [
        ("placement/uncategorized", 1, 1, "")
    ]


def test_exempt_pages_get_no_placement_finding_at_all() -> None:
    text = "---\ndiataxis: howto-guide\n---\n"
    assert findings("reference/guides/index.md", text) == []


def test_mismatch_points_at_the_declared_value() -> None:
    text = "---\ntitle: A\ndiataxis: how-to\n---\n# A\n"
    assert findings("reference/a.md", text) == [("placement/mismatch", 3, 11, "how-to")]
    (finding,) = all_findings("reference/a.md", text)
    assert finding.message == (
        'the front matter says "how-to" but the folder "reference/" says "reference"'
    )


def test_front_matter_agreeing_with_folder_is_fine() -> None:
    assert findings("reference/a.md", "---\ndiataxis: reference\n---\n") == []


def test_nested_category_folders() -> None:
    assert findings("reference/guides/x.md", "# X\n") == [("placement/nested", 1, 1, "")]
    (finding,) = all_findings("explanation/guides/x.md", "# X\n")
    assert finding.message == (
        'the path holds category folders "explanation/" (explanation) and "guides/" (how-to)'
    )
    assert category("reference/guides/x.md") == ("how-to", "folder")


def test_same_category_twice_is_not_nested() -> None:
    assert findings("guides/how-to/x.md", "# X\n") == []


def test_unknown_category_suggests_the_closest() -> None:
    text = "---\ndiataxis: howto-guide\n---\n"
    assert findings("misc/x.md", text) == [("placement/unknown-category", 2, 11, "howto-guide")]
    (finding,) = all_findings("misc/x.md", text)
    assert finding.suggestion == 'use "how-to"'


def test_unknown_category_falls_back_to_the_folder() -> None:
    text = "---\ndiataxis: tutorails\n---\n"
    assert findings("reference/x.md", text) == [("placement/unknown-category", 2, 11, "tutorails")]
    assert category("reference/x.md", text) == ("reference", "folder")


def test_non_string_category_is_unknown() -> None:
    assert findings("misc/x.md", "---\ndiataxis: [a, b]\n---\n") == [
        ("placement/unknown-category", 2, 11, "[a, b]")
    ]


def test_custom_folder_names_replace_that_category_only() -> None:
    options = {"categories": {"how-to": ["recipes"]}}
    assert category("recipes/x.md", **options) == ("how-to", "folder")
    assert category("guides/x.md", **options) == (None, None)
    assert category("reference/x.md", **options) == ("reference", "folder")


def test_never_requires_all_four_categories() -> None:
    # A site with only reference pages is complete as far as placement goes.
    assert findings("reference/only.md", "# Only\n") == []
