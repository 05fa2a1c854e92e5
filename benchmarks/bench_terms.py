"""Precision of ``terms/acronym`` and ``terms/forbidden`` on a judged sample of real docs.

    python benchmarks/bench_terms.py --corpora ../shared/corpora
    python benchmarks/bench_terms.py --corpora ... --unjudged     # rows still to judge
    python benchmarks/bench_terms.py --corpora ... --min-precision 0.90

Every page of each corpus ``NAME/docs`` is checked with default settings, as a bare
``- diataxis`` line would, but for ``terms/acronym`` at warn (it reports at info by
default; what is measured is what it would fail a build on). The warnings of each rule
are counted per corpus, then a seeded random sample of them (60 per rule) is looked up
in the judgement file (``benchmarks/terms-judged.tsv``: rule, corpus, file, line, text,
verdict, why), where a person has said whether the project's maintainer would accept
each warning. Precision is accepted over judged; a sampled warning nobody has judged yet
is listed with ``--unjudged`` and makes the run fail, so the number is never computed
over a part of the sample. Every warning judged ``accept`` that the rules no longer
report is listed as a lost true positive, sampled or not.

The judgement file is the record anyone can recompute and dispute: change a verdict
there, with a reason, and the precision follows.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import measure

RULES = ("terms/acronym", "terms/forbidden")
JUDGED = Path(__file__).with_name("terms-judged.tsv")
SAMPLE = 60
SEED = 16


@dataclass(frozen=True, order=True)
class Warning:
    """One warning of a terms rule, as the checks report it."""

    rule: str
    corpus: str
    file: str
    line: int
    text: str

    @property
    def key(self) -> tuple[str, str, str, int, str]:
        return (self.rule, self.corpus, self.file, self.line, self.text)


@dataclass(frozen=True)
class Verdict:
    accept: bool
    why: str


# terms/acronym reports at info by default; what is measured is what it would warn of
# where a project asks it to (`severity: {terms/acronym: warn}`).
OPTIONS = {"severity": {"terms/acronym": "warn"}}


def corpus_warnings(name: str, docs: Path) -> list[Warning]:
    """Every warning of the terms rules on the corpus's pages, default settings but for
    terms/acronym at warn."""
    return [
        # A hit may cross a line break: its text is one line here.
        Warning(finding.rule, name, path, finding.line, " ".join(finding.text.split()))
        for path, finding in measure.corpus_warnings(docs, RULES, OPTIONS)
    ]


def load_judged(path: Path) -> dict[tuple[str, str, str, int, str], Verdict]:
    """The judgement file: a row per judged warning; ``#`` lines are comments."""
    judged: dict[tuple[str, str, str, int, str], Verdict] = {}
    if not path.exists():
        return judged
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if raw.startswith("#") or not raw.strip():
            continue
        cells = raw.split("\t")
        if len(cells) < 6 or cells[5] not in ("accept", "reject") or not cells[3].isdigit():
            raise SystemExit(
                f"{path}:{number}: expected rule, corpus, file, line, text, accept|reject,"
                f" why (tab-separated), got {raw!r}"
            )
        key = (cells[0], cells[1], cells[2], int(cells[3]), cells[4])
        judged[key] = Verdict(cells[5] == "accept", cells[6] if len(cells) > 6 else "")
    return judged


def sample(warnings: Sequence[Warning], rule: str, size: int, seed: int) -> list[Warning]:
    """A seeded random sample of ``rule``'s warnings: those whose keys hash lowest.
    A warning keeps its place whatever else the rules report, so after a change the
    sample is the old one less the warnings gone, topped up with new ones: only those
    need judging."""

    def rank(warning: Warning) -> str:
        key = "\t".join(map(str, (seed, *warning.key)))
        return hashlib.sha256(key.encode("utf-8")).hexdigest()

    pool = [warning for warning in warnings if warning.rule == rule]
    return sorted(sorted(pool, key=rank)[:size])


def source_line(corpora: Path, warning: Warning) -> str:
    try:
        lines = (corpora / warning.corpus / "docs" / warning.file).read_text("utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return ""
    return lines[warning.line - 1].strip() if 0 < warning.line <= len(lines) else ""


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpora", type=Path, required=True, help="folder of NAME/docs")
    parser.add_argument("--judged", type=Path, default=JUDGED, help="the judgement file")
    parser.add_argument("--sample", type=int, default=SAMPLE, help="warnings per rule")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--unjudged", action="store_true", help="print sampled rows to judge")
    parser.add_argument("--min-precision", type=float, default=0.0)
    args = parser.parse_args(argv)

    corpora = sorted(path.parent for path in args.corpora.glob("*/docs") if path.is_dir())
    warnings = [w for corpus in corpora for w in corpus_warnings(corpus.name, corpus / "docs")]
    counts = Counter((w.corpus, w.rule) for w in warnings)
    for corpus in corpora:
        print(
            f"{corpus.name}: "
            + ", ".join(f"{rule} {counts[(corpus.name, rule)]}" for rule in RULES)
        )
    print("all: " + ", ".join(f"{rule} {sum(w.rule == rule for w in warnings)}" for rule in RULES))

    judged = load_judged(args.judged)
    failed = False
    for rule in RULES:
        drawn = sample(warnings, rule, args.sample, args.seed)
        verdicts = [judged.get(w.key) for w in drawn]
        todo = [w for w, verdict in zip(drawn, verdicts, strict=True) if verdict is None]
        accepted = sum(1 for verdict in verdicts if verdict is not None and verdict.accept)
        done = len(drawn) - len(todo)
        precision = accepted / done if done else 1.0
        print(
            f"{rule}: sample {len(drawn)}, judged {done}, accepted {accepted},"
            f" precision {precision:.2f}"
        )
        if todo:
            failed = True
            print(f"  {len(todo)} sampled warning(s) not judged yet (--unjudged lists them)")
            if args.unjudged:
                for w in todo:
                    shown = "\t".join(map(str, w.key))
                    print(f"{shown}\t?\t\t# {source_line(args.corpora, w)}")
        if done and precision < args.min_precision:
            failed = True
            print(f"  below the floor {args.min_precision:.2f}")
    current = {w.key for w in warnings}
    lost = [key for key, verdict in judged.items() if verdict.accept and key not in current]
    for key in sorted(lost):
        print("lost true positive: " + "\t".join(map(str, key)))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
