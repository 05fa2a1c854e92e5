"""Settings validation: the same messages from plain data and from mkdocs.yml."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError

from mkdocs_diataxis.core import Settings, SettingsError, load_settings
from tests.helpers import all_findings


@pytest.mark.parametrize(
    ("options", "option", "message"),
    [
        (
            {"severity": {"placement/uncategorized": "loud"}},
            "severity",
            "'placement/uncategorized: loud' is not a level; use warn, info or ignore",
        ),
        (
            {"severity": {"placement/uncategorised": "info"}},
            "severity",
            "unknown rule 'placement/uncategorised' (did you mean 'placement/uncategorized'?);"
            " the rules reference lists them",
        ),
        (
            {"severity": ["a"]},
            "severity",
            "expected a mapping of rule id to warn, info or ignore, got list ['a']",
        ),
        (
            {"categories": {"how-to": "guides"}},
            "categories.how-to",
            "expected a list of strings, got str 'guides'",
        ),
        (
            {"categories": {"how-to": [1]}},
            "categories.how-to",
            "item 1 must be a non-empty string, got int 1",
        ),
        (
            {"categories": {"howto": ["x"]}},
            "categories",
            "unknown category 'howto' (did you mean 'how-to'?); the categories are tutorial,"
            " how-to, reference, explanation",
        ),
        (
            {"categories": {"reference": ["guides"]}},
            "categories",
            "folder name 'guides' is listed for both 'how-to' and 'reference'; a folder can name"
            " only one category",
        ),
        (
            {"categories": {"how-to": ["a/b"]}},
            "categories.how-to",
            "'a/b' is a path; list single folder names (any depth matches)",
        ),
        ({"exempt": "index.md"}, "exempt", "expected a list of strings, got str 'index.md'"),
        ({"exempt_defaults": "no"}, "exempt_defaults", "expected true or false, got str 'no'"),
        ({"require_category": ["!"]}, "require_category", "Invalid git pattern: '!'"),
    ],
)
def test_invalid_settings_name_the_option(
    options: dict[str, object], option: str, message: str
) -> None:
    with pytest.raises(SettingsError) as caught:
        load_settings(options)
    assert (caught.value.option, caught.value.message) == (option, message)


def test_defaults_are_the_spec_defaults() -> None:
    settings = load_settings({})
    assert settings.categories["how-to"] == ("how-to", "howto", "guides", "how-to-guides")
    assert settings.exempt.patterns == ()
    assert settings.exempted.patterns == (
        "index.md",
        "README.md",
        "SUMMARY.md",
        "_snippets/",
        "snippets/",
        "includes/",
        "partials/",
        "**/blog/posts/",
    )
    assert settings.require_category.patterns == ("**/*.md",)


def test_severity_override_changes_and_ignores() -> None:
    (finding,) = all_findings("loose.md", "# L\n", severity={"placement/uncategorized": "info"})
    assert finding.severity == "info"
    assert all_findings("loose.md", "# L\n", severity={"placement/*": "ignore"}) == []


def write_config(tmp_path: Path, plugin_yaml: str) -> Path:
    (tmp_path / "docs").mkdir()
    config = tmp_path / "mkdocs.yml"
    config.write_text(f"site_name: t\nplugins:\n  - diataxis{plugin_yaml}\n", encoding="utf-8")
    return config


def test_mkdocs_config_rejects_bad_severity_naming_the_option(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    config = write_config(tmp_path, ":\n      severity: {placement/uncategorized: loud}")
    with pytest.raises((Abort, ConfigurationError)):
        load_config(str(config))
    assert (
        "Config value 'plugins': Plugin 'diataxis' option 'severity': 'placement/uncategorized:"
        " loud' is not a level; use warn, info or ignore"
    ) in caplog.text


def test_mkdocs_config_rejects_category_list_of_non_strings(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    config = write_config(tmp_path, ":\n      categories: {tutorial: [1, 2]}")
    with pytest.raises((Abort, ConfigurationError)):
        load_config(str(config))
    assert (
        "Plugin 'diataxis' option 'categories': categories.tutorial: item 1 must be a non-empty"
        " string, got int 1" in caplog.text
    )


def test_bare_plugin_line_loads_with_defaults(tmp_path: Path) -> None:
    config = load_config(str(write_config(tmp_path, "")))
    plugin = config.plugins["diataxis"]
    # cache_dir is the one default that depends on where mkdocs.yml is.
    cache_dir = str(tmp_path / ".cache" / "plugin" / "diataxis")
    assert plugin.config.settings() == Settings(cache_dir=cache_dir)
    assert plugin.config["report"] == "diataxis-report.json"
    assert plugin.config["cache"] is True


def test_a_build_reads_each_data_file_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from mkdocs.commands.build import build

    from mkdocs_diataxis.core import datafile, glossary

    reads: list[str] = []
    read_text = datafile.read_text

    def counting(path: str, what: str) -> str:
        reads.append(Path(path).name)
        return read_text(path, what)

    monkeypatch.setattr(datafile, "read_text", counting)
    monkeypatch.setattr(glossary, "read_text", counting)
    config = write_config(
        tmp_path,
        ":\n      terms: {file: terms.yml}\n      acronyms: {glossary: glossary.md}"
        "\n      status_page: {plan: plan.yml}\n      jobs: 1",
    )
    (tmp_path / "terms.yml").write_text("- pattern: frobnicate\n", encoding="utf-8")
    (tmp_path / "glossary.md").write_text("*[QXZ]: Quux\n", encoding="utf-8")
    (tmp_path / "plan.yml").write_text(
        "milestones: [{name: M, deliverables: [a.md]}]\n", encoding="utf-8"
    )
    (tmp_path / "docs" / "a.md").write_text("# A\n\nWe frobnicate the QXZ.\n", encoding="utf-8")
    loaded = load_config(str(config))
    build(loaded)  # with a worker, which gets the settings as they are
    assert sorted(reads) == ["glossary.md", "plan.yml", "terms.yml"]


@pytest.mark.parametrize(("value", "jobs"), [("auto", None), ("0", 0), ("3", 3)])
def test_cli_jobs_takes_what_the_setting_takes(value: str, jobs: int | None) -> None:
    from mkdocs_diataxis.cli import parser

    assert parser().parse_args(["check", "-j", value]).jobs == jobs


def test_cli_jobs_rejects_what_the_setting_rejects(capsys: pytest.CaptureFixture[str]) -> None:
    from mkdocs_diataxis.cli import parser

    with pytest.raises(SystemExit):
        parser().parse_args(["check", "-j", "many"])
    assert capsys.readouterr().err.endswith(
        "argument -j/--jobs: expected auto or a number of worker processes (0 or more),"
        " got str 'many'\n"
    )


def test_every_option_is_validated_kept_and_declared() -> None:
    import dataclasses

    from mkdocs_diataxis.config import DiataxisConfig
    from mkdocs_diataxis.core.options import OPTIONS

    # Fields read from other plugins' settings are not options of this one.
    fields = {f.name for f in dataclasses.fields(Settings) if f.init and "from" not in f.metadata}
    declared = {name for name, _ in DiataxisConfig._schema}
    assert set(OPTIONS) == fields == declared


def test_null_inside_a_section_means_the_default() -> None:
    settings = load_settings({"status_page": {"title": None, "stub_words": None, "path": None}})
    assert settings == Settings()
    assert load_settings({"terms": {"allow": None, "forbid": None}}) == Settings()


@pytest.mark.parametrize("option", ["known", "allow", "forbid"])
def test_a_list_option_given_as_something_else_is_an_error(option: str) -> None:
    section = "acronyms" if option == "known" else "terms"
    with pytest.raises(SettingsError, match="expected a list"):
        load_settings({section: {option: ""}})


@pytest.mark.parametrize(
    ("options", "option"),
    [
        ({"report": " ../docs/index.md"}, "report"),  # the space once hid the ..
        ({"report": "..\\docs\\index.md"}, "report"),
        ({"report": "\\etc\\report.json"}, "report"),
        ({"report": "C:/report.json"}, "report"),
        ({"report": "sub/../../x.json"}, "report"),
        ({"report": " "}, "report"),
        ({"status_page": {"path": "\\status.md"}}, "status_page.path"),
        ({"status_page": {"path": " ../docs/status.md"}}, "status_page.path"),
        ({"status_page": {"path": "D:\\status.md"}}, "status_page.path"),
    ],
)
def test_output_paths_are_judged_after_they_are_normalised(
    options: dict[str, Any], option: str
) -> None:
    with pytest.raises(SettingsError) as error:
        load_settings(options)
    assert error.value.option == option


def test_output_paths_inside_their_folder_are_kept_normalised() -> None:
    settings = load_settings(
        {"report": " reports\\today/../diataxis.json ", "status_page": {"path": "a\\b.md"}}
    )
    assert settings.report == "reports/diataxis.json"
    assert settings.status_page.path == "a/b.md"


@pytest.mark.parametrize(
    ("options", "line"),
    [
        # From the project's root instead of docs_dir: it leaves out nothing.
        (
            {"exempt": ["docs/about/"]},
            'no page of the site matches exempt "docs/about/" (patterns are paths under'
            ' docs_dir, so write "about/", not "docs/about/")',
        ),
        (
            {"terms": {"exclude": ["blog/**", "changelog.md"]}, "acronyms": {"exclude": ["x/"]}},
            'no page of the site matches terms.exclude "blog/**"; acronyms.exclude "x/"'
            " (patterns are paths under docs_dir)",
        ),
        (
            {
                "exempt": ["a/", "b/", "/c.md", "about/"],
                "require_category": ["guides/**"],
                "content_fit": {"exclude": ["CHANGELOG.MD"]},
            },
            'no page of the site matches exempt "a/", "b/" and "/c.md"; content_fit.exclude'
            ' "CHANGELOG.MD"; require_category "guides/**" (patterns are paths under'
            " docs_dir)",
        ),
        # A re-inclusion that re-includes nothing, a typo in it.
        (
            {"exempt": ["about/", "!/abuot/team.md"]},
            'no page of the site matches exempt "!/abuot/team.md" (patterns are paths under'
            " docs_dir)",
        ),
        # Each pattern that matches something, a re-inclusion, the defaults: nothing said.
        ({"exempt": ["about/", "/changelog.md", "!about/team.md"]}, None),
        ({"citations": {"exclude": ["**/changelog.md", "how-to/*.md"]}}, None),
        ({}, None),
    ],
)
def test_path_patterns_that_match_no_page_are_named(
    options: dict[str, Any], line: str | None
) -> None:
    pages = ["index.md", "about/team.md", "changelog.md", "how-to/install.md", "../shared/x.md"]
    assert load_settings(options).unmatched_patterns(pages) == line
