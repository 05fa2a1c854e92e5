"""`check --format sarif`: valid SARIF 2.1.0 whose results are the text output's findings.

The SARIF is validated against the OASIS SARIF 2.1.0 schema shipped next to this file
(see sarif-schema-2.1.0.SOURCE.md), offline: the schema holds only local references.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from tests.helpers import build, make_site
from tests.helpers import run_cli as cli

SCHEMA = json.loads((Path(__file__).parent / "sarif-schema-2.1.0.json").read_text("utf-8"))
VALIDATOR = jsonschema.Draft4Validator(SCHEMA)

# path:line:col: severity [rule-id] message — suggestion
TEXT_LINE = re.compile(
    r"(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<severity>warning|info)"
    r" \[(?P<rule>[^\]]+)\] (?P<message>.+)"
)
LEVEL = {"warning": "warning", "info": "note"}

FINDINGS = {
    "index.md": "# Home\n",
    "loose.md": "# Loose\n",
    "guides/a.md": "# A\n\nSimply run it.\n",
    "reference/x.md": (
        "# X\n\nSpawning takes 286ns.\n\nIt is blazing fast.\n\nThe QXZ handles it.\n"
    ),
}


def check(site: Path, *args: str) -> tuple[int, str]:
    result = cli(site, "check", "-f", str(site / "mkdocs.yml"), *args)
    assert result.stderr == ""
    return result.returncode, result.stdout


def sarif_of(site: Path) -> tuple[int, dict[str, Any]]:
    code, stdout = check(site, "--format", "sarif")
    return code, json.loads(stdout)


def text_findings(stdout: str) -> list[tuple[str, int, int, str, str, str]]:
    """(path, line, column, rule, level, message) of every finding line of the text output."""
    *lines, summary = stdout.splitlines()
    assert re.fullmatch(r"\d+ warning\(s\), \d+ info finding\(s\) in \d+ page\(s\)", summary)
    found = []
    for line in lines:
        match = TEXT_LINE.fullmatch(line)
        assert match, line
        found.append(
            (
                match["path"],
                int(match["line"]),
                int(match["col"]),
                match["rule"],
                LEVEL[match["severity"]],
                match["message"],
            )
        )
    return found


def sarif_findings(run: dict[str, Any]) -> list[tuple[str, int, int, str, str, str]]:
    """The same tuple for every SARIF result (its one location)."""
    found = []
    for result in run["results"]:
        (location,) = result["locations"]
        physical = location["physicalLocation"]
        found.append(
            (
                physical["artifactLocation"]["uri"],
                physical["region"]["startLine"],
                physical["region"]["startColumn"],
                result["ruleId"],
                result["level"],
                result["message"]["text"],
            )
        )
    return found


def schema_errors(sarif: dict[str, Any]) -> list[str]:
    return [
        f"{'/'.join(map(str, error.absolute_path))}: {error.message}"
        for error in VALIDATOR.iter_errors(sarif)
    ]


def test_shipped_schema_is_the_oasis_sarif_2_1_0_schema_and_self_contained() -> None:
    assert SCHEMA["id"] == (
        "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    )
    assert SCHEMA["properties"]["version"]["enum"] == ["2.1.0"]
    assert jsonschema.validators.validator_for(SCHEMA) is jsonschema.Draft4Validator
    jsonschema.Draft4Validator.check_schema(SCHEMA)
    refs = re.findall(r'"\$ref": "([^"]*)"', json.dumps(SCHEMA))
    assert refs
    assert all(ref.startswith("#/definitions/") for ref in refs)


def test_sarif_validates_and_matches_the_text_output(tmp_path: Path) -> None:
    site = make_site(tmp_path, FINDINGS)
    text_code, text = check(site)
    code, sarif = sarif_of(site)
    assert schema_errors(sarif) == []
    assert (code, text_code) == (1, 1)
    assert [finding[:5] for finding in text_findings(text)] == [
        ("docs/guides/a.md", 3, 1, "terms/forbidden", "note"),
        ("docs/loose.md", 1, 1, "placement/uncategorized", "warning"),
        ("docs/reference/x.md", 3, 16, "citation/uncited", "warning"),
        ("docs/reference/x.md", 5, 7, "terms/forbidden", "warning"),
        ("docs/reference/x.md", 7, 5, "terms/acronym", "note"),
    ]
    (run,) = sarif["runs"]
    assert [f[:4] for f in sarif_findings(run)] == [f[:4] for f in text_findings(text)]
    assert sarif_findings(run) == text_findings(text)


def test_every_result_names_a_rule_of_the_driver(tmp_path: Path) -> None:
    _, sarif = sarif_of(make_site(tmp_path, FINDINGS))
    (run,) = sarif["runs"]
    rules = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    assert len(rules) == len(set(rules))
    assert {result["ruleId"] for result in run["results"]} <= set(rules)
    assert [rules[result["ruleIndex"]] for result in run["results"]] == [
        result["ruleId"] for result in run["results"]
    ]


def test_clean_site_validates_with_no_results(tmp_path: Path) -> None:
    site = make_site(tmp_path, {"index.md": "# Home\n", "guides/a.md": "# A\n"})
    code, sarif = sarif_of(site)
    assert schema_errors(sarif) == []
    assert code == 0
    (run,) = sarif["runs"]
    assert run["results"] == []
    assert run["tool"]["driver"]["name"] == "mkdocs-diataxis"


@pytest.mark.parametrize(
    ("path", "value", "error"),
    [
        (("region", "startColumn"), 0, "0 is less than the minimum of 1"),
        (("artifactLocation", "uri"), 7, "7 is not of type 'string'"),
    ],
)
def test_schema_rejects_a_broken_location(
    tmp_path: Path, path: tuple[str, str], value: int, error: str
) -> None:
    """The check has teeth: the same output with one location broken fails validation."""
    _, sarif = sarif_of(make_site(tmp_path, {"loose.md": "# Loose\n"}))
    physical = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    physical[path[0]][path[1]] = value
    assert schema_errors(sarif) == [
        f"runs/0/results/0/locations/0/physicalLocation/{'/'.join(path)}: {error}"
    ]


def test_locations_are_uri_references_even_for_paths_with_spaces_and_hashes(
    tmp_path: Path,
) -> None:
    site = make_site(tmp_path, {"reference/my page#1.md": "# P\n\nSpawning takes 286ns.\n"})
    code, sarif = sarif_of(site)
    assert code == 1
    assert not list(VALIDATOR.iter_errors(sarif))
    [result] = sarif["runs"][0]["results"]
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "docs/reference/my%20page%231.md"
    assert location["region"] == {"startLine": 3, "startColumn": 16}


def test_columns_are_code_points_and_warnings_carry_the_baseline_fingerprint(
    tmp_path: Path,
) -> None:
    from mkdocs_diataxis.core import check_page, load_settings

    # An emoji is one code point and two UTF-16 units: the column after it is 12.
    pages = {"index.md": "# Home\n", "reference/x.md": "# X\n\n🚀 It takes 286ns.\n"}
    site = make_site(tmp_path, pages)
    code, sarif = sarif_of(site)
    assert (code, schema_errors(sarif)) == (1, [])
    (run,) = sarif["runs"]
    assert run["columnKind"] == "unicodeCodePoints"
    (result,) = run["results"]
    assert result["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 3,
        "startColumn": 12,
    }
    text = (site / "docs" / "reference" / "x.md").read_text("utf-8")
    (finding,) = check_page("reference/x.md", text, load_settings({})).findings
    assert result["partialFingerprints"] == {"diataxisFingerprint/v1": finding.fingerprint}
    assert len(finding.fingerprint) == 20
    # Info findings have no identity to track.
    (site / "mkdocs.yml").write_text(
        "site_name: Test\nplugins:\n  - diataxis:\n      severity: {citation/uncited: info}\n",
        "utf-8",
    )
    _, sarif = sarif_of(site)
    assert "partialFingerprints" not in sarif["runs"][0]["results"][0]


def test_help_uri_points_at_the_rule_on_the_sites_status_page(tmp_path: Path) -> None:
    pages = {"index.md": "# Home\n", "reference/x.md": "# X\n\nIt takes 286ns.\n"}
    site = make_site(tmp_path, pages)
    config = site / "mkdocs.yml"
    _, sarif = sarif_of(site)
    rules = sarif["runs"][0]["tool"]["driver"]["rules"]
    assert [rule for rule in rules if "helpUri" in rule] == []  # no site_url: no address
    config.write_text("site_url: https://docs.example.com/\n" + config.read_text("utf-8"))
    _, sarif = sarif_of(site)
    assert schema_errors(sarif) == []
    rules = sarif["runs"][0]["tool"]["driver"]["rules"]
    # Only the rules with findings: the status page explains those.
    assert {rule["id"]: rule["helpUri"] for rule in rules if "helpUri" in rule} == {
        "citation/uncited": "https://docs.example.com/diataxis-status/#rule-citation-uncited"
    }
    built = build(site, strict=False)
    assert built.returncode == 0, built.stderr
    html = (site / "site" / "diataxis-status" / "index.html").read_text("utf-8")
    assert '<dt id="rule-citation-uncited"><code>citation/uncited</code></dt>' in html
