"""How a page's signals become a score for each category: a linear model whose weights
were measured on real docs (``data/fit-weights.json``, made by
``benchmarks/fit_calibrate.py``), so every score is a sum of visible parts."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from importlib import resources

from mkdocs_diataxis.core.fit.signals import BODY_SIGNALS, LEAD_SIGNALS, PageSignals
from mkdocs_diataxis.core.vocabulary import CATEGORIES

FEATURES: tuple[str, ...] = (
    *(f"body:{name}" for name in BODY_SIGNALS),
    *(f"lead:{name}" for name in LEAD_SIGNALS),
)
"""The model's inputs: how often each signal stands in the body (a rate per 1,000
words, on a log scale), and whether it stands in the title or opening."""

_MIN_WORDS = 100
"""Rates of a shorter page are taken over this many words: three "because" in a
30-word stub are not a discussion."""


def features(signals: PageSignals) -> list[float]:
    """The model's inputs for one page, in the order of `FEATURES`."""
    per = 1000 / max(signals.words, _MIN_WORDS)
    return [math.log1p(signals.body[name].count * per) for name in BODY_SIGNALS] + [
        1.0 if signals.lead[name].count else 0.0 for name in LEAD_SIGNALS
    ]


@dataclass(frozen=True, slots=True)
class Weights:
    """A weight for each category and feature, and a bias for each category."""

    bias: dict[str, float]
    weights: dict[str, tuple[float, ...]]
    """By category: one weight per feature of `FEATURES`."""

    def scores(self, inputs: list[float]) -> dict[str, float]:
        """Each category's probability for a page with ``inputs``, summing to 1."""
        raw = {
            category: self.bias[category]
            + sum(w * x for w, x in zip(self.weights[category], inputs, strict=True))
            for category in CATEGORIES
        }
        top = max(raw.values())
        exp = {category: math.exp(value - top) for category, value in raw.items()}
        total = sum(exp.values())
        return {category: value / total for category, value in exp.items()}

    def contributions(
        self, inputs: list[float], winner: str, loser: str
    ) -> list[tuple[float, str]]:
        """How much each feature moved the score of ``winner`` above ``loser``, largest
        first; only features the page has."""
        found = [
            ((self.weights[winner][index] - self.weights[loser][index]) * value, name)
            for index, (name, value) in enumerate(zip(FEATURES, inputs, strict=True))
            if value
        ]
        return sorted(found, reverse=True)

    def to_json(self) -> dict[str, object]:
        return {
            "features": list(FEATURES),
            "bias": self.bias,
            "weights": {category: list(values) for category, values in self.weights.items()},
        }

    @classmethod
    def from_json(cls, data: dict[str, object]) -> Weights:
        names = data["features"]
        if names != list(FEATURES):
            raise ValueError("the weights were fitted for other features; run fit_calibrate.py")
        bias = data["bias"]
        weights = data["weights"]
        if not isinstance(bias, dict) or not isinstance(weights, dict):
            raise ValueError("the weights file holds no bias or weights mapping")
        return cls(
            {c: float(bias[c]) for c in CATEGORIES},
            {c: tuple(float(v) for v in weights[c]) for c in CATEGORIES},
        )


@cache
def shipped_weights() -> Weights:
    """The weights measured on the shared corpora (``data/fit-weights.json``)."""
    text = resources.files("mkdocs_diataxis.data").joinpath("fit-weights.json").read_text("utf-8")
    return Weights.from_json(json.loads(text))
