"""The precision benchmark's scorer, on a tiny labelled set whose every row says what
it checks (tests/fixtures/labels)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent.parent / "benchmarks"))

import bench_precision

LABELS = Path(__file__).parent / "fixtures" / "labels"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str], str]:
    code = bench_precision.main(
        ["--labels", str(LABELS), "--corpora", str(LABELS / "corpora"), *args]
    )
    captured = capsys.readouterr()
    return code, captured.out.splitlines(), captured.err


def test_scores_hits_misses_grey_rows_and_unlabelled_pages(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, lines, _ = run(capsys, "--misses")
    assert code == 0
    assert lines == [
        # b.md's warning is not scored: the file labels only the pages it lists
        "listed: precision 1.00 (1/1), recall 1.00 (1/1)",
        # the grey 12 ms is not scored; 7 µs (a setting) and 50ns (on a page without
        # labels) count against precision; the claim never warned is a miss
        "mini: precision 0.33 (1/3), recall 0.50 (1/2)",
        "  miss  reference/perf.md:11:1  A call  added by hand, never warned: a miss",
        "  false reference/other.md:3:15  50ns  [no candidate]",
        "  false reference/perf.md:11:14  7 µs  [setting]",
        "pooled: precision 0.50 (2/4), recall 0.67 (2/3)",
    ]


def test_floors_fail_the_run(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--min-precision", "0.5", "--min-recall", "0.7")
    assert code == 1
    assert err == "bench_precision: pooled recall 0.67 is below the floor 0.70\n"
    assert run(capsys, "--min-precision", "0.5", "--min-recall", "0.66")[0] == 0


def test_a_corpus_with_four_warnings_below_three_quarters_fails(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    docs = tmp_path / "corpora" / "noisy" / "docs"
    docs.mkdir(parents=True)
    (docs / "p.md").write_text("# P\n\n" + "".join(f"Step {n} takes {n}ns.\n\n" for n in range(4)))
    (tmp_path / "figures-noisy.tsv").write_text("# file\tline\tcol\ttext\tlabel\tnote\n")
    code = bench_precision.main(["--labels", str(tmp_path), "--corpora", str(tmp_path / "corpora")])
    err = capsys.readouterr().err
    assert code == 1
    assert err == "bench_precision: noisy: precision 0.00 with 4 warnings is below 0.75\n"
