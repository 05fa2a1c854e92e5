"""Rebuilds as `mkdocs serve` runs them: one plugin instance across builds, a fresh
config each time; only changed pages are checked again, and nothing goes stale."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

from tests.helpers import make_site

PAGES = {
    "index.md": "# Home\n",
    "reference/a.md": "# A\n\nSpawning takes 286ns.\n",
    "reference/b.md": "# B\n\nPlain words.\n",
    "how-to/c.md": "# C\n\nPlain words.\n",
}


@pytest.fixture
def site(tmp_path: Path) -> Path:
    # MkDocs keeps one instance of a plugin with on_startup per process (what serve
    # relies on), and it reuses what it checked for any site with the same settings:
    # each test starts a serve session of its own.
    MkDocsConfig.plugins.plugin_cache.clear()
    return make_site(tmp_path, PAGES)


def rebuild(site: Path) -> MkDocsConfig:
    """One serve-style build: config loaded anew, as `mkdocs serve` does each time."""
    config = load_config(str(site / "mkdocs.yml"))
    config.plugins.on_startup(command="serve", dirty=False)
    build(config)
    return config


def uncited(config: MkDocsConfig) -> list[tuple[str, int]]:
    plugin = config.plugins["diataxis"]
    return [
        (f.path, f.line)
        for result in plugin.session.results.values()
        for f in result.findings
        if f.rule == "citation/uncited"
    ]


def status_html(site: Path) -> str:
    return (site / "site" / "diataxis-status" / "index.html").read_text("utf-8")


def test_a_one_page_change_rechecks_exactly_that_page(site: Path) -> None:
    first = rebuild(site)
    plugin = first.plugins["diataxis"]
    assert plugin.session.checked == 4
    assert rebuild(site).plugins["diataxis"] is plugin  # the instance serve keeps
    assert plugin.session.checked == 0
    (site / "docs/reference/b.md").write_text("# B\n\nSending takes 1.5 µs.\n", "utf-8")
    config = rebuild(site)
    assert plugin.session.checked == 1
    assert uncited(config) == [("reference/a.md", 3), ("reference/b.md", 3)]
    assert "1.5 µs" in status_html(site)


def test_deleting_a_page_drops_its_findings_and_fixing_the_last_one_shows(site: Path) -> None:
    rebuild(site)
    assert "286ns" in status_html(site)
    (site / "docs/reference/a.md").unlink()
    config = rebuild(site)
    assert config.plugins["diataxis"].session.checked == 0
    assert uncited(config) == []
    assert sorted(config.plugins["diataxis"].session.results) == [
        "how-to/c.md",
        "index.md",
        "reference/b.md",
    ]
    assert "286ns" not in status_html(site)


def test_changed_settings_check_every_page_again(site: Path) -> None:
    plugin = rebuild(site).plugins["diataxis"]
    config_file = site / "mkdocs.yml"
    config_file.write_text(
        config_file.read_text("utf-8").replace(
            "  - diataxis\n", "  - diataxis:\n      citations: {enabled: false}\n"
        ),
        "utf-8",
    )
    config = rebuild(site)
    assert plugin.session.checked == 4
    assert uncited(config) == []


def test_an_edited_terms_file_checks_every_page_again(site: Path) -> None:
    terms = site / "terms.yml"
    terms.write_text("- pattern: plain words\n", "utf-8")
    config_file = site / "mkdocs.yml"
    config_file.write_text(
        config_file.read_text("utf-8").replace(
            "  - diataxis\n", "  - diataxis:\n      terms: {file: terms.yml}\n"
        ),
        "utf-8",
    )
    plugin = rebuild(site).plugins["diataxis"]
    terms.write_text("- pattern: words\n", "utf-8")
    config = rebuild(site)
    assert plugin.session.checked == 4
    hits = sorted(
        (f.path, f.text)
        for result in config.plugins["diataxis"].session.results.values()
        for f in result.findings
        if f.rule == "terms/forbidden"
    )
    assert hits == [("how-to/c.md", "words"), ("reference/b.md", "words")]


def test_with_site_scope_a_new_definition_elsewhere_checks_every_page_again(
    site: Path,
) -> None:
    config_file = site / "mkdocs.yml"
    config_file.write_text(
        config_file.read_text("utf-8").replace(
            "  - diataxis\n", "  - diataxis:\n      acronyms: {scope: site}\n"
        ),
        "utf-8",
    )
    (site / "docs/reference/b.md").write_text("# B\n\nSet the SLO.\n", "utf-8")

    def acronyms(config: MkDocsConfig) -> list[str]:
        results = config.plugins["diataxis"].session.results.values()
        return [f.path for result in results for f in result.findings if f.rule == "terms/acronym"]

    first = rebuild(site)
    plugin = first.plugins["diataxis"]
    assert acronyms(first) == ["reference/b.md"]
    assert rebuild(site).plugins["diataxis"].session.checked == 0  # nothing changed
    # The definition lands on another page: b.md has not changed, and is clean now.
    (site / "docs/how-to/c.md").write_text("# C\n\nA Service Level Objective (SLO).\n", "utf-8")
    config = rebuild(site)
    assert plugin.session.checked == 4
    assert acronyms(config) == []


def test_a_rebuild_logs_the_findings_of_changed_pages_and_the_totals(
    site: Path, caplog: pytest.LogCaptureFixture
) -> None:
    def logged() -> list[str]:
        lines = [
            r.getMessage().removeprefix("mkdocs_diataxis: ")
            for r in caplog.records
            if r.name.startswith("mkdocs.plugins.mkdocs_diataxis")
        ]
        caplog.clear()
        return [line.split(" [")[0] if "[" in line else line for line in lines]

    caplog.set_level("INFO")
    rebuild(site)
    assert logged() == [
        "reference/a.md:3:16:",
        "checked 4 page(s): 1 warning(s) (citation 1), 0 info finding(s);"
        " status page: diataxis-status/",
    ]
    (site / "docs/reference/b.md").write_text("# B\n\nSending takes 1.5 µs.\n", "utf-8")
    rebuild(site)
    assert logged() == [
        "reference/b.md:3:15:",
        "checked 4 page(s), 3 unchanged since the last run: 2 warning(s) (citation 2),"
        " 0 info finding(s); status page: diataxis-status/",
    ]


def test_serve_watches_the_files_pages_include(site: Path) -> None:
    config_file = site / "mkdocs.yml"
    config_file.write_text(
        config_file.read_text("utf-8")
        # A relative base_path is the folder the build runs in: name this site's.
        + f"markdown_extensions:\n  - pymdownx.snippets:\n      base_path: [{site / 'includes'}]\n",
        "utf-8",
    )
    (site / "includes").mkdir()
    (site / "includes" / "perf.md").write_text("It takes 9ns.\n", "utf-8")
    (site / "docs/reference/b.md").write_text('# B\n\n--8<-- "perf.md"\n', "utf-8")
    config = rebuild(site)

    class Server:
        def __init__(self) -> None:
            self.watched: list[str] = []

        def watch(self, path: str) -> None:
            self.watched.append(path)

    server = Server()
    config.plugins["diataxis"].on_serve(server, config=config, builder=None)
    assert str(site / "includes" / "perf.md") in server.watched
    assert uncited(config) == [("reference/a.md", 3), ("../includes/perf.md", 1)]
