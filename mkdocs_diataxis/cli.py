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
from collections.abc import Callable, Sequence
from typing import Any, TextIO

from mkdocs_diataxis import __version__, init
from mkdocs_diataxis.core import PageResult, SettingsError
from mkdocs_diataxis.core.baseline import BaselineError, baseline_json, load_baseline
from mkdocs_diataxis.core.capitals import known_acronyms
from mkdocs_diataxis.core.examples import check_example
from mkdocs_diataxis.core.generated import GENERATED_MARK
from mkdocs_diataxis.core.options import check_jobs
from mkdocs_diataxis.core.registry import RULES
from mkdocs_diataxis.core.report import build_report
from mkdocs_diataxis.core.spelling import did_you_mean
from mkdocs_diataxis.formats import (
    sarif,
    sorted_findings,
    write_figures,
    write_github,
    write_text,
)
from mkdocs_diataxis.project import CliError, Project
from mkdocs_diataxis.status import render_status_page
from mkdocs_diataxis.writing import WriteError, write_whole

EXIT_CLEAN, EXIT_WARNINGS, EXIT_ERROR = 0, 1, 2


# --- commands -----------------------------------------------------------------------------


def _write(path: str | None, write: Callable[[TextIO], object]) -> None:
    """Write an output to standard output, or to ``path`` whole or not at all (see
    `write_whole`): a full disk or Ctrl-C halfway leaves an earlier file as it was."""
    if path is None or path in ("-", "/dev/stdout"):  # not reopened: `>> log` appends
        try:
            write(sys.stdout)
            sys.stdout.flush()
        except BrokenPipeError:
            raise
        except OSError as error:
            raise CliError(f"cannot write to standard output: {error.strerror}") from None
        return
    try:
        write_whole(path, write)
    except WriteError as error:
        raise CliError(str(error)) from None


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
    results = _results(project, args, args.paths)
    findings = sorted_findings(results)

    def write(out: TextIO) -> None:
        if args.format == "text":
            partials = sum(1 for result in results if result.facts.partial)
            write_text(project.shown, findings, len(results) - partials, out, partials)
        elif args.format == "github":
            write_github(project.shown, findings, out)
        elif args.format == "sarif":
            out.write(
                json.dumps(
                    sarif(project.shown, findings, project.status_page_url()),
                    indent=2,
                    ensure_ascii=False,
                )
                + "\n"
            )
        else:
            build_report(results, project.settings).write_json(out)

    _write(args.output, write)
    return EXIT_WARNINGS if any(f.severity == "warning" for f in findings) else EXIT_CLEAN


def _results(project: Project, args: argparse.Namespace, paths: Sequence[str]) -> list[PageResult]:
    """The pages' results, with the results cache unless ``--no-cache``. A cache that
    could not be used or written, or more jobs than cores, cost one line on standard
    error."""
    if args.no_cache:
        project.settings = dataclasses.replace(project.settings, cache=False)
    results = project.check(paths)
    for notice in project.notices:
        print(f"note: {notice}", file=sys.stderr)
    return results


def _figures(args: argparse.Namespace) -> int:
    project = Project(args.config_file)
    figures = project.figures(args.paths)
    _write(
        args.output,
        lambda out: write_figures(project.shown, figures, out, as_json=args.format == "json"),
    )
    return EXIT_CLEAN


def _status(args: argparse.Namespace) -> int:
    project = Project(args.config_file)
    report = build_report(_results(project, args, []), project.settings)
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
    _write(args.output, lambda out: out.write(f"{GENERATED_MARK}\n{markdown}"))
    return EXIT_CLEAN


def _baseline(args: argparse.Namespace) -> int:
    project = Project(args.config_file)
    project.settings = dataclasses.replace(project.settings, baseline=None)  # record everything
    findings = sorted_findings(_results(project, args, []))
    _write(args.output, lambda out: out.write(baseline_json(findings)))
    recorded = sum(1 for f in findings if f.severity == "warning")
    print(f"recorded {recorded} warning finding(s) in {args.output}", file=sys.stderr)
    return EXIT_CLEAN


def _init(args: argparse.Namespace) -> int:
    project = Project(args.config_file)
    if not project.has_plugin:
        print(
            f"note: {project.config_file} has no 'diataxis' plugin entry; suggesting for the"
            " default settings",
            file=sys.stderr,
        )
    init.placement_only(project)
    found, pages = init.site_plan(project, project.check([]))
    _write(args.output, lambda out: init.write_plan(found, pages, project, out))
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
        guess = did_you_mean(args.rule, list(RULES))
        raise CliError(f"unknown rule '{args.rule}'{guess}; `mkdocs-diataxis rules` lists them")
    print(f"{rule.id} ({rule.severity})\n\n{rule.summary}\n\n{rule.explanation}\n")
    example = rule.example
    note = f" ({example.note})" if example.note else ""
    print(f"Example, {example.path}{note}:\n")
    print(textwrap.indent(example.text, "    ").rstrip())
    print("\nReported as:\n")
    for finding in check_example(rule).findings:
        print(f"    {finding.format()}")
    if rule.id == "terms/acronym":
        known = known_acronyms()
        print(f"\nWell-known acronyms that need no definition ({len(known)}):\n")
        listed = "; ".join(f"{acronym} ({meaning})" for acronym, meaning in sorted(known.items()))
        print(textwrap.fill(listed, width=88, initial_indent="    ", subsequent_indent="    "))
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
        "-f",
        "--config-file",
        help="mkdocs.yml, properdocs.yml or zensical.toml (default: found here)",
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
    _cache_flag(check)
    check.add_argument("paths", nargs="*", metavar="PATH", help="files or folders inside docs_dir")
    check.set_defaults(run=_check)

    figures = commands.add_parser(
        "figures",
        help="list every performance figure: what it is, the evidence, what cites it",
    )
    figures.add_argument(
        "-f",
        "--config-file",
        help="mkdocs.yml, properdocs.yml or zensical.toml (default: found here)",
    )
    figures.add_argument(
        "--format", choices=("text", "json"), default="text", help="output format (default: text)"
    )
    figures.add_argument("-o", "--output", help="write to this file instead of standard output")
    figures.add_argument(
        "paths", nargs="*", metavar="PATH", help="files or folders inside docs_dir"
    )
    figures.set_defaults(run=_figures)

    status = commands.add_parser("status", help="write the status page as Markdown")
    status.add_argument("-f", "--config-file", help="mkdocs.yml, properdocs.yml or zensical.toml")
    status.add_argument(
        "-o",
        "--output",
        required=True,
        help="the Markdown file to write; its first line marks it as written here, so"
        " check and the build never check it, even inside docs_dir",
    )
    _cache_flag(status)
    status.set_defaults(run=_status)

    baseline = commands.add_parser(
        "baseline", help="record today's warnings so that only new ones fail"
    )
    baseline.add_argument("-f", "--config-file", help="mkdocs.yml, properdocs.yml or zensical.toml")
    baseline.add_argument("-o", "--output", required=True, help="the baseline file to write")
    _cache_flag(baseline)
    baseline.set_defaults(run=_baseline)

    init_command = commands.add_parser(
        "init",
        help="print the categories: and exempt: lines that file the site's uncategorised"
        " pages, with the evidence for each (never edits mkdocs.yml)",
    )
    init_command.add_argument(
        "-f", "--config-file", help="mkdocs.yml, properdocs.yml or zensical.toml"
    )
    init_command.add_argument(
        "-o", "--output", help="write to this file instead of standard output"
    )
    init_command.set_defaults(run=_init)

    rules = commands.add_parser("rules", help="list the rules")
    rules.set_defaults(run=_rules)

    explain = commands.add_parser("explain", help="explain one rule")
    explain.add_argument("rule", help="a rule id such as citation/uncited")
    explain.set_defaults(run=_explain)
    return main_parser


def _cache_flag(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--no-cache",
        action="store_true",
        help="check every page, neither reading nor writing the results cache (cache_dir)",
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``mkdocs-diataxis`` command."""
    args = parser().parse_args(argv)
    try:
        code: int = args.run(args)
    except CliError as error:
        print(f"mkdocs-diataxis: error: {error}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:  # Ctrl-C: the workers are stopped, no file half-written
        print("mkdocs-diataxis: interrupted", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:
        # The reader stopped reading (`mkdocs-diataxis figures | head`): not an error.
        # Python would complain again flushing standard output at exit, so point it away.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_CLEAN
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
