"""Whether an acronym is spelled out where it stands: ``Full Name (ABC)``, ``(Full Name,
ABC)`` or ``ABC (Full Name)``, the initials of the name spelling the acronym."""

from __future__ import annotations

import re
from functools import cache

from mkdocs_diataxis.core.document.model import EARLIER_PROSE_CHARS

_WORD = re.compile(r"[A-Za-z0-9]+")
_CAMEL = re.compile(r"[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])")
_SMALL_WORDS = frozenset(["of", "and", "for", "the", "to", "in", "on", "a", "an", "with", "by"])


_CLOSING = re.compile(r"['’]?s?\)")
_CLAUSE_END = re.compile(r"[.,;:!?]\s")
_NAME_THEN_COMMA = re.compile(r"\(([^()]{1,160}),\s*\Z")


def defined_here(text: str, start: int, end: int, acronym: str) -> bool:
    """``Full Name (ABC)``, ``(Full Name, ABC)`` or ``ABC (Full Name)`` at this
    occurrence; "Common Table Expressions (CTE's)" too."""
    before = text[max(0, start - 200) : start]
    closed = _CLOSING.match(text, end) is not None
    if before.endswith("(") and closed:
        words = _split_words(before[:-1])
        if _spells(words[-(2 * len(acronym) + 4) :], acronym.upper(), anchored_end=True):
            return True
        if _names_in_another_order(before[:-1], acronym.upper()):
            return True
    inside = _NAME_THEN_COMMA.search(before) if closed else None
    if inside is not None and _spells(
        _split_words(inside.group(1)), acronym.upper(), anchored_end=False
    ):
        return True
    after = text[end : end + 200]
    opening = re.match(r"\s*\(([^()]{1,160})\)", after)
    if opening is not None:
        return _spells(_split_words(opening.group(1)), acronym.upper(), anchored_end=False)
    return False


def _names_in_another_order(before: str, acronym: str) -> bool:
    """Whether the capitalised name right before "(ABC)" has an initial for each letter
    of the acronym, in another order: the acronym of a name in another language or of
    an older name, "Web Ontology Language (OWL)", "International System of Units (SI)".
    The name runs back from the parenthesis over capitalised and small words only."""
    initials: list[str] = []
    # Within the clause: not across a sentence's end, a comma or a name joined by "and".
    clause = _CLAUSE_END.split(before)[-1]
    for word in reversed(_WORD.findall(clause)[-(len(acronym) + 3) :]):
        if word[0].isupper():
            initials.append(word[0])
        elif word.lower() not in _SMALL_WORDS or word.lower() in ("and", "or"):
            break
    letters = list(acronym)
    if len(initials) < 2 or len(initials) > len(letters) + 2:
        return False
    for letter in initials:
        if letter in letters:
            letters.remove(letter)
    return not letters


def _split_words(text: str) -> list[str]:
    """Words with hyphens, slashes and CamelCase split: "WebAssembly-based" ->
    Web, Assembly, based. A piece after the first of a CamelCase word is marked with a
    leading "+" ("InfluxDB" -> Influx, +DB): an acronym may spell it or pass it by
    ("InfluxDB Line Protocol (ILP)")."""
    words: list[str] = []
    for token in _WORD.findall(text):
        pieces = _CAMEL.findall(token) or [token]
        words.append(pieces[0])
        words.extend("+" + piece for piece in pieces[1:])
    return words


def _spells(
    words: list[str], acronym: str, *, anchored_end: bool, spare: int = 1, compounds: bool = True
) -> bool:
    """Whether the initials of ``words`` spell ``acronym``: with ``anchored_end`` a
    suffix of the words (the name before "(ABC)"), otherwise all of them (the name
    inside "ABC (...)"); small words such as "of" may be skipped, and one other word
    inside the name ("Volume-weighted average bid price (VWAP)")."""

    @cache
    def match(word: int, letter: int, spare: int) -> bool:
        # Consume words from the end backwards and letters from the end backwards.
        if letter < 0:
            return anchored_end or all(
                w.startswith("+") or w.lower() in _SMALL_WORDS for w in words[: word + 1]
            )
        if word < 0:
            return False
        current = words[word]
        piece = current.startswith("+")
        initial = current[1 if piece else 0].upper()
        if initial == acronym[letter] and match(word - 1, letter - 1, spare):
            return True
        # A closed compound gives two letters: "database management system (DBMS)".
        if (
            compounds
            and letter >= 1
            and initial == acronym[letter - 1]
            and acronym[letter] in current[2:].upper()
            and match(word - 1, letter - 2, spare)
        ):
            return True
        if (piece or current.lower() in _SMALL_WORDS) and match(word - 1, letter, spare):
            return True
        # One word may stand inside the name without a letter of its own (not the
        # first or the last letter's word).
        inside = letter < len(acronym) - 1  # a letter after it is spelled already
        return spare > 0 and inside and match(word - 1, letter, spare - 1)

    last = len(words) - 1
    if not anchored_end:
        return match(last, len(acronym) - 1, spare)
    # Before "(ABC)": the name must end right before the parenthesis.
    return match(last, len(acronym) - 1, spare) and bool(words)


_REACH = EARLIER_PROSE_CHARS
"""Characters before an acronym where its spelled-out name counts: what a section of a
large page keeps of the prose before it."""


class SpelledNames:
    """Where words whose initials spell an acronym stand, one after the other, earlier in
    a page's prose ("Text User Interfaces" before "TUIs", "LeaderWorkerSet" before
    "LWS", "Hugging Face" before "HF"). Every letter needs a word of its own (no word
    passed by but small ones and CamelCase pieces), and a two-letter acronym
    capitalised words: two lower-case words spell one too often by chance.

    ``blocks`` are the page's prose blocks (first line, text) in order; each is split
    into words once, at its first need, with the set of its initials to skip it fast."""

    def __init__(self, blocks: list[tuple[int, str]]) -> None:
        self._blocks = blocks
        self._words: dict[int, tuple[list[str], frozenset[str]]] = {}

    def _split(self, index: int, text: str) -> tuple[list[str], frozenset[str]]:
        found = self._words.get(index)
        if found is None:
            found = self._words[index] = _words_and_initials(text)
        return found

    def before(self, line: int, text_before: str, acronym: str) -> bool:
        """Whether the name stands in the blocks starting before ``line`` or in
        ``text_before`` (the acronym's own block up to it)."""
        letters = set(acronym)
        reach = len(text_before)
        if _spelled_in(_words_and_initials(text_before), acronym, letters):
            return True
        for index in range(len(self._blocks) - 1, -1, -1):
            first, text = self._blocks[index]
            if first >= line:
                continue
            reach += len(text)
            if reach > _REACH:
                return False
            if _spelled_in(self._split(index, text), acronym, letters):
                return True
        return False


def _words_and_initials(text: str) -> tuple[list[str], frozenset[str]]:
    words = [word for word in _split_words(text) if len(word.lstrip("+")) > 1]
    return words, frozenset(word.lstrip("+")[0].upper() for word in words)


def _spelled_in(split: tuple[list[str], frozenset[str]], acronym: str, letters: set[str]) -> bool:
    words, initials = split
    if not letters <= initials:
        return False
    size = len(acronym)
    for end, word in enumerate(words):
        if word.lstrip("+")[:1].upper() != acronym[-1]:
            continue
        run = words[max(0, end - 2 * size) : end + 1]
        if not _spells(run, acronym, anchored_end=True, spare=0, compounds=False):
            continue
        if size > 2 or all(w.lstrip("+")[:1].isupper() for w in run[-size:]):
            return True
    return False
