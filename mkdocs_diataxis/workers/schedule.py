"""Scheduling: many pages checked in this process, or in worker processes when that
pays off.

Checking is pure (page bytes and settings in, `PageResult` out), so pages can be
checked anywhere. Inside ``mkdocs build`` a worker checks while MkDocs renders on the
main process, which takes checking off the build's wall time on any machine with two
cores; the command line spreads pages over every core. Small sites are checked in this
process: starting a worker costs more than it saves.

This module decides who checks what: the pages go out in chunks, a feeder thread per
worker keeps it busy, this process takes the chunks no worker has started, and the
chunks of a worker that dies are checked here. The worker's side of the pipes is
`mkdocs_diataxis.workers.worker`.
"""

from __future__ import annotations

import os
import pickle
import threading
from collections import deque
from collections.abc import Sequence
from pathlib import Path

from mkdocs_diataxis.core.check import PageResult
from mkdocs_diataxis.core.settings import Settings
from mkdocs_diataxis.workers.worker import SourcePage, Worker, can_fork, check_source

FORK_MIN_BYTES = 64_000
"""With ``jobs: auto``, below this much Markdown the pages are checked in this process
when workers start as forks of it. A fork gives its first result some 12 ms after it is
asked for, as long as the core takes to check about 17 KB: this is three to four times
that break-even size, so that a worker starts only where it clearly pays
(``benchmarks/bench_workers.py`` measures both on any machine)."""

SPAWN_MIN_BYTES = 1_000_000
"""The same where a worker must start as a fresh interpreter (``mkdocs serve``, macOS,
a process running threads): it needs about 0.18 s to import the checks and give its
first result, as long as checking 0.3-0.5 MB takes, and that much CPU time besides."""

CHUNK_BYTES = 64_000
"""Pages go out in chunks of about this much Markdown (some 50 ms of checking): a worker
holds the chunk after its current one, so the last chunks must be small for every
process to finish at about the same time."""


def worker_count(jobs: int | None) -> int:
    """How many worker processes to use: ``jobs`` when given, but never more than the
    machine has cores (more would only take turns on them, each with its own memory);
    else one per core less the one this process works on (it renders during a build,
    and checks while it waits)."""
    cores = os.cpu_count() or 1
    if jobs is not None:
        return max(0, min(jobs, cores))
    return cores - 1


def capped_jobs(jobs: int | None) -> str | None:
    """The line that says ``jobs`` was more than this machine can use, if it was."""
    if jobs is None or jobs <= worker_count(jobs):
        return None
    cores = os.cpu_count() or 1
    return f"jobs: {jobs:,} is more than this machine's {cores} core(s) can use; using {cores}"


class Batch:
    """Pages being checked; `results` waits for them and returns them in page order.

    With ``workers`` of 0, or too little Markdown to be worth a worker, the pages are
    checked when `results` is called. If a worker fails (killed, out of memory), its
    pages are checked again in this process: results never go missing.
    """

    def __init__(
        self,
        pages: Sequence[SourcePage],
        settings: Settings,
        workers: int,
        *,
        size: int | None = None,
        min_bytes: int = SPAWN_MIN_BYTES,
        fork: bool = False,
    ) -> None:
        """``size`` is the pages' total size in bytes, when the caller knows it; workers
        start only for ``min_bytes`` or more. ``fork`` lets workers start as forks of
        this process where that is safe (see `can_fork`)."""
        self.pages = list(pages)
        self.settings = settings
        self.checked_here = 0
        """How many pages this process checked itself (the rest went to workers)."""
        self.worker_pids: list[int] = []
        """The workers' process ids, for diagnostics and tests."""
        self._chunks: list[list[SourcePage]] = []
        self._todo: deque[int] = deque()
        """Chunks no process has taken: workers take from the left, this one from the right."""
        self._lock = threading.Lock()
        self._done: dict[int, list[PageResult]] = {}
        self._failed: list[int] = []
        self._workers: list[Worker] = []
        self._feeders: list[threading.Thread] = []
        if size is None:
            size = sum(_size(source) for _, source in self.pages)
        if workers > 0 and size >= min_bytes:
            self._start(workers, can_fork(fork))

    @classmethod
    def for_jobs(
        cls,
        pages: Sequence[SourcePage],
        settings: Settings,
        *,
        size: int | None = None,
        fork: bool = False,
    ) -> Batch:
        """As the ``jobs`` setting asks: that many workers whatever the pages' size, or
        with ``auto`` one per core less one (`worker_count`) once they hold enough
        Markdown to pay for starting them (`FORK_MIN_BYTES`, `SPAWN_MIN_BYTES`)."""
        jobs = settings.jobs
        automatic = FORK_MIN_BYTES if can_fork(fork) else SPAWN_MIN_BYTES
        threshold = 0 if jobs else automatic
        return cls(pages, settings, worker_count(jobs), size=size, min_bytes=threshold, fork=fork)

    @property
    def parallel(self) -> bool:
        """Whether worker processes are checking the pages."""
        return bool(self._workers)

    def _start(self, workers: int, fork: bool) -> None:
        self._chunks, sizes = _chunks(self.pages, CHUNK_BYTES)
        workers = min(workers, len(self._chunks))  # a worker with no chunk only costs
        try:
            # Every fork happens before any feeder thread starts: a fork is safe only
            # from a process with one thread.
            for _ in range(workers):
                worker = Worker.fork(self._workers) if fork else Worker.spawn()
                self._workers.append(worker)
                worker.send(self.settings)
        except (OSError, ValueError, TypeError, AttributeError, pickle.PicklingError):
            # No processes here (a sandbox, a process limit, a platform without them), or
            # settings that cannot travel: check in this process instead.
            self._stop_workers()
            return
        self.worker_pids = [worker.pid for worker in self._workers]
        # Largest first: a large page's model is the worker's peak of memory, best met
        # early in the build, while MkDocs holds little; and a large chunk taken last
        # would keep everyone waiting for it. This process takes the smallest, last.
        self._todo.extend(sorted(range(len(self._chunks)), key=lambda number: -sizes[number]))
        for worker in self._workers:
            feeder = threading.Thread(target=self._feed, args=(worker,), daemon=True)
            feeder.start()
            self._feeders.append(feeder)

    def _feed(self, worker: Worker) -> None:
        """Keep one worker busy: it holds the chunk after the one it checks, so it never
        waits for this process (which may be busy rendering) between chunks. When no
        chunk is left, its input is closed and it exits."""
        sent: deque[int] = deque()
        try:
            while True:
                while len(sent) < 2 and (number := self._take(last=False)) is not None:
                    sent.append(number)
                    worker.send(self._chunks[number])
                if not sent:
                    break
                self._done[sent[0]] = worker.receive()
                sent.popleft()
        except Exception:  # the worker died or answered nonsense: check its chunks here
            self._failed.extend(sent)
            worker.kill()
        else:
            worker.close()

    def _take(self, *, last: bool) -> int | None:
        with self._lock:
            if not self._todo:
                return None
            return self._todo.pop() if last else self._todo.popleft()

    def results(self) -> list[PageResult]:
        """Every page's result, in the order the pages were given.

        This process does not sit idle while it waits: it takes chunks no worker has
        started, from the last one back, while the workers work from the first.
        """
        if not self._workers:
            return self._check_here(self.pages)
        complete = False
        try:
            while (number := self._take(last=True)) is not None:
                self._done[number] = self._check_here(self._chunks[number])
            for feeder in self._feeders:
                feeder.join()
            for number in self._failed:
                self._done[number] = self._check_here(self._chunks[number])
            complete = True
        finally:
            if not complete:  # interrupted: leave no worker behind
                self._stop_workers()
            self._workers = []
        return [result for number in range(len(self._chunks)) for result in self._done[number]]

    def _check_here(self, pages: list[SourcePage]) -> list[PageResult]:
        self.checked_here += len(pages)
        return [check_source(page, self.settings) for page in pages]

    def cancel(self) -> None:
        """Stop the workers without waiting for results (the build failed)."""
        with self._lock:
            self._todo.clear()
        self._stop_workers()
        self._workers = []

    def _stop_workers(self) -> None:
        for worker in self._workers:
            worker.kill()


def _chunks(pages: list[SourcePage], target: int) -> tuple[list[list[SourcePage]], list[int]]:
    """``pages`` in runs of about ``target`` bytes each (a larger page alone), order
    kept, and the size of each run."""
    chunks: list[list[SourcePage]] = [[]]
    sizes = [0]
    for page in pages:
        if sizes[-1] >= target:
            chunks.append([])
            sizes.append(0)
        chunks[-1].append(page)
        sizes[-1] += _size(page[1])
    if not chunks[-1]:
        chunks.pop()
        sizes.pop()
    return chunks, sizes


def _size(source: bytes | Path) -> int:
    if isinstance(source, bytes):
        return len(source)
    try:
        return source.stat().st_size
    except OSError:
        return 0
