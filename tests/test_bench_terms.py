"""The terms benchmark: a sample that stays put as warnings come and go, a judgement
file read strictly, precision over judged rows only, lost true positives listed."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent.parent / "benchmarks"))

import bench_terms
from bench_terms import Warning


def warnings(count: int) -> list[Warning]:
    return [Warning("terms/acronym", "c", f"p{n}.md", 1, "ABC") for n in range(count)]


def test_the_sample_keeps_its_rows_when_others_go() -> None:
    pool = warnings(200)
    first = bench_terms.sample(pool, "terms/acronym", 10, 16)
    gone = first[0]
    second = bench_terms.sample([w for w in pool if w != gone], "terms/acronym", 10, 16)
    assert len(first) == len(second) == 10
    assert set(first) - set(second) == {gone}
    assert bench_terms.sample(pool, "terms/forbidden", 10, 16) == []


def test_a_malformed_judgement_row_names_its_line(tmp_path: Path) -> None:
    judged = tmp_path / "judged.tsv"
    judged.write_text("# comment\nterms/acronym\tc\tp.md\t1\tABC\tmaybe\twhy\n", encoding="utf-8")
    with pytest.raises(SystemExit, match=r"judged.tsv:2: expected rule, corpus, file, line"):
        bench_terms.load_judged(judged)


def test_precision_unjudged_rows_and_lost_true_positives(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    docs = tmp_path / "corpora" / "site" / "docs" / "reference"
    docs.mkdir(parents=True)
    (docs / "a.md").write_text("# A\n\nIt compiles to WASM and QWX.\n", encoding="utf-8")
    judged = tmp_path / "judged.tsv"
    judged.write_text(
        "terms/acronym\tsite\treference/a.md\t3\tWASM\taccept\tnever expanded\n"
        "terms/acronym\tsite\treference/a.md\t9\tGONE\taccept\tsince fixed\n",
        encoding="utf-8",
    )
    args = ["--corpora", str(tmp_path / "corpora"), "--judged", str(judged)]
    assert bench_terms.main([*args, "--unjudged"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert "site: terms/acronym 2, terms/forbidden 0" in out
    assert "terms/acronym: sample 2, judged 1, accepted 1, precision 1.00" in out
    assert "terms/acronym\tsite\treference/a.md\t3\tQWX\t?\t\t# It compiles to WASM and QWX." in out
    assert "lost true positive: terms/acronym\tsite\treference/a.md\t9\tGONE" in out
    with judged.open("a", encoding="utf-8") as handle:
        handle.write("terms/acronym\tsite\treference/a.md\t3\tQWX\treject\tname\n")
    assert bench_terms.main([*args, "--min-precision", "0.9"]) == 1
    assert (
        "terms/acronym: sample 2, judged 2, accepted 1, precision 0.50" in capsys.readouterr().out
    )
