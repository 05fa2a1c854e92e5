"""MkDocs hook: write the rules reference from the plugin's own rule registry.

`on_page_markdown` replaces the marker ``<!-- generated: rules -->`` with a summary
table and one section per rule in `mkdocs_diataxis.core.registry.RULES` (id, default
severity, summary, explanation). Each section also shows the log lines the plugin
prints for a sample page, produced by running the real checks on that page, so the
reference cannot drift from the code.

A sample that no longer triggers its rule is logged as a warning, which fails
``mkdocs build --strict``. A rule without a sample is documented without one, and
logged at INFO level so that the gap shows in the build log.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from mkdocs_diataxis.core import Finding, Settings, check_page
from mkdocs_diataxis.core.registry import RULES

MARKER = "<!-- generated: rules -->"

log = logging.getLogger("mkdocs.hooks.rules_reference")


@dataclass(frozen=True)
class Sample:
    """A page that triggers a rule: its path under docs_dir, its bytes, the settings used."""

    path: str
    source: bytes
    note: str = ""
    settings: Mapping[str, Any] = field(default_factory=dict)


SAMPLES: dict[str, Sample] = {
    "page/unreadable": Sample(
        "notes.md",
        "# Café notes\n".encode("latin-1"),
        "saved as Latin-1, so `é` is the single byte `0xe9`",
    ),
    "page/front-matter": Sample(
        "how-to/deploy.md",
        b"---\ntitle: Deploying: the hard way\n---\n# Deploying\n",
    ),
    "placement/uncategorized": Sample("deploying.md", b"# Deploying\n"),
    "placement/mismatch": Sample("reference/deploy.md", b"---\ndiataxis: how-to\n---\n# Deploy\n"),
    "placement/nested": Sample("reference/guides/install.md", b"# Install\n"),
    "placement/unknown-category": Sample(
        "guides/upgrade.md", b"---\ndiataxis: howto-guide\n---\n# Upgrade\n"
    ),
    "suppression/unknown-rule": Sample(
        "deploying.md",
        b"<!-- diataxis: disable placement/uncategorised -->\n# Deploying\n",
        "the misspelt id silences nothing, so the page's own finding is reported too",
    ),
    "suppression/unknown-directive": Sample(
        "how-to/deploy.md",
        b"# Deploy\n\n<!-- diataxis: disabel placement/nested -->\n",
    ),
    "citation/uncited": Sample(
        "reference/lifecycle.md",
        b"# Lifecycle\n\nCosts on the reference machine.\n\n- Component spawn: 286ns\n",
    ),
    "citation/weak": Sample(
        "reference/lifecycle.md",
        b"# Lifecycle\n\nSpawn takes 286ns.\n\n## Methodology\n\nMeasured on a laptop.\n",
        "`citation/weak` is info by default; set `citations.methodology: warn` to fail on it",
    ),
    "terms/forbidden": Sample(
        "index.md",
        b"# Home\n\nIt enables hot deployment and zero-downtime updates.\n",
    ),
    "terms/acronym": Sample("reference/runtime.md", b"# Runtime\n\nModules compile to WASM.\n"),
}


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
            *_sample_markdown(rule.id, where),
        ]
    return "\n".join(parts)


def _sample_markdown(rule_id: str, where: str) -> list[str]:
    sample = SAMPLES.get(rule_id)
    if sample is None:
        log.info(
            f"{where}: no sample page for rule '{rule_id}';"
            " add one to SAMPLES in hooks/rules_reference.py"
        )
        return []
    result = check_page(sample.path, sample.source, Settings.from_mapping(sample.settings))
    if not any(finding.rule == rule_id for finding in result.findings):
        log.warning(f"{where}: the sample page for rule '{rule_id}' no longer triggers it")
    try:
        shown = sample.source.decode("utf-8")
    except UnicodeDecodeError:
        shown = sample.source.decode("latin-1")
    note = f" ({sample.note})" if sample.note else ""
    return [
        f"Sample page `{sample.path}`{note}:",
        "",
        "```markdown",
        shown.rstrip("\n"),
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
