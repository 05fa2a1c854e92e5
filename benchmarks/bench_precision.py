"""Precision and recall of ``citation/uncited`` against hand-labelled real docs.

    python benchmarks/bench_precision.py --labels ../shared/labels --corpora ../shared/corpora
    python benchmarks/bench_precision.py ... --misses            # each miss and false warning
    python benchmarks/bench_precision.py ... --min-precision 1.0 --min-recall 0.91

Each ``figures-NAME.tsv`` in ``--labels`` labels every number-with-a-unit of the corpus
``NAME/docs`` in ``--corpora`` (format: ``../shared/labels/GUIDE.md``). Every page of the
corpus is checked with default settings, as a bare ``- diataxis`` line would. A warning
hits a labelled claim when it stands on the same line and its text overlaps the
claim's columns; precision is hits over warnings (``grey`` rows are not scored, and a
warning where nothing is labelled counts against it unless the file says ``# scope:
listed pages``); recall is hits over ``uncited`` rows.

Prints a line per corpus and one pooled line; exits 1 when pooled precision or recall
falls below the floors, or a corpus with 4 or more warnings falls below 0.75 precision.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import measure

RULE = "citation/uncited"
CORPUS_FLOOR = 0.75
"""Precision no corpus with `CORPUS_WARNINGS` or more warnings may fall below."""
CORPUS_WARNINGS = 4


@dataclass(frozen=True)
class Label:
    file: str
    line: int
    column: int
    text: str
    label: str
    note: str


@dataclass(frozen=True)
class Reported:
    """A ``citation/uncited`` warning, as the checks report it."""

    file: str
    line: int
    column: int
    text: str


@dataclass
class Score:
    """One corpus's hits, warnings and claims, and what went wrong."""

    name: str
    hits: int = 0
    warnings: int = 0
    claims: int = 0
    misses: list[Label] = field(default_factory=list)
    false: list[tuple[Reported, str]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.hits / self.warnings if self.warnings else 1.0

    @property
    def recall(self) -> float:
        return self.hits / self.claims if self.claims else 1.0

    def line(self) -> str:
        return (
            f"{self.name}: precision {self.precision:.2f} ({self.hits}/{self.warnings}),"
            f" recall {self.recall:.2f} ({self.hits}/{self.claims})"
        )


def load_labels(path: Path) -> tuple[list[Label], bool]:
    """The labelled rows of a file, and whether it labels only the pages it lists."""
    rows, listed = [], False
    for raw in path.read_text(encoding="utf-8").splitlines():
        if raw.startswith("# scope: listed pages"):
            listed = True
        if raw.startswith("#") or not raw.strip():
            continue
        cells = [*raw.split("\t"), "", "", "", "", "", ""][:6]
        rows.append(
            Label(cells[0], int(cells[1]), int(cells[2]), cells[3], cells[4].strip(), cells[5])
        )
    return rows, listed


def score(
    name: str, labels: Sequence[Label], warnings: Iterable[Reported], *, listed_only: bool
) -> Score:
    """Match warnings with labels as ``GUIDE.md`` says."""
    result = Score(name)
    by_line: dict[tuple[str, int], list[Label]] = defaultdict(list)
    for label in labels:
        by_line[(label.file, label.line)].append(label)
    files = {label.file for label in labels}
    hit: set[int] = set()
    for warning in warnings:
        if warning.file not in files and listed_only:
            continue
        near = [
            label
            for label in by_line.get((warning.file, warning.line), [])
            if label.column < warning.column + max(len(warning.text), 1)
            and warning.column < label.column + max(len(label.text), 1)
        ]
        if any(label.label == "grey" for label in near):
            continue
        result.warnings += 1
        claims = [label for label in near if label.label == "uncited"]
        if claims:
            hit.update(id(label) for label in claims)
        else:
            kinds = ",".join(sorted({label.label or "unlabelled" for label in near}))
            result.false.append((warning, kinds or "no candidate"))
    uncited = [label for label in labels if label.label == "uncited"]
    result.claims = len(uncited)
    result.misses = [label for label in uncited if id(label) not in hit]
    # As score.py counts: the labelled claims found (a warning over a "2x - 3x" range
    # finds both halves), over the warnings.
    result.hits = len(uncited) - len(result.misses)
    return result


def corpus_warnings(docs: Path) -> list[Reported]:
    """Every ``citation/uncited`` warning on the corpus's pages, default settings."""
    return [
        Reported(path, finding.line, finding.column, finding.text)
        for path, finding in measure.corpus_warnings(docs, (RULE,))
    ]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--labels", type=Path, required=True, help="folder of figures-*.tsv")
    parser.add_argument("--corpora", type=Path, required=True, help="folder of NAME/docs")
    parser.add_argument("--misses", action="store_true", help="list misses and false warnings")
    parser.add_argument("--min-precision", type=float, default=0.0)
    parser.add_argument("--min-recall", type=float, default=0.0)
    args = parser.parse_args(argv)
    scores = []
    for tsv in sorted(args.labels.glob("figures-*.tsv")):
        name = tsv.stem.removeprefix("figures-")
        docs = args.corpora / name / "docs"
        if not docs.is_dir():
            print(f"{name}: no corpus at {docs}", file=sys.stderr)
            return 2
        labels, listed = load_labels(tsv)
        scores.append(score(name, labels, corpus_warnings(docs), listed_only=listed))
        print(scores[-1].line())
        if args.misses:
            for label in scores[-1].misses:
                print(
                    f"  miss  {label.file}:{label.line}:{label.column}  {label.text}  {label.note}"
                )
            for warning, kinds in scores[-1].false:
                where = f"{warning.file}:{warning.line}:{warning.column}"
                print(f"  false {where}  {warning.text}  [{kinds}]")
    pooled = Score("pooled")
    for each in scores:
        pooled.hits += each.hits
        pooled.warnings += each.warnings
        pooled.claims += each.claims
    print(pooled.line())
    failures = [
        f"pooled {what} {value:.2f} is below the floor {floor:.2f}"
        for what, value, floor in (
            ("precision", pooled.precision, args.min_precision),
            ("recall", pooled.recall, args.min_recall),
        )
        if value < floor - 1e-9
    ]
    failures += [
        f"{each.name}: precision {each.precision:.2f} with {each.warnings} warnings is below"
        f" {CORPUS_FLOOR:.2f}"
        for each in scores
        if each.warnings >= CORPUS_WARNINGS and each.precision < CORPUS_FLOOR
    ]
    for failure in failures:
        print(f"bench_precision: {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
