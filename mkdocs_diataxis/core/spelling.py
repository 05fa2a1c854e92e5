"""Suggestions for typos, in error messages and findings: "did you mean 'how-to'?"."""

from __future__ import annotations

import difflib
from collections.abc import Sequence


def closest(word: str, choices: Sequence[str]) -> str | None:
    """The choice a typo most likely meant, if any is close enough."""
    matches = difflib.get_close_matches(word.lower(), list(choices), n=1, cutoff=0.5)
    return matches[0] if matches else None


def did_you_mean(word: str, choices: Sequence[str]) -> str:
    """`` (did you mean 'x'?)`` or nothing."""
    guess = closest(word, choices)
    return f" (did you mean '{guess}'?)" if guess else ""
