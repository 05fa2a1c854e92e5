"""MkDocs hook: tables generated from the plugin's own data files, so they cannot drift.

- ``<!-- generated: default-terms -->``: the shipped term list (data/terms.yml);
- ``<!-- generated: known-acronyms -->``: the shipped well-known acronyms;
- ``<!-- generated: cli-help -->``: the command line's own ``--help`` texts.
"""

from __future__ import annotations

import os
import re
from importlib import resources
from typing import Any

import yaml

from mkdocs_diataxis.cli import parser
from mkdocs_diataxis.core.capitals import known_acronyms
from mkdocs_diataxis.core.termlist import load_default_terms


def _cell(value: str) -> str:
    return value.replace("|", "\\|").replace("\n", " ")


def _code(value: str) -> str:
    """A code span in a table cell: its pipes need no escape (Python-Markdown's tables
    do not split inside code, and would show the backslash), and a fence longer than
    any run of backticks inside lets a pattern hold them (`` `0` ``)."""
    fence = "`" * (max((len(run) for run in re.findall(r"`+", value)), default=0) + 1)
    pad = " " if value.startswith("`") or value.endswith("`") else ""
    return f"{fence}{pad}{value.replace(chr(10), ' ')}{pad}{fence}"


def _terms() -> str:
    rows = ["| Pattern | Severity | Use instead | Why | Not reported in |", "|---|---|---|---|---|"]
    for entry in load_default_terms():
        patterns = ", ".join(_code(p) for p in entry.patterns)
        if entry.inflections:
            patterns += " (+ " + ", ".join(f"-{i}" for i in entry.inflections) + ")"
        exceptions = ", ".join(_code(e.pattern) for e in entry.exceptions) or "—"
        severity = entry.severity + (" (off)" if entry.severity == "ignore" else "")
        if entry.unless_cited:
            exceptions += "; a sentence with a link or footnote"
        rows.append(
            f"| {patterns} | {severity} | {_cell(', '.join(entry.replacements))} |"
            f" {_cell(entry.reason)} | {exceptions} |"
        )
    return "\n".join(rows)


def _acronyms() -> str:
    text = resources.files("mkdocs_diataxis").joinpath("data/acronyms.yml").read_text("utf-8")
    data = yaml.safe_load(text)
    rows = ["| Known acronym | Stands for |", "|---|---|"]
    rows += [
        f"| `{acronym}` | {_cell(meaning)} |"
        for acronym, meaning in sorted(known_acronyms().items(), key=lambda item: item[0].upper())
    ]
    others = ", ".join(f"`{item}`" for item in sorted(set(map(str, data["not_acronyms"]))))
    return "\n".join(rows) + f"\n\n**Never acronyms**: {others}"


def _cli_help() -> str:
    # A fixed width, so the page does not depend on the terminal that builds it.
    previous = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = "88"
    try:
        main = parser()
        blocks = ["$ mkdocs-diataxis --help\n" + main.format_help()]
        for action in main._subparsers._group_actions:  # argparse keeps sub-parsers here
            for name, sub in action.choices.items():
                blocks.append(f"$ mkdocs-diataxis {name} --help\n{sub.format_help()}")
    finally:
        if previous is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = previous
    return "```text\n" + "\n".join(blocks).rstrip() + "\n```"


MARKERS = {
    "<!-- generated: default-terms -->": _terms,
    "<!-- generated: known-acronyms -->": _acronyms,
    "<!-- generated: cli-help -->": _cli_help,
}


def on_page_markdown(markdown: str, /, *, page: Any, config: Any, files: Any) -> str | None:
    for marker, make in MARKERS.items():
        if marker in markdown:
            markdown = markdown.replace(marker, make())
    return markdown
