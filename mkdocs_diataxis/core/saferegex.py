"""One check for every regular expression a project supplies (term lists, their
exceptions, ``citations.patterns``): refuse the shapes that make Python's backtracking
matcher take exponential time, and the common shapes that make it polynomial, before
any page is read.

Refused, each with the reason and a way out:

- back-references (``(a)\\1``);
- a repetition of something that can match text of different lengths, unbounded,
  more than `_MAX_BOUNDED` times, or of a part with no longest match: ``(a+)+``,
  ``(a|ab)*``, ``(a?){28}``, ``(a+){5}`` (each way of
  splitting the text between the rounds is tried again on a failed match), unless
  each round begins or ends with a character its varying parts cannot match
  (``(-[a-z]+)*``, ``(\\d+\\.)+``) or no round can end with a character one can begin
  with (``(\\w+\\s+)*``);
- a repetition of an alternation whose branches can begin with the same character:
  ``(a|a)*``, ``(ab|.c)+`` (each round can take either branch);
- unbounded repetitions in a row, the second able to begin with a character the
  first can match and nothing that must match between them: ``\\w*\\w*``,
  ``\\d+\\s*\\d+`` (the text is split between them in every way).

Groups are looked through (``(\\w*)(\\w*)`` is ``\\w*\\w*``). Characters are compared on a
sample of every script's common letters, digits, spaces and punctuation, plus every
character and range end the pattern names. The check refuses a few fast patterns
(``(a|ab)+``) and does not find every slow one: text can still make an accepted pattern
slow, so a page also has a time limit (see `timelimit`).
"""

from __future__ import annotations

import re
import sys
import threading
from collections.abc import Iterator, Sequence
from typing import Any

if sys.version_info >= (3, 11):  # the regular expression parser moved in Python 3.11
    from re import _constants as sre_constants
    from re import _parser as sre_parse
else:  # pragma: no cover
    import sre_constants
    import sre_parse

__all__ = [
    "UnsafeRegexError",
    "check_safe_regex",
    "safe_regex_problem",
    "sre_constants",
    "sre_parse",
]

_MAX_BOUNDED = 10
"""A bounded repetition of a variable-length part costs at most 2**n tries per start;
up to this many rounds it stays cheap."""

_REPEATS = {sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT} | (
    {sre_constants.POSSESSIVE_REPEAT} if hasattr(sre_constants, "POSSESSIVE_REPEAT") else set()
)
_ATOMIC = getattr(sre_constants, "ATOMIC_GROUP", None)
_ZERO_WIDTH = {sre_constants.AT, sre_constants.ASSERT, sre_constants.ASSERT_NOT}
_UNBOUNDED = sre_constants.MAXREPEAT


class UnsafeRegexError(ValueError):
    """A pattern the matcher could spend exponential time on; the message says why."""


def check_safe_regex(regex: str) -> None:
    """Raise `UnsafeRegexError` (or ``re.error`` for a pattern that is not valid) when
    ``regex`` has one of the shapes in the module's docstring."""
    problem = safe_regex_problem(regex)
    if problem is not None:
        raise UnsafeRegexError(problem)


def safe_regex_problem(regex: str) -> str | None:
    """Why ``regex`` is refused (see the module's docstring), or ``None``; raises
    ``re.error`` for a pattern that is not valid."""
    parsed = sre_parse.parse(regex)
    _STATE.state = parsed.state
    named = set(_named(parsed.data))
    _STATE.universe = _SAMPLE.union(*(_cased(code) for code in named))
    _STATE.categories = {}
    try:
        return next(_problems(parsed.data), None)
    finally:
        _STATE.state = None
        _STATE.categories = None


def _named(items: Any) -> Iterator[int]:
    """Every character the pattern names: its literals and the ends of its ranges."""
    for op, value in items:
        if op in (sre_constants.LITERAL, sre_constants.NOT_LITERAL):
            yield value
        elif op == sre_constants.RANGE:
            yield from value
        elif op == sre_constants.IN:
            yield from _named(value)
        else:
            for inner in _inside(op, value):
                yield from _named(inner)


def _inside(op: Any, value: Any) -> list[Any]:
    """The sequences a part holds: a group's, a repetition's, each branch's, a
    lookaround's; none for a single character or an anchor."""
    if op == sre_constants.BRANCH:
        return list(value[1])
    if op == sre_constants.SUBPATTERN:
        return [value[-1]]
    if op in _REPEATS:
        return [value[2]]
    if op in (sre_constants.ASSERT, sre_constants.ASSERT_NOT):
        return [value[1]]
    if op == _ATOMIC:
        return [value]
    return []


def _problems(items: Sequence[Any]) -> Iterator[str]:
    yield from _in_a_row(items)
    for op, value in items:
        if op in (sre_constants.GROUPREF, sre_constants.GROUPREF_EXISTS):
            yield "back-references are not allowed (they can make matching exponential)"
        elif op in _REPEATS:
            yield from _repeated(list(value[2]), value[1])
        for inner in _inside(op, value):
            yield from _problems(list(inner))


def _repeated(body: list[Any], high: int) -> Iterator[str]:
    """The problems of repeating ``body`` up to ``high`` times."""
    low_width, high_width = _width(body)
    if high <= 1:
        return
    if high != _UNBOUNDED and high <= _MAX_BOUNDED and high_width < _UNBOUNDED:
        return  # a few rounds of a part of bounded length: at most 2**high tries
    if low_width != high_width and not _delimited(_flat(body)):
        yield (
            "a repeated part that can itself match text of different lengths, such as"
            " (a+)+, (a|ab)* or (a?){20}, can make matching exponential; repeat a part"
            " of fixed length, or write the inner repetition once"
        )
        return
    for branches in _branches(body):
        # A branch that can match nothing begins with whatever follows it.
        firsts = [
            _first(list(branch)) if _width(branch)[0] else _everything() for branch in branches
        ]
        for index, first in enumerate(firsts):
            if any(first & other for other in firsts[index + 1 :]):
                yield (
                    "a repeated alternation whose branches can begin with the same"
                    " character, such as (a|a)* or (ab|.c)+, can make matching"
                    " exponential; make the branches begin differently"
                )
                return


def _delimited(body: list[Any]) -> bool:
    """Whether the text splits into rounds of ``body`` one way only: each round begins
    (or ends) with a character none of its varying parts can match (``(-[a-z]+)*``,
    ``(\\d+\\.)+``), or no round can end with a character one can begin with
    (``(\\w+\\s+)*``)."""
    varying = frozenset().union(*(_chars([item]) for item in body if len(set(_width([item]))) > 1))
    first, last = _first(body), _last(body)
    return not (first & varying) or not (last & varying) or not (first & last)


def _branches(items: Sequence[Any]) -> Iterator[Sequence[Any]]:
    """Every alternation inside ``items`` (at any depth), as its list of branches."""
    for op, value in items:
        if op == sre_constants.BRANCH:
            yield value[1]
        for inner in _inside(op, value):
            yield from _branches(inner)


def _in_a_row(items: Sequence[Any]) -> Iterator[str]:
    """An unbounded repetition that can begin with a character the one before it can
    end with, and only parts that may match nothing between them: the text between
    them is split in every way."""
    before: frozenset[int] = frozenset()
    for item in _flat(items):
        op, value = item
        if op in _ZERO_WIDTH:
            continue
        if op in _REPEATS and value[1] == _UNBOUNDED:
            if before & _first([item]):
                yield (
                    "unbounded repetitions in a row that can match the same characters,"
                    r" such as \w*\w* or \d+\s*\d+, make matching slow on long text;"
                    r" separate them with a part they cannot match (\w+\s+\w+), or merge"
                    " them"
                )
                return
            before = (before if value[0] == 0 else frozenset()) | _last([item])
        elif _width([item])[0] == 0:
            before |= _last([item])
        else:
            before = frozenset()


def _flat(items: Sequence[Any]) -> list[Any]:
    """``items`` with the groups opened: ``(a)(b)`` is ``ab`` to a sequence's shape."""
    flat: list[Any] = []
    for item in items:
        if item[0] == sre_constants.SUBPATTERN:
            flat.extend(_flat(item[1][-1]))
        else:
            flat.append(item)
    return flat


class _Parsed(threading.local):
    state: Any = None
    universe: frozenset[int] = frozenset()
    categories: dict[str, frozenset[int]] | None = None


_STATE = _Parsed()
"""The parser's state for the pattern being checked (widths of groups referred to)."""


def _width(items: Sequence[Any]) -> tuple[int, int]:
    return sre_parse.SubPattern(_STATE.state, list(items)).getwidth()


# Character sets are compared on a sample of characters: ASCII and Latin, common
# punctuation and spaces, and a few letters, digits and symbols of other scripts.
_SAMPLE = frozenset(
    [*range(0x250)]
    + [ord(c) for c in "\u00a0\u2003\u2013\u2014\u2018\u2019\u201c\u201d\u2026\u00b5"]
    + [ord(c) for c in "\u0391\u03a9\u03b1\u0416\u0436\u05d0\u0627\u0660\u0966\u4e2d\u3042\uac00"]
    + [0x1F600, 0x10FFFF]
)


def _everything() -> frozenset[int]:
    """Every character of the sample for the pattern being checked."""
    return _STATE.universe


def _category(name: str) -> frozenset[int]:
    cache = _STATE.categories
    if cache is not None and name in cache:
        return cache[name]
    found = _category_in(name, _everything())
    if cache is not None:
        cache[name] = found
    return found


def _category_in(name: str, universe: frozenset[int]) -> frozenset[int]:
    escape = {
        "CATEGORY_DIGIT": r"\d",
        "CATEGORY_NOT_DIGIT": r"\D",
        "CATEGORY_SPACE": r"\s",
        "CATEGORY_NOT_SPACE": r"\S",
        "CATEGORY_WORD": r"\w",
        "CATEGORY_NOT_WORD": r"\W",
    }.get(name)
    if escape is None:
        return universe
    regex = re.compile(escape)
    return frozenset(code for code in universe if regex.match(chr(code)))


def _cased(code: int) -> frozenset[int]:
    """A character and its other cases (patterns may be matched ignoring case)."""
    char = chr(code)
    return frozenset(ord(c) for c in {char, char.lower(), char.upper()} if len(c) == 1) | {code}


def _set(items: Sequence[Any]) -> frozenset[int]:
    """The characters a ``[...]`` set matches."""
    chosen: set[int] = set()
    negate = False
    for op, value in items:
        if op == sre_constants.NEGATE:
            negate = True
        elif op == sre_constants.LITERAL:
            chosen |= _cased(value)
        elif op == sre_constants.RANGE:
            low, high = value
            for code in _everything():
                if low <= code <= high:
                    chosen |= _cased(code)
        elif op == sre_constants.CATEGORY:
            chosen |= _category(str(value))
        else:
            return _everything()
    return (_everything() - chosen) if negate else frozenset(chosen)


def _one(op: Any, value: Any) -> frozenset[int] | None:
    """The characters a single-character part matches; ``None`` for other parts."""
    if op == sre_constants.LITERAL:
        return _cased(value)
    if op == sre_constants.NOT_LITERAL:
        return _everything() - _cased(value)
    if op == sre_constants.ANY:
        return _everything()
    if op == sre_constants.IN:
        return _set(value)
    if op == sre_constants.CATEGORY:
        return _category(str(value))
    return None


def _chars(items: Sequence[Any]) -> frozenset[int]:
    """Every character ``items`` can consume."""
    found: frozenset[int] = frozenset()
    for op, value in items:
        single = _one(op, value)
        if single is not None:
            found |= single
        elif op in _REPEATS:
            found |= _chars(value[2])
        elif op == sre_constants.SUBPATTERN:
            found |= _chars(value[-1])
        elif op == sre_constants.BRANCH:
            for branch in value[1]:
                found |= _chars(branch)
        elif op not in _ZERO_WIDTH:
            return _everything()
    return found


def _first(items: Sequence[Any], *, backwards: bool = False) -> frozenset[int]:
    """The characters a match of ``items`` can begin (or end) with."""
    found: frozenset[int] = frozenset()
    for op, value in reversed(items) if backwards else items:
        if op in _ZERO_WIDTH:
            continue
        single = _one(op, value)
        if single is not None:
            return found | single
        if op in _REPEATS:
            found |= _first(value[2], backwards=backwards)
        elif op == sre_constants.SUBPATTERN:
            found |= _first(value[-1], backwards=backwards)
        elif op == sre_constants.BRANCH:
            for branch in value[1]:
                found |= _first(branch, backwards=backwards)
        else:
            return _everything()
        if _width([(op, value)])[0] > 0:
            return found
    return found


def _last(items: Sequence[Any]) -> frozenset[int]:
    """The characters a match of ``items`` can end with."""
    return _first(items, backwards=True)
