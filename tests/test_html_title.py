"""page/html-title (issue 19, row 12): a front matter title holding HTML, which themes
put unescaped into every page's navigation."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.helpers import all_findings, build, make_site, warnings

MESSAGE = (
    "the front matter title holds HTML: themes put it unescaped into every page's"
    " navigation, where it runs as HTML, and the browser tab shows it as text"
)
SUGGESTION = (
    "write the title as plain text (formatting belongs in the first heading), or write < as &lt;"
)


@pytest.mark.parametrize(
    ("front_matter", "line", "column", "text"),
    [
        ("title: <img src=x onerror=alert(1)>\n", 2, 8, "<img src=x onerror=alert(1)>"),
        ("diataxis: how-to\ntitle: 'A <b>bold</b> move'\n", 3, 11, "<b>"),
        ('title: "Embed </script><script>x()"\n', 2, 15, "</script>"),
        ("title: Notes <!-- draft -->\n", 2, 14, "<!--"),
        ("title: >-\n  Two <em>lines</em>\n", 3, 7, "<em>"),
        ("title: [<b>x</b>]\n", 2, 9, "<b>"),  # a list reaches the theme as its text
        ("title: <!DOCTYPE x> notes\n", 2, 8, "<!D"),
    ],
)
def test_a_title_with_html_is_reported_at_the_tag(
    front_matter: str, line: int, column: int, text: str
) -> None:
    page = f"---\n{front_matter}---\n# Plain heading\n"
    found = [f for f in all_findings("how-to/x.md", page) if f.rule == "page/html-title"]
    assert [(f.severity, f.line, f.column, f.text, f.message, f.suggestion) for f in found] == [
        ("warning", line, column, text, MESSAGE, SUGGESTION)
    ]


@pytest.mark.parametrize(
    "page",
    [
        "---\ntitle: 1 < 2 and 3 > 2\n---\n",  # comparisons, not tags
        "---\ntitle: Use &lt;b&gt; for bold\n---\n",  # escaped, as the fix says
        "---\ntitle: 42\n---\n",
        "# <img src=x onerror=alert(1)>\n",  # MkDocs strips tags from heading titles
        "---\ndescription: <b>not the title</b>\n---\n# T\n",
    ],
)
def test_plain_titles_and_headings_are_not(page: str) -> None:
    assert [f for f in all_findings("how-to/x.md", page) if f.rule == "page/html-title"] == []


def test_the_build_fails_on_it_and_the_heading_title_is_safe(tmp_path: Path) -> None:
    make_site(
        tmp_path,
        {
            "index.md": "# Home\n",
            "how-to/a.md": "---\ntitle: <img src=x onerror=alert(1)>\n---\n# A\n",
            "how-to/b.md": "# <img src=x onerror=alert(2)>\n",
        },
    )
    ran = build(tmp_path)
    assert ran.returncode == 1
    assert warnings(ran.stderr) == [f"how-to/a.md:2:8: [page/html-title] {MESSAGE} — {SUGGESTION}"]
    # What the rule guards against, and why headings are left alone: the front matter
    # title is a live tag in every page's nav; the heading's tags are stripped.
    home = (tmp_path / "site" / "index.html").read_text("utf-8")
    assert re.findall(r"<img src=x onerror=alert\((\d)\)>", home) == ["1"]
