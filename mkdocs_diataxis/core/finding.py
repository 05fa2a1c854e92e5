"""What a check reports: one `Finding` per problem, at a real source position."""

from __future__ import annotations

import pickle
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field

from mkdocs_diataxis.core.vocabulary import Severity


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem on one page.

    ``line`` and ``column`` are 1-based and count in the source file as it is on disk
    (front matter included, a tab or any other character counting as one column).
    ``text`` is the exact source text the finding is about, or ``""`` for a finding
    about the whole page.
    """

    rule: str
    severity: Severity
    path: str
    line: int
    column: int
    text: str
    message: str
    suggestion: str = ""
    fingerprint: str = field(default="", compare=False)
    """The finding's identity in a baseline (warnings only; see ``core.baseline``)."""
    baselined: bool = field(default=False, compare=False)
    """A warning recorded in the baseline, reported at info."""

    def format(self) -> str:
        """The one-line form used in build logs: ``path:line:col: [rule] message — suggestion``."""
        tail = f" — {self.suggestion}" if self.suggestion else ""
        return f"{self.path}:{self.line}:{self.column}: [{self.rule}] {self.message}{tail}"

    def sort_key(self) -> tuple[str, int, int, str]:
        """Order by place in the docs, then by rule, so reports are stable."""
        return (self.path, self.line, self.column, self.rule)


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong with the page file itself (encoding, front matter), met while
    reading it and reported by the ``page/*`` rules as a `Finding` at that place."""

    rule: str
    line: int
    column: int
    text: str
    message: str
    suggestion: str


FindingRow = tuple[str, str, str, int, int, str, str, str, str, bool]
"""A finding's fields in order: ``Finding(*row)`` makes it again."""


def row(f: Finding) -> FindingRow:
    """The finding's fields in order, for `pack` and the results cache."""
    return (
        f.rule,
        f.severity,
        f.path,
        f.line,
        f.column,
        f.text,
        f.message,
        f.suggestion,
        f.fingerprint,
        f.baselined,
    )


def pack(findings: Iterable[Finding]) -> bytes:
    """A page's findings as compact bytes (see `unpack`).

    A site of 2,000 pages with 12 findings each holds 24,000 findings from the check
    to the end of the build; as objects they take some 380 bytes each, packed about 48
    (a tenth of the memory the build itself needs). Unpacking all of them takes 15 ms
    per 10,000, so a build unpacks them where it reads them, a page at a time.
    """
    rows = [row(f) for f in findings]
    if not rows:
        return b""
    return zlib.compress(pickle.dumps(rows, protocol=pickle.HIGHEST_PROTOCOL), 1)


def unpack(packed: bytes) -> tuple[Finding, ...]:
    """The findings `pack` made ``packed`` from, in the same order."""
    if not packed:
        return ()
    # Only ever bytes this package packed in this process or a worker it started.
    return tuple(Finding(*row) for row in pickle.loads(zlib.decompress(packed)))
