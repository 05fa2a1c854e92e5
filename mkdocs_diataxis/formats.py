"""How the command line prints findings: text for people, GitHub workflow annotations,
SARIF 2.1.0 for code scanning. Each takes the findings and a function that gives a
page's path as output shows it."""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, TextIO
from urllib.parse import quote

from mkdocs_diataxis import __version__
from mkdocs_diataxis.core import Finding, PageResult
from mkdocs_diataxis.core.document import one_line
from mkdocs_diataxis.core.figures import Figure, FigureClass
from mkdocs_diataxis.core.registry import RULES
from mkdocs_diataxis.status.markup import rule_anchor

if TYPE_CHECKING:
    from mkdocs_diataxis.project import ReportedFigure

Shown = Callable[[str], str]
"""A page's path (relative to docs_dir) as output shows it."""


def sorted_findings(results: Sequence[PageResult]) -> list[Finding]:
    return sorted((f for r in results for f in r.findings), key=Finding.sort_key)


def write_text(
    shown: Shown, findings: list[Finding], pages: int, out: TextIO, partials: int = 0
) -> None:
    colour = out.isatty() and "NO_COLOR" not in os.environ
    for f in findings:
        path = shown(f.path)
        level: str = f.severity
        if colour:
            level = ("\033[33m" if f.severity == "warning" else "\033[36m") + level + "\033[0m"
        tail = f" — {f.suggestion}" if f.suggestion else ""
        out.write(f"{path}:{f.line}:{f.column}: {level} [{f.rule}] {f.message}{tail}\n")
    warnings = sum(1 for f in findings if f.severity == "warning")
    info = len(findings) - warnings
    included = f" and {partials} included file(s)" if partials else ""
    out.write(f"{warnings} warning(s), {info} info finding(s) in {pages} page(s){included}\n")


def _github_escape(value: str, *, property_value: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_value:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def write_github(shown: Shown, findings: list[Finding], out: TextIO) -> None:
    for f in findings:
        path = shown(f.path)
        kind = "warning" if f.severity == "warning" else "notice"
        message = f.message + (f" — {f.suggestion}" if f.suggestion else "")
        out.write(
            f"::{kind} file={_github_escape(path, property_value=True)},line={f.line},"
            f"col={f.column},title={_github_escape(f.rule, property_value=True)}::"
            f"{_github_escape(message)}\n"
        )


def sarif(shown: Shown, findings: list[Finding], help_page: str | None = None) -> dict[str, Any]:
    """SARIF 2.1.0; ``help_page`` is the address of the site's status page, whose
    Rules section explains each rule with findings (their ``helpUri``)."""
    rules = list(RULES.values())
    reported = {finding.rule for finding in findings}
    index = {rule.id: number for number, rule in enumerate(rules)}
    return {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "mkdocs-diataxis",
                        "version": __version__,
                        "informationUri": "https://pypi.org/project/mkdocs-diataxis/",
                        "rules": [
                            {
                                "id": rule.id,
                                "name": rule.id.replace("/", "-"),
                                "shortDescription": {"text": rule.summary},
                                "fullDescription": {"text": rule.summary},
                                "help": {"text": rule.explanation},
                                **(
                                    {"helpUri": f"{help_page}#{rule_anchor(rule.id)}"}
                                    if help_page and rule.id in reported
                                    else {}
                                ),
                                "defaultConfiguration": {
                                    "level": "warning" if rule.severity == "warning" else "note"
                                },
                            }
                            for rule in rules
                        ],
                    }
                },
                # Columns count characters (code points), as the text output's do.
                "columnKind": "unicodeCodePoints",
                "results": [
                    {
                        "ruleId": f.rule,
                        "ruleIndex": index[f.rule],
                        "level": "warning" if f.severity == "warning" else "note",
                        "message": {
                            "text": f.message + (f" — {f.suggestion}" if f.suggestion else "")
                        },
                        "locations": [
                            {
                                "physicalLocation": {
                                    "artifactLocation": {
                                        # A URI reference: "my page#1.md" would
                                        # otherwise end at the space or the "#".
                                        "uri": quote(
                                            shown(f.path).replace(os.sep, "/"),
                                            safe="/",
                                        )
                                    },
                                    "region": {"startLine": f.line, "startColumn": f.column},
                                }
                            }
                        ],
                        # The baseline's identity of a warning: it survives lines
                        # inserted above, so code scanning tracks the same alert.
                        **(
                            {"partialFingerprints": {"diataxisFingerprint/v1": f.fingerprint}}
                            if f.fingerprint
                            else {}
                        ),
                    }
                    for f in findings
                ],
            }
        ],
    }


def figure_dict(path: str, figure: Figure, reported: str | None = None) -> dict[str, Any]:
    """One figure as ``figures --format json`` prints it; ``reported`` is the finding a
    check gives it (``rule (severity)``), if any."""
    evidence = figure.evidence
    return {
        "path": path,
        "line": figure.line,
        "column": figure.column,
        "text": figure.text,
        "class": figure.cls.value,
        "evidence": {
            "words": evidence.words,
            "where": evidence.where,
            "kind": evidence.kind.value if evidence.kind else "",
        },
        "scope": figure.scope.value if figure.scope else None,
        "citation": figure.citation,
        "reported": reported,
    }


def write_figures(
    shown: Shown,
    pages: Iterable[tuple[str, list[ReportedFigure]]],
    out: TextIO,
    *,
    as_json: bool,
) -> None:
    """Every candidate figure, one line each (or one JSON object), and a summary line."""
    counts: Counter[str] = Counter()
    rows: list[dict[str, Any]] = []
    for path, figures in pages:
        for figure, reported in figures:
            counts[figure.cls.value] += 1
            counts["uncited"] += figure.uncited
            if as_json:
                rows.append(figure_dict(path, figure, reported))
                continue
            where = f"{shown(path)}:{figure.line}:{figure.column}"
            line = f"{where}: {figure.text}: {figure.cls.value} ({figure.evidence.describe()})"
            if figure.weakly_cited:
                line += " — only a methodology section that names no source covers it"
            elif figure.claim and figure.scope is not None:
                line += f" — cited in the {figure.scope.value}: {figure.citation}"
            elif figure.claim:
                line += " — no source in reach"
            if reported:
                line += f": {reported}"
            elif figure.uncited or figure.weakly_cited:
                line += " (not reported: suppressed, or its rule set to ignore)"
            out.write(one_line(line) + "\n")
    if as_json:
        out.write(json.dumps(rows, indent=2, ensure_ascii=False) + "\n")
        return
    classes = ", ".join(f"{counts[c.value]} {c.value}" for c in FigureClass if counts[c.value])
    total = sum(counts[c.value] for c in FigureClass)
    out.write(f"{total} figure(s): {classes or 'none'}; {counts['uncited']} claim(s) uncited\n")
