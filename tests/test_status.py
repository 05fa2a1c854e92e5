"""The status page, the plan of deliverables and the JSON report (SPEC 5)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mkdocs_diataxis.core import Settings, SettingsError, check_page, load_settings
from mkdocs_diataxis.core.plan import PlanError, load_plan, parse_plan
from mkdocs_diataxis.core.report import build_report, section_of
from mkdocs_diataxis.core.settings import StatusPageSettings
from mkdocs_diataxis.status import render_status_page
from mkdocs_diataxis.status.markup import text

WORDS = " ".join(["word"] * 60)


def results(pages: dict[str, str], settings: Settings | None = None) -> list:  # type: ignore[type-arg]
    settings = settings or Settings()
    return [check_page(path, body, settings) for path, body in pages.items()]


# --- plan validation -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([], "plan.yml: expected a mapping with a 'milestones' list"),
        ({"milestones": []}, "plan.yml: key 'milestones': expected a non-empty list"),
        (
            {"milestones": [{"name": "A", "deliverables": []}], "extra": 1},
            "plan.yml: unknown key 'extra'",
        ),
        (
            {"milestones": [{"deliverables": []}]},
            "plan.yml: milestones[1]: key 'name': expected a non-empty string",
        ),
        (
            {"milestones": [{"name": "A", "deliverables": [], "owner": "x"}]},
            "plan.yml: milestones[1]: unknown key 'owner'",
        ),
        (
            {"milestones": [{"name": "A", "due": "soon", "deliverables": []}]},
            "plan.yml: milestones[1]: key 'due': expected a date like 2026-12-01",
        ),
        (
            {"milestones": [{"name": "A", "deliverables": "x.md"}]},
            "plan.yml: milestones[1]: key 'deliverables': expected a list",
        ),
        (
            {"milestones": [{"name": "A", "deliverables": [{"page": "../x.md"}]}]},
            "plan.yml: milestones[1].deliverables[1]: key 'page': '../x.md' is outside docs_dir",
        ),
        (
            {"milestones": [{"name": "A", "deliverables": [{"page": "/etc/x.md"}]}]},
            "key 'page': '/etc/x.md' is outside docs_dir",
        ),
        (
            {
                "milestones": [
                    {"name": "A", "deliverables": [{"page": "a.md", "category": "guide"}]}
                ]
            },
            "milestones[1].deliverables[1]: key 'category': 'guide' is not one of",
        ),
        (
            {"milestones": [{"name": "A", "deliverables": [{"page": "a.md", "lines": "many"}]}]},
            "milestones[1].deliverables[1]: key 'lines': expected a range like 300-450",
        ),
        (
            {"milestones": [{"name": "A", "deliverables": [{"page": "a.md", "min_words": -1}]}]},
            "milestones[1].deliverables[1]: key 'min_words': expected a whole number, got -1",
        ),
        (
            {"milestones": [{"name": "A", "deliverables": [{"page": "a.md", "size": 3}]}]},
            "milestones[1].deliverables[1]: unknown key 'size'",
        ),
        (
            {
                "milestones": [
                    {"name": "A", "deliverables": ["a.md"]},
                    {"name": "B", "deliverables": ["./a.md"]},
                ]
            },
            "plan.yml: milestones[2].deliverables[1]: key 'page': 'a.md' is already planned at"
            " milestones[1].deliverables[1]",
        ),
    ],
)
def test_invalid_plans_name_file_entry_and_key(data: object, message: str) -> None:
    with pytest.raises(PlanError) as caught:
        parse_plan(data, "plan.yml")
    assert message in str(caught.value)


def test_plan_file_with_bad_yaml(tmp_path: Path) -> None:
    (tmp_path / "plan.yml").write_text("milestones:\n  - name: [unclosed\n")
    with pytest.raises(PlanError, match=r"plan file plan\.yml at line 3"):
        load_plan(str(tmp_path / "plan.yml"), "plan.yml")


def test_plan_option_errors_name_the_option(tmp_path: Path) -> None:
    with pytest.raises(SettingsError) as caught:
        load_settings({"status_page": {"plan": "missing.yml"}}, str(tmp_path))
    assert caught.value.option == "status_page.plan"
    assert "cannot read plan file missing.yml" in caught.value.message


# --- deliverable states ------------------------------------------------------------------


def test_deliverable_states() -> None:
    plan = parse_plan(
        {
            "milestones": [
                {
                    "name": "Checkpoint 1",
                    "due": "2026-12-01",
                    "deliverables": [
                        {"page": "reference/missing.md", "category": "reference"},
                        {"page": "reference/stub.md"},
                        {"page": "reference/short.md", "lines": "20-40"},
                        {"page": "reference/wordy.md", "min_words": 500},
                        {"page": "reference/warned.md"},
                        {"page": "reference/wrong.md", "category": "how-to"},
                        {"page": "reference/done.md", "category": "reference", "min_lines": 3},
                        {"page": "reference/long.md", "lines": "1-2", "title": "Long"},
                        {"page": "reference/later.md", "title": "Later"},
                    ],
                }
            ]
        },
        "plan.yml",
    )
    pages = {
        "reference/stub.md": "# Stub\n",
        "reference/short.md": f"# Short\n\n{WORDS}\n",
        "reference/wordy.md": f"# Wordy\n\n{WORDS}\n",
        "reference/warned.md": f"# Warned\n\nIt is blazing fast. {WORDS}\n",
        "reference/wrong.md": f"# Wrong\n\n{WORDS}\n",
        "reference/done.md": f"# Done\n\n{WORDS}\n",
        "reference/long.md": f"# Long\n\n{WORDS}\n",
    }
    report = build_report(results(pages), Settings(status_page=StatusPageSettings(plan=plan)))
    (milestone,) = report.milestones
    assert [(d.page, d.state, d.detail) for d in milestone.deliverables] == [
        ("reference/missing.md", "missing", "the page does not exist yet"),
        ("reference/stub.md", "stub", "1 words: a title and little else"),
        ("reference/short.md", "draft", "below target: 3 of 20 lines"),
        ("reference/wordy.md", "draft", "below target: 61 of 500 words"),
        ("reference/warned.md", "needs work", "1 warning"),
        ("reference/wrong.md", "needs work", "planned as how-to, is reference"),
        ("reference/done.md", "complete", ""),
        ("reference/long.md", "needs work", "3 lines, over the planned 2"),
        ("reference/later.md", "missing", "the page does not exist yet"),
    ]
    assert (milestone.done, len(milestone.deliverables), milestone.due) == (1, 9, "2026-12-01")
    assert [d.title for d in milestone.deliverables][-2:] == ["Long", "Later"]
    markdown = render_status_page(report, title="S", page_path="s.md")
    assert "| Later &#40;reference/later.md&#41; | any | ✗ missing |" in markdown
    assert "| [Long](reference/long.md) | any | △ needs work |" in markdown


# --- summary and coverage ---------------------------------------------------------------


def test_sections_are_the_folders_above_the_category_folder() -> None:
    settings = Settings()
    assert section_of("components/rt/guides/x.md", settings) == "components/rt"
    assert section_of("guides/x.md", settings) == ""
    assert section_of("blog/2024/post.md", settings) == "blog"
    assert section_of("components/rt/guides/x.md", settings, depth=1) == "components"


def test_summary_counts_and_coverage() -> None:
    pages = {
        "index.md": "# Home\n",
        "guides/install.md": f"# Install\n\nInstall takes 286ns. {WORDS}\n",
        "components/rt/reference/api.md": f"# API\n\nSpawn: 36ns ([b](https://x.org)). {WORDS}\n",
        "components/rt/guides/stub.md": "# Stub\n",
        "misc/about.md": "---\ndiataxis: explanation\n---\n# About\n\nUse WASM here.\n",
    }
    report = build_report(results(pages), Settings())
    data = report.to_dict()
    summary = data["summary"]
    assert (summary["pages"], summary["categorized"]) == (5, 4)
    assert (summary["categorized_by_front_matter"], summary["categorized_by_folder"]) == (1, 3)
    assert summary["figures"] == {"measured": 2, "cited": 1, "uncited": 1}
    assert summary["undefined_acronyms"] == 1
    assert summary["by_rule"]["citation/uncited"] == {"warning": 1, "info": 0}
    assert summary["by_rule"]["terms/acronym"] == {"warning": 0, "info": 1}
    assert summary["sentence"] == (
        "5 pages, 4 with a Diátaxis category; 1 of 2 measured figures cited; 1 warning to fix."
    )
    assert data["coverage"] == {
        "": {"tutorial": [], "how-to": ["guides/install.md"], "reference": [], "explanation": []},
        "components/rt": {
            "tutorial": [],
            "how-to": ["components/rt/guides/stub.md"],
            "reference": ["components/rt/reference/api.md"],
            "explanation": [],
        },
        "misc": {"tutorial": [], "how-to": [], "reference": [], "explanation": ["misc/about.md"]},
    }
    stubs = [page["path"] for page in data["pages"] if page["stub"]]
    assert stubs == ["components/rt/guides/stub.md", "index.md", "misc/about.md"]


# --- rendering ---------------------------------------------------------------------------


def test_page_text_is_escaped() -> None:
    assert text("<script>alert(1)</script>") == "&lt;script&gt;alert&#40;1&#41;&lt;/script&gt;"
    assert text("a | b *c* [d](e)") == "a \\| b \\*c\\* &#91;d&#93;&#40;e&#41;"
    # Maths delimiters are never backslash escapes, which arithmatex reads as maths.
    assert text("costs $5 (or \\(x\\))") == "costs &#36;5 &#40;or \\\\&#40;x\\\\&#41;&#41;"
    assert text("it's") == "it&#x27;s"


def test_status_page_sections_links_and_escaping() -> None:
    pages = {
        "guides/install.md": (
            "---\ntitle: <img src=x onerror=alert(1)>\n---\n# T\n\nBlazing fast.\n"
        ),
        "reference/api.md": f"# API\n\n{WORDS}\n",
    }
    report = build_report(results(pages), Settings())
    markdown = render_status_page(
        report,
        title="Docs <status>",
        page_path="meta/status.md",
        repo_url="https://github.com/o/r",
        edit_uri="edit/main/docs/",
    )
    assert markdown.startswith("# Docs &lt;status&gt;\n")
    assert "<img" not in markdown
    assert "[&lt;img src=x onerror=alert&#40;1&#41;&gt;](../guides/install.md)" in markdown
    assert (
        "| (top level) | — *gap* | 0 (+1 stub): [install.md](../guides/install.md)"
        " | 1: [api.md](../reference/api.md) | — *gap* |"
    ) in markdown
    # page/html-title and terms/forbidden: one each.
    assert "| how\\-to | folder | 6 | 3 | 1 | 1 | ○ stub △ 2 |" in markdown
    assert (
        "- [Line 6](https://github.com/o/r/blob/main/docs/guides/install.md#L6):"
        " `terms/forbidden` &quot;Blazing fast&quot;: a speed claim without a number —"
    ) in markdown
    assert "## Plan progress" not in markdown
    # Each rule found is explained: its paragraphs as paragraphs, its code as code.
    rules = markdown.split('<dl class="diataxis-rules">\n', 1)[1].split("</dl>", 1)[0]
    assert rules.startswith(
        '<dt id="rule-page-html-title"><code>page/html-title</code></dt>\n<dd><p>'
    )
    forbidden = rules.split('<dt id="rule-terms-forbidden">', 1)[1]
    assert "`" not in rules
    assert "(plus <code>terms.file</code> and <code>terms.forbid</code>)" in forbidden
    assert forbidden.count("<p>") == forbidden.count("</p>") == 3
    assert "</p><p>Fix: " in forbidden


def test_status_page_is_deterministic(monkeypatch: pytest.MonkeyPatch) -> None:
    pages = {"guides/a.md": "# A\n", "reference/b.md": "# B\n"}
    first = render_status_page(
        build_report(results(pages), Settings()), title="S", page_path="s.md"
    )
    second = render_status_page(
        build_report(results(dict(reversed(pages.items()))), Settings()),
        title="S",
        page_path="s.md",
    )
    assert first == second
    assert "Generated" not in first
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764000000")
    dated = render_status_page(
        build_report(results(pages), Settings()), title="S", page_path="s.md"
    )
    assert "Generated 2025-11-24 16:00 UTC." in dated


def test_report_json_is_stable_and_complete() -> None:
    pages = {"guides/a.md": "# A\n\nIt is blazing fast.\n"}
    report = build_report(results(pages), Settings())
    data = json.loads(report.to_json())
    assert data["version"] == 1
    assert data["findings"] == [
        {
            "rule": "terms/forbidden",
            "severity": "warning",
            "path": "guides/a.md",
            "line": 3,
            "column": 7,
            "text": "blazing fast",
            "message": '"blazing fast": a speed claim without a number',
            "suggestion": 'use "fast" or "a measured figure with its source" instead',
        }
    ]
    assert report.to_json() == build_report(results(pages), Settings()).to_json()


def test_report_validates_against_its_shipped_schema() -> None:
    import jsonschema

    schema_text = (
        Path(__file__).parent.parent / "mkdocs_diataxis/data/report.schema.json"
    ).read_text()
    plan = parse_plan(
        {"milestones": [{"name": "A", "due": "2026-12-01", "deliverables": ["guides/a.md"]}]}, "p"
    )
    pages = {"guides/a.md": f"# A\n\nSpawn takes 286ns. {WORDS}\n", "x.md": "# X\n"}
    settings = Settings(status_page=StatusPageSettings(plan=plan))
    data = json.loads(build_report(results(pages), settings).to_json())
    jsonschema.validate(data, json.loads(schema_text))


def test_shipped_plan_and_terms_schemas_accept_valid_files() -> None:
    import jsonschema
    import yaml

    data_dir = Path(__file__).parent.parent / "mkdocs_diataxis/data"
    terms_schema = json.loads((data_dir / "terms.schema.json").read_text())
    jsonschema.validate(yaml.safe_load((data_dir / "terms.yml").read_text()), terms_schema)
    plan_schema = json.loads((data_dir / "plan.schema.json").read_text())
    plan = {
        "milestones": [
            {
                "name": "A",
                "due": "2026-12-01",
                "deliverables": ["a.md", {"page": "b.md", "lines": "3-4"}],
            }
        ]
    }
    jsonschema.validate(plan, plan_schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(
            {"milestones": [{"name": "A", "deliverables": [{"pg": "a.md"}]}]}, plan_schema
        )


def test_findings_list_stops_at_a_thousand_warnings_first_and_says_where_the_rest_are() -> None:
    from mkdocs_diataxis.status.render import FINDINGS_SHOWN

    assert FINDINGS_SHOWN == 1000
    # 1,002 info findings ("simply") on one page, then 3 warnings on a later page.
    pages = {
        "how-to/a.md": "# A\n\n" + "Simply do it.\n\n" * 1002,
        "reference/z.md": "# Z\n\nA takes 1ns.\n\nB takes 2ns.\n\nC takes 3ns.\n",
    }
    report = build_report(results(pages), Settings())
    page = render_status_page(
        report, title="S", page_path="diataxis-status.md", report_file="diataxis-report.json"
    )
    findings = page[page.index("## Findings") :]
    assert (
        "The first 1,000 findings, warnings first; 5 more (0 warnings) are listed in the JSON"
        " report, `diataxis-report.json` at the root of the site." in findings
    )
    items = [line for line in findings.splitlines() if line.startswith("- Line ")]
    assert len(items) == 1000
    assert [item.split(":")[0] for item in items[:3]] == ["- Line 3", "- Line 5", "- Line 7"]
    assert all("`citation/uncited`" in item for item in items[:3])
    assert all("(info)" in item for item in items[3:])
    # Headed by the page's title, with its path to say where to fix it.
    assert findings.index("### Z\n\n`reference/z.md` · [Open the page]") < findings.index(
        "### A\n\n`how-to/a.md` · [Open the page]"
    )
    without_report = render_status_page(report, title="S", page_path="diataxis-status.md")
    assert "are listed with `mkdocs-diataxis check`." in without_report


def test_findings_stay_packed_until_read() -> None:
    """A build keeps every page's result to its end: the report must not hold the
    findings as objects (some 380 bytes each), only packed, and unpack them exactly."""
    import gc

    from mkdocs_diataxis.core.finding import Finding, pack, unpack

    pages = {f"how-to/p{n}.md": "# P\n\nIt is blazing fast, simply.\n" for n in range(50)}
    report = build_report(results(pages), Settings())
    gc.collect()
    assert not [o for o in gc.get_objects() if isinstance(o, Finding)]
    assert report.count() == 100
    assert report.by_rule() == [("terms/forbidden", 50, 50)]
    first = next(report.findings())
    assert (first.path, first.line, first.column, first.rule) == (
        "how-to/p0.md",
        3,
        7,
        "terms/forbidden",
    )
    assert len(first.fingerprint) > 0
    baselined = Finding("r/x", "info", "a.md", 2, 3, "t", "m", "s", "f1", baselined=True)
    assert unpack(pack([baselined, first])) == (baselined, first)
    assert unpack(pack([baselined]))[0].baselined is True
    assert unpack(pack([baselined]))[0].fingerprint == "f1"
    assert pack([]) == b""
    assert unpack(b"") == ()


def test_html_blocks_say_what_the_markdown_says() -> None:
    """The plugin writes tables and lists of findings as HTML (MkDocs would take 16 MB
    and 0.8 s to convert them on a large site): the converted page must read the same,
    cell for cell and link for link, with hostile text still text."""
    import posixpath
    from html.parser import HTMLParser

    import markdown

    from mkdocs_diataxis.status.markup import fill_blocks
    from mkdocs_diataxis.status.render import render_status_page_blocks

    class Cells(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.cells: list[str] = []
            self.links: list[str | None] = []
            self.tags: list[str] = []
            self._cell: list[str] | None = None

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            self.tags.append(tag)
            if tag in ("td", "th", "li"):
                self._cell = []
            if tag == "a":
                self.links.append(dict(attrs).get("href"))

        def handle_endtag(self, tag: str) -> None:
            if tag in ("td", "th", "li") and self._cell is not None:
                self.cells.append(" ".join("".join(self._cell).split()))
                self._cell = None

        def handle_data(self, data: str) -> None:
            if self._cell is not None:
                self._cell.append(data)

    pages = {
        "guides/a.md": "---\ntitle: <img src=x> [x](y) *b*\n---\n# A\n\nIt is blazing fast.\n",
        "reference/b.md": f"# B\n\nSpawn takes 286ns. Simply run. {WORDS}\n",
        "components/rt/explanation/c.md": "# C\n",
    }
    plan = parse_plan(
        {"milestones": [{"name": "M", "deliverables": ["guides/a.md", "x/<img src=y>.md"]}]}, "p"
    )
    report = build_report(results(pages), Settings(status_page=StatusPageSettings(plan=plan)))
    options = {"title": "S", "page_path": "status/index.md", "repo_url": "https://r.example/x"}
    options["edit_uri"] = "edit/main/docs/"
    as_markdown = render_status_page(report, **options)  # type: ignore[arg-type]
    text, blocks = render_status_page_blocks(
        report,
        href=lambda path: posixpath.relpath(path, "status"),
        **options,  # type: ignore[arg-type]
    )
    assert len(blocks) == 6  # summary, by rule, coverage, plan, pages, the findings
    assert "<table>" not in text
    assert "<ul>" not in text
    extensions = ["tables"]
    converted = markdown.markdown(text, extensions=extensions)
    html, missing = fill_blocks(converted, blocks)
    assert missing == []
    expected, actual = Cells(), Cells()
    expected.feed(markdown.markdown(as_markdown, extensions=extensions))
    actual.feed(html)
    assert actual.cells == expected.cells
    assert actual.links == expected.links
    assert "img" not in actual.tags
    assert "&lt;img src=x&gt; [x](y) *b*" in html
    assert "x/&lt;img src=y&gt;.md" in html
    # Each page's findings under a heading with an id of its own, out of the contents.
    assert '<h3 id="findings-reference-b-md">B</h3>' in html
    assert '<h3 id="findings-guides-a-md">&lt;img src=x&gt; [x](y) *b*</h3>' in html

    dropped = next(iter(blocks))
    _, missing = fill_blocks(converted.replace(dropped, ""), blocks)
    assert missing == [dropped]


def test_pages_left_out_of_the_site_are_named_never_linked(tmp_path: Path) -> None:
    # The status page linked to a page the plugin left out (not UTF-8) and to a folder
    # link that loops, and the theme's nav to the former, titled "None": links to
    # nowhere, which MkDocs reports at INFO only (issue 19, row 9).
    import re

    from tests.helpers import build, make_site, run_cli

    site = make_site(
        tmp_path,
        {
            "index.md": "# Home\n",
            "reference/latin.md": b"# Caf\xe9\n",
            "reference/api.md": "# API\n",
            "guide/index.md": "# Guide\n",
        },
    )
    (site / "docs" / "guide" / "loop").symlink_to("..")
    ran = build(site, strict=False)
    assert ran.returncode == 0, ran.stderr
    status = (site / "site" / "diataxis-status" / "index.html").read_text("utf-8")
    main = status[status.index('<h1 id="documentation-status">') :]
    links = sorted(set(re.findall(r'href="(\.\./[^"#]*)"', main)))
    assert links == ["../", "../guide/", "../reference/api/"]
    assert (
        "<p><code>reference/latin.md</code>, left out of the site: it could not be read.</p>"
        in main
    )
    assert "<p><code>guide/loop</code>, left out of the site: it could not be read.</p>" in main
    home = (site / "site" / "index.html").read_text("utf-8")
    assert "latin" not in home
    assert ">None<" not in home
    # The command line's Markdown names them without a link too.
    assert run_cli(site, "status", "--no-cache", "-o", "status.md").returncode == 0
    markdown = (site / "status.md").read_text("utf-8")
    assert "](reference/latin.md)" not in markdown
    assert "](guide/loop)" not in markdown
    assert "`reference/latin.md`, left out of the site: it could not be read." in markdown


def test_rule_summaries_and_explanations_show_code_as_code() -> None:
    from mkdocs_diataxis.status.markup import inline_html, prose_html

    assert inline_html("A comment starting with `diataxis:` <b>") == (
        "A comment starting with <code>diataxis:</code> &lt;b&gt;"
    )
    assert prose_html("One `a`\nline.\n\n  \nFix: `b`.") == (
        "<p>One <code>a</code> line.</p><p>Fix: <code>b</code>.</p>"
    )
