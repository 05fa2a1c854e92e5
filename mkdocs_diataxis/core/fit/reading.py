"""What a page reads as: the model's scores for the four categories, and the signals
that moved the top one above the next, with where they stand (the evidence)."""

from __future__ import annotations

from dataclasses import dataclass, field

from mkdocs_diataxis.core.document import Document
from mkdocs_diataxis.core.fit.model import Weights, features, shipped_weights
from mkdocs_diataxis.core.fit.signals import SIGNALS, PageSignals, page_signals

SHOWN_SIGNALS = 3
"""How many signals a reading names as its evidence."""


@dataclass(frozen=True, slots=True)
class Evidence:
    """One signal that moved a page towards the category it reads as."""

    signal: str
    where: str
    """``"title"``, ``"opening"`` or ``"body"``."""
    count: int
    places: tuple[tuple[int, str], ...]
    """The first places it stands: (line, text)."""

    def __str__(self) -> str:
        description = SIGNALS[self.signal].description
        if self.where == "body":
            lines = sorted({line for line, _ in self.places})
            at = f"line{'s' if len(lines) > 1 else ''} {', '.join(map(str, lines))}"
            return f"{description} ({self.count}, {at})" if lines else description
        line, text = self.places[0] if self.places else (1, "")
        at = "" if self.where == "title" else f" (line {line})"
        return f'{self.where} "{text}"{at}: {description}'


@dataclass(frozen=True, slots=True)
class Reading:
    """The category a page reads as, how sure the model is, and why."""

    category: str
    scores: dict[str, float]
    """Each category's probability, summing to 1."""
    runner_up: str
    evidence: tuple[Evidence, ...]
    signals: PageSignals = field(compare=False, repr=False)
    """What the page gave, for a rule to weigh one signal apart (see `shown`)."""

    @property
    def in_english(self) -> bool:
        """Whether the page's prose is English (see `PageSignals.in_english`); if not,
        the reading says little."""
        return self.signals.in_english

    @property
    def probability(self) -> float:
        return self.scores[self.category]

    def why(self) -> str:
        """The evidence in one line."""
        return "; ".join(str(item) for item in self.evidence) or "no signal stands out"


def read(doc: Document, title: str, weights: Weights | None = None) -> Reading:
    """What ``doc`` (titled ``title``) reads as."""
    return reading_of(page_signals(doc, title), weights)


def reading_of(signals: PageSignals, weights: Weights | None = None) -> Reading:
    """What a page with ``signals`` reads as."""
    weights = weights or shipped_weights()
    inputs = features(signals)
    scores = weights.scores(inputs)
    ranked = sorted(scores, key=lambda c: -scores[c])
    top, second = ranked[0], ranked[1]
    # The evidence: the signals chosen to point at the category read that moved it
    # most above the runner-up. A linear model also moves scores by what pushes the
    # runner-up down ("no tables" for a how-to guide), which reads as nonsense shown
    # as a reason, so those count but are not shown.
    evidence: list[Evidence] = []
    for weight, feature in weights.contributions(inputs, top, second):
        if weight <= 0 or len(evidence) == SHOWN_SIGNALS:
            break
        if SIGNALS[feature.split(":", 1)[1]].suggests == top:
            evidence.append(_evidence(signals, feature))
    return Reading(top, scores, second, tuple(evidence), signals)


def shown(signals: PageSignals, name: str) -> Evidence:
    """The body signal ``name`` of a page as evidence."""
    return _evidence(signals, f"body:{name}")


def _evidence(signals: PageSignals, feature: str) -> Evidence:
    part, name = feature.split(":", 1)
    found = (signals.body if part == "body" else signals.lead)[name]
    places = tuple(found.places)
    # The title's own signals, or phrases of the title and first paragraph.
    lead = "title" if name.startswith("title-") else "opening"
    where = "body" if part == "body" else lead
    return Evidence(name, where, found.count, places)
