"""Baselines: adopt the plugin on a large site by recording today's findings.

A recorded finding reports at info; only new ones warn, so ``--strict`` fails on
regressions only. A finding's identity is its path, rule and matched text plus a hash
of the words on its line, never its line number: inserting lines above it, or editing
other paragraphs, does not bring it back.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from mkdocs_diataxis.core.datafile import DataFileError, check_regular_file
from mkdocs_diataxis.core.finding import Finding

BASELINE_VERSION = 1
_WORDS = re.compile(r"\w+")
_REACH = 60
"""Characters on each side of a finding whose words join its identity."""


class BaselineError(ValueError):
    """An unreadable or malformed baseline file; the message names it."""


def fingerprint(finding: Finding, lines: Sequence[str]) -> str:
    """The finding's identity: path, rule, text and the words around it on its line
    (bounded, so a page of one huge line stays linear)."""
    line = lines[finding.line - 1] if 0 < finding.line <= len(lines) else ""
    start = max(0, finding.column - 1 - _REACH)
    around = line[start : finding.column - 1 + len(finding.text) + _REACH]
    context = " ".join(_WORDS.findall(around.lower()))
    digest = hashlib.sha256(
        "\0".join((finding.path, finding.rule, finding.text, context)).encode("utf-8")
    ).hexdigest()
    return digest[:20]


@dataclass(frozen=True)
class Baseline:
    """Recorded fingerprints with how often each occurs."""

    path: str
    counts: Counter[str]
    file: str = ""
    """Absolute path of the file (watched under ``mkdocs serve``)."""

    def apply(self, findings: Iterable[Finding]) -> list[Finding]:
        """Recorded warnings turned into info, marked ``baselined``."""
        seen: Counter[str] = Counter()
        kept = []
        for finding in findings:
            mark = finding.fingerprint
            if finding.severity == "warning" and seen[mark] < self.counts.get(mark, 0):
                seen[mark] += 1
                finding = dataclasses.replace(finding, severity="info", baselined=True)
            kept.append(finding)
        return kept


def load_baseline(path: str, shown_as: str) -> Baseline:
    """Read a baseline file written by ``mkdocs-diataxis baseline``."""
    try:
        check_regular_file(path, f"baseline {shown_as}")
    except DataFileError as error:
        raise BaselineError(str(error)) from None
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    except OSError as error:
        raise BaselineError(f"cannot read baseline {shown_as}: {error.strerror}") from None
    except (ValueError, UnicodeDecodeError) as error:
        raise BaselineError(f"baseline {shown_as} is not valid JSON: {error}") from None
    except RecursionError:
        raise BaselineError(f"baseline {shown_as} is nested too deeply to read") from None
    # Anything but an object (a list, null, a number) is no baseline either.
    entries = data.get("findings") if isinstance(data, dict) else None
    if (
        not isinstance(data, dict)
        or data.get("version") != BASELINE_VERSION
        or not isinstance(entries, list)
    ):
        raise BaselineError(
            f"baseline {shown_as}: expected version {BASELINE_VERSION} with a 'findings' list;"
            " write it with `mkdocs-diataxis baseline`"
        )
    counts: Counter[str] = Counter()
    for index, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict) or not isinstance(entry.get("fingerprint"), str):
            raise BaselineError(
                f"baseline {shown_as}: findings[{index}]: key 'fingerprint' is missing"
            )
        counts[entry["fingerprint"]] += 1
    return Baseline(shown_as, counts, path)


def baseline_json(findings: Iterable[Finding]) -> str:
    """The baseline file for these findings (warnings only), stable across runs."""
    entries = [
        {
            "path": f.path,
            "rule": f.rule,
            "text": f.text,
            "line": f.line,
            "fingerprint": f.fingerprint,
        }
        for f in sorted(findings, key=Finding.sort_key)
        if f.severity == "warning"
    ]
    return (
        json.dumps({"version": BASELINE_VERSION, "findings": entries}, indent=2, ensure_ascii=False)
        + "\n"
    )
