"""Real builds next to the plugins a Material site carries: each asserts the exact
findings (path, line, rule) and what the status page counts."""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path

import pytest

from tests.helpers import build, make_site

I18N = """  - i18n:
      docs_structure: {layout}
      languages:
        - {{locale: en, default: true, name: English}}
        - {{locale: fr, name: Français}}
"""


def found(output: str) -> list[str]:
    """Each finding the build logged, as "path:line [rule]"."""
    prefix = "WARNING -  mkdocs_diataxis: "
    return [
        line.removeprefix(prefix).split(": ", 1)[0].rsplit(":", 1)[0]
        + " "
        + line.split("] ", 1)[0].rsplit(" ", 1)[1]
        + "]"
        for line in output.splitlines()
        if line.startswith(prefix)
    ]


def site_with(tmp_path: Path, pages: dict[str, str], plugins: str, extra: str = "") -> Path:
    """A site of ``pages`` with these ``plugins:`` lines and no hooks: the helper's hook
    adds a generated page, which mkdocs-static-i18n cannot take."""
    site = make_site(tmp_path, pages)
    (site / "mkdocs.yml").write_text(f"site_name: Test\n{extra}plugins:\n{plugins}", "utf-8")
    return site


def totals(output: str) -> list[str]:
    prefix = "INFO    -  mkdocs_diataxis: checked "
    return [line.removeprefix(prefix) for line in output.splitlines() if line.startswith(prefix)]


@pytest.mark.parametrize("order", ["before", "after"])
@pytest.mark.parametrize("layout", ["suffix", "folder"])
def test_static_i18n_builds_with_the_status_page_and_logs_each_page_once(
    tmp_path: Path, layout: str, order: str
) -> None:
    if layout == "suffix":
        pages = {
            "index.md": "# Home\n",
            "index.fr.md": "# Accueil\n",
            "reference/api.md": "# API\n\nPlain words.\n",
            "reference/api.fr.md": "# API\n\nIl prend 286ns.\n",
            "reference/cli.md": "# CLI\n\nIt takes 286ns.\n",  # no translation
        }
    else:
        pages = {
            "en/index.md": "# Home\n",
            "fr/index.md": "# Accueil\n",
            "en/reference/api.md": "# API\n\nPlain words.\n",
            "fr/reference/api.md": "# API\n\nIl prend 286ns.\n",
            "en/reference/cli.md": "# CLI\n\nIt takes 286ns.\n",
        }
    plugins = "  - diataxis\n" + I18N.format(layout=layout)
    if order == "after":
        plugins = I18N.format(layout=layout) + "  - diataxis\n"
    site = site_with(tmp_path, pages, plugins)
    result = build(site, strict=False)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    english = "reference/cli.md" if layout == "suffix" else "en/reference/cli.md"
    french = "reference/api.fr.md" if layout == "suffix" else "fr/reference/api.md"
    # The French build falls back to the English cli.md: its finding is not logged again.
    assert found(result.stderr) == [
        f"{english}:3 [citation/uncited]",
        f"{french}:3 [citation/uncited]",
    ]
    assert totals(result.stderr) == [
        "3 page(s): 1 warning(s) (citation 1), 0 info finding(s); status page: diataxis-status/",
        "3 page(s), 1 unchanged since the last run: 2 warning(s) (citation 2), 0 info finding(s)",
    ]
    # One status page and one report, the default language's, not overwritten.
    report = json.loads((site / "site" / "diataxis-report.json").read_text("utf-8"))
    assert len(report["pages"]) == 3
    assert english in [page["path"] for page in report["pages"]]
    assert not (site / "site" / "fr" / "diataxis-status").exists()
    html = (site / "site" / "diataxis-status" / "index.html").read_text("utf-8")
    assert "286ns" in html
    # Each page once, with the languages it is translated into.
    languages = {page["path"]: page.get("languages", []) for page in report["pages"]}
    home, api = (
        ("index.md", "reference/api.md")
        if layout == "suffix"
        else (
            "en/index.md",
            "en/reference/api.md",
        )
    )
    assert languages == {home: ["fr"], api: ["fr"], english: []}
    assert html.count(" · also fr") == 2


@pytest.mark.parametrize("order", ["diataxis, blog", "blog, diataxis"])
def test_material_blog_posts_are_checked_in_either_order(tmp_path: Path, order: str) -> None:
    pages = {
        "index.md": "# Home\n",
        "blog/index.md": "# Blog\n",
        "blog/posts/launch.md": "---\ndate: 2024-01-01\n---\n\n# Launch\n\nIt is blazing fast.\n",
        "reference/api.md": "# API\n\nPlain words.\n",
    }
    first, second = order.split(", ")
    site = site_with(tmp_path, pages, f"  - {first}\n  - {second}\n", "theme: {name: material}\n")
    result = build(site, strict=False)
    assert result.returncode == 0, result.stderr
    assert found(result.stderr) == ["blog/posts/launch.md:7 [terms/forbidden]"]
    assert totals(result.stderr) == [
        "4 page(s): 1 warning(s) (terms 1), 0 info finding(s); status page: diataxis-status/"
    ]
    html = (site / "site" / "diataxis-status" / "index.html").read_text("utf-8")
    assert "blazing fast" in html


def test_the_command_line_reads_the_i18n_suffix_layout(tmp_path: Path) -> None:
    from tests.helpers import run_cli

    pages = {"index.md": "# Home\n", "index.fr.md": "# Accueil\n", "loose.fr.md": "# L\n"}
    site = site_with(tmp_path, pages, "  - diataxis\n" + I18N.format(layout="suffix"))
    check = run_cli(site, "check")
    # index.fr.md is the French index.md, a landing page; loose.fr.md is still loose.
    assert check.stdout.splitlines()[0].startswith(
        "docs/loose.fr.md:1:1: warning [placement/uncategorized]"
    )
    assert check.stdout.splitlines()[-1] == "1 warning(s), 0 info finding(s) in 3 page(s)"


def test_an_explicit_nav_gets_the_status_page_and_strict_passes(tmp_path: Path) -> None:
    pages = {"index.md": "# Home\n", "reference/api.md": "# API\n\nPlain words.\n"}
    nav = "nav:\n  - Home: index.md\n  - API: reference/api.md\n"
    validation = "validation:\n  nav:\n    omitted_files: warn\n    not_found: warn\n"
    site = site_with(tmp_path, pages, "  - diataxis\n", nav + validation)
    result = build(site)
    assert (result.returncode, result.stderr.count("WARNING")) == (0, 0), result.stderr
    home = (site / "site" / "index.html").read_text("utf-8")
    assert 'href="diataxis-status/"' in home
    # A nav that lists the page already keeps it where it is, once.
    listed = nav + "  - Status: diataxis-status.md\n"
    site = site_with(tmp_path / "listed", pages, "  - diataxis\n", listed + validation)
    result = build(site)
    assert (result.returncode, result.stderr.count("WARNING")) == (0, 0), result.stderr
    home = (site / "site" / "index.html").read_text("utf-8")
    assert home.count('href="diataxis-status/"') == 1
    assert "Documentation status</a>" not in home


def test_a_redirect_to_the_status_page_resolves(tmp_path: Path) -> None:
    plugins = "  - diataxis\n  - redirects:\n      redirect_maps:\n"
    plugins += "        status.md: diataxis-status.md\n"
    site = site_with(tmp_path, {"index.md": "# Home\n"}, plugins)
    result = build(site)
    assert (result.returncode, result.stderr.count("WARNING")) == (0, 0), result.stderr
    redirect = (site / "site" / "status" / "index.html").read_text("utf-8")
    assert "diataxis-status/" in redirect


MACRO_PAGE = """# API

{# TODO: say it is blazing fast once the 286ns benchmark lands #}
Version {{ config.site_name }} is here.

{% if true %}
Lookup takes 36ns.
{% endif %}
"""


def test_template_syntax_is_not_prose_under_mkdocs_macros(tmp_path: Path) -> None:
    from tests.helpers import run_cli

    pages = {"index.md": "# Home\n", "reference/api.md": MACRO_PAGE}
    site = site_with(tmp_path, pages, "  - diataxis\n  - macros\n")
    result = build(site, strict=False)
    assert result.returncode == 0, result.stderr
    # Only the rendered text's figure: the comment's words and figure are not prose.
    assert found(result.stderr) == ["reference/api.md:7 [citation/uncited]"]
    check = run_cli(site, "check")
    assert [line.split(" [")[0] for line in check.stdout.splitlines()[:-1]] == [
        "docs/reference/api.md:7:14: warning"
    ]
    # Without a templating plugin the braces are text, and checked as such: the
    # comment's "blazing fast" is a finding, and its "benchmark" cites the 36ns.
    site = site_with(tmp_path / "plain", pages, "  - diataxis\n")
    assert found(build(site, strict=False).stderr) == ["reference/api.md:3 [terms/forbidden]"]


def test_a_mkdocstrings_page_is_generated_reference_not_a_stub(tmp_path: Path) -> None:
    pages = {
        "index.md": "# Home\n",
        "tiny.md": "# Tiny\n\n::: tiny\n    options:\n      show_source: false\n",
        "loose.md": "# Loose\n",
    }
    plugins = "  - diataxis\n  - mkdocstrings:\n      handlers:\n        python:\n"
    plugins += "          paths: [src]\n"
    site = site_with(tmp_path, pages, plugins, "theme: {name: material}\n")
    (site / "src").mkdir()
    (site / "src" / "tiny.py").write_text(
        '"""A tiny module."""\n\n\ndef add(a: int, b: int) -> int:\n    """Add two numbers."""\n'
        "    return a + b\n",
        "utf-8",
    )
    result = build(site, strict=False)
    assert result.returncode == 0, result.stderr
    assert "Add two numbers." in (site / "site" / "tiny" / "index.html").read_text("utf-8")
    assert found(result.stderr) == ["loose.md:1 [placement/uncategorized]"]
    report = json.loads((site / "site" / "diataxis-report.json").read_text("utf-8"))
    pages_seen = {
        page["path"]: (page["category"], page["category_source"], page["stub"])
        for page in report["pages"]
    }
    assert pages_seen == {
        "index.md": (None, None, True),
        "loose.md": (None, None, True),
        "tiny.md": ("reference", "generated", False),
    }
    assert report["summary"]["categorized_as_generated"] == 1


def test_material_meta_files_give_their_folders_a_category(tmp_path: Path) -> None:
    from tests.helpers import run_cli

    pages = {
        "index.md": "# Home\n",
        "notes/upgrade.md": "# Upgrade\n\nPlain words.\n",
        "notes/deep/why.md": "# Why\n\nPlain words.\n",
        "notes/own.md": "---\ndiataxis: reference\n---\n# Own\n\nPlain words.\n",
        "guides/odd.md": "# Odd\n\nPlain words.\n",
        "loose.md": "# Loose\n",
    }
    site = site_with(tmp_path, pages, "  - diataxis\n  - meta\n", "theme: {name: material}\n")
    (site / "docs" / "notes" / ".meta.yml").write_text("diataxis: how-to\n", "utf-8")
    (site / "docs" / "notes" / "deep" / ".meta.yml").write_text("diataxis: explanation\n", "utf-8")
    (site / "docs" / "guides" / ".meta.yml").write_text("diataxis: explanation\n", "utf-8")
    result = build(site, strict=False)
    assert result.returncode == 0, result.stderr
    assert [line.split(" — ")[0] for line in result.stderr.splitlines() if "WARNING" in line] == [
        "WARNING -  mkdocs_diataxis: loose.md:1:1: [placement/uncategorized] the page has no"
        " Diátaxis category: it is in no category folder and its front matter declares none",
        "WARNING -  mkdocs_diataxis: guides/odd.md:1:1: [placement/mismatch] guides/.meta.yml"
        ' says "explanation" but the folder "guides/" says "how-to"',
    ]
    report = json.loads((site / "site" / "diataxis-report.json").read_text("utf-8"))
    categories = {page["path"]: page["category"] for page in report["pages"]}
    assert categories == {
        "guides/odd.md": "explanation",
        "index.md": None,
        "loose.md": None,
        "notes/deep/why.md": "explanation",
        "notes/own.md": "reference",
        "notes/upgrade.md": "how-to",
    }
    # The command line reads the meta files too: its report is the build's.
    report_text = (site / "site" / "diataxis-report.json").read_text("utf-8")
    assert run_cli(site, "check", "--format", "json").stdout == report_text


GEN_SCRIPT = """import mkdocs_gen_files

with mkdocs_gen_files.open("reference/generated.md", "w") as page:
    page.write("# Generated\\n\\nIt takes 286ns.\\n")
with mkdocs_gen_files.open("SUMMARY.md", "w") as nav:
    nav.write("* [Home](index.md)\\n* [Generated](reference/generated.md)\\n")
"""


def test_gen_files_pages_are_checked_and_literate_nav_lists_the_status_page(
    tmp_path: Path,
) -> None:
    plugins = "  - diataxis\n  - gen-files:\n      scripts: [gen.py]\n"
    plugins += "  - literate-nav:\n      nav_file: SUMMARY.md\n"
    validation = "validation:\n  nav:\n    omitted_files: warn\n"
    site = site_with(tmp_path, {"index.md": "# Home\n"}, plugins, validation)
    (site / "gen.py").write_text(GEN_SCRIPT, "utf-8")
    result = build(site, strict=False)
    assert result.returncode == 0, result.stderr
    # The generated page is checked from its content, at its own lines; the nav names
    # the status page, so MkDocs reports nothing omitted.
    assert [line for line in result.stderr.splitlines() if "WARNING" in line] == [
        line for line in result.stderr.splitlines() if "mkdocs_diataxis: reference/gen" in line
    ]
    assert found(result.stderr) == ["reference/generated.md:3 [citation/uncited]"]
    report = json.loads((site / "site" / "diataxis-report.json").read_text("utf-8"))
    assert sorted(page["path"] for page in report["pages"]) == [
        "SUMMARY.md",
        "index.md",
        "reference/generated.md",
    ]
    assert 'href="diataxis-status/"' in (site / "site" / "index.html").read_text("utf-8")
    assert not (site / "docs" / "reference").exists()  # nothing written into docs_dir


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ('--8<-- "perf.md"\n', ["perf.md"]),
        ("--8<-- perf.md\n", []),  # unquoted: pymdownx leaves it as text
        ("---8<--- 'perf.md:2:5'\n", ["perf.md"]),
        ("  --8<-- 'perf.md:1:3,5:6'\n", ["perf.md"]),
        ('-8<- "perf.md:intro"\n', ["perf.md"]),
        ("--8<--\nperf.md\n\nnote.md\n--8<--\n", ["perf.md", "note.md"]),
        (';--8<-- "escaped.md"\n', []),
        ('--8<-- "https://example.com/x.md"\n', []),
        ("Scissors 8< in prose.\n", []),
        # included into a code block: code, not prose (and a fence inside a longer one)
        ('```python\n--8<-- "demo.py"\n```\n--8<-- "perf.md"\n', ["perf.md"]),
        ('~~~~\n```\n--8<-- "in.md"\n```\n~~~~\n', []),
        ("  ```text\n  --8<--\n  a.md\n  --8<--\n  ```\n", []),
    ],
)
def test_snippet_lines_name_the_included_files(text: str, names: list[str]) -> None:
    from mkdocs_diataxis.core.snippets import included_names

    assert included_names(text) == names


SNIPPETS = """markdown_extensions:
  - abbr
  - pymdownx.snippets:
      base_path: [includes, docs]
      auto_append: [abbr.md]
exclude_docs: |
  snips/
"""


def test_snippet_files_are_checked_once_at_their_own_lines(tmp_path: Path) -> None:
    from tests.helpers import run_cli

    pages = {
        "index.md": "# Home\n",
        "reference/a.md": '# A\n\nIntro.\n\n--8<-- "perf.md"\n\n--8<-- "snips/tip.md"\n',
        "reference/b.md": "# B\n\n--8<--\nperf.md\nnote.md\n--8<--\n",
        "snips/tip.md": "A tip: it is blazing fast.\n",  # excluded from the site
    }
    site = site_with(tmp_path, pages, "  - diataxis\n", SNIPPETS)
    (site / "includes").mkdir()
    (site / "includes" / "perf.md").write_text("It takes 286ns.\n", "utf-8")
    (site / "includes" / "note.md").write_text("Plain words.\n", "utf-8")
    (site / "includes" / "abbr.md").write_text("*[WASM]: WebAssembly\n", "utf-8")
    result = build(site, strict=False)
    assert result.returncode == 0, result.stderr
    # Once each, at the included file's own path and line, whichever pages include it;
    # the status page does not link to them (they are no pages of the site).
    assert found(result.stderr) == [
        "../includes/perf.md:1 [citation/uncited]",
        "snips/tip.md:1 [terms/forbidden]",
    ]
    assert "is not found among documentation files" not in result.stderr
    assert totals(result.stderr) == [
        "3 page(s) and 4 included file(s): 2 warning(s) (citation 1, terms 1),"
        " 0 info finding(s); status page: diataxis-status/"
    ]
    report_text = (site / "site" / "diataxis-report.json").read_text("utf-8")
    report = json.loads(report_text)
    assert (report["summary"]["pages"], report["summary"]["partials"]) == (3, 4)
    # The command line finds and checks the same files.
    assert run_cli(site, "check", "--format", "json").stdout == report_text
    check = run_cli(site, "check")
    assert check.stdout.splitlines()[-1] == (
        "2 warning(s), 0 info finding(s) in 3 page(s) and 4 included file(s)"
    )


def test_snippets_listed_by_bare_name_are_found_by_the_build_as_by_check(
    tmp_path: Path,
) -> None:
    # "- pymdownx.snippets" with no options: MkDocs' mdx_configs does not name it, and
    # the build once saw no snippets at all while `check` did.
    from tests.helpers import run_cli

    pages = {"index.md": "# Home\n", "reference/a.md": '# A\n\n--8<-- "docs/snips/perf.md"\n'}
    extensions = "markdown_extensions:\n  - pymdownx.snippets\nexclude_docs: |\n  snips/\n"
    site = site_with(tmp_path, pages, "  - diataxis\n", extensions)
    (site / "docs" / "snips").mkdir()
    (site / "docs" / "snips" / "perf.md").write_text("It takes 286ns.\n", "utf-8")
    result = build(site, strict=False)
    assert result.returncode == 0, result.stderr
    assert found(result.stderr) == ["snips/perf.md:1 [citation/uncited]"]
    assert totals(result.stderr) == [
        "2 page(s) and 1 included file(s): 1 warning(s) (citation 1),"
        " 0 info finding(s); status page: diataxis-status/"
    ]
    report_text = (site / "site" / "diataxis-report.json").read_text("utf-8")
    assert run_cli(site, "check", "--format", "json").stdout == report_text


def test_include_markdown_files_are_checked_once_as_partials(tmp_path: Path) -> None:
    from tests.helpers import run_cli

    pages = {
        "index.md": "# Home\n",
        "reference/a.md": '# A\n\n{% include-markdown "../../shared/perf.md" %}\n',
        "reference/b.md": "# B\n\n{%\n  include-markdown '../../shared/perf.md'\n%}\n",
        "reference/c.md": '# C\n\n{% include "../parts/note.md" start="<!--s-->" %}\n',
        "parts/note.md": "It is blazing fast.\n",
    }
    plugins = "  - diataxis\n  - include-markdown\n"
    site = site_with(tmp_path, pages, plugins, "exclude_docs: |\n  parts/\n")
    (site / "shared").mkdir()
    (site / "shared" / "perf.md").write_text("It takes 286ns.\n", "utf-8")
    result = build(site, strict=False)
    assert result.returncode == 0, result.stderr
    assert "286ns" in (site / "site" / "reference" / "a" / "index.html").read_text("utf-8")
    # The tags are not prose; each included file is checked once, at its own lines.
    assert found(result.stderr) == [
        "parts/note.md:1 [terms/forbidden]",
        "../shared/perf.md:1 [citation/uncited]",
    ]
    report_text = (site / "site" / "diataxis-report.json").read_text("utf-8")
    assert json.loads(report_text)["summary"]["partials"] == 2
    assert run_cli(site, "check", "--format", "json").stdout == report_text


def test_status_page_text_is_not_read_as_maths_by_arithmatex(tmp_path: Path) -> None:
    # The status page as `status -o` writes it, built by a site with arithmatex (on by
    # default in Zensical): "\\(per call\\)" used to come out as maths.
    from tests.helpers import run_cli

    pages = {
        "index.md": "# Home\n",
        "reference/cost.md": "# Costs (per call) $5\n\nA call takes 286ns.\n",
    }
    extra = "markdown_extensions:\n  - pymdownx.arithmatex\n"
    site = site_with(tmp_path, pages, "  - diataxis\n", extra)
    assert run_cli(site, "status", "-o", "docs/status.md").returncode == 0
    result = build(site, strict=False)
    assert result.returncode == 0, result.stderr
    for page in ("status", "diataxis-status"):  # written by the CLI; made by the build
        html = (site / "site" / page / "index.html").read_text("utf-8")
        assert "arithmatex" not in html
        shown = unescape(html)  # as a browser shows it
        assert "Costs (per call) $5" in shown
        assert '("takes", metric in the sentence)' in shown


@pytest.mark.parametrize("listed", [False, True])
def test_awesome_nav_gets_the_status_page_once(tmp_path: Path, listed: bool) -> None:
    pages = {"index.md": "# Home\n", "reference/api.md": "# API\n\nPlain words.\n"}
    validation = "validation:\n  nav:\n    omitted_files: warn\n"
    site = site_with(tmp_path, pages, "  - diataxis\n  - awesome-nav\n", validation)
    status = "  - Status: diataxis-status.md\n" if listed else ""
    (site / "docs" / ".nav.yml").write_text(f"nav:\n{status}  - index.md\n  - reference\n")
    result = build(site)
    assert (result.returncode, result.stderr.count("WARNING")) == (0, 0), result.stderr
    home = (site / "site" / "index.html").read_text("utf-8")
    links = re.findall(r'<a href="diataxis-status/" class="nav-link">([^<]*)', home)
    assert links == (["Status"] if listed else ["Documentation status"])


def test_snippet_files_are_found_as_pymdownx_finds_them(tmp_path: Path) -> None:
    from mkdocs_diataxis.core.snippets import partial_files

    root = tmp_path
    (root / "snips").mkdir()
    (root / "snips" / "outer.md").write_text('Outer.\n\n--8<-- "inner.md"\n')
    (root / "snips" / "inner.md").write_text("Inner uses QZXW.\n")
    (root / "outside.md").write_text("Outside.\n")
    (root / "CHANGES.md").write_text("Changes.\n")
    docs = root / "docs"
    docs.mkdir()
    page = '--8<-- "outer.md"\n\n--8<-- "../outside.md"\n\n--8<-- "CHANGES.md"\n'
    bases = [str(root / "snips"), str(root / "CHANGES.md")]
    found = partial_files([page], bases, [], str(docs), set())
    # Nested includes count; a name that leaves its base_path does not (pymdownx's
    # restrict_base_path); a base_path entry that is a file matches itself.
    assert found == {
        "../snips/outer.md": str(root / "snips" / "outer.md"),
        "../CHANGES.md": str(root / "CHANGES.md"),
        "../snips/inner.md": str(root / "snips" / "inner.md"),
    }
    unrestricted = partial_files([page], bases, [], str(docs), set(), restrict=False)
    assert "../outside.md" in unrestricted


def test_include_markdown_paths_resolve_as_the_plugin_resolves_them(tmp_path: Path) -> None:
    from mkdocs_diataxis.core.snippets import tag_included

    docs, page = tmp_path / "docs", tmp_path / "docs" / "guide"
    text = (
        '{% include-markdown "includes/note.md" %}\n{% include "./here.md" %}\n'
        '{% include "../up.md" %}\n{% include-markdown "/abs/x.md" %}\n'
    )
    assert tag_included(str(page), text, str(docs)) == [
        str(docs / "includes" / "note.md"),  # relative to docs_dir
        str(page / "here.md"),  # ./ and ../: relative to the page
        str(docs / "up.md"),
        "/abs/x.md",
    ]


def test_a_vitepress_container_is_not_generated_content() -> None:
    from mkdocs_diataxis.core.document import parse_document

    assert not parse_document("p.md", "# P\n\n::: details Click\nText\n:::\n").generated
    assert parse_document("p.md", "# P\n\n::: package.module\n").generated
