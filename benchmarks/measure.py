"""Wall time and peak memory of a command, and the warnings of a corpus, for the
benchmarks.

Peak memory is the largest total memory of the command's whole process tree (the build
and any worker it starts), sampled from /proc every 20 ms on Linux. Each process counts
its proportional set size (PSS): a page two processes share counts half in each, so a
worker forked from the build is charged the memory it adds, not the build's memory a
second time (resident sizes would count every shared page twice). Without
``smaps_rollup`` it falls back to resident sizes; other systems report the largest
single process (``ru_maxrss``).
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Container, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from mkdocs_diataxis.core import Finding, check_page, load_settings

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


class Measured(NamedTuple):
    """One run of a command."""

    seconds: float
    """Wall time."""
    peak: int
    """Peak resident bytes of the whole process tree."""
    cpu: float
    """CPU seconds (user and system) of the command and every process it waited for
    (the plugin's workers)."""


def run(command: Sequence[str], cwd: Path, env: dict[str, str] | None = None) -> Measured:
    """Run ``command``; return its wall time, peak memory and CPU time. Fails loudly if
    the command does."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    process = subprocess.Popen(
        list(command),
        cwd=cwd,
        env={**ENV, **(env or {})},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    peak = [0]
    done = threading.Event()
    sampler = threading.Thread(target=_sample, args=(process.pid, peak, done), daemon=True)
    sampler.start()
    _, stderr = process.communicate(timeout=3600)
    elapsed = time.perf_counter() - start
    done.set()
    sampler.join()
    if process.returncode not in (0, 1):  # check exits 1 on warnings
        raise SystemExit(f"{' '.join(command)} failed:\n{stderr.decode(errors='replace')}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if not peak[0]:  # no /proc here: the largest single process instead
        peak[0] = after.ru_maxrss * 1024
    return Measured(elapsed, peak[0], cpu)


def _sample(pid: int, peak: list[int], done: threading.Event) -> None:
    if not Path("/proc").is_dir():
        return
    while not done.is_set():
        peak[0] = max(peak[0], _tree_bytes(pid))
        done.wait(0.02)


def _tree_bytes(root: int) -> int:
    """Memory of ``root`` and all its descendants (see the module's docstring)."""
    children: dict[int, list[int]] = {}
    resident: dict[int, int] = {}
    page = os.sysconf("SC_PAGE_SIZE")
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid = int(entry)
        children.setdefault(int(fields[1]), []).append(pid)
        resident[pid] = int(fields[21]) * page
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        if pid in resident:
            total += _proportional(pid, resident[pid])
        stack.extend(children.get(pid, []))
    return total


def _proportional(pid: int, resident: int) -> int:
    """The process's PSS in bytes, or ``resident`` where the system does not say."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    return resident


def seconds_per_mb(
    check: Callable[[str, bytes], object], pages: Sequence[tuple[str, bytes]], runs: int = 3
) -> float:
    """Seconds per MB of ``check`` over ``pages``, best of ``runs``."""
    size = sum(len(source) for _, source in pages) / 1e6
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        for path, source in pages:
            check(path, source)
        best = min(best, time.perf_counter() - start)
    return best / size


def spread(values: Sequence[float]) -> str:
    """``median (min-max)`` of ratios, for summary lines."""
    return f"{statistics.median(values):.3f} ({min(values):.3f}-{max(values):.3f})"


def python() -> str:
    return sys.executable


def corpus_warnings(
    docs: Path, rules: Container[str], options: Mapping[str, Any] | None = None
) -> Iterator[tuple[str, Finding]]:
    """Each page of a corpus (``docs``, hidden folders passed by) with each warning of
    ``rules`` a check with default settings gives it, as a bare ``- diataxis`` line
    would, or with ``options``."""
    settings = load_settings(dict(options or {}))
    for page in sorted(docs.rglob("*.md")):
        path = page.relative_to(docs).as_posix()
        if any(part.startswith(".") for part in path.split("/")):
            continue
        for finding in check_page(path, page.read_bytes(), settings).findings:
            if finding.rule in rules and finding.severity == "warning":
                yield path, finding
