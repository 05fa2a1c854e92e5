"""The document model: prose at exact source positions, code and markup kept apart."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from mkdocs_diataxis.core.document import parse_document
from mkdocs_diataxis.core.document.markdown import MARKDOWN
from mkdocs_diataxis.core.document.walk import TokenWalk
from tests.helpers import md


def prose(text: str | bytes) -> list[tuple[int, int, str]]:
    return [(s.line, s.column, s.text) for s in parse_document("p.md", text).spans]


def position_of(text: str | bytes, word: str) -> tuple[int, int, str]:
    """(line, column, block kind) of the first prose occurrence of ``word``."""
    for span in parse_document("p.md", text).spans:
        index = span.text.find(word)
        if index >= 0:
            return span.line, span.column_of(index), span.block.kind
    raise AssertionError(f"{word!r} is not in the prose")


def test_prose_after_yaml_front_matter_keeps_file_lines() -> None:
    text = md("""
        ---
        title: Deploy
        diataxis: how-to
        ---

        Run the deploy script.
    """)
    assert prose(text) == [(6, 1, "Run the deploy script.")]


def test_front_matter_is_never_prose() -> None:
    doc = parse_document("p.md", "---\ntitle: Fast path\n---\nBody\n")
    assert doc.meta == {"title": "Fast path"}
    assert [s.text for s in doc.spans] == ["Body"]


def test_multimarkdown_meta_is_front_matter() -> None:
    doc = parse_document("p.md", "Title: Old style\ndiataxis: reference\n\nBody text\n")
    assert doc.meta == {"title": "Old style", "diataxis": "reference"}
    assert prose("Title: Old style\n\nBody text\n") == [(3, 1, "Body text")]


def test_crlf_lines_give_the_same_positions() -> None:
    assert prose("---\r\na: 1\r\n---\r\n\r\nOne\r\ntwo *three*\r\n") == [
        (5, 1, "One"),
        (6, 1, "two "),
        (6, 6, "three"),
    ]


def test_byte_order_mark_is_not_a_column() -> None:
    assert prose("\ufeff# Title\n\nText\n".encode()) == [(1, 3, "Title"), (3, 1, "Text")]


def test_tab_counts_as_one_column() -> None:
    assert position_of("-\tItem with\ttab\n", "tab") == (1, 13, "paragraph")


def test_list_items_nested_and_continued() -> None:
    text = md("""
        1. First step
        2. Second step
           - nested item here
             lazy continuation
    """)
    assert prose(text) == [
        (1, 4, "First step"),
        (2, 4, "Second step"),
        (3, 6, "nested item here"),
        (4, 6, "lazy continuation"),
    ]
    doc = parse_document("p.md", text)
    assert [(b.line, b.level, b.ordered) for b in doc.list_items] == [
        (1, 1, True),
        (2, 1, True),
        (3, 2, False),
    ]
    assert doc.spans[2].block.enclosing("list_item") is doc.list_items[2]


def test_list_marker_text_is_not_confused_with_content() -> None:
    assert prose("10. 10 items\n") == [(1, 5, "10 items")]


def test_table_cells_header_and_rows() -> None:
    text = md("""
        Intro

        | Operation | Time \\| note |
        |-----------|------|
        | spawn     | 286ns |
    """)
    doc = parse_document("p.md", text)
    (table,) = doc.tables
    assert [(c.text, c.line, c.column) for c in table.header] == [
        ("Operation", 3, 3),
        ("Time | note", 3, 15),
    ]
    assert [[(c.text, c.line, c.column) for c in row] for row in table.rows] == [
        [("spawn", 5, 3), ("286ns", 5, 15)]
    ]
    assert position_of(text, "note") == (3, 23, "table_cell")


def test_blockquote_prose_is_marked() -> None:
    text = "> quoted words\n> more\n"
    doc = parse_document("p.md", text)
    assert prose(text) == [(1, 3, "quoted words"), (2, 3, "more")]
    assert all(span.block.enclosing("blockquote") for span in doc.spans)


def test_admonition_body_is_prose_not_code() -> None:
    text = md("""
        !!! note "Careful"
            Inside the note.

            ??? tip
                Nested tip text.

        After.
    """)
    doc = parse_document("p.md", text)
    assert prose(text) == [(2, 5, "Inside the note."), (5, 9, "Nested tip text."), (7, 1, "After.")]
    assert doc.code == []
    assert [(d.kind, d.name, d.title, d.line) for d in doc.directives] == [
        ("admonition", "note", "Careful", 1),
        ("admonition", "tip", "", 4),
    ]


def test_content_tabs_hold_prose() -> None:
    text = md("""
        === "pip"

            Install with pip.

        === "uv"

            Install with uv.
    """)
    assert prose(text) == [(3, 5, "Install with pip."), (7, 5, "Install with uv.")]


def test_fenced_code_in_list_and_admonition_is_code() -> None:
    text = md("""
        - Step:

            ```bash
            make fast
            ```

        !!! example
            ~~~python
            print("blazing")
            ~~~
    """)
    doc = parse_document("p.md", text)
    assert [(c.kind, c.line, c.text) for c in doc.code] == [
        ("fenced", 3, "make fast\n"),
        ("fenced", 8, 'print("blazing")\n'),
    ]
    assert [s.text for s in doc.spans] == ["Step:"]


def test_indented_code_outside_blocks_is_code() -> None:
    text = "Para\n\n    indented code\n"
    doc = parse_document("p.md", text)
    assert [(c.kind, c.line) for c in doc.code] == [("indented", 3)]
    assert prose(text) == [(1, 1, "Para")]


def test_inline_code_and_link_targets_are_not_prose() -> None:
    text = (
        'Use `fast_path()` and [the guide](https://x.org/fast "Fast title") or <https://y.org>.\n'
    )
    doc = parse_document("p.md", text)
    assert prose(text) == [
        (1, 1, "Use "),
        (1, 18, " and "),
        (1, 24, "the guide"),
        (1, 67, " or "),
        (1, 86, "."),
    ]
    assert [(c.kind, c.column, c.text) for c in doc.code] == [("inline", 5, "fast_path()")]
    assert [(link.kind, link.target, link.column) for link in doc.links] == [
        ("inline", "https://x.org/fast", 23),
        ("autolink", "https://y.org", 71),
    ]


def test_image_alt_and_reference_links() -> None:
    text = "See ![alt words](pic.png) and [guide][ref] then end.\n\n[ref]: https://x.org\n"
    assert prose(text) == [
        (1, 1, "See "),
        (1, 26, " and "),
        (1, 32, "guide"),
        (1, 43, " then end."),
    ]


def test_escapes_and_entities_map_each_character() -> None:
    doc = parse_document("p.md", "a \\*b &amp; c\n")
    (span,) = doc.spans
    assert span.text == "a *b & c"
    assert [span.column_of(i) for i in range(len(span.text))] == [1, 2, 4, 5, 6, 7, 12, 13]


def test_headings_atx_and_setext() -> None:
    text = md("""
        ## Install it {#install}

        Setext title
        ------------
    """)
    doc = parse_document("p.md", text)
    assert [(h.level, h.text, h.line, h.column) for h in doc.headings] == [
        (2, "Install it", 1, 4),
        (2, "Setext title", 3, 1),
    ]


def test_html_comments_block_and_inline() -> None:
    text = "<!-- block one -->\n\nText <!-- inline two --> more\n"
    doc = parse_document("p.md", text)
    assert [(c.text, c.line, c.column) for c in doc.comments] == [
        (" block one ", 1, 1),
        (" inline two ", 3, 6),
    ]
    assert prose(text) == [(3, 1, "Text "), (3, 25, " more")]


def test_abbreviations_and_footnote_definitions_are_recorded() -> None:
    text = "Uses WASM.[^1]\n\n*[WASM]: WebAssembly\n\n[^1]: Measured in bench.rs\n"
    doc = parse_document("p.md", text)
    assert [(a.term, a.definition, a.line) for a in doc.abbreviations] == [
        ("WASM", "WebAssembly", 3)
    ]
    assert doc.footnotes == {"1": 5}
    assert prose(text) == [(1, 1, "Uses WASM.[^1]"), (5, 7, "Measured in bench.rs")]


def test_invalid_utf8_is_a_problem_not_an_exception() -> None:
    doc = parse_document("p.md", b"ok line\nbad \xff byte\n")
    assert [(p.rule, p.line, p.column) for p in doc.problems] == [("page/unreadable", 2, 5)]
    assert doc.spans == []


def test_broken_front_matter_is_a_problem_with_its_line() -> None:
    doc = parse_document("p.md", "---\ntitle: a\nbad: [unclosed\n---\nBody\n")
    assert [(p.rule, p.line) for p in doc.problems] == [("page/front-matter", 4)]
    assert [s.text for s in doc.spans] == ["Body"]


def test_front_matter_that_is_a_list_is_a_problem() -> None:
    doc = parse_document("p.md", "---\n- a\n- b\n---\nBody\n")
    assert [(p.rule, p.line) for p in doc.problems] == [("page/front-matter", 2)]
    assert doc.meta == {}


def test_yaml_alias_bomb_is_refused() -> None:
    # Each level refers to the previous nine times: 9**20 nodes if expanded.
    levels = [f"l{i}: &l{i} [" + ",".join([f"*l{i - 1}"] * 9) + "]" for i in range(1, 21)]
    bomb = "---\nl0: &l0 [x]\n" + "\n".join(levels) + "\n---\nBody\n"
    doc = parse_document("p.md", bomb)
    assert [p.rule for p in doc.problems] == ["page/front-matter"]


def test_blocks_in_document_order_with_structure() -> None:
    text = md("""
        The lead-in:

        - item one
        - item two

        | H1 | H2 |
        |----|----|
        | a  | b  |
    """)
    doc = parse_document("p.md", text)
    assert [(b.kind, b.line, b.end_line) for b in doc.blocks] == [
        ("paragraph", 1, 1),
        ("list", 3, 4),
        ("list_item", 3, 3),
        ("paragraph", 3, 3),
        ("list_item", 4, 4),
        ("paragraph", 4, 4),
        ("table", 6, 8),
        ("thead", 6, 6),
        ("table_row", 6, 6),
        ("table_cell", 6, 6),
        ("table_cell", 6, 6),
        ("tbody", 8, 8),
        ("table_row", 8, 8),
        ("table_cell", 8, 8),
        ("table_cell", 8, 8),
    ]
    cells = [b for b in doc.blocks if b.kind == "table_cell"]
    assert [c.index for c in cells] == [0, 1, 0, 1]


def test_leaf_items_keep_prose_code_and_links_in_order() -> None:
    doc = parse_document("p.md", "Run `make` per [docs](https://d.org) now.\n")
    (paragraph,) = [b for b in doc.blocks if b.kind == "paragraph"]
    assert [type(item).__name__ for item in paragraph.items] == [
        "Span",
        "Code",
        "Span",
        "Link",
        "Span",
        "Span",
    ]


def test_heading_attribute_list_is_not_prose() -> None:
    text = "## Is it better? { #is-it-better }\n\n## Plain {.wide}\n"
    assert prose(text) == [(1, 4, "Is it better?"), (3, 4, "Plain")]


def test_inline_text_finds_links_in_a_range_with_or_without_images() -> None:
    from mkdocs_diataxis.core.document import inline_text

    doc = parse_document("a.md", "One ![pic](p.png) two [link](u) three.\n")
    [block] = [b for b in doc.blocks if b.kind == "paragraph"]
    inline = inline_text(doc, block)
    assert inline.text == "One  two link three."  # an image's alt text is not prose
    assert [offset for offset, _ in inline.links] == [4, 9]
    assert inline.has_link(0, 4)
    assert not inline.has_link(0, 4, images=False)
    assert not inline.has_link(5, 8)
    assert inline.has_link(5, 9, images=False)
    assert not inline.has_link(10, 20)


# --- the plain-text shortcut gives markdown-it's own inline tokens -------------------------

_REFERENCE = MarkdownIt("commonmark").enable(["table", "strikethrough"])


def _inline_tokens(parser: MarkdownIt, source: str) -> list[list[tuple[str, str]]]:
    return [
        [(child.type, child.content) for child in token.children or []]
        for token in parser.parse(source)
        if token.type == "inline"
    ]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("one  \ntwo", [("text", "one"), ("hardbreak", ""), ("text", "two")]),
        ("one \ntwo", [("text", "one"), ("softbreak", ""), ("text", "two")]),
        ("one\t\ntwo", [("text", "one\t"), ("softbreak", ""), ("text", "two")]),
        ("a: $5 + 6% - b!\nc", [("text", "a: $5 + 6% - b!"), ("softbreak", ""), ("text", "c")]),
    ],
)
def test_plain_text_gives_markdown_its_tokens(source: str, expected: list[tuple[str, str]]) -> None:
    assert _inline_tokens(MARKDOWN, source) == [expected]
    assert _inline_tokens(_REFERENCE, source) == [expected]


_PLAIN_LINE = st.tuples(
    st.sampled_from(["", " ", "  ", "\t"]),  # indentation
    st.text(alphabet=st.sampled_from(list("ab1 \t:$%#+-=@^{}!|.\u00a0\x00\u2028")), max_size=12),
    st.sampled_from(["", " ", "  ", "   ", "\t", " \t"]),  # what ends the line
).map("".join)


@settings(max_examples=1000, deadline=None, derandomize=True, database=None)
@given(st.lists(_PLAIN_LINE, max_size=6).map("\n".join))
def test_plain_text_shortcut_matches_the_inline_parser(source: str) -> None:
    assert _inline_tokens(MARKDOWN, source) == _inline_tokens(_REFERENCE, source)


def test_line_end_is_the_next_newline_or_the_limit() -> None:
    doc = parse_document("p.md", "one\n\ntwo three\nfour")
    builder = TokenWalk(doc)
    text = doc.text
    for limit in range(len(text) + 1):
        for offset in range(limit + 1):
            found = text.find("\n", offset, limit)
            assert builder.line_end(offset, limit) == (limit if found < 0 else found)


def test_template_syntax_is_blanked_in_place_when_a_templating_plugin_renders() -> None:
    from mkdocs_diataxis.core.document import parse_document
    from mkdocs_diataxis.core.document.prepass import prepare

    source = "# T\n\n{# a\nmulti-line note #} Text {{ x }} more {% if y %}end\n"
    doc = parse_document("p.md", source, templates=True)
    prepared = prepare(doc).split("\n")
    assert prepared[:3] == ["# T", "", ""]  # a comment's own line is blank
    # The rest of the comment, the expression and the statement go; the line does not
    # open with spaces (indented code), and the words are still prose at their columns.
    assert prepared[3].split() == ["Text", "more", "end"]
    assert not prepared[3].startswith(" ")
    (span,) = [span for span in doc.spans if "Text" in span.text]
    assert (span.text.split(), span.line, span.column) == (["Text", "more", "end"], 4, 20)
    plain = parse_document("p.md", source)
    assert "{{ x }}" in prepare(plain)


@pytest.mark.parametrize(
    ("line", "generated"),
    [
        ("::: package.module", True),
        ("::: tiny", True),
        ("  ::: pkg.Class:method", True),
        (":::tip", False),
        ("::: note", False),
        ("::: warning Careful", False),
        (":::", False),
    ],
)
def test_mkdocstrings_lines_mark_generated_content(line: str, generated: bool) -> None:
    from mkdocs_diataxis.core.document import parse_document

    doc = parse_document("p.md", f"# P\n\n{line}\n")
    assert doc.generated is generated


def test_text_after_a_line_of_unicode_white_space_is_found_on_its_own_line() -> None:
    # markdown-it strips the thin space that opens the quoted paragraph: its text is
    # on the next line (hypothesis found the finding reported on the line before).
    from mkdocs_diataxis.core import Settings, check_page

    (finding,) = check_page("index.md", "the\n\n> \u2009\n> QXZ\n", Settings()).findings
    assert (finding.line, finding.column, finding.text) == (4, 3, "QXZ")
    # A line with letters keeps its text, even when it is not there literally.
    (finding,) = check_page("index.md", "&lt; AA\n", Settings()).findings
    assert (finding.line, finding.column, finding.text) == (1, 6, "AA")


# --- large pages parsed in sections (issue 19, point 2) --------------------------------

SECTIONED = md(
    """
    # Title

    Intro with a [reference link][later] and 286ns.

    - a list item

      ```bash
      # not a heading: inside a fence in a list item
      ```

    ## Second

    ```
    # not a heading either

    # nor this
    ```

    <!--

    # inside a comment

    -->

    | a | b |
    |---|---|
    | 1 | 2 |

    ## Third

    > a quote

    <pre>

    # inside pre

    </pre>

    ## Fourth

    Text.

    [later]: https://example.org/bench
    """
)


def test_sections_cut_only_where_markdown_it_starts_afresh() -> None:
    from mkdocs_diataxis.core.document.sections import sections

    lines = SECTIONED.split("\n")
    starts = [lines[first] for first, _, _ in sections(SECTIONED, 1)]
    assert starts == ["# Title", "## Second", "## Third", "## Fourth"]
    for first, start, end in sections(SECTIONED, 1):
        assert SECTIONED[start:end].startswith(lines[first])
    assert sections(SECTIONED, len(SECTIONED)) == [(0, 0, len(SECTIONED))]


def _model(doc: object) -> list[object]:
    return [
        [(b.kind, b.line, b.end_line, [repr(i) for i in b.items]) for b in doc.blocks],  # type: ignore[attr-defined]
        [repr(c) for c in doc.code],  # type: ignore[attr-defined]
        [repr(c) for c in doc.comments],  # type: ignore[attr-defined]
        [repr(h) for h in doc.headings],  # type: ignore[attr-defined]
    ]


def test_a_page_parsed_in_sections_gives_the_same_model(monkeypatch: pytest.MonkeyPatch) -> None:
    whole = parse_document("reference/p.md", SECTIONED)
    monkeypatch.setattr("mkdocs_diataxis.core.document.walk.SECTION_CHARS", 1)
    cut = parse_document("reference/p.md", SECTIONED)
    assert _model(cut) == _model(whole)
    # The reference defined in the last section still makes a link in the first.
    assert any(item.link for block in cut.blocks for item in block.items if hasattr(item, "link"))


@pytest.mark.parametrize(
    ("fence", "closing"),
    [
        ("```", " \t```"),  # a tab takes the indent to four: not a closing fence
        ("```", "```\u00a0"),  # a no-break space after it: not a closing fence
        ("~~~~", "~~~"),  # shorter than the opening
    ],
)
def test_sections_stay_inside_a_fence_markdown_it_keeps_open(fence: str, closing: str) -> None:
    # Found in review: each once ended the fence for `sections`, not for markdown-it,
    # and the page was cut inside the code.
    from mkdocs_diataxis.core.document.sections import sections

    text = f"# A\n\n{fence}\n{closing}\n\n# inside the code\n{fence}\n\n# B\n"
    starts = [text.split("\n")[first] for first, _, _ in sections(text, 1)]
    assert starts == ["# A", "# B"]


@pytest.mark.parametrize("opener", ["<!-->", "<\u017ftyle>"])
def test_sections_read_html_blocks_as_markdown_it_does(opener: str) -> None:
    # "<!-->" opens and closes a comment; "ſtyle" is not "style" to CommonMark. Either
    # once left `sections` in an HTML block, missing the fence that follows.
    from mkdocs_diataxis.core.document.sections import sections

    text = f"# A\n\n{opener}\n\n```\n\n# inside the code\n```\n\n# B\n"
    starts = [text.split("\n")[first] for first, _, _ in sections(text, 1)]
    assert starts == ["# A", "# B"]
    whole = MARKDOWN.parse(text)
    assert [t.type for t in whole if t.type == "heading_open"] == ["heading_open"] * 2


def test_a_reference_defined_in_a_later_list_item_links_an_earlier_section(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = "# A\n\nSee [the bench][b].\n\n# B\n\n- [b]: https://example.org/bench\n"
    whole = parse_document("reference/p.md", page)
    monkeypatch.setattr("mkdocs_diataxis.core.document.walk.SECTION_CHARS", 1)
    cut = parse_document("reference/p.md", page)
    assert _model(cut) == _model(whole)
    assert [link.target for link in cut.links] == ["https://example.org/bench"]
