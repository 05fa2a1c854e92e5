"""Regular expressions that skip ahead: a lookahead on the letters a pattern's matches can
start with lets the engine pass over most positions of a page at once."""

from __future__ import annotations

import re
import sys
from typing import Any

if sys.version_info >= (3, 11):  # the regular expression parser moved in Python 3.11
    from re import _constants, _parser
else:  # pragma: no cover
    import sre_constants as _constants
    import sre_parse as _parser


def words(*alternatives: str) -> re.Pattern[str]:
    """A case-insensitive pattern of whole words or phrases. A lookahead on the letters
    the alternatives can start with lets the engine pass over most positions at once (a
    page holds many words, few of them evidence)."""
    body = "|".join(alternatives)
    firsts = first_letters(body)
    guard = ""
    if firsts:
        letters = "".join(sorted({c.lower() for c in firsts} | {c.upper() for c in firsts}))
        guard = f"(?=[{re.escape(letters)}])"
    return re.compile(r"\b" + guard + "(?:" + body + r")\b", re.IGNORECASE)


def first_letters(regex: str) -> set[str] | None:
    """The characters any match of ``regex`` can start with, when plain to see (literals,
    groups and alternatives of them); ``None`` when not."""

    def firsts(items: list[tuple[Any, Any]]) -> set[str] | None:
        while items and items[0][0] is _constants.AT:  # \b and the like take no character
            items = items[1:]
        if not items:
            return None
        op, value = items[0]
        if op is _constants.LITERAL:
            return {chr(value)}
        if op is _constants.SUBPATTERN:
            return firsts(list(value[-1]))
        if op is _constants.BRANCH:
            found: set[str] = set()
            for branch in value[1]:
                more = firsts(list(branch))
                if more is None:
                    return None
                found |= more
            return found
        if op is _constants.IN:
            letters = {chr(v) for kind, v in value if kind is _constants.LITERAL}
            return letters if len(letters) == len(value) else None
        return None

    return firsts(list(_parser.parse(regex).data))


def guarded(regex: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """``regex`` compiled with a lookahead on the letters its matches start with, when
    they are plain to see: searching a window then skips most positions at once."""
    firsts = first_letters(regex)
    if not firsts:
        return re.compile(regex, flags)
    letters = "".join(sorted({c.lower() for c in firsts} | {c.upper() for c in firsts}))
    return re.compile(f"(?=[{re.escape(letters)}])(?:{regex})", flags)
