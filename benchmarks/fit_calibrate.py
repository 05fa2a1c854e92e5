"""Calibrate and measure `content/fit` on the shared corpora.

Pages are labelled by the folders their own project filed them in
(``fit-folders.yml``). The model is a linear one with a weight per category and
signal; it is fitted by multinomial logistic regression (pure Python, plain gradient
descent, each category weighted equally whatever its number of pages), and measured
leave one corpus out: fitted on all corpora but one, scored on the one left out.

    python benchmarks/fit_calibrate.py [--corpora ../shared/corpora] [--write]

``--write`` saves the weights fitted on every corpus to
``mkdocs_diataxis/data/fit-weights.json``.
"""

from __future__ import annotations

import argparse
import json
import math
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import yaml

from mkdocs_diataxis.core.context import page_title
from mkdocs_diataxis.core.document import Document, parse_document
from mkdocs_diataxis.core.fit.model import Weights, features
from mkdocs_diataxis.core.fit.signals import PageSignals, page_signals
from mkdocs_diataxis.core.vocabulary import CATEGORIES

HERE = Path(__file__).parent
WEIGHTS = HERE.parent / "mkdocs_diataxis" / "data" / "fit-weights.json"


def labelled_pages(corpora: Path) -> Iterator[tuple[str, str, str, Document, PageSignals]]:
    """(corpus, page, category, document, signals) of every labelled page."""
    folders = yaml.safe_load((HERE / "fit-folders.yml").read_text("utf-8"))
    for corpus, mapping in sorted(folders.items()):
        docs = corpora / corpus / "docs"
        for path in sorted(docs.rglob("*.md")):
            page = path.relative_to(docs).as_posix()
            category = next((c for prefix, c in mapping.items() if page.startswith(prefix)), None)
            if category is None or path.name in ("index.md", "README.md"):
                continue
            doc = parse_document(page, path.read_bytes())
            yield corpus, page, category, doc, page_signals(doc, page_title(doc))


def labelled(corpora: Path) -> list[tuple[str, str, str, list[float]]]:
    """(corpus, page, category, features) of every labelled page."""
    return [
        (corpus, page, category, features(signals))
        for corpus, page, category, _, signals in labelled_pages(corpora)
    ]


def fit(rows: list[tuple[str, str, str, list[float]]], rounds: int = 200) -> Weights:
    """Multinomial logistic regression, each corpus weighted equally (so that one
    corpus of 389 pages does not decide for the others), categories at their natural
    frequency within corpora, with L2 so rare signals do not run away.

    Weighting each category equally instead (as if tutorials were as common as
    reference pages) measured worse: 0.557 against 0.745 leave one corpus out."""
    size = len(rows[0][3])
    by_corpus_class = Counter((corpus, category) for corpus, _, category, _ in rows)
    by_corpus = Counter(corpus for corpus, _, _, _ in rows)
    weight_of = {
        (corpus, category): 1.0 / (len(by_corpus) * by_corpus[corpus])
        for corpus, category in by_corpus_class
    }
    cats = list(CATEGORIES)
    w = [[0.0] * size for _ in cats]
    b = [0.0] * len(cats)
    data = [
        (
            weight_of[(corpus, category)],
            cats.index(category),
            [(i, v) for i, v in enumerate(x) if v],
        )
        for corpus, _, category, x in rows
    ]
    rate, l2 = 0.5, 0.05
    for _ in range(rounds):
        gw = [[0.0] * size for _ in cats]
        gb = [0.0] * len(cats)
        for sample, label, sparse in data:
            raw = [b[k] + sum(w[k][i] * v for i, v in sparse) for k in range(len(cats))]
            top = max(raw)
            exp = [math.exp(r - top) for r in raw]
            total = sum(exp)
            for k in range(len(cats)):
                error = (exp[k] / total - (1.0 if k == label else 0.0)) * sample
                gb[k] += error
                row = gw[k]
                for i, v in sparse:
                    row[i] += error * v
        for k in range(len(cats)):
            b[k] -= rate * gb[k]
            for i in range(size):
                w[k][i] -= rate * (gw[k][i] + l2 * w[k][i])
    return Weights(
        {c: round(b[k], 4) for k, c in enumerate(cats)},
        {c: tuple(round(v, 4) for v in w[k]) for k, c in enumerate(cats)},
    )


def top(model: Weights, x: list[float]) -> str:
    scores = model.scores(x)
    return max(scores, key=lambda c: scores[c])


def leave_one_corpus_out(
    rows: list[tuple[str, str, str, list[float]]], rounds: int = 200, verbose: bool = False
) -> tuple[dict[str, float], Counter[tuple[str, str]]]:
    """Each corpus's accuracy with the model fitted on the others, and the confusion
    counts (category filed as, category read as) over all corpora."""
    confusion: Counter[tuple[str, str]] = Counter()
    accuracies = {}
    for corpus in sorted({r[0] for r in rows}):
        model = fit([r for r in rows if r[0] != corpus], rounds)
        held = [r for r in rows if r[0] == corpus]
        right = 0
        for _, _, category, x in held:
            guess = top(model, x)
            confusion[(category, guess)] += 1
            right += guess == category
        accuracies[corpus] = right / len(held)
        if verbose:
            print(f"{corpus:12} {right:4}/{len(held):4} = {accuracies[corpus]:.2f}", flush=True)
    return accuracies, confusion


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpora", type=Path, default=HERE.parent.parent / "shared" / "corpora")
    parser.add_argument("--write", action="store_true")
    parser.add_argument("--rounds", type=int, default=200)
    args = parser.parse_args()
    rows = labelled(args.corpora)
    print(f"{len(rows)} labelled pages:", dict(Counter(r[2] for r in rows)))
    accuracies, confusion = leave_one_corpus_out(rows, args.rounds, verbose=True)
    macro = sum(accuracies.values()) / len(accuracies)
    micro = sum(confusion[(c, c)] for c in CATEGORIES) / len(rows)
    print(f"leave-one-corpus-out accuracy: macro {macro:.3f}, pooled {micro:.3f}")
    print("| folder says \\ reads as | " + " | ".join(CATEGORIES) + " |")
    print("|---|" + "---|" * len(CATEGORIES))
    for actual in CATEGORIES:
        cells = " | ".join(str(confusion[(actual, guess)]) for guess in CATEGORIES)
        print(f"| {actual} | {cells} |")
    if args.write:
        model = fit(rows, args.rounds)
        WEIGHTS.write_text(json.dumps(model.to_json(), indent=1) + "\n", "utf-8")
        print(f"wrote {WEIGHTS}")


if __name__ == "__main__":
    main()
