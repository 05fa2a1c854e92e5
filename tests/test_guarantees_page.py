"""The example site's "What the plugin guarantees" names the tests that hold each
promise (issue 19, point 5): every test it names exists, so the page cannot drift."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "example-site" / "docs" / "explanation" / "what-the-plugin-guarantees.md"


def test_every_test_the_guarantees_page_names_exists() -> None:
    text = PAGE.read_text(encoding="utf-8")
    table = text[text.index("## Each guarantee and the tests that hold it") :]
    named = re.findall(r"`(test_\w+\.py)(?:::(\w+))?`", table)
    assert len(named) >= 25
    missing = [
        f"{file}::{test}" if test else file
        for file, test in named
        if not (ROOT / "tests" / file).is_file()
        or (test and f"def {test}(" not in (ROOT / "tests" / file).read_text("utf-8"))
    ]
    assert missing == []
    # And every row names at least one.
    rows = [line for line in table.splitlines() if line.startswith("| ") and "---" not in line]
    assert all("`test_" in row for row in rows[1:])
