"""A page's time limit: a check that runs away (a regular expression of the project's
backtracking over a long line) is stopped and becomes a ``page/too-slow`` finding,
instead of a build that never ends.

The limit counts the process's CPU time (``ITIMER_VIRTUAL``, all its threads; the
others only wait on pipes while a page is checked), so a busy machine does not trip
it, and Python's regular expression matcher stops on the signal. It applies where a
signal can be delivered: the main thread of a process on a system with
``setitimer`` (Linux, macOS), which is where ``mkdocs build``, the command line and the
worker processes check pages. Elsewhere (``mkdocs serve``'s rebuild thread when it
checks in process, Windows) it is off, and `saferegex` is the only guard. A timer or a
handler that the host process set for the same signal is left alone: the limit is
then off too.
"""

from __future__ import annotations

import contextlib
import re
import signal
import threading
from collections.abc import Iterator
from types import FrameType

from mkdocs_diataxis.core.termlist import TermMatcher

_SIGNAL = getattr(signal, "SIGVTALRM", None)
_TIMER = getattr(signal, "ITIMER_VIRTUAL", None)


class PageTimeoutError(Exception):
    """The page's check used up its time; ``culprit`` names the pattern that was being
    matched when it was stopped, if one of the project's was."""

    def __init__(self, seconds: float, culprit: str | None) -> None:
        super().__init__(seconds, culprit)
        self.seconds = seconds
        self.culprit = culprit


def limit_for(seconds_per_mb: float | None, size: int) -> float | None:
    """The limit for a page of ``size`` bytes: the option's seconds per started MB,
    and never less than the option's value."""
    if not seconds_per_mb:
        return None
    return seconds_per_mb * max(1.0, size / 1_000_000)


def can_limit() -> bool:
    """Whether a limit can stop a check here (see the module's docstring)."""
    if _SIGNAL is None or _TIMER is None:  # pragma: no cover - Windows
        return False
    if threading.current_thread() is not threading.main_thread():
        return False
    if signal.getsignal(_SIGNAL) not in (signal.SIG_DFL, None):
        return False
    return signal.getitimer(_TIMER)[0] == 0


@contextlib.contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise `PageTimeoutError` inside the block once it has used ``seconds`` of CPU
    time; no limit when ``seconds`` is ``None`` or when `can_limit` says no."""
    if seconds is None or not can_limit():
        yield
        return
    assert _SIGNAL is not None
    assert _TIMER is not None

    def stop(signum: int, frame: FrameType | None) -> None:
        raise PageTimeoutError(seconds, _culprit(frame))

    previous = signal.signal(_SIGNAL, stop)
    try:
        signal.setitimer(_TIMER, seconds)
        try:
            yield
        finally:
            # The timer may strike here, as the page ends: the page is then reported
            # as too slow, and the handler is still put back below.
            signal.setitimer(_TIMER, 0)
    finally:
        signal.signal(_SIGNAL, previous)


def _culprit(frame: FrameType | None) -> str | None:
    """The regular expression being matched when the limit struck, as the project wrote
    it: the nearest frame's one local that is a compiled pattern or a term matcher."""
    for _ in range(4):
        if frame is None:
            return None
        found = set()
        for value in frame.f_locals.values():
            if isinstance(value, TermMatcher):
                found.add(" or ".join(value.entry.patterns))
            elif isinstance(value, re.Pattern):
                found.add(value.pattern)
        if len(found) == 1:
            return found.pop()
        if found:
            return None
        frame = frame.f_back
    return None
