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
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path

from mkdocs_diataxis.core.check import PageResult, check_file, check_page
from mkdocs_diataxis.core.settings import Settings

SourcePage = tuple[str, "bytes | Path"]
"""A page to check: its path relative to ``docs_dir``, and its bytes or the file that
holds them (read where it is checked, so the main process need not keep every page)."""

PARALLEL_MIN_BYTES = 1_000_000
"""Below this much Markdown the pages are checked in this process: a worker takes about
0.3 s to start, as long as checking 1 MB takes here (see the performance page)."""

_CHUNKS_PER_WORKER = 4
"""Pages go to workers in this many chunks each, so a slow chunk does not hold the rest."""


def worker_count(jobs: int | None, *, busy_main: bool) -> int:
    """How many worker processes to use: ``jobs`` when given, else one per core, less
    the core the main process is busy on (``busy_main``, as during a build)."""
    if jobs is not None:
        return max(0, jobs)
    cores = os.cpu_count() or 1
    return cores - 1 if busy_main else (cores if cores > 1 else 0)


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
    ) -> None:
        """``size`` is the pages' total size in bytes, when the caller knows it; workers
        start only for ``min_bytes`` or more."""
        self.pages = list(pages)
        self.settings = settings
        self._executor: ProcessPoolExecutor | None = None
        self._futures: list[tuple[list[SourcePage], Future[list[PageResult]]]] = []
        if size is None:
            size = sum(_size(source) for _, source in self.pages)
        if workers > 0 and size >= min_bytes and settings.origin is not None:
            self._start(workers)

    @property
    def parallel(self) -> bool:
        """Whether worker processes are checking the pages."""
        return self._executor is not None

    def _start(self, workers: int) -> None:
        # "spawn": a fresh interpreter that imports only the core, never a fork of a
        # process whose threads (mkdocs serve's) may hold locks.
        context = multiprocessing.get_context("spawn")
        try:
            self._executor = ProcessPoolExecutor(
                max_workers=workers,
                mp_context=context,
                initializer=_start_worker,
                initargs=(self.settings,),
            )
            # Processes start (and settings are pickled) as work is submitted.
            for chunk in _chunks(self.pages, workers * _CHUNKS_PER_WORKER):
                self._futures.append((chunk, self._executor.submit(_check_chunk, chunk)))
        except (OSError, ValueError, NotImplementedError, RuntimeError, TypeError):
            # No processes here (a sandbox, a process limit, a platform without them):
            # check in this process instead.
            self.cancel()
            self._futures = []

    def results(self) -> list[PageResult]:
        """Every page's result, in the order the pages were given."""
        if self._executor is None:
            return [_check(page, self.settings) for page in self.pages]
        results: list[PageResult] = []
        try:
            for chunk, future in self._futures:
                try:
                    results.extend(future.result())
                except Exception:  # any worker failure: check here instead
                    results.extend(_check(page, self.settings) for page in chunk)
        finally:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None
        return results

    def cancel(self) -> None:
        """Stop the workers without waiting for results (the build failed)."""
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = None


def _chunks(pages: list[SourcePage], count: int) -> list[list[SourcePage]]:
    """``pages`` in up to ``count`` runs of about equal size in bytes, order kept."""
    sizes = [_size(source) for _, source in pages]
    target = max(1, sum(sizes) // max(1, count))
    chunks: list[list[SourcePage]] = [[]]
    size = 0
    for page, page_size in zip(pages, sizes, strict=True):
        if size >= target:
            chunks.append([])
            size = 0
        chunks[-1].append(page)
        size += page_size
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
