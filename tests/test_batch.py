"""Checking many pages: worker processes give exactly the in-process results."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from mkdocs_diataxis.core import Settings, check_page, load_settings
from mkdocs_diataxis.core.check import check_file
from mkdocs_diataxis.workers.schedule import CHUNK_BYTES, Batch, capped_jobs, worker_count
from mkdocs_diataxis.workers.worker import can_fork

PAGES = {
    "reference/spawn.md": b"# Spawn\n\nSpawning takes 286ns.\n",
    "how-to/deploy.md": b"# Deploy\n\nIt is blazing fast and the QXZ agrees.\n",
    "loose.md": b"# Loose\n",
    "reference/latin1.md": b"# Caf\xe9\n",
}


def test_settings_travel_to_workers_as_validated(tmp_path: Path) -> None:
    terms = tmp_path / "terms.yml"
    terms.write_text("- pattern: frobnicate\n", encoding="utf-8")
    options = {"terms": {"file": "terms.yml", "allow": ["simply"]}, "jobs": 2, "exempt": ["x.md"]}
    settings = load_settings(options, str(tmp_path))
    terms.unlink()  # a worker never reads a data file again
    copy = pickle.loads(pickle.dumps(settings))
    assert copy == settings
    assert [m.regex for m in copy.terms.matchers] == [m.regex for m in settings.terms.matchers]
    assert copy.terms.entries[-1].patterns == ("frobnicate",)
    assert copy.exempt.match("a/x.md")
    assert copy.folder_category == settings.folder_category


@pytest.mark.parametrize("fork", [False, True])
def test_workers_give_the_in_process_results_in_page_order(tmp_path: Path, fork: bool) -> None:
    settings = load_settings({}, str(tmp_path))
    pages = list(PAGES.items())
    inline = Batch(pages, settings, 0)
    parallel = Batch(pages, settings, 2, min_bytes=0, fork=fork)
    assert not inline.parallel
    assert parallel.parallel
    assert parallel.results() == inline.results()
    assert [r.path for r in inline.results()] == list(PAGES)


def test_workers_read_files_themselves(tmp_path: Path) -> None:
    for path, source in PAGES.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_bytes(source)
    settings = load_settings({}, str(tmp_path))
    files = [(path, tmp_path / path) for path in PAGES]
    expected = [check_page(path, source, settings) for path, source in PAGES.items()]
    assert Batch(files, settings, 2, min_bytes=0).results() == expected
    assert Batch(files, settings, 0).results() == expected


def test_small_sites_stay_in_process() -> None:
    assert not Batch(list(PAGES.items()), load_settings({}, "."), 2).parallel  # under 1 MB


def test_settings_built_by_hand_travel_too() -> None:
    pages = list(PAGES.items())
    parallel = Batch(pages, Settings(), 2, min_bytes=0)
    assert parallel.parallel
    assert parallel.results() == Batch(pages, Settings(), 0).results()


def test_a_file_that_cannot_be_read_is_one_finding(tmp_path: Path) -> None:
    result = check_file("gone.md", tmp_path / "gone.md", Settings())
    assert [(f.rule, f.line, f.column, f.message) for f in result.findings] == [
        ("page/unreadable", 1, 1, "cannot read the file (No such file or directory)")
    ]
    assert result.unreadable


@pytest.mark.parametrize(
    ("jobs", "cores", "expected"),
    [(None, 2, 1), (None, 8, 7), (None, 1, 0), (3, 2, 2), (2, 8, 2), (0, 8, 0), (10**20, 4, 4)],
)
def test_worker_count(
    monkeypatch: pytest.MonkeyPatch, jobs: int | None, cores: int, expected: int
) -> None:
    monkeypatch.setattr("os.cpu_count", lambda: cores)
    assert worker_count(jobs) == expected


def test_more_jobs_than_cores_says_so_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("os.cpu_count", lambda: 4)
    assert capped_jobs(None) is None
    assert capped_jobs(4) is None
    assert capped_jobs(10000) == (
        "jobs: 10,000 is more than this machine's 4 core(s) can use; using 4"
    )


def test_no_more_workers_than_chunks(tmp_path: Path) -> None:
    # jobs: 10000 once started 545 workers for four pages; one chunk needs one worker.
    settings = load_settings({}, str(tmp_path))
    pages = list(PAGES.items())
    batch = Batch(pages, settings, 10000, min_bytes=0)
    assert len(batch.worker_pids) == 1
    assert batch.results() == [check_page(path, source, settings) for path, source in pages]


def test_this_process_checks_chunks_no_worker_has_started(tmp_path: Path) -> None:
    settings = load_settings({}, str(tmp_path))
    line = b"Some plain prose.\n"
    page = b"# P\n\n" + line * (CHUNK_BYTES // 4 // len(line))
    pages = [(f"reference/p{n}.md", page) for n in range(40)]
    batch = Batch(pages, settings, 1, min_bytes=0)
    # Ten chunks of four pages; one worker holds at most two before it has started.
    results = batch.results()
    assert results == [check_page(path, source, settings) for path, source in pages]
    assert 0 < batch.checked_here < len(pages)


def test_workers_that_cannot_start_leave_the_pages_to_this_process(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError("Resource temporarily unavailable")

    monkeypatch.setattr("subprocess.Popen", refuse)
    monkeypatch.setattr("os.fork", refuse)
    settings = load_settings({}, ".")
    pages = list(PAGES.items())
    for fork in (False, True):
        batch = Batch(pages, settings, 2, min_bytes=0, fork=fork)
        assert not batch.parallel
        assert batch.results() == [check_page(path, source, settings) for path, source in pages]


@pytest.mark.skipif(sys.platform in ("darwin", "win32"), reason="no safe fork here")
def test_workers_fork_only_from_a_process_with_one_thread() -> None:
    assert not can_fork(fork=False)
    assert can_fork(fork=True)
    release = threading.Event()
    thread = threading.Thread(target=release.wait)
    thread.start()
    try:
        assert not can_fork(fork=True)
    finally:
        release.set()
        thread.join()


def test_workers_exit_when_the_queue_is_empty_before_results_are_asked_for(
    tmp_path: Path,
) -> None:
    settings = load_settings({}, str(tmp_path))
    pages = list(PAGES.items())
    batch = Batch(pages, settings, 1, min_bytes=0)
    assert batch.parallel
    (pid,) = batch.worker_pids
    deadline = time.monotonic() + 30
    while _running(pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _running(pid)  # gone (and reaped) while the build renders on
    assert batch.results() == [check_page(path, source, settings) for path, source in pages]


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


@pytest.mark.parametrize("fork", [False, True])
def test_large_chunks_and_large_results_do_not_block_the_pipes(fork: bool) -> None:
    # Chunks of page bytes and results each larger than a pipe's buffer: both sides
    # writing at once must not wait on each other.
    settings = load_settings({}, ".")
    lines = (b"Step %d is blazing fast.\n\n" % n for n in range(12_000))
    page = b"# P\n\n" + b"".join(lines)  # 340 KB, and 230 KB of packed findings
    pages = [(f"how-to/p{n}.md", page) for n in range(6)]
    batch = Batch(pages, settings, 2, min_bytes=0, fork=fork)
    found: list[object] = []
    thread = threading.Thread(target=lambda: found.extend(batch.results()), daemon=True)
    thread.start()
    thread.join(timeout=120)
    assert not thread.is_alive(), "the workers and this process wait on each other"
    assert [len(result.findings) for result in found] == [12_000] * 6


_KILL_A_WORKER = """
import os, signal, sys
from mkdocs_diataxis.core import Settings, check_page, load_settings
from mkdocs_diataxis.workers.schedule import Batch
from mkdocs_diataxis.workers.worker import Worker

def main():
    settings = load_settings({}, ".")
    line = b"Spawning takes 286ns on the test machine.\\n"
    pages = [(f"reference/p{n}.md", b"# P\\n\\n" + line * 400) for n in range(60)]
    # Kill the first worker as its first chunk goes out: it is certainly alive then (a
    # worker exits only when its input closes), whatever the machine's speed.
    send = Worker.send
    sent = []
    def send_then_kill(worker, message):
        send(worker, message)
        sent.append(worker.pid)
        if worker.pid == sent[0] and sent.count(worker.pid) == 2:
            os.kill(worker.pid, signal.SIGKILL)
    Worker.send = send_then_kill
    batch = Batch(pages, settings, 2, min_bytes=0)
    results = batch.results()
    print("same" if results == [check_page(p, s, settings) for p, s in pages] else "differ")
    # Plain child processes: no multiprocessing, so no resource tracker either.
    print("multiprocessing" in sys.modules)

if __name__ == "__main__":
    main()
"""


def test_a_killed_worker_loses_no_results_and_leaves_no_process_behind(tmp_path: Path) -> None:
    # On Python 3.10 and 3.11 a worker's death in a ProcessPoolExecutor after this
    # process cancelled chunks left the other worker waiting: the process never exited.
    script = tmp_path / "kill_a_worker.py"
    script.write_text(_KILL_A_WORKER, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=120, check=False
    )
    assert (done.returncode, done.stdout, done.stderr) == (0, "same\nFalse\n", "")


_SPAWN_FROM = """
import os, sys
from mkdocs_diataxis.core import load_settings
from mkdocs_diataxis.workers.schedule import Batch
if sys.argv[1] == "cwd-first":  # as mkdocstrings' `paths: [.]` does, or `python -m`
    sys.path.insert(0, os.getcwd())
batch = Batch([("index.md", b"# Home\\n")], load_settings({}), 1, min_bytes=0, fork=False)
assert batch.parallel
print([r.path for r in batch.results()], batch.checked_here)
"""


@pytest.mark.parametrize("where", ["script-first", "cwd-first"])
def test_spawned_workers_never_import_the_projects_own_files(tmp_path: Path, where: str) -> None:
    # A pickle.py beside mkdocs.yml was run by every spawned worker (issue 19, row 6).
    project = tmp_path / "project"
    project.mkdir()
    for name in ("pickle", "queue", "threading", "contextlib"):
        (project / f"{name}.py").write_text(
            f"open({str(tmp_path / name)!r}, 'w').close()\nraise SystemExit(3)\n",
            encoding="utf-8",
        )
    script = tmp_path / "spawn_from.py"
    script.write_text(_SPAWN_FROM, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(script), where],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert (done.returncode, done.stdout, done.stderr) == (0, "['index.md'] 0\n", "")
    assert sorted(path.name for path in tmp_path.iterdir()) == ["project", "spawn_from.py"]
