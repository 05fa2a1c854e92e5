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
from markdown_it.token import Token

from mkdocs_diataxis.core import check_page, load_settings
from mkdocs_diataxis.core.check import PageResult, check_document
from mkdocs_diataxis.core.document import Block, Document, Span, parse_document, read_document
from mkdocs_diataxis.core.document.walk import TokenWalk
from mkdocs_diataxis.core.figures import PageFigures
from tests.helpers import thousand_examples

SETTINGS = load_settings({"content_fit": {"enabled": True}})
"""Every family on, content fit too: its signals are gathered a section at a time."""

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
    found = [(f.rule, f.line, f.text) for f in cut.findings if f.rule != "citation/weak"]
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
    # With the cycle collector off, what is alive of the page's model while a section
    # is checked is that section's, and what later sections read of earlier ones: the
    # headings, the paragraphs under the headings still open, and their containers.
    # No markdown-it token outlives the parse of its section.
    _cut(monkeypatch)
    seen: list[int] = []

    def watch(self: PageFigures, section: Document) -> None:
        assert section.page is not None
        blocks = {id(block) for block in section.blocks}
        spans = {id(span) for span in section.spans}
        kept = [heading.block for heading in section.headings]
        kept += list(section.page.under.values())
        for block in kept:
            spans.update(id(item) for item in block.items)
            current: Block | None = block
            while current is not None:
                blocks.add(id(current))
                current = current.parent
        live = gc.get_objects()
        assert {id(obj) for obj in live if type(obj) is Block} <= blocks
        assert {id(obj) for obj in live if type(obj) is Span} <= spans
        assert [obj for obj in live if type(obj) is Token] == []
        seen.append(len(section.blocks))
        add(self, section)

    add = PageFigures.add
    monkeypatch.setattr(PageFigures, "add", watch)
    was_enabled = gc.isenabled()
    gc.collect()  # what earlier tests left
    gc.disable()
    try:
        check_page("reference/engine.md", PAGE + "\n- a list\n- of items\n", SETTINGS)
    finally:
        if was_enabled:
            gc.enable()
    assert len(seen) == PAGE.count("\n#") + 1


def test_what_reaches_across_sections(monkeypatch: pytest.MonkeyPatch) -> None:
    # Each part of what a section reads of the others, alone on one page: the opening
    # of a heading two sections up, prose 5,000 characters back, a tool that a shell
    # block in a later section runs.
    filler = "\n\n".join(["Plain words about the queue and its workers."] * 110)
    text = (
        "# Engine\n\n## Throughput\n\nMeasurements in this section come from the"
        " [suite](https://example.org/suite).\n\n### Setup\n\nThe host has eight"
        " cores.\n\n### Spawn\n\nSpawning a task takes 286ns.\n\n## Names\n\nThe Quick"
        f" Zebra Xylophone starts first.\n\n## Filler\n\n{filler}\n\n## Later\n\nThe"
        " QZX and the WQM start next.\n\n## Shell\n\n```console\n$ wqm sync\n```\n"
    )
    whole = check_page("reference/engine.md", text, SETTINGS)
    assert [(f.rule, f.text) for f in whole.findings if f.severity == "warning"] == []
    assert whole.facts.figures_cited == 1
    _cut(monkeypatch)
    assert _sections(text) == 8
    assert _summary(check_page("reference/engine.md", text, SETTINGS)) == _summary(whole)


def test_a_page_longer_than_a_lowering_chunk_finds_terms_on_their_lines() -> None:
    # The term rules read the page lowered a chunk of lines at a time (64 KiB).
    text = "# Engine\n\n" + "Plain words about the queue.\n\n" * 3_000 + "It is blazing fast.\n"
    assert len(text) > 65_536
    result = check_page("reference/engine.md", text, SETTINGS)
    assert [(f.rule, f.line, f.column) for f in result.findings] == [("terms/forbidden", 6003, 7)]


def test_a_document_checked_twice_gives_the_same_findings() -> None:
    # What a rule keeps while checking a page belongs to that check, not to the page.
    doc = parse_document("reference/engine.md", "# Engine\n\nThe WQM starts.\n")
    first = check_document(doc, SETTINGS)
    again = check_document(doc, SETTINGS)
    assert [f.rule for f in first.findings] == ["terms/acronym"]
    assert _summary(again) == _summary(first)
    known = check_document(doc, load_settings({"acronyms": {"known": ["WQM"]}}))
    assert known.findings == ()
    assert _summary(check_document(doc, SETTINGS)) == _summary(first)


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
        "It takes 3 ms, from [the results][r].",
        "[r]: https://example.org/résultats",
        "[R]: <https://example.org/other> 'A title\nover two lines'",
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


@pytest.mark.parametrize(
    "text",
    [
        # Found by a tester: each was cut inside code or HTML that markdown-it keeps
        # open, so the heading read as prose in one check and as code in the other.
        "<div>\n```\n\n```\n\n# It is blazing fast\n",  # a fence line inside an HTML block
        "<div>\n<pre>\n\n<!-- </pre>\n\n# It is blazing fast\n",  # a comment that never closes
        "- a\n  ```\n```\n\n# It is blazing fast\n",  # the list ends, a new fence opens
        "- ```\n  code\n  ```\n\n```\n\n# It is blazing fast\n",  # a list item opens with a fence
        "<pre\u00a0>\n\n# It is blazing fast\n",  # a Unicode space after the tag
    ],
)
def test_a_page_is_never_cut_inside_a_block_markdown_it_keeps_open(
    monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    whole = check_page("reference/p.md", text, SETTINGS)
    assert [f.rule for f in whole.findings] == []
    _cut(monkeypatch)
    assert _sections(text) == 1
    assert _summary(check_page("reference/p.md", text, SETTINGS)) == _summary(whole)


def test_a_page_of_the_real_section_size_is_cut_where_markdown_it_starts_afresh() -> None:
    # The first heading past SECTION_CHARS stands inside a fence; the next one may be
    # cut at.
    filler = "Filler words here. " * 11_000
    text = (
        f"<div>\n```\n</div>\n\n{filler}\n\n```\nmake\n\n# It is blazing fast\n```\n\n"
        "# Results\n\nIt is revolutionary.\n"
    )
    whole_text = text
    cut = check_page("reference/p.md", text, SETTINGS)
    assert _sections(text) == 2
    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.setattr("mkdocs_diataxis.core.document.walk.SECTION_CHARS", len(text))
        whole = check_page("reference/p.md", whole_text, SETTINGS)
    assert _summary(cut) == _summary(whole)
    assert [(f.rule, f.text) for f in cut.findings] == [("terms/forbidden", "revolutionary")]


def test_a_definition_in_a_later_section_gives_its_target_as_written(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Found in review: the block pass percent-encoded the targets it read ahead.
    page = "# A\n\nSee [the results][r].\n\n# B\n\n[r]: https://example.org/résultats\n"
    whole = parse_document("reference/p.md", page)
    _cut(monkeypatch)
    cut = parse_document("reference/p.md", page)
    assert [link.target for link in cut.links] == ["https://example.org/résultats"]
    assert [link.target for link in cut.links] == [link.target for link in whole.links]


def test_the_cut_is_found_reading_each_line_about_once(monkeypatch: pytest.MonkeyPatch) -> None:
    # Found in review: a window without a heading to cut at was read again from the
    # section's start, twice as far each time, and the last section once more.
    from mkdocs_diataxis.core.document import sections

    paragraph = "Plain words about the queue and its workers.\n\n"
    text = (
        "# A\n\n" + paragraph * 400 + "## B\n\n" + paragraph * 400 + "```\n# not a heading\n```\n"
    )
    read: list[int] = []
    block_tokens = sections._block_tokens

    def counted(part: str) -> list[Token]:
        read.append(len(part))
        return block_tokens(part)

    monkeypatch.setattr(sections, "_block_tokens", counted)
    monkeypatch.setattr(sections, "_REACH", 100)
    parts = sections.sections(text, 1_000)
    assert [text.split("\n")[first] for first, _, _ in parts] == ["# A", "## B"]
    assert sum(read) < 1.2 * len(text)
    whole = check_page("reference/p.md", text, SETTINGS)
    monkeypatch.setattr("mkdocs_diataxis.core.document.walk.SECTION_CHARS", 1_000)
    assert _summary(check_page("reference/p.md", text, SETTINGS)) == _summary(whole)


def test_a_block_longer_than_the_window_widens_it(monkeypatch: pytest.MonkeyPatch) -> None:
    from mkdocs_diataxis.core.document import sections

    text = (
        "# A\n\n```\n" + "# a comment in the code\n" * 400 + "```\n\n## B\n\nIt is revolutionary.\n"
    )
    monkeypatch.setattr(sections, "_REACH", 100)
    parts = sections.sections(text, 1_000)
    assert [text.split("\n")[first] for first, _, _ in parts] == ["# A", "## B"]
    whole = check_page("reference/p.md", text, SETTINGS)
    monkeypatch.setattr("mkdocs_diataxis.core.document.walk.SECTION_CHARS", 1_000)
    assert _summary(check_page("reference/p.md", text, SETTINGS)) == _summary(whole)
    assert [(f.rule, f.text) for f in whole.findings] == [("terms/forbidden", "revolutionary")]
