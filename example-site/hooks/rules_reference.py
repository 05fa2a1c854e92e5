"""MkDocs hook: write the rules reference from the plugin's own rule registry.

`on_page_markdown` replaces the marker ``<!-- generated: rules -->`` with a summary
table and one section per rule in `mkdocs_diataxis.core.registry.RULES` (id, default
severity, summary, explanation). Each section also shows the rule's own example page
and the log lines the plugin prints for it, produced by running the real checks on
that page, so the reference cannot drift from the code.

An example that no longer triggers its rule is logged as a warning, which fails
``mkdocs build --strict`` (the tests check the same).
"""

from __future__ import annotations

import logging
from typing import Any

from mkdocs_diataxis.core import Finding
from mkdocs_diataxis.core.examples import check_example
from mkdocs_diataxis.core.registry import RULES
from mkdocs_diataxis.core.rule import Rule

MARKER = "<!-- generated: rules -->"

log = logging.getLogger("mkdocs.hooks.rules_reference")


def on_page_markdown(markdown: str, /, *, page: Any, config: Any, files: Any) -> str | None:
    if MARKER not in markdown:
        return None
    return markdown.replace(MARKER, _rules_markdown(page.file.src_uri))


def _rules_markdown(where: str) -> str:
    parts = [
        "| Rule | Default severity | What it reports |",
        "| --- | --- | --- |",
    ]
    for rule in RULES.values():
        link = f"[`{rule.id}`](#{_anchor(rule.id)})"
        parts.append(f"| {link} | {rule.severity} | {_cell(rule.summary)} |")
    parts.append("")
    family = None
    for rule in RULES.values():
        if rule.family != family:
            family = rule.family
            parts += [f"## `{family}/*` {{#{family}}}", ""]
        parts += [
            f"### `{rule.id}` {{#{_anchor(rule.id)}}}",
            "",
            f"**Default severity:** {rule.severity}",
            "",
            rule.summary,
            "",
            rule.explanation.strip(),
            "",
            *_example_markdown(rule, where),
        ]
    return "\n".join(parts)


def _example_markdown(rule: Rule, where: str) -> list[str]:
    example = rule.example
    result = check_example(rule)
    if not any(finding.rule == rule.id for finding in result.findings):
        log.warning(f"{where}: the example page for rule '{rule.id}' no longer triggers it")
    note = f" ({example.note})" if example.note else ""
    return [
        f"Example page `{example.path}`{note}:",
        "",
        "```markdown",
        example.text.rstrip("\n"),
        "```",
        "",
        "Build log:",
        "",
        "```text",
        *(_log_line(finding) for finding in result.findings),
        "```",
        "",
    ]


def _log_line(finding: Finding) -> str:
    """The line MkDocs prints for ``finding`` (the plugin logs as ``mkdocs_diataxis``)."""
    level = "WARNING" if finding.severity == "warning" else "INFO   "
    return f"{level} -  mkdocs_diataxis: {finding.format()}"


def _anchor(rule_id: str) -> str:
    return rule_id.replace("/", "-")


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")
