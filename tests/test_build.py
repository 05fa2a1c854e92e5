"""End to end: real `mkdocs build --strict` runs on temporary sites, as users run it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import BROKEN, build, digest, make_site, run_cli, warnings


def test_strict_build_fails_with_each_placement_warning(tmp_path: Path) -> None:
    result = build(make_site(tmp_path, BROKEN))
    assert result.returncode != 0
    assert [line.split(" ", 2)[:2] for line in warnings(result.stderr)] == [
        ["loose.md:1:1:", "[placement/uncategorized]"],
        ["guides/upgrade.md:2:11:", "[placement/unknown-category]"],
        ["reference/api.md:3:11:", "[placement/mismatch]"],
        ["reference/guides/install.md:1:1:", "[placement/nested]"],
    ]
    assert (
        'guides/upgrade.md:2:11: [placement/unknown-category] "howto-guide" is not a'
        ' Diátaxis category — use "how-to"' in warnings(result.stderr)
    )
    assert "Aborted with 4 warnings in strict mode!" in result.stdout
    assert "index.md" not in " ".join(warnings(result.stderr))


def test_a_page_another_plugin_generates_is_checked_from_its_content(tmp_path: Path) -> None:
    from tests.helpers import GENERATING_HOOK

    site = make_site(tmp_path, {"index.md": "# Home\n"})
    (site / "hooks.py").write_text(GENERATING_HOOK, encoding="utf-8")
    result = build(site, strict=False)
    assert [line.split(" ", 2)[:2] for line in warnings(result.stderr)] == [
        ["generated.md:1:1:", "[placement/uncategorized]"]
    ]
    assert not (site / "docs" / "generated.md").exists()


def test_fixed_site_builds_strict(tmp_path: Path) -> None:
    fixed = {
        "index.md": "# Home\n",
        "explanation/loose.md": "# Loose\n",
        "how-to/api.md": "---\ntitle: API\ndiataxis: how-to\n---\n# API\n",
        "guides/install.md": "# Install\n",
        "guides/upgrade.md": "---\ndiataxis: how-to\n---\n# Upgrade\n",
    }
    result = build(make_site(tmp_path, fixed))
    assert (result.returncode, warnings(result.stderr)) == (0, [])


def test_info_findings_do_not_fail_strict(tmp_path: Path) -> None:
    plugin = "  - diataxis:\n      severity: {placement/*: info}\n"
    result = build(make_site(tmp_path, BROKEN, plugin), "--verbose")
    assert result.returncode == 0, result.stderr
    assert "INFO    -  mkdocs_diataxis: loose.md:1:1: [placement/uncategorized]" in result.stderr


def test_enabled_false_disables_everything(tmp_path: Path) -> None:
    result = build(make_site(tmp_path, BROKEN, "  - diataxis:\n      enabled: false\n"))
    assert (result.returncode, warnings(result.stderr)) == (0, [])


def test_bad_pages_get_one_warning_each_and_others_are_still_checked(tmp_path: Path) -> None:
    pages = {
        "reference/latin1.md": "# Café\n".encode("latin-1"),
        "reference/broken.md": "---\ntitle: a: b\n---\n# Broken\n",
        "zzz-last.md": "# Last\n",
    }
    result = build(make_site(tmp_path, pages))
    assert sorted(warnings(result.stderr)) == [
        "reference/broken.md:2:9: [page/front-matter] the front matter is not valid YAML (mapping"
        " values are not allowed here); MkDocs ignores it and renders it as text — fix the YAML"
        " between the --- lines",
        "reference/latin1.md:1:6: [page/unreadable] the page is not valid UTF-8 (byte 0xe9 at line"
        " 1); it cannot be checked or built — re-save the file as UTF-8",
        "zzz-last.md:1:1: [placement/uncategorized] the page has no Diátaxis category: it is in no"
        " category folder and its front matter declares none — move it into a tutorials/, how-to/,"
        ' reference/ or explanation/ folder, or add "diataxis: <category>" to its front matter (or'
        " list it in exempt)",
    ]
    assert "Traceback" not in result.stderr


def test_build_never_writes_under_docs_dir(tmp_path: Path) -> None:
    site = make_site(tmp_path, BROKEN)
    before = digest(site / "docs")
    build(site)
    build(site, "--dirty")
    assert digest(site / "docs") == before


@pytest.mark.parametrize("strict", [True, False])
def test_in_process_build(tmp_path: Path, strict: bool) -> None:
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    site = make_site(tmp_path, BROKEN)
    config = load_config(str(site / "mkdocs.yml"), strict=strict)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        if strict:
            with pytest.raises(Abort, match="Aborted with 4 warnings in strict mode!"):
                mkdocs_build(config)
        else:
            mkdocs_build(config)
            plugin = config.plugins["diataxis"]
            assert sorted(plugin.session.results) == sorted(BROKEN)
    finally:
        config.plugins.on_shutdown()


def test_uncited_figure_fails_strict_and_a_link_fixes_it(tmp_path: Path) -> None:
    page = "# Lifecycle\n\nCosts on the reference machine.\n\n- Component spawn: 286ns\n"
    site = make_site(tmp_path, {"reference/lifecycle.md": page})
    result = build(site)
    assert result.returncode != 0
    assert warnings(result.stderr) == [
        'reference/lifecycle.md:5:20: [citation/uncited] "286ns" reads as a measured'
        " performance claim (a duration of nano- or microseconds) with no source in reach"
        ' — add a lead-in ending with ":" that names the benchmark, or a link in the item'
    ]
    cited = page.replace("286ns", "286ns (see [benchmarks](https://example.org/bench))")
    (site / "docs" / "reference" / "lifecycle.md").write_text(cited, encoding="utf-8")
    assert (build(site).returncode, warnings(build(site).stderr)) == (0, [])


def test_forbidden_terms_and_acronyms_in_a_real_build(tmp_path: Path) -> None:
    pages = {
        "index.md": "# Home\n\nIt enables hot deployment and zero-downtime updates.\n",
        "reference/runtime.md": "# Runtime\n\nModules compile to WASM.\n",
    }
    plugin = (
        "  - diataxis:\n      acronyms: {glossary: glossary.md}\n"
        "      severity: {terms/acronym: warn}\n"
    )
    site = make_site(tmp_path, pages, plugin)
    (site / "glossary.md").write_text("*[SLO]: Service level objective\n", encoding="utf-8")
    result = build(site)
    assert result.returncode != 0
    assert warnings(result.stderr) == [
        'index.md:3:12: [terms/forbidden] "hot deployment": jargon; say what happens to running'
        ' code — use "runtime deployment" or "live update" instead',
        'index.md:3:31: [terms/forbidden] "zero-downtime": every deployment has some'
        ' interruption; describe the mechanism — use "rolling deployment" or "the measured'
        ' interruption" instead',
        'reference/runtime.md:3:20: [terms/acronym] "WASM" is used before it is defined on this'
        ' page — write the full name with "(WASM)" after it at first use, or add "*[WASM]: Full'
        ' name" to the page or to the acronyms glossary; if every reader knows it, list it in'
        " acronyms.known",
    ]
    (site / "docs" / "index.md").write_text("# Home\n\nIt updates with rolling restarts.\n")
    (site / "glossary.md").write_text("*[WASM]: WebAssembly\n", encoding="utf-8")
    fixed = build(site)
    assert (fixed.returncode, warnings(fixed.stderr)) == (0, [])


def test_material_abbreviations_recipe_defines_acronyms_without_naming_the_file_twice(
    tmp_path: Path,
) -> None:
    # Material's recipe: pymdownx.snippets appends includes/abbreviations.md to every page.
    pages = {
        "index.md": "# Home\n",
        "reference/runtime.md": "# Runtime\n\nModules compile to WASM.\n",
    }
    site = make_site(tmp_path, pages)
    (site / "includes").mkdir()
    (site / "includes" / "abbreviations.md").write_text("*[WASM]: WebAssembly\n", encoding="utf-8")
    without = build(site)
    assert warnings(without.stderr) == []  # terms/acronym reports at info by default
    assert (
        "INFO    -  mkdocs_diataxis: reference/runtime.md:3:20: [terms/acronym]" in without.stderr
    )
    config = site / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8")
        + "markdown_extensions:\n  - abbr\n  - pymdownx.snippets:\n"
        "      auto_append: [includes/abbreviations.md]\n",
        encoding="utf-8",
    )
    result = build(site)
    assert (result.returncode, warnings(result.stderr)) == (0, [])
    assert '<abbr title="WebAssembly">WASM</abbr>' in (
        site / "site" / "reference" / "runtime" / "index.html"
    ).read_text(encoding="utf-8")
    # The command line reads the same recipe.
    check = run_cli(site, "check")
    assert (check.returncode, check.stdout.splitlines()[-1]) == (
        0,
        "0 warning(s), 0 info finding(s) in 2 page(s) and 1 included file(s)",
    )


def test_malformed_terms_file_fails_config_loading(tmp_path: Path) -> None:
    site = make_site(
        tmp_path, {"index.md": "# Home\n"}, "  - diataxis:\n      terms: {file: t.yml}\n"
    )
    (site / "t.yml").write_text("- pattern: ok\n- reason: none\n", encoding="utf-8")
    result = build(site)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert (
        f"Plugin 'diataxis' option 'terms': terms file {site / 't.yml'}: entry 2: key 'pattern'"
        " is missing"
    ) in result.stderr


def test_status_page_and_report_are_in_the_built_site(tmp_path: Path) -> None:
    pages = {"index.md": "# Home\n", "reference/api.md": "# API\n\nIt is blazing fast.\n"}
    site = make_site(tmp_path, pages, "  - diataxis:\n      severity: {terms/*: info}\n")
    (site / "plan.yml").write_text(
        "milestones:\n  - name: First <b>release</b>\n    deliverables:\n"
        "      - {page: reference/api.md, category: reference}\n"
        "      - {page: tutorials/start.md, category: tutorial}\n",
        encoding="utf-8",
    )
    config = (site / "mkdocs.yml").read_text(encoding="utf-8")
    (site / "mkdocs.yml").write_text(config + "      status_page: {plan: plan.yml}\n")
    result = build(site)
    assert result.returncode == 0, result.stderr
    html = (site / "site" / "diataxis-status" / "index.html").read_text(encoding="utf-8")
    assert "Documentation status" in html
    assert "First &lt;b&gt;release&lt;/b&gt;" in html
    assert '<a href="../reference/api/">API</a>' in html
    assert "diataxis-status.md" not in warnings(result.stderr)
    report = json.loads((site / "site" / "diataxis-report.json").read_text(encoding="utf-8"))
    assert [d["state"] for d in report["plan"][0]["deliverables"]] == ["stub", "missing"]
    assert not (site / "docs" / "diataxis-status.md").exists()


def test_status_page_path_clash_is_a_clear_error(tmp_path: Path) -> None:
    pages = {"index.md": "# Home\n", "diataxis-status.md": "# Mine\n"}
    result = build(make_site(tmp_path, pages))
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert (
        "diataxis: the status page path 'diataxis-status.md' is already taken by"
        f" {tmp_path / 'docs' / 'diataxis-status.md'}"
    ) in result.stderr


def test_status_page_and_report_can_be_turned_off(tmp_path: Path) -> None:
    plugin = "  - diataxis:\n      status_page: {enabled: false}\n      report: null\n"
    site = make_site(tmp_path, {"index.md": "# Home\n"}, plugin)
    assert build(site).returncode == 0
    assert not (site / "site" / "diataxis-status").exists()
    assert not (site / "site" / "diataxis-report.json").exists()


def test_invalid_plan_fails_config_loading(tmp_path: Path) -> None:
    site = make_site(
        tmp_path, {"index.md": "# Home\n"}, "  - diataxis:\n      status_page: {plan: p.yml}\n"
    )
    (site / "p.yml").write_text("milestones:\n  - name: A\n    deliverables: [{page: ../x.md}]\n")
    result = build(site)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert (
        "option 'status_page': status_page.plan: p.yml: milestones[1].deliverables[1]:"
        " key 'page': '../x.md' is outside docs_dir"
    ) in result.stderr


def test_properdocs_build_fails_on_findings_and_passes_when_fixed(tmp_path: Path) -> None:
    site = make_site(tmp_path, {"index.md": "# Home\n", "loose.md": "# Loose\n"})
    (site / "mkdocs.yml").rename(site / "properdocs.yml")
    config = (site / "properdocs.yml").read_text(encoding="utf-8")
    (site / "properdocs.yml").write_text(config.replace("hooks:", "theme: material\nhooks:"))
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}

    def properdocs() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "properdocs", "build", "--strict"],
            cwd=site,
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
            check=False,
        )

    failed = properdocs()
    assert failed.returncode != 0
    assert [line.split(" ")[:2] for line in warnings(failed.stderr)] == [
        ["loose.md:1:1:", "[placement/uncategorized]"]
    ]
    (site / "docs" / "loose.md").unlink()
    assert properdocs().returncode == 0


REPLACING_HOOK = """
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, InclusionLevel

@event_priority(-300)  # after the diataxis plugin (-200): a copy of every generated file
def on_files(files, config):
    status = files.get_file_from_path("diataxis-status.md")
    files.remove(status)
    copy = File.generated(config, status.src_uri, content=status.content_string,
                          inclusion=InclusionLevel.INCLUDED)
    copy.generated_by = status.generated_by
    files.append(copy)
    return files
"""


def test_status_page_is_written_when_another_plugin_replaced_its_file(tmp_path: Path) -> None:
    site = make_site(tmp_path, {"index.md": "# Home\n", "reference/a.md": "# A\n\nPlain.\n"})
    (site / "hooks.py").write_text(REPLACING_HOOK, encoding="utf-8")
    result = build(site)
    assert result.returncode == 0, result.stderr
    html = (site / "site" / "diataxis-status" / "index.html").read_text("utf-8")
    assert "2 pages, 1 with a Diátaxis category" in html  # not the placeholder


def test_jobs_beyond_the_cores_are_capped_with_one_info_line(tmp_path: Path) -> None:
    site = make_site(
        tmp_path,
        {"reference/a.md": "# A\n\nSpawning takes 286ns.\n"},
        "  - diataxis:\n      jobs: 10000\n",
    )
    ran = build(site, strict=False)
    assert ran.returncode == 0
    cores = os.cpu_count() or 1
    line = f"jobs: 10,000 is more than this machine's {cores} core(s) can use; using {cores}"
    assert [row for row in ran.stderr.splitlines() if "jobs:" in row] == [
        f"INFO    -  mkdocs_diataxis: {line}"
    ]
    assert warnings(ran.stderr) == [
        'reference/a.md:3:16: [citation/uncited] "286ns" reads as a measured performance claim'
        ' ("takes", metric in the sentence) with no source in reach — link the benchmark or'
        " add a footnote naming where the figure comes from"
    ]


def test_a_report_path_that_is_a_folder_stops_the_build_with_one_line(tmp_path: Path) -> None:
    # It was an IsADirectoryError traceback (issue 19, row 7).
    make_site(
        tmp_path,
        {"index.md": "# Home\n", "assets/logo.txt": "logo\n"},
        plugin="  - diataxis:\n      report: assets\n",
    )
    ran = build(tmp_path, strict=False)
    assert ran.returncode == 1
    assert "Traceback" not in ran.stderr
    assert (
        f"ERROR   -  diataxis: report: cannot write {tmp_path / 'site' / 'assets'}: it is a folder"
        in ran.stderr
    )


def test_the_plugin_listed_twice_stops_the_build_with_one_line(tmp_path: Path) -> None:
    # It once reported a status page path "already taken" by itself.
    make_site(tmp_path, {"index.md": "# Home\n"}, plugin="  - diataxis\n  - diataxis\n")
    ran = build(tmp_path, strict=False)
    assert ran.returncode == 1
    assert "ERROR   -  plugins: 'diataxis' is listed more than once; keep one" in ran.stderr
    assert "Traceback" not in ran.stderr
