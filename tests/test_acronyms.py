"""terms/acronym: acronyms used before they are defined (SPEC 4.3)."""

from __future__ import annotations

from pathlib import Path

import pytest

from mkdocs_diataxis.core import Settings, check_page, load_settings
from tests.helpers import findings


def acronyms(text: str, base_dir: str = ".", **options: object) -> list[tuple[int, int, str]]:
    options.setdefault("terms", {"enabled": False})
    settings = load_settings(options, base_dir)
    return [
        (f.line, f.column, f.text)
        for f in check_page("reference/p.md", text, settings).findings
        if f.rule == "terms/acronym"
    ]


def test_undefined_acronym_is_reported_once_at_first_use() -> None:
    text = "Compile to WASM.\n\nThen load the WASM module. WASM again.\n"
    assert acronyms(text) == [(1, 12, "WASM")]
    (finding,) = check_page("reference/p.md", text, Settings()).findings
    assert finding.message == '"WASM" is used before it is defined on this page'
    assert finding.suggestion == (
        'write the full name with "(WASM)" after it at first use, or add "*[WASM]: Full name"'
        " to the page or to the acronyms glossary; if every reader knows it, list it in"
        " acronyms.known"
    )
    # Info by default (whether a reader knows it depends on the site's readers); a
    # project that wants the gate says so.
    assert finding.severity == "info"
    told = load_settings({"severity": {"terms/acronym": "warn"}})
    assert [f.severity for f in check_page("reference/p.md", text, told).findings] == ["warning"]


@pytest.mark.parametrize(
    "definition",
    [
        "The Service Level Objective (SLO) is set.",
        "The service level objective (SLO) is set.",
        "The SLO (Service Level Objective) is set.",
        "The SLOs (Service Level Objectives) are set.",
        "The Bill of Materials (BOM) lists parts.",
        "A Server-Sent Events (SSE) stream.",
        "The JavaScript Object Notation (JSON5) file.",
        "The CamelCase WebAssembly System Interface (WASI) runs.",
        "An Input/Output Scheduler (IOS) queue.",
        "It reports the latency (Time To First Token, TTFT) per request.",
        "Use Common Table Expressions (CTE's) here.",
        "The volume-weighted average bid price (VWAP) is computed.",
        "## KV cache offloading\n\nA Key-Value (KV) cache keeps data.",
        # spelled out earlier on the page, without the parenthesis
        "Build Text User Interfaces in Python.\n\nMany TUIs exist.",
        "Deploy a LeaderWorkerSet. The LWS runs the pods.",
        'Use <abbr title="Getting Things Done">GTD</abbr> here.',
        "For the legacy InfluxDB Line Protocol (ILP) transports.",
        "It is a database management system (DBMS).",
        "Install the Gateway API Inference Extension (GIE) first.",
        # a name whose acronym takes its letters in another order (another language's)
        "The Web Ontology Language (OWL) describes classes.",
        "Values in the International System of Units (SI) and others.",
    ],
)
def test_definition_forms_at_first_use(definition: str) -> None:
    assert acronyms(definition + "\n") == []


def test_wrong_expansion_does_not_define() -> None:
    assert acronyms("The Service Level Agreement (SLO) is set.\n") == [(1, 30, "SLO")]
    assert acronyms("The SLO (a target we keep) is set.\n") == [(1, 5, "SLO")]
    # Another order needs every letter among the capitalised words right before it.
    assert acronyms("Run it on Kubernetes (KGX) today.\n") == [(1, 23, "KGX")]
    assert acronyms("Query the Object Web (OWL) store.\n") == [(1, 23, "OWL")]
    # ... within the name's clause: not across "and", a comma or a sentence's end.
    assert acronyms("Install Docker and Kubernetes on Linux (KDL).\n") == [(1, 41, "KDL")]
    assert acronyms("Use Docker, Kubernetes on Linux (KDL).\n") == [(1, 34, "KDL")]


def test_definition_after_first_use_is_still_a_finding() -> None:
    text = "Set the SLO first.\n\nThe Service Level Objective (SLO) is a target.\n"
    assert acronyms(text) == [(1, 9, "SLO")]


def test_abbreviation_line_on_the_page_defines_anywhere() -> None:
    text = "Compile to WASM.\n\n*[WASM]: WebAssembly\n"
    assert acronyms(text) == []


def test_glossary_markdown_file(tmp_path: Path) -> None:
    (tmp_path / "abbreviations.md").write_text("*[WASM]: WebAssembly\n*[SLO]: Objective\n")
    options = {"acronyms": {"glossary": "abbreviations.md"}}
    assert acronyms("Compile to WASM with an SLO.\n", str(tmp_path), **options) == []


def test_glossary_yaml_file(tmp_path: Path) -> None:
    (tmp_path / "glossary.yml").write_text("WASM: WebAssembly\n")
    options = {"acronyms": {"glossary": "glossary.yml"}}
    assert acronyms("Compile to WASM.\n", str(tmp_path), **options) == []


def test_missing_glossary_is_a_config_error() -> None:
    from mkdocs_diataxis.core import SettingsError, load_settings

    with pytest.raises(SettingsError, match=r"cannot read glossary \./nope\.md"):
        load_settings({"acronyms": {"glossary": "nope.md"}}, ".")


def test_known_lists() -> None:
    text = "Call the API over HTTP with JSON from the CLI; CPUs and URLs too.\n"
    assert acronyms(text) == []
    assert acronyms("Compile to WASM.\n", acronyms={"known": ["WASM"]}) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "You MUST NOT and SHOULD NOT do it; it is OPTIONAL.",
        "See part II, chapter IV and appendix XII.",
        "It uses 40 MB, 2 GB and 10 NS; MS Word aside.",
        "NOTE: do NOT run it. WARNING: AND nothing else.",
        "The P99 latency is O(1) in V2.",
        "SO MANY THINGS happen.",
        'Return "CREATED" when done.',
        "Thanks to @FFY00 for the fix.",
        "Use [HTTPX](https://www.python-httpx.org) for tests.",
        "Run `WASM` in code.",
        "Wasm and wasm are words.",
    ],
)
def test_not_acronyms(sentence: str) -> None:
    assert acronyms(sentence + "\n") == []


@pytest.mark.parametrize(
    "sentence",
    [
        # YAML 1.1 reads ON, OFF, YES, NO as booleans: the shipped list must not lose them
        "Their status (ON/OFF) shows, YES or NO.",
        # SQL keywords and words in capitals: commands, keywords, brands
        "Use INSERT or UPDATE with a WHERE clause, then a LEFT or FULL JOIN.",
        "Run VACUUM, then CLIENT PAUSE and CLUSTER LINKS; NVIDIA drivers apply.",
        # identifiers joined to another name
        "Run BF.ADD on the pair BTC-USDT.",
        "Press TAB or SHIFT; send a HUP signal or a PING frame; GEO* keys.",
        # a value alone in a table cell; a list of names
        "| Symbol | Qty |\n|---|---|\n| MSFT | 285 |",
        "Backends (S3, ADLS, GCS, HDFS) and pairs EURUSD, GBPUSD and USDJPY work.",
        # a command's name as a heading
        "# XGROUP CREATE\n\nCreates a consumer group.",
    ],
)
def test_capitals_that_are_not_undefined_acronyms(sentence: str) -> None:
    assert acronyms(sentence + "\n") == []


def test_acronyms_in_prose_still_count_beside_those_classes() -> None:
    # two lower-case words do not spell a two-letter acronym ("some files" is no SF)
    assert acronyms("Copy some files. SF is odd.\n") == [(1, 18, "SF")]
    text = (
        "## RDMA\n\nUse RDMA for transfers; enter the ACS URL.\n\n"
        "| Key | Meaning |\n|---|---|\n| TGT | a TGT ticket |\n"
    )
    assert acronyms(text) == [(3, 5, "RDMA"), (3, 35, "ACS"), (7, 11, "TGT")]


def test_capitals_inside_a_proper_name_are_part_of_the_name() -> None:
    # a capitalised word beside the capitals, mid-sentence: a name ("Windows NT")
    text = "Since Windows NT, the idea grew; we met at PyCon AU and asked the TAC Engineer.\n"
    assert acronyms(text) == []
    # a word capitalised because it opens the sentence, a list item or a label is not
    text = "Compile TGTX first.\n\n- Enable SCIM here.\n\n1. 🔨 Tweak PDM hooks.\n"
    assert acronyms(text) == [(1, 9, "TGTX"), (3, 10, "SCIM"), (5, 12, "PDM")]
    # a name ending in capitals beside it is another name: the acronym still counts
    assert acronyms("Use the MemWAL LSM-style path.\n") == [(1, 16, "LSM")]


def test_a_tool_or_package_the_page_runs_or_imports_is_a_name() -> None:
    text = "Use HTTPX and ARQ with UV.\n\n```python\nimport httpx\nfrom arq.jobs import Job\n```\n"
    assert acronyms(text) == [(1, 24, "UV")]
    text = "Use HTTPX and UV.\n\n```console\n$ uv pip sync\n```\n"
    assert acronyms(text) == [(1, 5, "HTTPX")]
    # inline code is no command: `sf slot already in use` is a message
    assert acronyms("The SF failed: `sf slot already in use`.\n") == [(1, 5, "SF")]


def test_front_matter_title_and_description_come_before_the_text() -> None:
    text = "---\ntitle: QuestDB Wire Protocol (QWP)\n---\n\nQWP is binary.\n"
    assert acronyms(text) == []
    text = "---\ndescription: Open, High, Low, Close (OHLC) bars\n---\n\nOHLC bars.\n"
    assert acronyms(text) == []
    text = "---\ntitle: Wire protocol\n---\n\nQWP is binary.\n"
    assert acronyms(text) == [(5, 1, "QWP")]


def test_names_with_version_numbers_count_as_the_name() -> None:
    # A name with digits is a product or model id (SPEC 4.3): "GTK3", "H100", "CPX41".
    assert acronyms("Targets GTK3 and GTK4 on an H100 or a CPX41.\n") == []
    assert acronyms("Targets GNOME.\n") == []  # a word in capitals
    assert acronyms("Targets GTKX.\n") == [(1, 9, "GTKX")]
    assert acronyms("Parse ISO8601 dates per PEP695.\n") == []


def test_acronyms_can_be_disabled_excluded_or_ignored() -> None:
    assert acronyms("WASM.\n", acronyms={"enabled": False}) == []
    assert acronyms("WASM.\n", acronyms={"exclude": ["reference/**"]}) == []
    assert findings("reference/p.md", "WASM.\n", severity={"terms/acronym": "ignore"}) == []


def test_unicode_code_points_are_not_acronyms() -> None:
    assert findings("reference/a.md", "# T\n\nNUL bytes read as U+FFFD and U+00AD.\n") == [
        ("terms/acronym", 3, 1, "NUL")
    ]


def test_shipped_lists_hold_strings_and_every_known_acronym_its_expansion() -> None:
    # YAML 1.1 reads ON, NO, TRUE, NULL... as other types: every entry must stay a string.
    from importlib import resources

    import yaml

    from mkdocs_diataxis.core.capitals import known_acronyms

    text = resources.files("mkdocs_diataxis").joinpath("data/acronyms.yml").read_text("utf-8")
    data = yaml.safe_load(text)
    assert all(isinstance(item, str) for item in data["not_acronyms"])
    assert all(isinstance(k, str) and isinstance(v, str) and v for k, v in data["known"].items())
    assert known_acronyms()["RBAC"] == "role-based access control"
    assert acronyms("Grant RBAC roles over the ACL; the OOM killer and SIMD.\n") == []


def test_explain_lists_the_known_acronyms_with_their_expansions(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from mkdocs_diataxis.cli import main

    assert main(["explain", "terms/acronym"]) == 0
    out = capsys.readouterr().out
    assert "Well-known acronyms that need no definition (" in out
    assert "RBAC (role-based access control)" in out.replace("\n    ", " ")


class _Placeholder:
    """Stands for MkDocs' ``!relative`` placeholders: a path, or none yet."""

    def __init__(self, path: str | None) -> None:
        self.path = path

    def __fspath__(self) -> str:
        if self.path is None:
            raise RuntimeError("The current file is not set for the '!relative' tag.")
        return self.path


def test_snippet_auto_append_files_are_found_as_pymdownx_finds_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    from mkdocs_diataxis.core.snippets import auto_appended

    # pymdownx.snippets reads a relative base_path from the folder the build runs in.
    monkeypatch.chdir(tmp_path)

    (tmp_path / "includes").mkdir()
    (tmp_path / "docs").mkdir()
    glossary = tmp_path / "includes" / "abbreviations.md"
    glossary.write_text("*[WASM]: WebAssembly\n", encoding="utf-8")
    base, docs = str(tmp_path), str(tmp_path / "docs")

    def found(options: object) -> list[str]:
        return auto_appended({"pymdownx.snippets": options}, base, docs)

    expected = [str(glossary)]
    assert found({"auto_append": ["includes/abbreviations.md"]}) == expected
    assert found({"auto_append": "abbreviations.md", "base_path": "includes"}) == expected
    assert found({"auto_append": ["includes/abbreviations.md"], "base_path": "$config_dir"}) == (
        expected
    )
    # pymdownx keeps a name inside its base_path unless restrict_base_path is false.
    assert (
        found({"auto_append": ["../includes/abbreviations.md"], "base_path": ["$docs_dir"]}) == []
    )
    unrestricted = {"base_path": ["$docs_dir"], "restrict_base_path": False}
    assert found({"auto_append": ["../includes/abbreviations.md"], **unrestricted}) == [
        os.path.normpath(str(glossary))
    ]
    placeholder = _Placeholder(base)
    assert found({"auto_append": ["includes/abbreviations.md"], "base_path": placeholder}) == (
        expected
    )
    # MkDocs' placeholder is relative when mkdocs.yml was named relatively (-f site/mkdocs.yml)
    monkeypatch.chdir(tmp_path.parent)
    relative = _Placeholder(tmp_path.name)
    assert found({"auto_append": ["includes/abbreviations.md"], "base_path": relative}) == (
        expected
    )
    assert found({"auto_append": ["includes/abbreviations.md"]}) == []
    # What cannot be known here, or is not a path, is passed by without an error.
    assert (
        found({"auto_append": ["includes/abbreviations.md"], "base_path": _Placeholder(None)}) == []
    )
    assert found({"auto_append": [3, None], "base_path": {"a": 1}}) == []
    assert found({"auto_append": ["missing.md"]}) == []
    assert auto_appended({"pymdownx.snippets": None}, base, docs) == []


def test_a_name_the_pages_code_uses_is_code_not_an_acronym() -> None:
    text = "The MATCH option filters keys.\n\n```shell\nSCAN 0 MATCH user:*\n```\n"
    assert acronyms(text) == []
    assert acronyms("Use the `LT` join.\n") == []
    # A diagram, a text block or a comment is prose: RDMA there is no code.
    diagram = "```\nKV cache goes via RDMA\n```\n\n```python\nx = 1  # RDMA\n```\n\nUse RDMA.\n"
    assert acronyms(diagram) == [(9, 5, "RDMA")]
    # Only the whole name counts: AWS_REGION does not make RDMA or AWS code.
    text = "Use RDMA here.\n\n```shell\nexport AWS_REGION=eu\nrdma = true\n```\n"
    assert acronyms(text) == [(1, 5, "RDMA")]


# --- acronyms.scope: site ---------------------------------------------------------------


def test_definitions_in_a_source_are_its_abbreviation_lines_and_spelled_forms() -> None:
    from mkdocs_diataxis.core.glossary import definitions_in

    text = (
        "The Service Level Objectives (SLOs) are set.\n"
        "*[WASM]: WebAssembly\n"
        "An RPC (remote procedure call); the InfluxDB Line Protocol (ILP).\n"
        "GTK4 (GIMP Toolkit) apps; the HDFS (a file system) and SDC (Slowly Changing Data).\n"
    )
    assert definitions_in(text) == {"SLO", "WASM", "RPC", "ILP", "GTK"}


def test_site_scope_counts_a_definition_on_any_page() -> None:
    from mkdocs_diataxis.core.glossary import with_site_definitions

    glossary = "# Glossary\n\nA Service Level Objective (SLO) is a target.\n"
    page = "Set the SLO and the RPO.\n"
    settings = load_settings({"terms": {"enabled": False}, "acronyms": {"scope": "site"}}, ".")
    site = with_site_definitions(settings, [glossary, page])
    assert site.acronyms.site_defined == frozenset({"SLO"})
    assert [f.text for f in check_page("reference/p.md", page, site).findings] == ["RPO"]
    # page scope (the default) counts only the page's own definitions
    page_scope = load_settings({"terms": {"enabled": False}}, ".")
    assert with_site_definitions(page_scope, [glossary]) is page_scope
    assert [f.text for f in check_page("reference/p.md", page, page_scope).findings] == [
        "SLO",
        "RPO",
    ]


def test_scope_must_be_page_or_site() -> None:
    from mkdocs_diataxis.core import SettingsError

    with pytest.raises(SettingsError) as raised:
        load_settings({"acronyms": {"scope": "everywhere"}}, ".")
    assert (raised.value.option, str(raised.value)) == (
        "acronyms.scope",
        "expected page or site, got str 'everywhere'",
    )


def test_site_scope_in_a_build_and_in_the_command_line(tmp_path: Path) -> None:
    from tests.helpers import build, make_site, run_cli, warnings

    pages = {
        "index.md": "# Home\n",
        "explanation/glossary.md": "# Glossary\n\nA Service Level Objective (SLO) is a target.\n",
        "reference/slo.md": "# Targets\n\nSet the SLO per service.\n",
    }
    plugin = "  - diataxis:\n      acronyms: {scope: site}\n      severity: {terms/acronym: warn}\n"
    site = make_site(tmp_path, pages, plugin)
    result = build(site)
    assert (result.returncode, warnings(result.stderr)) == (0, [])
    # Checking one page still counts the definition on a page not checked.
    check = run_cli(site, "check", "docs/reference/slo.md")
    assert (check.returncode, check.stdout.splitlines()[-1]) == (
        0,
        "0 warning(s), 0 info finding(s) in 1 page(s)",
    )
    config = site / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("scope: site", "scope: page"), encoding="utf-8"
    )
    result = build(site)
    assert [line.split(" ", 2)[:2] for line in warnings(result.stderr)] == [
        ["reference/slo.md:3:9:", "[terms/acronym]"]
    ]
