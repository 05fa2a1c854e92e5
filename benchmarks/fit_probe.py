"""Would more signals let the model tell tutorials and explanations from how-to guides?

Each candidate below is a signal a reviewer might name for what the model confuses
(fit-results.md: tutorials and explanations read as how-to guides). Each is added,
alone, to the model's inputs, and the model is measured as `fit_calibrate.py` measures
it: fitted on all corpora but one, scored on the one left out.

    python benchmarks/fit_probe.py [--corpora ../shared/corpora] [--only NAME ...]

A rate is per 1,000 words on a log scale, as the model's own inputs are; a share is
between 0 and 1. None of these is a signal of the shipped model: none measured better.
"""

from __future__ import annotations

import argparse
import math
import re
from collections.abc import Callable
from pathlib import Path

import fit_calibrate

from mkdocs_diataxis.core.document import Document
from mkdocs_diataxis.core.fit.model import features
from mkdocs_diataxis.core.fit.signals import PageSignals
from mkdocs_diataxis.core.fit.text import IMPERATIVE, prose
from mkdocs_diataxis.core.vocabulary import CATEGORIES

_PHRASES = {
    # a tutorial: the lesson says what the learner will do, and goes on to the next page
    "you-will-learn": (
        r"\byou(?:'ll| will) (?:learn|build|create|write|make)\b|\blearn (?:how|to)\b"
    ),
    "now-next-then": r"\bnow\b|\bnext\b|\bthen\b",
    "output-shown": r"\boutput\b|\bprints?\b|\bresult\b",
    # an explanation: it describes, qualifies, contrasts, tells what was
    "is-are": r"\b(?:is|are|was|were)\b",
    "past-tense": r"\b(?:was|were|had|used to)\b",
    "may-might-would": r"\b(?:may|might|could|would)\b",
    "however-but": r"\bhowever\b|\bbut\b|\balthough\b|\bwhile\b",
    "for-example": r"\bfor example\b|\bfor instance\b|\bin other words\b|\bsuch as\b",
    "it-this-subject": r"(?:^|[.!?] )(?:it|this|these|they|that|there)\b",
    # a how-to guide: the reader is told to run things
    "run-install": r"\brun\b|\binstall\b|\bexecute\b",
    "you-subject": r"(?:^|[.!?] )you\b",
}
_COMPILED = {name: re.compile(pattern) for name, pattern in _PHRASES.items()}
_SHELL = {"console", "bash", "sh", "shell", "terminal", "shell-session", "powershell", "cmd"}


def _rate(count: float, signals: PageSignals) -> float:
    return math.log1p(count * 1000 / max(signals.words, 100))


def _paragraphs(doc: Document) -> list[str]:
    return [prose(block)[0] for block in doc.blocks if block.kind == "paragraph" and block.items]


def _phrase(name: str) -> Callable[[Document, PageSignals], float]:
    def count(doc: Document, signals: PageSignals) -> float:
        text = " ".join(_paragraphs(doc)).lower()
        return _rate(len(_COMPILED[name].findall(text)), signals)

    return count


def _code_language(doc: Document, names: set[str]) -> int:
    return sum(
        1
        for code in doc.code_blocks
        if code.info.split()[:1] and code.info.split()[0].lower() in names
    )


CANDIDATES: dict[str, Callable[[Document, PageSignals], float]] = {
    **{name: _phrase(name) for name in _PHRASES},
    "prose-share": lambda doc, s: s.prose_words / max(s.words, 1),
    "mean-paragraph": lambda doc, s: (s.prose_words / max(len(_paragraphs(doc)), 1)) / 100,
    "imperative-paragraphs": lambda doc, s: (
        sum(1 for t in _paragraphs(doc) if IMPERATIVE.match(t)) / max(len(_paragraphs(doc)), 1)
    ),
    "no-code": lambda doc, s: 0.0 if doc.code_blocks else 1.0,
    "code-lines": lambda doc, s: _rate(sum(c.text.count("\n") + 1 for c in doc.code_blocks), s),
    "shell-blocks": lambda doc, s: _rate(_code_language(doc, _SHELL), s),
    "python-blocks": lambda doc, s: _rate(_code_language(doc, {"python", "py", "pycon"}), s),
    "list-items": lambda doc, s: _rate(len(doc.list_items), s),
    "headings": lambda doc, s: _rate(len(doc.headings), s),
    "question-headings": lambda doc, s: float(
        sum(h.text.strip().endswith("?") for h in doc.headings)
    ),
    "links": lambda doc, s: _rate(len(doc.links), s),
    "numbered-file-name": lambda doc, s: (
        1.0 if re.search(r"(?:^|[-_])\d+[-_.]", doc.path.rsplit("/", 1)[-1]) else 0.0
    ),
    "next-page-pointer": lambda doc, s: (
        1.0 if re.search(r"\b(?:next|continue)\b", " ".join(_paragraphs(doc)[-3:]).lower()) else 0.0
    ),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--corpora", type=Path, default=fit_calibrate.HERE.parent.parent / "shared" / "corpora"
    )
    parser.add_argument("--only", nargs="*", default=None)
    args = parser.parse_args()
    names = args.only or list(CANDIDATES)
    pages = []
    for corpus, page, category, doc, signals in fit_calibrate.labelled_pages(args.corpora):
        extra = [CANDIDATES[name](doc, signals) for name in names]
        pages.append((corpus, page, category, features(signals), extra))

    def measure(chosen: list[int]) -> str:
        rows = [
            (corpus, page, category, x + [extra[index] for index in chosen])
            for corpus, page, category, x, extra in pages
        ]
        accuracies, confusion = fit_calibrate.leave_one_corpus_out(rows)
        macro = sum(accuracies.values()) / len(accuracies)
        pooled = sum(confusion[(c, c)] for c in CATEGORIES) / len(rows)
        right = " / ".join(str(confusion[(c, c)]) for c in CATEGORIES)
        return f"| {macro:.3f} | {pooled:.3f} | {right} |"

    print("| added signal | macro | pooled | right: tutorial / how-to / reference / explanation |")
    print("|---|---|---|---|")
    print(f"| (none: the shipped inputs) {measure([])}", flush=True)
    for index, name in enumerate(names):
        print(f"| `{name}` {measure([index])}", flush=True)
    if len(names) > 1:
        print(f"| all {len(names)} at once {measure(list(range(len(names))))}", flush=True)


if __name__ == "__main__":
    main()
