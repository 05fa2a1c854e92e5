"""Capitals on a page and what they are: the shipped lists of well-known acronyms and of
capitals that are not acronyms, and the classes of capitals a maintainer would not call
an undefined acronym (SPEC 4.3). ``terms/acronym`` asks these questions of each
candidate it finds."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from mkdocs_diataxis.core.datafile import load_shipped_yaml
from mkdocs_diataxis.core.document import Block, InlineText

# A list of three or more names in capitals ("S3, ADLS, GCS, HDFS", "EURUSD, GBPUSD and
# USDJPY"): an enumeration of names or values, not an acronym used in a sentence.
_NAME = r"[A-Z][A-Z0-9]{1,9}"
_ENUMERATION = re.compile(
    rf"\b(?:{_NAME}\s*,\s*){{2,}}{_NAME}\b|\b(?:{_NAME}\s*,\s*)+{_NAME},?\s+(?:and|or)\s+{_NAME}\b"
)
_VOWELS = frozenset("AEIOU")
# The word in capitals right before or after a candidate: "CLUSTER" of "CLUSTER LINKS".
_CAPITALS_BEFORE = re.compile(r"(?<![\w.\-])([A-Z][A-Z0-9]+) \Z")
_CAPITALS_AFTER = re.compile(r" ([A-Z][A-Z0-9]+)(?![\w.\-])")
# Shouting: three or more all-caps words in a row ("SO MANY THINGS") are emphasis.
_SHOUTING = re.compile(r"(?:\b[A-Z]{2,}\b[ \t]+){2,}\b[A-Z]{2,}\b")
# A capitalised word right beside a candidate, one space between: "Windows" of "Windows
# NT", "PyCon" of "PyCon AU", "Engineer" of "TAC Engineer"; lower case after the first
# letter, inner capitals allowed ("PyCon", "TechXchange"), not at the end ("MemWAL").
_NAME_WORD = r"[A-Z][a-z]+(?:[A-Z][a-z]+)*"
_NAME_WORD_BEFORE = re.compile(rf"(?<![\w.\-/])({_NAME_WORD}) \Z")
_NAME_WORD_AFTER = re.compile(rf" {_NAME_WORD}(?![\w\-/])")
_ROMAN = re.compile(r"(?:X{0,3})(?:IX|IV|V?I{0,3})\Z")


@dataclass(frozen=True, slots=True)
class Lists:
    known: frozenset[str]
    not_acronyms: frozenset[str]
    expansions: Mapping[str, str]
    """Each known acronym, as written, with what it stands for."""


@lru_cache(maxsize=1)
def shipped_lists() -> Lists:
    data = load_shipped_yaml("acronyms.yml")
    expansions = {str(key): str(value) for key, value in data["known"].items()}
    return Lists(
        known=frozenset(key.upper() for key in expansions),
        not_acronyms=frozenset(str(item).upper() for item in data["not_acronyms"]),
        expansions=expansions,
    )


def known_acronyms() -> Mapping[str, str]:
    """The shipped well-known acronyms with what each stands for."""
    return shipped_lists().expansions


def not_an_acronym_here(
    block: Block, inline: InlineText, match: re.Match[str], lists: Lists
) -> bool:
    """The classes of capitals a maintainer would not call an undefined acronym: a word
    in capitals (a command, a keyword, a brand) and the words beside it ("CLUSTER
    LINKS"); a value alone in a table cell; one name of a list of names; a heading.
    Acronyms in headings are looked for again in the prose under them, where they are
    defined."""
    text, start, end = inline.text, match.start(), match.end()
    word = match.group(0)
    if _reads_as_word(key_of(word)) or any(char.isdigit() for char in word):
        return True  # a word in capitals; a model or product id ("H100", "CPX41", "EXT4")
    before = _CAPITALS_BEFORE.search(text, max(0, start - 20), start)
    after = _CAPITALS_AFTER.match(text, end)
    for neighbour in (before, after):
        if neighbour is not None:
            beside = neighbour.group(1)
            if beside in lists.not_acronyms or _reads_as_word(beside):
                return True
    if _in_a_proper_name(inline, start, end):
        return True
    if block.kind == "heading":
        return True
    if (
        block.kind == "table_cell"
        and not text[:start].strip("`*_ ")
        and not text[end:].strip("`*_ .,;:")
    ):
        return True
    lo = max(0, start - 80)
    return any(
        found.start() + lo <= start < found.end() + lo
        for found in _ENUMERATION.finditer(text[lo : end + 80])
    )


def _in_a_proper_name(inline: InlineText, start: int, end: int) -> bool:
    """Capitals inside a name whose other words are capitalised mid-sentence: "Windows
    NT", "PyCon AU", "Azure AD", "the Virtual TAC Engineer", "SP Entity ID". A word
    that opens its sentence (no letter before it: markup, numbers and emoji aside) is
    capitalised for that alone, and a word ending in capitals ("MemWAL LSM-style") is
    another name beside it."""
    text = inline.text
    after = _NAME_WORD_AFTER.match(text, end)
    if after is not None:
        return True
    before = _NAME_WORD_BEFORE.search(text, max(0, start - 30), start)
    if before is None:
        return False
    sentence_start, _ = inline.sentence(start)
    return any(char.isalpha() for char in text[sentence_start : before.start(1)])


def _reads_as_word(key: str) -> bool:
    """Four or more letters that read as a word: two vowels or more, and never four
    consonants in a row (three in a four-letter word): "CREATE", "RESTORE", "NVIDIA",
    "TAIL", "AUTH"; not "NDJSON", "EURGBP", "RDMA", "AMQP"."""
    letters = [char for char in key if char.isalpha()]
    if len(letters) < 4:
        return False
    most = 2 if len(letters) == 4 else 3
    vowels = run = 0
    for index, char in enumerate(letters):
        if char in _VOWELS or (char == "Y" and index > 0):
            vowels += 1
            run = 0
        else:
            run += 1
            if run > most:
                return False
    return vowels >= 2


def key_of(word: str) -> str:
    """What an acronym candidate stands for: "APIs" -> API; "GTK4", "ISO8601", "PEP695"
    are a name and a version or number, and the name is what needs defining."""
    base = word[:-1] if word.endswith("s") else word
    return base.rstrip("0123456789").upper() or base.upper()


def in_shouting(text: str, start: int) -> bool:
    lo = max(0, start - 40)
    return any(
        m.start() + lo <= start < m.end() + lo for m in _SHOUTING.finditer(text[lo : start + 40])
    )


def is_acronym(word: str, lists: Lists) -> bool:
    if word in lists.not_acronyms or _ROMAN.match(word):
        return False
    return sum(char.isalpha() for char in word) >= 2
