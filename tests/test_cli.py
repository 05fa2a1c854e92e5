"""The mkdocs-diataxis command line: mostly run in this process (`cli.main`), with a few
smoke tests run as users run it, in a process of its own."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import (
    BROKEN,
    build,
    digest,
    make_site,
    md,
    run_cli,
    run_cli_process,
    warnings,
)

EXAMPLE_SITE = Path(__file__).parent.parent / "example-site"


EVERY_RULE = {
    **BROKEN,
    "reference/latin1.md": "# Café\n".encode("latin-1"),
    "reference/front.md": "---\ntitle: a: b\n---\n# Front\n",
    "reference/perf.md": "# Perf\n\nSpawn takes 286ns.\n\nIt is blazing fast with WASM.\n",
    "reference/weak.md": "# Weak\n\nSpawn takes 286ns.\n\n## Methodology\n\nA laptop.\n",
    "reference/typo.md": (
        "# Typo\n\n<!-- diataxis: disable placement/nestd -->\n<!-- diataxis: bogus -->\n"
    ),
}


def test_check_text_output_and_exit_code(tmp_path: Path) -> None:
    site = make_site(tmp_path, BROKEN)
    result = run_cli_process(site, "check")
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        'docs/guides/upgrade.md:2:11: warning [placement/unknown-category] "howto-guide" is not a'
        ' Diátaxis category — use "how-to"',
        "docs/loose.md:1:1: warning [placement/uncategorized] the page has no Diátaxis category:"
        " it is in no category folder and its front matter declares none — move it into a"
        ' tutorials/, how-to/, reference/ or explanation/ folder, or add "diataxis: <category>"'
        " to its front matter (or list it in exempt)",
        'docs/reference/api.md:3:11: warning [placement/mismatch] the front matter says "how-to"'
        ' but the folder "reference/" says "reference" — move the page to a how-to folder, or'
        ' change the front matter to "diataxis: reference"',
        "docs/reference/guides/install.md:1:1: warning [placement/nested] the path holds category"
        ' folders "reference/" (reference) and "guides/" (how-to) — keep one category folder in'
        ' the path; the nearest, "guides/", decides meanwhile (how-to)',
        "4 warning(s), 0 info finding(s) in 5 page(s)",
    ]


def test_clean_site_exits_0(tmp_path: Path) -> None:
    site = make_site(tmp_path, {"index.md": "# Home\n", "guides/a.md": "# A\n"})
    result = run_cli(site, "check")
    assert (result.returncode, result.stdout) == (
        0,
        "0 warning(s), 0 info finding(s) in 2 page(s)\n",
    )


def test_info_only_exits_0(tmp_path: Path) -> None:
    site = make_site(tmp_path, {"guides/a.md": "# A\n\nSimply run it.\n"})
    result = run_cli(site, "check")
    assert result.returncode == 0
    assert "info [terms/forbidden]" in result.stdout


def test_paths_limit_the_check(tmp_path: Path) -> None:
    site = make_site(tmp_path, BROKEN)
    result = run_cli(site, "check", "docs/reference")
    assert [line.split(":")[0] for line in result.stdout.splitlines()[:-1]] == [
        "docs/reference/api.md",
        "docs/reference/guides/install.md",
    ]


def test_broken_yaml_and_a_missing_inherit_are_one_line_exit_2(tmp_path: Path) -> None:
    site = make_site(tmp_path, {"index.md": "# Home\n"})
    (site / "mkdocs.yml").write_text("site_name: [x\nplugins: [diataxis]\n", "utf-8")
    result = run_cli(site, "check")
    assert (result.returncode, result.stderr) == (
        2,
        "mkdocs-diataxis: error: mkdocs.yml: MkDocs encountered an error parsing the"
        ' configuration file: while parsing a flow sequence in "mkdocs.yml", line 1,'
        " column 12 expected ',' or ']', but got ':' in \"mkdocs.yml\", line 2, column 8\n",
    )
    (site / "mkdocs.yml").write_text("INHERIT: base.yml\nsite_name: x\n", "utf-8")
    result = run_cli(site, "check")
    assert (result.returncode, result.stderr) == (
        2,
        "mkdocs-diataxis: error: mkdocs.yml: Inherited config file 'base.yml' does not"
        " exist at 'base.yml'.\n",
    )


def test_path_outside_docs_dir_is_a_usage_error(tmp_path: Path) -> None:
    site = make_site(tmp_path, BROKEN)
    result = run_cli(site, "check", "mkdocs.yml")
    assert result.returncode == 2
    assert result.stderr.startswith("mkdocs-diataxis: error: ")
    assert "is outside docs_dir" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_config_error_is_one_line_exit_2(tmp_path: Path) -> None:
    plugin = "  - diataxis:\n      severity: {placement/uncategorized: loud}\n"
    result = run_cli(make_site(tmp_path, BROKEN, plugin), "check")
    assert result.returncode == 2
    assert result.stderr == (
        "mkdocs-diataxis: error: mkdocs.yml: plugin 'diataxis' option 'severity':"
        " 'placement/uncategorized: loud' is not a level; use warn, info or ignore\n"
    )


def test_config_tags_do_not_break_loading(tmp_path: Path) -> None:
    site = make_site(tmp_path, {"guides/a.md": "# A\n"})
    config = (site / "mkdocs.yml").read_text()
    config += (
        "markdown_extensions:\n  - pymdownx.emoji:\n"
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
        "extra:\n  key: !ENV [SOME_KEY, default]\n"
    )
    (site / "mkdocs.yml").write_text(config)
    assert run_cli(site, "check").returncode == 0


def test_no_plugin_entry_runs_with_defaults_and_says_so(tmp_path: Path) -> None:
    site = make_site(tmp_path, {"loose.md": "# L\n"}, "  - search\n")
    result = run_cli(site, "check")
    assert result.returncode == 1
    assert "has no 'diataxis' plugin entry; checking with defaults" in result.stderr


def test_github_format(tmp_path: Path) -> None:
    site = make_site(tmp_path, {"guides/a.md": "# A\n\nLine one,\nit is blazing fast.\n"})
    result = run_cli(site, "check", "--format", "github")
    assert result.stdout == (
        '::warning file=docs/guides/a.md,line=4,col=7,title=terms/forbidden::"blazing fast":'
        ' a speed claim without a number — use "fast" or "a measured figure with its source"'
        " instead\n"
    )


def test_json_format_is_the_report(tmp_path: Path) -> None:
    site = make_site(tmp_path, BROKEN)
    result = run_cli(site, "check", "--format", "json", "-o", "out.json")
    data = json.loads((site / "out.json").read_text(encoding="utf-8"))
    assert result.returncode == 1
    assert data["version"] == 1
    assert data["summary"]["warnings"] == 4


def test_sarif_format_matches_text_locations(tmp_path: Path) -> None:
    site = make_site(tmp_path, EVERY_RULE)
    text = run_cli(site, "check")
    sarif = json.loads(run_cli(site, "check", "--format", "sarif").stdout)
    (run,) = sarif["runs"]
    assert sarif["version"] == "2.1.0"
    rule_ids = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    assert "citation/uncited" in rule_ids
    locations = [
        (
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            r["locations"][0]["physicalLocation"]["region"]["startLine"],
            r["locations"][0]["physicalLocation"]["region"]["startColumn"],
            r["ruleId"],
        )
        for r in run["results"]
    ]
    from_text = [
        (
            line.split(":")[0],
            int(line.split(":")[1]),
            int(line.split(":")[2]),
            line.split("[")[1].split("]")[0],
        )
        for line in text.stdout.splitlines()[:-1]
    ]
    assert locations == from_text
    assert all(rule_ids[r["ruleIndex"]] == r["ruleId"] for r in run["results"])


def test_check_and_plugin_report_the_same_findings(tmp_path: Path) -> None:
    site = make_site(tmp_path, EVERY_RULE)
    plugin = warnings(build(site).stderr)
    text = run_cli(site, "check").stdout.splitlines()[:-1]
    from_cli = sorted(
        line.removeprefix("docs/").replace(": warning [", ": [", 1)
        for line in text
        if ": warning [" in line
    )
    assert sorted(plugin) == from_cli
    rules = {line.split("[")[1].split("]")[0] for line in text}
    assert rules == {
        "page/unreadable",
        "page/front-matter",
        "placement/uncategorized",
        "placement/mismatch",
        "placement/nested",
        "placement/unknown-category",
        "citation/uncited",
        "citation/weak",
        "terms/forbidden",
        "terms/acronym",
        "suppression/unknown-rule",
        "suppression/unknown-directive",
    }


def test_check_agrees_with_the_plugin_on_the_example_site() -> None:
    result = run_cli_process(EXAMPLE_SITE, "check")
    assert result.returncode == 0, result.stdout
    assert result.stdout.endswith(
        "0 warning(s), 0 info finding(s) in "
        f"{len(list((EXAMPLE_SITE / 'docs').rglob('*.md')))} page(s)"
        " and 2 included file(s)\n"  # glossary.md (auto_append), snippets/requirements.md
    )


def test_status_command_writes_markdown(tmp_path: Path) -> None:
    site = make_site(tmp_path, BROKEN)
    result = run_cli(site, "status", "-o", "status.md")
    assert result.returncode == 0
    markdown = (site / "status.md").read_text(encoding="utf-8")
    assert markdown.startswith(
        "<!-- written by mkdocs-diataxis status: not checked -->\n# Documentation status\n"
    )
    assert "## Diátaxis coverage" in markdown


def test_rules_and_explain() -> None:
    rules = run_cli(Path.cwd(), "rules")
    assert rules.returncode == 0
    assert any(line.startswith("citation/uncited ") for line in rules.stdout.splitlines())
    explain = run_cli(Path.cwd(), "explain", "terms/acronym")
    assert explain.stdout.startswith("terms/acronym (info)\n\nAn acronym is used before")
    unknown = run_cli(Path.cwd(), "explain", "terms/acronyms")
    assert (unknown.returncode, unknown.stderr) == (
        2,
        "mkdocs-diataxis: error: unknown rule 'terms/acronyms' (did you mean 'terms/acronym'?);"
        " `mkdocs-diataxis rules` lists them\n",
    )


def test_version_and_usage_errors() -> None:
    assert run_cli_process(Path.cwd(), "--version").stdout.startswith("mkdocs-diataxis 0.")
    assert run_cli(Path.cwd(), "check", "--format", "xml").returncode == 2
    assert run_cli(Path.cwd(), "check", "-f", "nope.yml").stderr == (
        "mkdocs-diataxis: error: config file nope.yml does not exist\n"
    )


@pytest.mark.parametrize("name", ["properdocs.yml"])
def test_properdocs_config_name_is_found(tmp_path: Path, name: str) -> None:
    site = make_site(tmp_path, {"loose.md": "# L\n"})
    (site / "mkdocs.yml").rename(site / name)
    assert run_cli(site, "check").returncode == 1


def test_baseline_adoption_flow(tmp_path: Path) -> None:
    pages = {
        "reference/perf.md": "# Perf\n\nSpawn takes 286ns.\n\nIt is blazing fast.\n",
        "loose.md": "# Loose\n",
    }
    site = make_site(tmp_path, pages, "  - diataxis:\n      baseline: baseline.json\n")
    (site / "baseline.json").write_text('{"version": 1, "findings": []}\n')
    assert build(site).returncode != 0
    recorded = run_cli(site, "baseline", "-o", "baseline.json")
    assert recorded.stderr == "recorded 3 warning finding(s) in baseline.json\n"
    assert (build(site).returncode, warnings(build(site).stderr)) == (0, [])
    page = site / "docs" / "reference" / "perf.md"
    page.write_text("# Perf\n" + "\n" * 10 + page.read_text().removeprefix("# Perf\n"))
    assert (build(site).returncode, warnings(build(site).stderr)) == (0, [])
    page.write_text(page.read_text() + "\nLookup takes 36ns.\n")
    result = build(site)
    assert result.returncode != 0
    assert [w.split(" ")[:2] for w in warnings(result.stderr)] == [
        ["reference/perf.md:17:14:", "[citation/uncited]"]
    ]
    page.write_text("# Perf\n\nSpawn takes 286ns.\n")  # fixed: no more "blazing fast"
    run_cli(site, "baseline", "-o", "baseline.json")
    data = json.loads((site / "baseline.json").read_text())
    assert [(f["path"], f["rule"]) for f in data["findings"]] == [
        ("loose.md", "placement/uncategorized"),
        ("reference/perf.md", "citation/uncited"),
    ]
    # The CLI uses the config's baseline too; --baseline names another one.
    check = run_cli(site, "check", "--format", "json")
    assert (check.returncode, json.loads(check.stdout)["summary"]["baselined"]) == (0, 2)
    (site / "empty.json").write_text('{"version": 1, "findings": []}\n')
    other = run_cli(site, "check", "--baseline", "empty.json", "--format", "json")
    assert (other.returncode, json.loads(other.stdout)["summary"]["baselined"]) == (1, 0)


def test_bad_baseline_file_is_a_clear_error(tmp_path: Path) -> None:
    site = make_site(tmp_path, {"guides/a.md": "# A\n"})
    (site / "b.json").write_text("not json")
    result = run_cli(site, "check", "--baseline", "b.json")
    assert result.returncode == 2
    assert result.stderr.startswith("mkdocs-diataxis: error: baseline b.json is not valid JSON")


def test_env_tags_in_plugin_options_resolve_as_in_mkdocs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plugin = (
        "  - diataxis:\n      citations: {enabled: !ENV [CITE, false]}\n      jobs: !ENV [J, 0]\n"
    )
    site = make_site(tmp_path, {"reference/a.md": "# A\n\nSpawning takes 286ns.\n"}, plugin)
    assert run_cli(site, "check").stdout.endswith("0 warning(s), 0 info finding(s) in 1 page(s)\n")
    monkeypatch.setenv("CITE", "true")
    monkeypatch.setenv("J", "2")
    result = run_cli(site, "check")
    assert result.returncode == 1
    assert result.stdout.splitlines()[0].startswith(
        'docs/reference/a.md:3:16: warning [citation/uncited] "286ns"'
    )


def test_no_command_writes_under_docs_dir(tmp_path: Path) -> None:
    site = make_site(tmp_path, BROKEN)
    before = digest(site / "docs")
    for args in (
        ["check"],
        ["check", "--format", "sarif", "-o", "out.sarif"],
        ["status", "-o", "status.md"],
        ["baseline", "-o", "baseline.json"],
        ["check", "--baseline", "baseline.json", "--jobs", "2"],
    ):
        assert run_cli(site, *args).returncode in (0, 1), args
    assert digest(site / "docs") == before
    assert sorted(p.name for p in site.iterdir()) == [
        ".cache",  # the results cache, beside mkdocs.yml
        "baseline.json",
        "docs",
        "hooks.py",
        "mkdocs.yml",
        "out.sarif",
        "status.md",
    ]


def test_json_report_is_the_builds_byte_for_byte(tmp_path: Path) -> None:
    # Non-default stub_words and section_depth, a plan and a baseline: the command line
    # once reported a page as a stub in section "" that the build put in "how-to".
    pages = {
        "how-to/short.md": "# Short\n\nThree words here.\n",
        "how-to/deep/perf.md": "# Perf\n\nSpawn takes 286ns. It is blazing fast.\n",
        "reference/api.md": "# API\n\nLookup takes 36ns with WASM.\n",
        "loose.md": "# Loose\n",
    }
    plugin = (
        "  - diataxis:\n      baseline: baseline.json\n"
        "      status_page: {stub_words: 3, section_depth: 1, plan: plan.yml}\n"
    )
    site = make_site(tmp_path, pages, plugin)
    (site / "plan.yml").write_text(
        "milestones:\n  - name: One\n    deliverables:\n"
        "      - {page: how-to/short.md, lines: 1-2, title: Short}\n"
        "      - {page: how-to/missing.md, category: how-to}\n",
        encoding="utf-8",
    )
    (site / "baseline.json").write_text('{"version": 1, "findings": []}\n', encoding="utf-8")
    assert run_cli(site, "baseline", "-o", "baseline.json").returncode == 0
    (site / "docs/reference/api.md").write_text("# API\n\nLookup takes 36ns.\n", "utf-8")
    built = build(site, strict=False)
    assert built.returncode == 0
    assert "[citation/uncited]" in built.stderr  # a new finding next to baselined ones
    checked = run_cli(site, "check", "--format", "json")
    report = (site / "site" / "diataxis-report.json").read_text(encoding="utf-8")
    assert checked.stdout == report
    data = json.loads(report)
    assert data["summary"]["baselined"] == 3
    short = next(page for page in data["pages"] if page["path"] == "how-to/short.md")
    assert (short["stub"], short["section"]) == (False, "how-to")
    assert [(d["page"], d["state"], d.get("title")) for d in data["plan"][0]["deliverables"]] == [
        ("how-to/short.md", "needs work", "Short"),
        ("how-to/missing.md", "missing", None),
    ]


def test_figures_lists_every_candidate_with_its_evidence_and_citation(tmp_path: Path) -> None:
    page = md("""
        # Spawning

        Spawn takes 286ns. Lookup takes 36ns ([bench](https://x.org/bench)).

        The request timeout is 30s.

        <!-- diataxis: disable-next-line citation/uncited -->
        Insert takes 50ns.
    """)
    site = make_site(tmp_path, {"reference/spawn.md": page})
    result = run_cli(site, "figures")
    assert (result.returncode, result.stdout.splitlines()) == (
        0,
        [
            'docs/reference/spawn.md:3:13: 286ns: claim ("takes", metric in the sentence)'
            " — no source in reach: citation/uncited (warning)",
            'docs/reference/spawn.md:3:33: 36ns: claim ("takes", metric in the sentence)'
            " — cited in the sentence: https://x.org/bench",
            'docs/reference/spawn.md:5:24: 30s: setting ("timeout", setting in the sentence)',
            'docs/reference/spawn.md:8:14: 50ns: claim ("takes", metric in the sentence)'
            " — no source in reach (not reported: suppressed, or its rule set to ignore)",
            "4 figure(s): 3 claim, 1 setting; 2 claim(s) uncited",
        ],
    )
    data = json.loads(run_cli(site, "figures", "--format", "json").stdout)
    assert data[0]["reported"] == "citation/uncited (warning)"
    assert data[3]["reported"] is None
    assert data[1] == {
        "path": "reference/spawn.md",
        "line": 3,
        "column": 33,
        "text": "36ns",
        "class": "claim",
        "evidence": {"words": "takes", "where": "sentence", "kind": "metric"},
        "scope": "sentence",
        "citation": "https://x.org/bench",
        "reported": None,
    }


def test_figures_says_when_only_a_methodology_without_a_source_covers_a_claim(
    tmp_path: Path,
) -> None:
    page = "# Spawning\n\nSpawn takes 286ns.\n\n## Sources\n\nMeasured on a laptop.\n"
    site = make_site(tmp_path, {"reference/spawn.md": page})
    assert run_cli(site, "figures").stdout.splitlines()[0] == (
        'docs/reference/spawn.md:3:13: 286ns: claim ("takes", metric in the sentence)'
        " — only a methodology section that names no source covers it:"
        " citation/weak (info) at line 5"
    )


def test_check_and_the_build_read_the_same_site(tmp_path: Path) -> None:
    # INHERIT (the plugin's options live in the parent file), a .markdown page, an
    # auto-appended abbreviations file, an excluded folder, a draft and a hidden file.
    pages = {
        "index.md": "# Home\n",
        "reference/api.markdown": "# API\n\nLookup takes 36ns with WASM and GTDX.\n",
        "how-to/deploy.md": "# Deploy\n\nIt is blazing fast.\n",
        "old/legacy.md": "# Legacy\n\nIt takes 9ns.\n",
        "drafts/next.md": "# Next\n\nIt takes 8ns.\n",
        ".hidden.md": "# Hidden\n\nIt takes 7ns.\n",
    }
    site = make_site(tmp_path, pages)
    (site / "includes").mkdir()
    (site / "includes" / "abbr.md").write_text("*[WASM]: WebAssembly\n", "utf-8")
    (site / "base.yml").write_text(
        "plugins:\n  - diataxis:\n      severity: {terms/forbidden: info}\n"
        "markdown_extensions:\n  - abbr\n  - pymdownx.snippets:\n"
        "      auto_append: [includes/abbr.md]\n",
        "utf-8",
    )
    (site / "mkdocs.yml").write_text(
        "INHERIT: base.yml\nsite_name: Test\nexclude_docs: |\n  old/\ndraft_docs: |\n  drafts/\n",
        "utf-8",
    )
    built = build(site, strict=False)
    assert built.returncode == 0, built.stderr
    checked = run_cli(site, "check", "--format", "json")
    report = (site / "site" / "diataxis-report.json").read_text(encoding="utf-8")
    assert checked.stdout == report
    data = json.loads(report)
    assert [page["path"] for page in data["pages"]] == [
        "how-to/deploy.md",
        "index.md",
        "reference/api.markdown",
    ]
    findings = [(f["path"], f["rule"], f["severity"]) for f in data["findings"]]
    assert findings == [
        ("how-to/deploy.md", "terms/forbidden", "info"),
        ("reference/api.markdown", "citation/uncited", "warning"),
        ("reference/api.markdown", "terms/acronym", "info"),
    ]


def test_a_status_page_written_into_docs_is_never_checked(tmp_path: Path) -> None:
    pages = {"index.md": "# Home\n", "reference/api.md": "# API\n\nIt takes 286ns.\n"}
    site = make_site(tmp_path, pages)
    assert run_cli(site, "status", "-o", "docs/status.md").returncode == 0
    written = (site / "docs" / "status.md").read_text("utf-8")
    assert written.startswith("<!-- written by mkdocs-diataxis status: not checked -->\n# ")
    assert "286ns" in written  # the finding it lists would be a finding of its own
    check = run_cli(site, "check")
    assert check.stdout.splitlines()[-1] == "1 warning(s), 0 info finding(s) in 2 page(s)"
    built = build(site, strict=False)
    assert [line.split(" ", 1)[0] for line in warnings(built.stderr)] == ["reference/api.md:3:10:"]


ZENSICAL = """[project]
site_name = "Test"
docs_dir = "pages"

[project.markdown_extensions.pymdownx.snippets]
base_path = ["includes"]

[project.plugins.diataxis]
severity = { "terms/forbidden" = "info" }
"""


def test_check_reads_a_zensical_toml(tmp_path: Path) -> None:
    (tmp_path / "pages" / "reference").mkdir(parents=True)
    (tmp_path / "pages" / "index.md").write_text("# Home\n", "utf-8")
    (tmp_path / "pages" / "reference" / "a.md").write_text(
        '# A\n\nIt is blazing fast.\n\n--8<-- "perf.md"\n', "utf-8"
    )
    (tmp_path / "includes").mkdir()
    (tmp_path / "includes" / "perf.md").write_text("It takes 286ns.\n", "utf-8")
    (tmp_path / "zensical.toml").write_text(ZENSICAL, "utf-8")
    check = run_cli(tmp_path, "check")
    assert [line.split(" [")[0] for line in check.stdout.splitlines()] == [
        "includes/perf.md:1:10: warning",
        "pages/reference/a.md:3:7: info",
        "1 warning(s), 1 info finding(s) in 2 page(s) and 1 included file(s)",
    ]
    (tmp_path / "zensical.toml").write_text("[project\n", "utf-8")
    broken = run_cli(tmp_path, "check")
    assert (broken.returncode, broken.stderr.splitlines()[0]) == (
        2,
        "mkdocs-diataxis: error: zensical.toml is not valid TOML: Expected ']' at the end of"
        " a table declaration (at line 1, column 9)",
    )


def test_status_page_url_and_plugin_entries_without_options(tmp_path: Path) -> None:
    from mkdocs_diataxis.project import Project

    site = make_site(tmp_path, {"index.md": "# Home\n"})
    config = site / "mkdocs.yml"

    def project(plugins: str) -> Project:
        config.write_text(f"site_name: T\nsite_url: https://e.com/docs/\n{plugins}", "utf-8")
        return Project(str(config))

    assert project("plugins:\n  - diataxis\n").status_page_url() == (
        "https://e.com/docs/diataxis-status/"
    )
    reindex = project("plugins:\n  - diataxis:\n      status_page: {path: reindex.md}\n")
    assert reindex.status_page_url() == "https://e.com/docs/reindex/"
    folder = project("plugins:\n  - diataxis:\n      status_page: {path: status/index.md}\n")
    assert folder.status_page_url() == "https://e.com/docs/status/"
    # `diataxis: true` (as zensical.toml writes an entry without options) is no error.
    assert project("plugins:\n  diataxis: true\n  i18n: true\n").has_plugin
    check = run_cli(site, "check")
    assert check.returncode == 0, check.stderr
    config.write_text("site_name: T\nplugins:\n  diataxis: [1]\n", "utf-8")
    bad = run_cli(site, "check")
    assert (bad.returncode, bad.stderr) == (
        2,
        "mkdocs-diataxis: error: mkdocs.yml: plugin 'diataxis': expected a mapping of options,"
        " got [1]\n",
    )


@pytest.mark.parametrize(
    ("plugins", "message"),
    [
        ("plugins: 5", "plugins: expected a list or a mapping of plugins, got int 5"),
        (
            "plugins: [{diataxis: {jobs: 1}, search: {}}]",
            "plugins: entry 1 names 2 plugins (diataxis, search); write one plugin per entry",
        ),
        ("plugins: [[diataxis]]", "plugins: ['diataxis'] is not a plugin name"),
        ("plugins: [search, null]", "plugins: None is not a plugin name"),
        ("plugins: {1: {}}", "plugins: 1 is not a plugin name"),
        ("plugins: [{diataxis: 5}]", "plugin 'diataxis': expected a mapping of options, got 5"),
        (
            "plugins: [diataxis, {diataxis: {}}]",
            "plugins: 'diataxis' is listed more than once; keep one",
        ),
    ],
)
def test_malformed_plugins_entries_are_one_error_line(
    tmp_path: Path, plugins: str, message: str
) -> None:
    # Each was a traceback, or was read as "no diataxis entry" where MkDocs stops
    # (issue 19, row 7).
    site = make_site(tmp_path, {"index.md": "# Home\n"})
    (site / "mkdocs.yml").write_text(f"site_name: T\n{plugins}\n", "utf-8")
    ran = run_cli(site, "check")
    assert (ran.returncode, ran.stdout, ran.stderr) == (
        2,
        "",
        f"mkdocs-diataxis: error: mkdocs.yml: {message}\n",
    )


def test_jobs_beyond_the_cores_are_capped_with_one_note(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # -j 10**20 once tried to start that many workers and ran the machine out of memory.
    monkeypatch.setattr("os.cpu_count", lambda: 2)
    site = make_site(tmp_path, {"reference/a.md": "# A\n\nSpawning takes 286ns.\n"})
    ran = run_cli(site, "check", "--no-cache", "-j", str(10**20))
    assert ran.returncode == 1
    assert ran.stderr == (
        "note: jobs: 100,000,000,000,000,000,000 is more than this machine's 2 core(s)"
        " can use; using 2\n"
    )
    assert "reference/a.md:3:16" in ran.stdout


_NO_BASELINE = "expected version 1 with a 'findings' list; write it with `mkdocs-diataxis baseline`"


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("[]", _NO_BASELINE),
        ("null", _NO_BASELINE),
        ("[" * 100_000, "is nested too deeply to read"),
    ],
    ids=["a list", "null", "nested too deep"],
)
def test_a_baseline_that_is_no_object_is_one_error_line(
    tmp_path: Path, content: str, problem: str
) -> None:
    # These once ended in a traceback (exit 1) instead of a message and exit 2.
    site = make_site(tmp_path, {"reference/a.md": "# A\n"})
    (site / "base.json").write_text(content, encoding="utf-8")
    ran = run_cli(site, "check", "--no-cache", "--baseline", "base.json")
    assert ran.returncode == 2
    separator = " " if problem.startswith("is ") else ": "
    assert ran.stderr == f"mkdocs-diataxis: error: baseline base.json{separator}{problem}\n"


def test_a_baseline_covers_an_unreadable_page(tmp_path: Path) -> None:
    # page/unreadable had no fingerprint, so --strict still failed right after
    # `mkdocs-diataxis baseline` on a site with a page that is not UTF-8.
    site = make_site(
        tmp_path,
        {"reference/cafe.md": b"# Caf\xe9\n", "reference/ok.md": "# OK\n"},
        "  - diataxis:\n      baseline: baseline.json\n",
    )
    (site / "baseline.json").write_text('{"version": 1, "findings": []}\n')
    assert build(site).returncode != 0
    assert run_cli(site, "baseline", "-o", "baseline.json").stderr == (
        "recorded 1 warning finding(s) in baseline.json\n"
    )
    data = json.loads((site / "baseline.json").read_text())
    assert [(f["path"], f["rule"]) for f in data["findings"]] == [
        ("reference/cafe.md", "page/unreadable")
    ]
    assert len(data["findings"][0]["fingerprint"]) == 20
    check = run_cli(site, "check", "--format", "json")
    assert (check.returncode, json.loads(check.stdout)["summary"]["baselined"]) == (0, 1)
    assert (build(site).returncode, warnings(build(site).stderr)) == (0, [])


@pytest.mark.parametrize(
    ("option", "message"),
    [
        ("terms: {file: pipe.yml}", "/pipe.yml is not a regular file"),
        ("acronyms: {glossary: /dev/zero}", "glossary /dev/zero is not a regular file"),
        ("baseline: /dev/zero", "baseline /dev/zero is not a regular file"),
    ],
    ids=["a named pipe", "a device", "a device as baseline"],
)
def test_a_data_file_that_is_no_regular_file_is_one_error_line(
    tmp_path: Path, option: str, message: str
) -> None:
    # A named pipe blocked the build with no message, and /dev/zero was read until
    # memory ran out. In a process of its own, so that a hang fails on the timeout.
    site = make_site(tmp_path, {"reference/a.md": "# A\n"}, f"  - diataxis:\n      {option}\n")
    os.mkfifo(site / "pipe.yml")
    ran = run_cli_process(site, "check", "--no-cache")
    assert ran.returncode == 2
    assert ran.stderr.startswith("mkdocs-diataxis: error: ")
    assert ran.stderr.rstrip("\n").endswith(message)
    assert ran.stderr.count("\n") == 1


def test_an_output_that_fails_halfway_leaves_the_earlier_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # `baseline -o` truncated the baseline before writing it; a full disk then left an
    # empty file, and a traceback (issue 19, row 7).
    site = make_site(tmp_path, {"reference/a.md": "# A\n\nSpawning takes 286ns.\n"})
    assert run_cli(site, "baseline", "--no-cache", "-o", "b.json").returncode == 0
    before = (site / "b.json").read_bytes()
    (site / "b.json").chmod(0o640)

    def full(findings: object) -> str:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("mkdocs_diataxis.cli.baseline_json", full)
    ran = run_cli(site, "baseline", "--no-cache", "-o", "b.json")
    assert (ran.returncode, ran.stderr) == (
        2,
        "mkdocs-diataxis: error: cannot write b.json: No space left on device\n",
    )
    assert (site / "b.json").read_bytes() == before
    assert sorted(path.name for path in site.iterdir() if path.name.endswith(".tmp")) == []
    monkeypatch.undo()
    assert run_cli(site, "baseline", "--no-cache", "-o", "b.json").returncode == 0
    assert (site / "b.json").stat().st_mode & 0o777 == 0o640  # its permissions kept


@pytest.mark.parametrize("command", ["check", "status", "baseline", "figures"])
def test_output_to_a_folder_or_a_full_device_is_one_error_line(
    tmp_path: Path, command: str
) -> None:
    site = make_site(tmp_path, {"index.md": "# Home\n"})
    ran = run_cli(site, command, "-o", "docs")
    assert (ran.returncode, ran.stderr) == (
        2,
        "mkdocs-diataxis: error: cannot write docs: it is a folder\n",
    )
    ran = run_cli(site, command, "-o", "/dev/full")
    assert (ran.returncode, ran.stderr.splitlines()[-1]) == (
        2,
        "mkdocs-diataxis: error: cannot write /dev/full: No space left on device",
    )


def test_check_never_keeps_a_result_that_ran_out_of_time(tmp_path: Path) -> None:
    # The command line filed page/too-slow results in the cache, so they outlived a
    # larger time_limit (found by a tester).
    slow = "/:.*:.*:.*:.*!/"
    site = make_site(tmp_path, {"reference/log.md": "# Log\n\n" + ":" * 110 + "\n"})
    config = site / "mkdocs.yml"
    config.write_text(
        f"site_name: T\nplugins:\n  - diataxis:\n      time_limit: 0.01\n"
        f"      terms: {{forbid: ['{slow}']}}\n",
        encoding="utf-8",
    )
    assert "[page/too-slow]" in run_cli(site, "check").stdout
    config.write_text(
        config.read_text(encoding="utf-8").replace("time_limit: 0.01", "time_limit: 0"),
        encoding="utf-8",
    )
    again = run_cli(site, "check")
    assert "[page/too-slow]" not in again.stdout
    assert "unchanged" not in again.stderr


def test_enabled_false_is_checked_anyway_with_a_note_and_a_bad_value_is_an_error(
    tmp_path: Path,
) -> None:
    site = make_site(tmp_path, {"reference/a.md": "# A\n\nSpawning takes 286ns.\n"})
    config = site / "mkdocs.yml"
    config.write_text("site_name: T\nplugins:\n  - diataxis:\n      enabled: false\n", "utf-8")
    ran = run_cli(site, "check", "--no-cache")
    assert ran.returncode == 1
    assert ran.stderr == "note: mkdocs.yml turns the plugin off (enabled: false); checking anyway\n"
    config.write_text("site_name: T\nplugins:\n  - diataxis:\n      enabled: 'no'\n", "utf-8")
    ran = run_cli(site, "check", "--no-cache")
    assert (ran.returncode, ran.stderr) == (
        2,
        "mkdocs-diataxis: error: mkdocs.yml: plugin 'diataxis' option 'enabled': expected true"
        " or false, got str 'no'\n",
    )


def test_output_to_standard_output_by_name_appends_and_a_missing_folder_is_an_error(
    tmp_path: Path,
) -> None:
    site = make_site(tmp_path, {"index.md": "# Home\n"})
    log = tmp_path / "app.log"
    log.write_text("OLD\n", encoding="utf-8")
    with open(log, "a", encoding="utf-8") as append:
        subprocess.run(
            [sys.executable, "-m", "mkdocs_diataxis.cli", "check", "-o", "/dev/stdout"],
            cwd=site,
            stdout=append,
            check=True,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )
    assert log.read_text(encoding="utf-8") == (
        "OLD\n0 warning(s), 0 info finding(s) in 1 page(s)\n"
    )
    ran = run_cli(site, "check", "-o", "missing/out.txt")
    assert (ran.returncode, ran.stderr) == (
        2,
        "mkdocs-diataxis: error: cannot write missing/out.txt: No such file or directory\n",
    )
    assert not (site / "missing").exists()
    ran = run_cli(site, "check", "-o", "")
    assert (ran.returncode, ran.stderr) == (
        2,
        "mkdocs-diataxis: error: cannot write '': a file name is needed\n",
    )


def test_a_pattern_that_matches_no_page_is_named_by_check_and_the_build(tmp_path: Path) -> None:
    plugin = '  - diataxis:\n      exempt: ["docs/about/", "about/"]\n'
    site = make_site(
        tmp_path, {"index.md": "# Home\n\nHello.\n", "about/team.md": "# Team\n\nUs.\n"}, plugin
    )
    said = 'no page of the site matches exempt "docs/about/"'
    ran = run_cli(site, "check", "--no-cache")
    assert ran.returncode == 0
    assert [line for line in ran.stderr.splitlines() if "no page of the site" in line] == [
        f'note: {said} (patterns are paths under docs_dir, so write "about/", not "docs/about/")'
    ]
    # A check of some pages only cannot tell.
    assert "no page of the site" not in run_cli(site, "check", "--no-cache", "docs/index.md").stderr
    built = build(site)
    assert built.returncode == 0
    assert f"INFO    -  mkdocs_diataxis: {said}" in built.stderr
    # A page left out of the site (exclude_docs, drafts) still matches; docs_dir's own
    # name is in the hint; a check of the whole docs folder is a check of the site.
    (site / "src").mkdir()
    (site / "docs").rename(site / "src" / "pages")
    config = site / "mkdocs.yml"
    config.write_text(
        config.read_text("utf-8").replace(
            '"docs/about/", "about/"', '"src/", "about/", "old/", "pages/misc/"'
        )
        + "docs_dir: src/pages\nexclude_docs: |\n  old/\n",
        "utf-8",
    )
    (site / "src" / "pages" / "old").mkdir()
    (site / "src" / "pages" / "old" / "x.md").write_text("# Old\n", "utf-8")
    (site / "src" / "pages" / "misc.md").write_text("# Misc\n", "utf-8")
    expected = (
        'no page of the site matches exempt "src/" and "pages/misc/" (patterns are paths'
        ' under docs_dir, so write "misc/", not "pages/misc/")'
    )
    assert f"note: {expected}" in run_cli(site, "check", "--no-cache", "src/pages").stderr
    assert f"INFO    -  mkdocs_diataxis: {expected}" in build(site).stderr
