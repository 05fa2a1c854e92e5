"""Checking many pages: in this process, or in worker processes when that pays off.

Checking is pure (page bytes and settings in, `PageResult` out), so pages can be
checked anywhere. Inside ``mkdocs build`` a worker checks while MkDocs renders on the
main process, which takes checking off the build's wall time on any machine with two
cores; the command line spreads pages over every core. Small sites are checked in this
process: starting a worker costs more than it saves.

Workers are plain child processes that talk to this one over two pipes, in pickles,
rather than ``multiprocessing``'s: a spawned ``multiprocessing`` worker brings along a
resource tracker, another interpreter (13 MB) that lives until the build ends, and on
Python 3.10 and 3.11 its pool could leave workers behind when one died.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import queue
import signal
import subprocess
import sys
import threading
from collections import deque
from collections.abc import Sequence
from pathlib import Path
from typing import IO

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
        this process where that is safe (see `_can_fork`)."""
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
        self._workers: list[_Worker] = []
        self._feeders: list[threading.Thread] = []
        if size is None:
            size = sum(_size(source) for _, source in self.pages)
        if workers > 0 and size >= min_bytes and settings.origin is not None:
            self._start(workers, _can_fork(fork))

    @classmethod
    def for_jobs(
        cls,
        pages: Sequence[SourcePage],
        settings: Settings,
        jobs: int | None,
        *,
        size: int | None = None,
        fork: bool = False,
    ) -> Batch:
        """As the ``jobs`` setting asks: that many workers whatever the pages' size, or
        with ``None`` one per core less one (`worker_count`) once they hold 1 MB."""
        threshold = 0 if jobs else PARALLEL_MIN_BYTES
        return cls(pages, settings, worker_count(jobs), size=size, min_bytes=threshold, fork=fork)

    @property
    def parallel(self) -> bool:
        """Whether worker processes are checking the pages."""
        return bool(self._workers)

    def _start(self, workers: int, fork: bool) -> None:
        try:
            # Every fork happens before any feeder thread starts: a fork is safe only
            # from a process with one thread.
            for _ in range(workers):
                worker = _Worker.fork(self._workers) if fork else _Worker.spawn()
                self._workers.append(worker)
                worker.send(self.settings)
        except (OSError, ValueError, pickle.PicklingError):
            # No processes here (a sandbox, a process limit, a platform without them):
            # check in this process instead.
            self._stop_workers()
            return
        self.worker_pids = [worker.pid for worker in self._workers]
        self._chunks = _chunks(self.pages, CHUNK_BYTES)
        self._todo.extend(range(len(self._chunks)))
        for worker in self._workers:
            feeder = threading.Thread(target=self._feed, args=(worker,), daemon=True)
            feeder.start()
            self._feeders.append(feeder)

    def _feed(self, worker: _Worker) -> None:
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
        return [_check(page, self.settings) for page in pages]

    def cancel(self) -> None:
        """Stop the workers without waiting for results (the build failed)."""
        with self._lock:
            self._todo.clear()
        self._stop_workers()
        self._workers = []

    def _stop_workers(self) -> None:
        for worker in self._workers:
            worker.kill()


class _Worker:
    """A worker process and the pipes to it: chunks of pages in, their results out, one
    pickle each. The first thing sent is the settings; closing its input ends it."""

    def __init__(self, pid: int, to_worker: IO[bytes], from_worker: IO[bytes]) -> None:
        self.pid = pid
        self._to = to_worker
        self._from = from_worker
        self._process: subprocess.Popen[bytes] | None = None

    @classmethod
    def spawn(cls) -> _Worker:
        """A fresh interpreter that imports only the core (about 0.2 s)."""
        if not sys.executable:
            raise OSError("no Python interpreter to start")
        process = subprocess.Popen(
            [sys.executable, "-c", _SPAWNED],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
        )
        assert process.stdin is not None and process.stdout is not None  # noqa: PT018
        worker = cls(process.pid, process.stdin, process.stdout)
        worker._process = process
        # It imports from where this process does, whatever started it.
        worker.send(sys.path)
        return worker

    @classmethod
    def fork(cls, others: list[_Worker]) -> _Worker:
        """A copy of this process that starts at once, settings already validated."""
        to_read, to_write = os.pipe()
        from_read, from_write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the worker
            code = 1
            try:
                # Hold no end of another worker's pipes, or that worker would never see
                # its input close.
                for other in others:
                    other._to.close()
                    other._from.close()
                os.close(to_write)
                os.close(from_read)
                _serve(os.fdopen(to_read, "rb"), os.fdopen(from_write, "wb"))
                code = 0
            finally:
                os._exit(code)
        os.close(to_read)
        os.close(from_write)
        return cls(pid, os.fdopen(to_write, "wb"), os.fdopen(from_read, "rb"))

    def send(self, message: object) -> None:
        pickle.dump(message, self._to, protocol=pickle.HIGHEST_PROTOCOL)
        self._to.flush()

    def receive(self) -> list[PageResult]:
        results: list[PageResult] = pickle.load(self._from)
        return results

    def close(self) -> None:
        """Close its input (it exits) and wait for it."""
        for pipe in (self._to, self._from):
            with contextlib.suppress(OSError):  # already broken: the worker died
                pipe.close()
        self._wait()

    def kill(self) -> None:
        with contextlib.suppress(OSError):  # already gone
            if self._process is not None:
                self._process.kill()
            else:
                os.kill(self.pid, signal.SIGKILL)
        self.close()

    def _wait(self) -> None:
        if self._process is not None:
            self._process.wait()
            return
        with contextlib.suppress(ChildProcessError):  # reaped already
            os.waitpid(self.pid, 0)


_SPAWNED = (
    "import pickle, sys; sys.path[:] = pickle.load(sys.stdin.buffer); "
    "from mkdocs_diataxis.core.batch import _serve_spawned; _serve_spawned()"
)
"""What a spawned worker runs: ``sys.path`` comes first on its input."""


def _serve_spawned() -> None:
    """A spawned worker: everything it writes to standard output goes to standard error,
    so that the pipe carries only results."""
    results = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    code = 1  # on any failure, the build checks this worker's pages itself
    try:
        _serve(sys.stdin.buffer, results)
        code = 0
    finally:
        # At once: tearing down the interpreter would only keep the build waiting.
        os._exit(code)


def _serve(chunks_in: IO[bytes], results_out: IO[bytes]) -> None:
    """Check chunks until the input closes. A thread reads ahead: the process that sends
    the next chunk and this one, sending results, must never both wait on a full pipe."""
    settings: Settings = pickle.load(chunks_in)
    waiting: queue.SimpleQueue[list[SourcePage] | None] = queue.SimpleQueue()

    def read() -> None:
        try:
            while True:
                waiting.put(pickle.load(chunks_in))
        except (EOFError, OSError, pickle.UnpicklingError):
            waiting.put(None)

    threading.Thread(target=read, daemon=True).start()
    while (chunk := waiting.get()) is not None:
        pickle.dump([_check(page, settings) for page in chunk], results_out, protocol=-1)
        results_out.flush()


def _can_fork(fork: bool) -> bool:
    """Whether workers may start as forks of this process. A fork starts at once with
    everything imported and validated, but is safe only in a process with one thread (no
    other thread can hold a lock the fork would inherit) and not on macOS, whose system
    libraries do not survive a fork. The build always spawns: mkdocs serve runs threads,
    and a fork of a large MkDocs process would count its memory twice."""
    return (
        fork
        and hasattr(os, "fork")
        and sys.platform != "darwin"
        and (threading.active_count() == 1)
    )


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
