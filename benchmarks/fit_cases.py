"""The precision of `content/fit` on the shared corpora, from pages judged by reading
them (``fit-judged.tsv``, ``fit-cases-judged.tsv``).

Each corpus is read as ``fit_flags.py`` reads it (its folders filed as
``fit-folders.yml`` labels them). For every page with a category, the measures the
cases rest on (the share of its words in entries to look up, its directions) and
the model's scores are taken; then:

1. the rule as shipped: its flags and their verdicts;
2. the thresholds chosen leaving one corpus out: on the other twelve, the least
   strict share and rate whose flags are accepted 85% of the time or more; applied
   to the corpus left out. The flags of all thirteen, pooled, estimate the rule's
   precision on a site its thresholds were not chosen on.

A flag counts as right only when every judge accepted it.

    python benchmarks/fit_cases.py [--corpora ../shared/corpora] [--weights loco|shipped]
"""

from __future__ import annotations

import argparse
import csv
import itertools
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from fit_flags import each_corpus

from mkdocs_diataxis.core.category import decide
from mkdocs_diataxis.core.context import page_title, reads_fit
from mkdocs_diataxis.core.document import parse_document
from mkdocs_diataxis.core.fit import cases, reading

HERE = Path(__file__).parent
TARGET = 0.85
SHARES = (0.25, 0.3, 1 / 3, 0.4, 0.45, 0.5, 0.6)
RATES = (1.5, 2, 2.5, 3, 3.5, 4, 5, 6)
"""Directions per 1,000 words."""


@dataclass(frozen=True)
class Page:
    corpus: str
    path: str
    filed: str
    top: str
    """The category the model scores highest."""
    share: float
    entries: int
    directions: int
    words: int

    def case(self, share: float, rate: float) -> str | None:
        """What the rule reports with these thresholds (`cases.case_for`'s logic)."""
        if self.top == self.filed or self.words < cases.FEWEST_WORDS:
            return None
        if (
            self.filed != "reference"
            and self.entries >= cases.FEWEST_ENTRIES
            and self.share >= share
        ):
            return "reference"
        if (
            self.filed in cases.DIRECTED_FROM
            and self.directions >= cases.FEWEST_DIRECTIONS
            and self.directions * 1000 >= rate * self.words
        ):
            return "how-to"
        return None


def verdicts() -> dict[str, str]:
    """Each judged page's verdict: accept or reject when every judge said so, else
    unsure."""
    said: dict[str, list[str]] = {}
    for name, columns in (("fit-judged.tsv", (5,)), ("fit-cases-judged.tsv", (3, 4))):
        with (HERE / name).open(encoding="utf-8") as handle:
            for row in csv.reader(handle, delimiter="\t"):
                if not row or row[0].startswith("#") or row[0] in ("id", "page"):
                    continue
                page = row[1] if name == "fit-judged.tsv" else row[0]
                said.setdefault(page, []).extend(row[c] for c in columns)
    return {
        page: "accept" if set(v) == {"accept"} else "reject" if set(v) == {"reject"} else "unsure"
        for page, v in said.items()
    }


def pages(corpora: Path, weights: str) -> list[Page]:
    found = []
    for corpus, settings in each_corpus(corpora, weights):
        docs = corpus / "docs"
        for path in sorted(docs.rglob("*.md")):
            page = path.relative_to(docs).as_posix()
            doc = parse_document(page, path.read_bytes())
            filed = decide(doc, settings).category
            if filed is None or not reads_fit(doc, settings):
                continue
            read = reading.read(doc, page_title(doc))
            signals = read.signals
            if not read.in_english:
                continue
            found.append(
                Page(
                    corpus.name,
                    page,
                    filed,
                    read.category,
                    signals.lookup_words / max(signals.words, 1),
                    signals.body["lookup-entries"].count,
                    signals.body["directions"].count,
                    signals.words,
                )
            )
    return found


def flags(found: list[Page], share: float, rate: float) -> list[tuple[Page, str]]:
    return [(page, case) for page in found if (case := page.case(share, rate))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpora", type=Path, default=HERE.parent.parent / "shared" / "corpora")
    parser.add_argument("--weights", choices=("loco", "shipped"), default="shipped")
    args = parser.parse_args()
    judged = verdicts()
    found = pages(args.corpora, args.weights)

    def verdict(page: Page) -> str:
        return judged.get(f"{page.corpus}/docs/{page.path}", "not judged")

    shipped = flags(found, cases.LOOKUP_SHARE, 1000 / cases.WORDS_PER_DIRECTION)
    tally = Counter(verdict(page) for page, _ in shipped)
    print(f"## The rule ({args.weights} weights): {len(shipped)} flags, {dict(tally)}")
    for page, case in shipped:
        print(f"- {verdict(page)}: {page.corpus}/{page.path}, filed as {page.filed}, {case}")
    held: Counter[str] = Counter()
    print(f"## Thresholds chosen leaving one corpus out (precision {TARGET} or more)")
    for corpus in sorted({page.corpus for page in found}):
        train = [page for page in found if page.corpus != corpus]
        best: tuple[int, int, float, float] | None = None
        for share, rate in itertools.product(SHARES, RATES):
            chosen = flags(train, share, rate)
            right = sum(verdict(page) == "accept" for page, _ in chosen)
            good = bool(chosen) and right >= TARGET * len(chosen)
            if good and (best is None or (right, -len(chosen)) > (best[0], -best[1])):
                best = (right, len(chosen), share, rate)
        if best is None:
            print(f"- {corpus}: no thresholds reach {TARGET} on the others")
            continue
        _, _, share, rate = best
        out = flags([page for page in found if page.corpus == corpus], share, rate)
        print(f"- {corpus}: share {share:.2f}, {rate} per 1,000 words: {len(out)} flags")
        for page, case in out:
            held[verdict(page)] += 1
            print(f"  - {verdict(page)}: {page.path}, filed as {page.filed}, {case}")
    total = sum(held.values())
    print(
        f"held out: {total} flags, {dict(held)}, precision {held['accept'] / total:.2f}"
        if total
        else "held out: no flags"
    )


if __name__ == "__main__":
    main()
