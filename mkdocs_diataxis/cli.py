"""``mkdocs-diataxis``: the plugin's checks without a build (CI, pre-commit, other engines).

Exit codes: 0 clean (or info findings only), 1 warning findings, 2 usage or config error.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import sys
import textwrap
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import quote

import yaml
from yaml_env_tag import construct_env_tag  # type: ignore[import-untyped]

from mkdocs_diataxis import __version__
from mkdocs_diataxis.config import DiataxisConfig
from mkdocs_diataxis.core import Finding, PageResult, Settings, SettingsError
from mkdocs_diataxis.core.baseline import BaselineError, baseline_json, load_baseline
from mkdocs_diataxis.core.examples import check_example
from mkdocs_diataxis.core.links import LinkLoops
from mkdocs_diataxis.core.options import check_jobs
from mkdocs_diataxis.core.pathmatch import PathPatterns
from mkdocs_diataxis.core.registry import RULES
from mkdocs_diataxis.core.report import build_report
from mkdocs_diataxis.status import render_status_page
from mkdocs_diataxis.workers import Batch, SourcePage

EXIT_CLEAN, EXIT_WARNINGS, EXIT_ERROR = 0, 1, 2
CONFIG_NAMES = ("mkdocs.yml", "mkdocs.yaml", "properdocs.yml", "properdocs.yaml")


class CliError(Exception):
    """A usage or configuration problem: printed as one line, exit code 2."""


class _TolerantLoader(yaml.SafeLoader):
    """Safe YAML that resolves ``!ENV`` and leaves other MkDocs tags (``!relative``,
    ``!!python/name:``...) unresolved instead of failing: plugin options never use them."""


def _any_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    del suffix
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)  # type: ignore[arg-type]


_TolerantLoader.add_multi_constructor("!", _any_tag)
# `!ENV [NAME, default]` is resolved as MkDocs resolves it (`enabled: !ENV [CI, false]`).
_TolerantLoader.add_constructor("!ENV", construct_env_tag)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", _any_tag)


class Project:
    """The config file, its docs_dir and the validated plugin settings."""

    def __init__(self, config_file: str | None) -> None:
        self.config_file = _find_config(config_file)
        self.base_dir = os.path.dirname(os.path.abspath(self.config_file))
        try:
            with open(self.config_file, encoding="utf-8-sig") as handle:
                data = yaml.load(handle, Loader=_TolerantLoader)
        except (OSError, UnicodeDecodeError) as error:
            raise CliError(f"cannot read {self.config_file}: {error}") from None
        except yaml.YAMLError as error:
            raise CliError(f"{self.config_file} is not valid YAML: {_first_line(error)}") from None
        if not isinstance(data, dict):
            raise CliError(f"{self.config_file}: expected a mapping of settings")
        self.data = data
        self._shown: dict[str, str] = {}
        self.docs_dir = os.path.join(self.base_dir, str(data.get("docs_dir") or "docs"))
        if not os.path.isdir(self.docs_dir):
            raise CliError(f"{self.config_file}: docs_dir {self.docs_dir} is not a folder")
        options, self.has_plugin = _plugin_options(data.get("plugins"))
        self.settings = _validate(options, self.config_file)
        self.exclude = PathPatterns(_string_lines(data.get("exclude_docs")))
        self.loops = LinkLoops(self.docs_dir)

    def pages(self, paths: Sequence[str]) -> list[str]:
        """Markdown pages to check (relative to docs_dir), all or those under ``paths``."""
        roots = [os.path.abspath(path) for path in paths] or [self.docs_dir]
        docs = os.path.abspath(self.docs_dir)
        found: set[str] = set()
        for root in roots:
            if os.path.commonpath([root, docs]) != docs:
                raise CliError(f"{root} is outside docs_dir {docs}")
            if os.path.isfile(root):
                found.add(os.path.relpath(root, docs).replace(os.sep, "/"))
                continue
            if not os.path.isdir(root):
                raise CliError(f"{root} does not exist")
            # Folder links are followed, as MkDocs follows them; a loop is not.
            for folder, dirs, files in os.walk(root, followlinks=True):
                dirs[:] = sorted(
                    d
                    for d in dirs
                    if not d.startswith(".")
                    and not self.loops.is_loop(
                        os.path.relpath(os.path.join(folder, d), docs).replace(os.sep, "/")
                    )
                )
                for name in files:
                    if name.endswith(".md") and not name.startswith("."):
                        path = os.path.relpath(os.path.join(folder, name), docs)
                        found.add(path.replace(os.sep, "/"))
        return sorted(path for path in found if not self.exclude.match(path))

    def shown(self, path: str) -> str:
        """A page's path as output shows it: relative to the working folder."""
        if path not in self._shown:  # a page may have thousands of findings
            self._shown[path] = os.path.relpath(os.path.join(self.docs_dir, path))
        return self._shown[path]

    def check(self, paths: Sequence[str]) -> list[PageResult]:
        """Check the pages (all, or those under ``paths``) here and in as many worker
        processes as the ``jobs`` setting asks for."""
        pages: list[SourcePage] = [(path, Path(self.docs_dir, path)) for path in self.pages(paths)]
        # This process runs one thread, so workers may start as forks of it.
        batch = Batch.for_jobs(pages, self.settings, fork=True)
        return batch.results() + self.loops.results(self.settings)


def _find_config(config_file: str | None) -> str:
    if config_file is not None:
        if not os.path.isfile(config_file):
            raise CliError(f"config file {config_file} does not exist")
        return config_file
    for name in CONFIG_NAMES:
        if os.path.isfile(name):
            return name
    raise CliError("no mkdocs.yml here; name one with -f")


def _plugin_options(plugins: Any) -> tuple[dict[str, Any], bool]:
    """The ``diataxis`` entry's options from ``plugins:`` (a list or a mapping)."""
    items: list[Any] = list(plugins.items()) if isinstance(plugins, dict) else (plugins or [])
    for item in items:
        if item == "diataxis":
            return {}, True
        if isinstance(item, tuple) and item[0] == "diataxis":
            return dict(item[1] or {}), True
        if isinstance(item, dict) and "diataxis" in item:
            return dict(item["diataxis"] or {}), True
    return {}, False


def _validate(options: dict[str, Any], config_file: str) -> Settings:
    """The plugin's own validation: its MkDocs config options, run once."""
    options.pop("enabled", None)
    config = DiataxisConfig(config_file_path=config_file)
    config.load_dict(options)
    errors, warnings = config.validate()
    for key, error in errors:
        raise CliError(f"{config_file}: plugin 'diataxis' option '{key}': {error}")
    for key, warning in warnings:
        print(
            f"warning: {config_file}: plugin 'diataxis' option '{key}': {warning}", file=sys.stderr
        )
    return config.settings()


def _string_lines(value: Any) -> list[str]:
    if isinstance(value, str):
        return [line for line in value.splitlines() if line.strip() and not line.startswith("#")]
    return []


def _first_line(error: Exception) -> str:
    return str(error).splitlines()[0] if str(error) else type(error).__name__


# --- output formats ----------------------------------------------------------------------


def _sorted(results: Sequence[PageResult]) -> list[Finding]:
    return sorted((f for r in results for f in r.findings), key=Finding.sort_key)


def _text(project: Project, findings: list[Finding], pages: int, out: TextIO) -> None:
    colour = out.isatty() and "NO_COLOR" not in os.environ
    for f in findings:
        path = project.shown(f.path)
        level: str = f.severity
        if colour:
            level = ("\033[33m" if f.severity == "warning" else "\033[36m") + level + "\033[0m"
        tail = f" — {f.suggestion}" if f.suggestion else ""
        out.write(f"{path}:{f.line}:{f.column}: {level} [{f.rule}] {f.message}{tail}\n")
    warnings = sum(1 for f in findings if f.severity == "warning")
    info = len(findings) - warnings
    out.write(f"{warnings} warning(s), {info} info finding(s) in {pages} page(s)\n")


def _github_escape(value: str, *, property_value: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_value:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def _github(project: Project, findings: list[Finding], out: TextIO) -> None:
    for f in findings:
        path = project.shown(f.path)
        kind = "warning" if f.severity == "warning" else "notice"
        message = f.message + (f" — {f.suggestion}" if f.suggestion else "")
        out.write(
            f"::{kind} file={_github_escape(path, property_value=True)},line={f.line},"
            f"col={f.column},title={_github_escape(f.rule, property_value=True)}::"
            f"{_github_escape(message)}\n"
        )


def _sarif(project: Project, findings: list[Finding]) -> dict[str, Any]:
    rules = list(RULES.values())
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
                                "defaultConfiguration": {
                                    "level": "warning" if rule.severity == "warning" else "note"
                                },
                            }
                            for rule in rules
                        ],
                    }
                },
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
                                            project.shown(f.path).replace(os.sep, "/"),
                                            safe="/",
                                        )
                                    },
                                    "region": {"startLine": f.line, "startColumn": f.column},
                                }
                            }
                        ],
                    }
                    for f in findings
                ],
            }
        ],
    }


# --- commands -----------------------------------------------------------------------------


def _output(path: str | None) -> TextIO:
    if path is None or path == "-":
        return sys.stdout
    try:
        return open(path, "w", encoding="utf-8")  # closed by the caller
    except OSError as error:
        raise CliError(f"cannot write {path}: {error.strerror}") from None


def _check(args: argparse.Namespace) -> int:
    project = Project(args.config_file)
    if args.baseline is not None:
        try:  # its errors name it as given
            baseline = load_baseline(os.path.abspath(args.baseline), args.baseline)
        except BaselineError as error:
            raise CliError(str(error)) from None
        project.settings = dataclasses.replace(project.settings, baseline=baseline)
    if args.jobs is not _FROM_SETTINGS:
        project.settings = dataclasses.replace(project.settings, jobs=args.jobs)
    if not project.has_plugin:
        print(
            f"note: {project.config_file} has no 'diataxis' plugin entry; checking with defaults",
            file=sys.stderr,
        )
    results = project.check(args.paths)
    findings = _sorted(results)
    out = _output(args.output)
    try:
        if args.format == "text":
            _text(project, findings, len(results), out)
        elif args.format == "github":
            _github(project, findings, out)
        elif args.format == "sarif":
            out.write(json.dumps(_sarif(project, findings), indent=2, ensure_ascii=False) + "\n")
        else:
            build_report(results, project.settings).write_json(out)
    finally:
        if out is not sys.stdout:
            out.close()
    return EXIT_WARNINGS if any(f.severity == "warning" for f in findings) else EXIT_CLEAN


def _status(args: argparse.Namespace) -> int:
    project = Project(args.config_file)
    report = build_report(project.check([]), project.settings)
    status = project.settings.status_page
    extensions = project.data.get("markdown_extensions") or []
    names = {next(iter(e)) if isinstance(e, dict) else e for e in extensions}
    markdown = render_status_page(
        report,
        title=status.title,
        page_path=status.path,
        repo_url=project.data.get("repo_url"),
        edit_uri=project.data.get("edit_uri"),
        admonitions="admonition" in names,
    )
    out = _output(args.output)
    try:
        out.write(markdown)
    finally:
        if out is not sys.stdout:
            out.close()
    return EXIT_CLEAN


def _baseline(args: argparse.Namespace) -> int:
    project = Project(args.config_file)
    project.settings = dataclasses.replace(project.settings, baseline=None)  # record everything
    findings = _sorted(project.check([]))
    out = _output(args.output)
    try:
        out.write(baseline_json(findings))
    finally:
        if out is not sys.stdout:
            out.close()
    recorded = sum(1 for f in findings if f.severity == "warning")
    print(f"recorded {recorded} warning finding(s) in {args.output}", file=sys.stderr)
    return EXIT_CLEAN


def _rules(args: argparse.Namespace) -> int:
    del args
    width = max(len(rule_id) for rule_id in RULES)
    for rule in RULES.values():
        print(f"{rule.id:<{width}}  {rule.severity:<7}  {rule.summary}")
    return EXIT_CLEAN


def _explain(args: argparse.Namespace) -> int:
    rule = RULES.get(args.rule)
    if rule is None:
        raise CliError(f"unknown rule '{args.rule}'; `mkdocs-diataxis rules` lists them")
    print(f"{rule.id} ({rule.severity})\n\n{rule.summary}\n\n{rule.explanation}\n")
    example = rule.example
    note = f" ({example.note})" if example.note else ""
    print(f"Example, {example.path}{note}:\n")
    print(textwrap.indent(example.text, "    ").rstrip())
    print("\nReported as:\n")
    for finding in check_example(rule).findings:
        print(f"    {finding.format()}")
    return EXIT_CLEAN


_FROM_SETTINGS: Any = object()
"""``-j`` not given: the ``jobs`` setting decides."""


def _jobs(value: str) -> int | None:
    """``-j``: the values the ``jobs`` setting takes, ``auto`` among them."""
    try:
        return check_jobs(int(value) if value.isdigit() else value)
    except SettingsError as error:
        raise argparse.ArgumentTypeError(error.message) from None


def parser() -> argparse.ArgumentParser:
    """The argument parser (its help is the CLI reference)."""
    main_parser = argparse.ArgumentParser(
        prog="mkdocs-diataxis",
        description="Check MkDocs documentation against Diátaxis, citation and terminology"
        " rules without building it.",
    )
    main_parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = main_parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    check = commands.add_parser("check", help="check pages and print findings")
    check.add_argument(
        "-f", "--config-file", help="mkdocs.yml or properdocs.yml (default: found here)"
    )
    check.add_argument(
        "--format",
        choices=("text", "json", "sarif", "github"),
        default="text",
        help="output format (default: text)",
    )
    check.add_argument("-o", "--output", help="write to this file instead of standard output")
    check.add_argument("--baseline", help="report findings recorded in this baseline file at info")
    check.add_argument(
        "-j",
        "--jobs",
        type=_jobs,
        default=_FROM_SETTINGS,
        metavar="JOBS",
        help="worker processes besides this one, which checks pages too: auto (one per"
        " core less one when the pages hold 1 MB or more), a number, or 0 to check in"
        " this process only (default: the plugin's jobs setting)",
    )
    check.add_argument("paths", nargs="*", metavar="PATH", help="files or folders inside docs_dir")
    check.set_defaults(run=_check)

    status = commands.add_parser("status", help="write the status page as Markdown")
    status.add_argument("-f", "--config-file", help="mkdocs.yml or properdocs.yml")
    status.add_argument("-o", "--output", required=True, help="the Markdown file to write")
    status.set_defaults(run=_status)

    baseline = commands.add_parser(
        "baseline", help="record today's warnings so that only new ones fail"
    )
    baseline.add_argument("-f", "--config-file", help="mkdocs.yml or properdocs.yml")
    baseline.add_argument("-o", "--output", required=True, help="the baseline file to write")
    baseline.set_defaults(run=_baseline)

    rules = commands.add_parser("rules", help="list the rules")
    rules.set_defaults(run=_rules)

    explain = commands.add_parser("explain", help="explain one rule")
    explain.add_argument("rule", help="a rule id such as citation/uncited")
    explain.set_defaults(run=_explain)
    return main_parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``mkdocs-diataxis`` command."""
    args = parser().parse_args(argv)
    try:
        code: int = args.run(args)
    except CliError as error:
        print(f"mkdocs-diataxis: error: {error}", file=sys.stderr)
        return EXIT_ERROR
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
