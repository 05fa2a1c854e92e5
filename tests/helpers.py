"""Helpers shared by the tests: check a page from inline Markdown, make a site on
disk, build it as users do, run the command line in this process or as users do."""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, settings

from mkdocs_diataxis import cli
from mkdocs_diataxis.core import Finding, check_page, load_settings


def thousand_examples(*allowed: HealthCheck) -> settings:
    """Hypothesis settings of the property tests: 1,000 examples, derandomised (the same
    on every run), no example database, no deadline; ``allowed`` health checks off."""
    return settings(
        max_examples=1000,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, *allowed],
    )


def md(text: str) -> str:
    """Inline Markdown in tests, written indented; the first newline is dropped."""
    return textwrap.dedent(text).lstrip("\n")


def findings(path: str, text: str | bytes, **options: Any) -> list[tuple[str, int, int, str]]:
    """(rule, line, column, text) of every finding on one page."""
    settings = load_settings(options)
    return [(f.rule, f.line, f.column, f.text) for f in check_page(path, text, settings).findings]


def all_findings(path: str, text: str | bytes, **options: Any) -> list[Finding]:
    return list(check_page(path, text, load_settings(options)).findings)


# --- sites on disk ---------------------------------------------------------------------

HOOK = "# Tests put hooks of their own here.\n"
"""The site's ``hooks.py``: none by default (see ``GENERATING_HOOK``)."""

GENERATING_HOOK = """
from mkdocs.structure.files import File, InclusionLevel

def on_files(files, config):
    files.append(File.generated(config, "generated.md", content="# Generated\\n",
                                inclusion=InclusionLevel.NOT_IN_NAV))
    return files
"""
"""A hook that adds a page the way plugins generate one (``File.generated``)."""


def make_site(root: Path, pages: dict[str, str | bytes], plugin: str = "  - diataxis\n") -> Path:
    docs = root / "docs"
    for path, content in pages.items():
        target = docs / path
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
    (root / "hooks.py").write_text(HOOK, encoding="utf-8")
    (root / "mkdocs.yml").write_text(
        f"site_name: Test\nhooks: [hooks.py]\nplugins:\n{plugin}", encoding="utf-8"
    )
    return root


def build(root: Path, *args: str, strict: bool = True) -> subprocess.CompletedProcess[str]:
    """``mkdocs build --strict ARGS`` (``--strict`` only with ``strict``) in ``root``."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", *(["--strict"] if strict else []), *args],
        cwd=root,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def warnings(output: str) -> list[str]:
    prefix = "WARNING -  mkdocs_diataxis: "
    return [line.removeprefix(prefix) for line in output.splitlines() if line.startswith(prefix)]


BROKEN = {
    "index.md": "# Home\n",
    "loose.md": "# Loose\n",
    "reference/api.md": "---\ntitle: API\ndiataxis: how-to\n---\n# API\n",
    "reference/guides/install.md": "# Install\n",
    "guides/upgrade.md": "---\ndiataxis: howto-guide\n---\n# Upgrade\n",
}


def digest(folder: Path) -> dict[str, str]:
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


# --- the command line ------------------------------------------------------------------


@dataclass(frozen=True)
class Ran:
    """What a run of the command line gave: exit code and output."""

    returncode: int
    stdout: str
    stderr: str


def run_cli(cwd: Path, *args: str) -> Ran:
    """``mkdocs-diataxis ARGS`` in this process, from ``cwd``."""
    out, err = io.StringIO(), io.StringIO()
    previous = os.getcwd()
    os.chdir(cwd)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = cli.main(list(args))
            except SystemExit as stop:  # argparse: --version, --help, usage errors
                code = stop.code if isinstance(stop.code, int) else 0
    finally:
        os.chdir(previous)
    return Ran(code, out.getvalue(), err.getvalue())


def run_cli_process(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``mkdocs-diataxis ARGS`` as users run it: a process of its own."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs_diataxis.cli", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
