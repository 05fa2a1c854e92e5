"""Checking many pages: in this process, or in worker processes when that pays off.

Checking is pure (page bytes and settings in, `PageResult` out), so pages can be
checked anywhere. Inside ``mkdocs build`` a worker checks while MkDocs renders on the
main process, which takes checking off the build's wall time on any machine with two
cores; the command line spreads pages over every core. Small sites are checked in this
process: starting a worker costs more than it saves.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from multiprocessing.context import BaseContext
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Any

from mkdocs_diataxis.core.check import PageResult, check_file, check_page
from mkdocs_diataxis.core.settings import Settings

SourcePage = tuple[str, "bytes | Path"]
"""A page to check: its path relative to ``docs_dir``, and its bytes or the file that
holds them (read where it is checked, so the main process need not keep every page)."""

PARALLEL_MIN_BYTES = 1_000_000
"""Below this much Markdown the pages are checked in this process: a worker takes about
0.3 s to start, as long as checking 1 MB takes here (see the performance page)."""

CHUNK_BYTES = 64_000
"""Pages go out in chunks of about this much Markdown (some 50 ms of checking): a worker
holds the chunk after its current one, so the last chunks must be small for every
process to finish at about the same time."""


def worker_count(jobs: int | None) -> int:
    """How many worker processes to use: ``jobs`` when given, else one per core less the
    one this process works on (it renders during a build, and checks while it waits)."""
    if jobs is not None:
        return max(0, jobs)
    return (os.cpu_count() or 1) - 1


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
        min_bytes: int = PARALLEL_MIN_BYTES,
        fork: bool = False,
    ) -> None:
        """``size`` is the pages' total size in bytes, when the caller knows it; workers
        start only for ``min_bytes`` or more. ``fork`` lets workers start as forks of
        this process where that is safe (see `_context`)."""
        self.pages = list(pages)
        self.settings = settings
        self._executor: ProcessPoolExecutor | None = None
        self._workers: list[BaseProcess] = []
        self._queue: Any = None
        self.checked_here = 0
        """How many pages this process checked itself (the rest went to workers)."""
        self._futures: list[tuple[list[SourcePage], Future[list[PageResult]]]] = []
        if size is None:
            size = sum(_size(source) for _, source in self.pages)
        if workers > 0 and size >= min_bytes and settings.origin is not None:
            self._start(workers, _context(fork))

    @property
    def parallel(self) -> bool:
        """Whether worker processes are checking the pages."""
        return self._executor is not None

    def _start(self, workers: int, context: BaseContext) -> None:
        try:
            self._executor = ProcessPoolExecutor(
                max_workers=workers,
                mp_context=context,
                initializer=_start_worker,
                initargs=(self.settings,),
            )
            # Processes start (and settings are pickled) as work is submitted.
            for chunk in _chunks(self.pages, CHUNK_BYTES):
                self._futures.append((chunk, self._executor.submit(_check_chunk, chunk)))
            # The executor forgets its processes and queue once shut down, and on
            # Python 3.10 and 3.11 a worker's death after `results` cancelled some
            # futures stops its manager thread before it stops the other workers:
            # keep the handles to stop them here (see `_stop_workers`).
            self._workers = list((getattr(self._executor, "_processes", None) or {}).values())
            self._queue = getattr(self._executor, "_call_queue", None)
            # Workers exit as soon as the queue is empty, not when the results are
            # collected: during a build that is long before MkDocs reaches its own
            # peak of memory, so a worker's interpreter does not add to it.
            self._executor.shutdown(wait=False)
        except (OSError, ValueError, NotImplementedError, RuntimeError, TypeError):
            # No processes here (a sandbox, a process limit, a platform without them):
            # check in this process instead.
            self.cancel()
            self._futures = []

    def results(self) -> list[PageResult]:
        """Every page's result, in the order the pages were given.

        This process does not sit idle while it waits: it takes chunks no worker has
        started, from the last one back, while the workers work from the first.
        """
        if self._executor is None:
            return self._check_here(self.pages)
        done: dict[int, list[PageResult]] = {}
        complete = failed = False
        try:
            for number in range(len(self._futures) - 1, -1, -1):
                chunk, future = self._futures[number]
                if future.cancel():
                    done[number] = self._check_here(chunk)
            results: list[PageResult] = []
            for number, (chunk, future) in enumerate(self._futures):
                if number in done:
                    results.extend(done[number])
                    continue
                try:
                    results.extend(future.result())
                except Exception:  # any worker failure: check here instead
                    results.extend(self._check_here(chunk))
                    failed = True
            complete = not failed
        finally:
            if not complete:  # a worker failed, or this process was interrupted
                self._stop_workers()
            self._executor = None
        return results

    def _check_here(self, pages: list[SourcePage]) -> list[PageResult]:
        self.checked_here += len(pages)
        return [_check(page, self.settings) for page in pages]

    def cancel(self) -> None:
        """Stop the workers without waiting for results (the build failed)."""
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._stop_workers()
            self._executor = None

    def _stop_workers(self) -> None:
        """End every worker still running. Only when results are not all in: a worker
        stopped while the executor is winding down normally would mark it broken."""
        for process in self._workers:
            if process.is_alive():
                process.terminate()
        for process in self._workers:
            process.join(timeout=5)
        if self._queue is not None:
            # Chunks no worker will read stay in the queue's pipe; without this, the
            # queue's feeder thread would hold up this process's exit forever.
            self._queue.cancel_join_thread()
        self._workers = []
        self._queue = None


def _context(fork: bool) -> BaseContext:
    """How workers start. "spawn" is a fresh interpreter that imports only the core (about
    0.2 s); a fork starts at once with everything imported and validated, but is safe
    only in a process with one thread (no other thread can hold a lock the fork would
    inherit) and not on macOS, whose system libraries do not survive a fork. The
    build uses "spawn" always: mkdocs serve runs threads, and a fork of a large MkDocs
    process would count its memory twice."""
    if (
        fork
        and sys.platform != "darwin"
        and "fork" in multiprocessing.get_all_start_methods()
        and threading.active_count() == 1
    ):
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def _chunks(pages: list[SourcePage], target: int) -> list[list[SourcePage]]:
    """``pages`` in runs of about ``target`` bytes each (a larger page alone), order kept."""
    chunks: list[list[SourcePage]] = [[]]
    size = 0
    for page in pages:
        if size >= target:
            chunks.append([])
            size = 0
        chunks[-1].append(page)
        size += _size(page[1])
    return [chunk for chunk in chunks if chunk]


def _size(source: bytes | Path) -> int:
    if isinstance(source, bytes):
        return len(source)
    try:
        return source.stat().st_size
    except OSError:
        return 0


def _check(page: SourcePage, settings: Settings) -> PageResult:
    path, source = page
    if isinstance(source, bytes):
        return check_page(path, source, settings)
    return check_file(path, source, settings)


_worker_settings: Settings | None = None
"""In a worker process: the settings it checks with, validated once when it starts."""


def _start_worker(settings: Settings) -> None:
    global _worker_settings  # one worker process, one configuration
    _worker_settings = settings


def _check_chunk(chunk: list[SourcePage]) -> list[PageResult]:
    assert _worker_settings is not None, "the pool's initializer sets the settings"
    return [_check(page, _worker_settings) for page in chunk]
