"""A large page is checked one section at a time (`section_models`), so that only one
section's model exists at once. These tests cut pages at every heading they can
(``SECTION_CHARS`` = 1) and hold the result to that of the page checked whole: the
facts a rule reads beyond its section (a sources section further on, code further on,
the paragraph under a heading of an earlier section, prose spelled out earlier, a
suppression opened earlier) must reach it."""

from __future__ import annotations

import gc

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mkdocs_diataxis.core import check_page, load_settings
from mkdocs_diataxis.core.check import PageResult
from mkdocs_diataxis.core.document import Block, read_document
from mkdocs_diataxis.core.document.large import section_models
from mkdocs_diataxis.core.document.walk import TokenWalk
from tests.helpers import thousand_examples

SETTINGS = load_settings({})

PAGE = """\
# Engine

The Text User Interface shows the queue.

## Throughput

Measurements in this section come from the [suite](https://example.org/suite).

### Details

Spawning a task takes 286ns.

## Latency

A request takes 12 ms.

### Output

```text
run 1: 12.1 ms 12.3 ms 12.0 ms
```

## Memory

The TUI takes 30 MB of memory.

Startup takes 80 ms.

<!-- diataxis: disable terms/forbidden -->

## Marketing

It is blazing fast.

<!-- diataxis: enable terms/forbidden -->

## Keywords

Run SCAN over the keys; the WQM of the cache holds them.

## More

It is revolutionary.

## Code

```python
SCAN = 1
```
"""


def _cut(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("mkdocs_diataxis.core.document.walk.SECTION_CHARS", 1)


def _summary(result: PageResult) -> tuple[object, ...]:
    return (
        [(f.rule, f.line, f.column, f.text, f.message, f.severity) for f in result.findings],
        result.facts,
    )


def _sections(text: str) -> int:
    walk = TokenWalk(read_document("reference/engine.md", text))
    return len(walk.plan()[1])


ENDINGS = {
    "none": "",
    "sources": "\n## Sources\n\nMeasured with [the bench](https://example.org/bench).\n",
    "methodology": "\n## Methodology\n\nMeasured on a laptop.\n",
}


@pytest.mark.parametrize("ending", list(ENDINGS))
def test_a_page_checked_in_sections_gives_the_whole_pages_result(
    monkeypatch: pytest.MonkeyPatch, ending: str
) -> None:
    text = PAGE + ENDINGS[ending]
    whole = check_page("reference/engine.md", text, SETTINGS)
    _cut(monkeypatch)
    assert _sections(text) == text.count("\n#") + 1
    cut = check_page("reference/engine.md", text, SETTINGS)
    assert _summary(cut) == _summary(whole)
    found = [(f.rule, f.line, f.text) for f in cut.findings if f.severity == "warning"]
    # 286ns: the opening of "Throughput", a section before; 12 ms: the output printed
    # under "Latency" in the next section; TUI: spelled out a section before; SCAN:
    # code two sections later; "blazing fast": a suppression opened a section before.
    uncited = [("citation/uncited", 25, "30 MB"), ("citation/uncited", 27, "80 ms")]
    assert found == [
        *(uncited if ending == "none" else []),
        ("terms/acronym", 39, "WQM"),
        ("terms/forbidden", 43, "revolutionary"),
    ]
    assert cut.facts.figures_measured == 4
    assert cut.facts.figures_cited == (4 if ending == "sources" else 2)
    weak = [(f.rule, f.line) for f in cut.findings if f.rule == "citation/weak"]
    assert weak == ([("citation/weak", 51)] if ending == "methodology" else [])


def test_only_one_sections_model_lives_at_a_time(monkeypatch: pytest.MonkeyPatch) -> None:
    # With the cycle collector off, what is left of a section once the next one is
    # built is what later sections read of it: its headings, the paragraphs under the
    # headings still open, and their containers.
    _cut(monkeypatch)
    walk = TokenWalk(read_document("reference/engine.md", PAGE + "\n- a list\n- of items\n"))
    was_enabled = gc.isenabled()
    gc.collect()  # what earlier tests left
    gc.disable()
    try:
        count = 0
        for section in section_models(walk):
            assert section.page is not None
            expected = {id(block) for block in section.blocks}
            kept = [heading.block for heading in section.headings]
            kept += list(section.page.under.values())
            for block in kept:
                current: Block | None = block
                while current is not None:
                    expected.add(id(current))
                    current = current.parent
            live = {id(obj) for obj in gc.get_objects() if type(obj) is Block}
            assert live <= expected
            count += 1
            del section
        assert count == PAGE.count("\n#") + 1
    finally:
        if was_enabled:
            gc.enable()


_FRAGMENTS = st.sampled_from(
    [
        "# Title",
        "## Results",
        "### Output",
        "## Sources",
        "## Methodology",
        "Measured with [the bench](https://example.org/bench).",
        "Measurements in this section come from [the suite](https://example.org/s).",
        "Spawning takes 286ns.",
        "It serves 6.12M msg/sec, 3x faster than before.",
        "- a request takes 12 ms\n- the cache holds 40 MB",
        "| Case | Time |\n|---|---|\n| spawn | 286ns |",
        "```text\nrun: 1.2 ms 1.3 ms 1.1 ms\n```",
        "```python\nSCAN = MATCH\n```",
        "Run SCAN with MATCH; the QZX and the Quick Zebra Xylophone differ.",
        "The Quick Zebra Xylophone (QZX) is fast.",
        "It is blazing fast and revolutionary.",
        "<!-- diataxis: disable terms/forbidden -->",
        "<!-- diataxis: enable terms/forbidden -->",
        "<!-- diataxis: disable-next-line citation/uncited -->",
        "!!! note\n    The WQM takes 5 ms.",
        "Text [^1] with a note.\n\n[^1]: Source: the bench.",
    ]
)


@thousand_examples()
@given(st.lists(_FRAGMENTS, min_size=1, max_size=14))
def test_any_page_checked_in_sections_gives_the_whole_pages_result(fragments: list[str]) -> None:
    text = "\n\n".join(fragments) + "\n"
    whole = check_page("reference/p.md", text, SETTINGS)
    with pytest.MonkeyPatch.context() as monkeypatch:
        _cut(monkeypatch)
        cut = check_page("reference/p.md", text, SETTINGS)
    assert _summary(cut) == _summary(whole)
