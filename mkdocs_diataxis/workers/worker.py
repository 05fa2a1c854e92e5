"""The worker side of checking in parallel: a plain child process that reads chunks of
pages from one pipe and writes their results to another, one pickle each.

Plain child processes rather than ``multiprocessing``'s: a spawned ``multiprocessing``
worker brings along a resource tracker, another interpreter (13 MB) that lives until
the build ends, and on Python 3.10 and 3.11 its pool could leave workers behind when
one died. Scheduling (who checks which chunk) is `mkdocs_diataxis.workers.schedule`.
"""

from __future__ import annotations

import contextlib
import gc
import os
import pickle
import queue
import signal
import subprocess
import sys
import threading
from pathlib import Path
from typing import IO

from mkdocs_diataxis.core.check import PageResult, check_file, check_page
from mkdocs_diataxis.core.settings import Settings

SourcePage = tuple[str, "bytes | Path"]
"""A page to check: its path relative to ``docs_dir``, and its bytes or the file that
holds them (read where it is checked, so the main process need not keep every page)."""


class Worker:
    """A worker process and the pipes to it: chunks of pages in, their results out, one
    pickle each. The first thing sent is the settings; closing its input ends it."""

    def __init__(self, pid: int, to_worker: IO[bytes], from_worker: IO[bytes]) -> None:
        self.pid = pid
        self._to = to_worker
        self._from = from_worker
        self._process: subprocess.Popen[bytes] | None = None

    @classmethod
    def spawn(cls) -> Worker:
        """A fresh interpreter that imports only the core (about 0.2 s)."""
        if not sys.executable:
            raise OSError("no Python interpreter to start")
        process = subprocess.Popen(
            # -I: nothing from the current folder or PYTHON* variables before sys.path
            # is set from this process's (see `_worker_path`).
            [sys.executable, "-I", "-c", _SPAWNED, str(os.getpid())],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
        )
        assert process.stdin is not None and process.stdout is not None  # noqa: PT018
        worker = cls(process.pid, process.stdin, process.stdout)
        worker._process = process
        worker.send(_worker_path())
        return worker

    @classmethod
    def fork(cls, others: list[Worker]) -> Worker:
        """A copy of this process that starts at once, everything already imported."""
        to_read, to_write = os.pipe()
        from_read, from_write = os.pipe()
        # The fork shares this process's memory until either writes to it. Frozen, the
        # objects that exist now are never walked by the fork's garbage collector, which
        # would otherwise touch (and so copy) every page of a large MkDocs process.
        gc.freeze()
        parent = os.getpid()
        try:
            pid = os.fork()
        except BaseException:
            gc.unfreeze()
            raise
        if pid != 0:
            gc.unfreeze()
        if pid == 0:  # the worker (its objects from before the fork stay frozen)
            code = 1
            try:
                _die_with(parent)
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


def _worker_path() -> list[str]:
    """Where a spawned worker imports from: where this process does, whatever started
    it, but with the current folder last. ``python -m mkdocs`` puts the project's folder
    first, so a ``pickle.py`` or ``queue.py`` beside ``mkdocs.yml`` would be imported by
    the worker in place of the standard library's, and run; last, it can only supply a
    module nothing else does (this package itself, run from a checkout)."""
    here = os.getcwd()
    own = [entry for entry in sys.path if entry in ("", ".") or _same(entry, here)]
    return [entry for entry in sys.path if entry not in own] + [here] * bool(own)


def _same(entry: str, folder: str) -> bool:
    try:
        return os.path.samefile(entry, folder)
    except OSError:
        return False


_SPAWNED = (
    "import pickle, sys; sys.path[:] = pickle.load(sys.stdin.buffer); "
    "from mkdocs_diataxis.workers.worker import serve_spawned; serve_spawned()"
)
"""What a spawned worker runs: ``sys.path`` comes first on its input."""


def serve_spawned() -> None:
    """A spawned worker: everything it writes to standard output goes to standard error,
    so that the pipe carries only results."""
    results = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    code = 1  # on any failure, the build checks this worker's pages itself
    try:
        _die_with(int(sys.argv[1]))
        _serve(sys.stdin.buffer, results)
        code = 0
    finally:
        # At once: tearing down the interpreter would only keep the build waiting.
        os._exit(code)


_PR_SET_PDEATHSIG = 1
"""Linux's ``prctl`` option: the signal a process gets when its parent ends."""


def _die_with(parent: int) -> None:
    """End this worker when the process that started it ends, however it ends (SIGTERM
    from a CI timeout, SIGKILL, a crash), even in the middle of a page: on Linux the
    kernel kills it at once. Elsewhere its input closing ends it (see `_serve`), as soon
    as the page it is on is done or stopped by its time limit."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            import ctypes

            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:  # it ended before the line above took effect
        os._exit(1)


def _serve(chunks_in: IO[bytes], results_out: IO[bytes]) -> None:
    """Check chunks until the input closes. A thread reads ahead: the process that sends
    the next chunk and this one, sending results, must never both wait on a full pipe.

    The input closes when the build has every result it asked for, or when it ended
    early (stopped, or failed): either way nothing this worker is doing is wanted, so
    the reader ends the process at once, page in progress or not."""
    settings: Settings = pickle.load(chunks_in)
    waiting: queue.SimpleQueue[list[SourcePage]] = queue.SimpleQueue()

    def read() -> None:
        code = 1
        try:
            while True:
                waiting.put(pickle.load(chunks_in))
        except EOFError:
            code = 0
        except (OSError, pickle.UnpicklingError):
            pass
        os._exit(code)

    threading.Thread(target=read, daemon=True).start()
    while chunk := waiting.get():
        pickle.dump([check_source(page, settings) for page in chunk], results_out, protocol=-1)
        results_out.flush()


def can_fork(fork: bool) -> bool:
    """Whether workers may start as forks of this process. A fork starts at once with
    everything imported and shares this process's memory, but is safe only in a process
    with one thread (no other thread can hold a lock the fork would inherit) and not on
    macOS, whose system libraries do not survive a fork. ``mkdocs build`` and the
    command line fork; ``mkdocs serve`` runs threads, so it spawns."""
    return (
        fork
        and hasattr(os, "fork")
        and sys.platform != "darwin"
        and (threading.active_count() == 1)
    )


def check_source(page: SourcePage, settings: Settings) -> PageResult:
    """Check one page, from its bytes or from its file."""
    path, source = page
    if isinstance(source, bytes):
        return check_page(path, source, settings)
    return check_file(path, source, settings)
