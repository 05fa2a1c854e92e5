"""Workers end with the process that started them (issue 19, row 3): a CI timeout's
SIGTERM, a SIGINT or a SIGKILL sent to ``mkdocs`` or ``mkdocs-diataxis`` alone, while a
worker is busy on a page that would take hours, leaves no worker running."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.helpers import make_site

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")

# Accepted by the unsafe-shape check, and hours of matching on 400 colons; no time
# limit, so only the worker's end can stop it.
SITE = {"index.md": "# Home\n", "reference/log.md": "# Log\n\n" + ":" * 400 + "\n"}
PLUGIN = (
    "  - diataxis:\n      jobs: 1\n      time_limit: 0\n"
    "      terms: {forbid: ['/:.*:.*:.*:.*!/']}\n"
)
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        with open(task / "children", encoding="ascii") as handle:
            found.extend(int(child) for child in handle.read().split())
    return found


def _alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii")
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] not in ("Z", "X")  # a zombie has ended


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text(encoding="ascii").rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _busy_worker(process: subprocess.Popen[bytes]) -> int:
    """The worker, once it has spent half a second on the page."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert process.poll() is None, "the run ended before its worker got the page"
        for child in _children(process.pid):
            if _alive(child) and _cpu_seconds(child) > 0.5:
                return child
        time.sleep(0.05)
    raise AssertionError("no worker got busy on the page")


SPAWNING = """
from mkdocs_diataxis.core import load_settings
from mkdocs_diataxis.workers.schedule import Batch
settings = load_settings({"time_limit": 0, "terms": {"forbid": ["/:.*:.*:.*:.*!/"]}})
page = ("reference/log.md", b"# Log\\n\\n" + b":" * 400 + b"\\n")
Batch([page], settings, 1, min_bytes=0, fork=False).results()
"""
"""A spawned worker (``mkdocs serve``, macOS) rather than a fork."""

COMMANDS = {
    "build": ["-m", "mkdocs", "build"],
    "check": ["-m", "mkdocs_diataxis.cli", "check", "--no-cache", "-j", "1"],
    "spawned": ["-c", SPAWNING],
}


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT, signal.SIGKILL])
@pytest.mark.parametrize("command", COMMANDS)
def test_a_busy_worker_ends_with_its_parent(tmp_path: Path, command: str, stop: int) -> None:
    make_site(tmp_path, SITE, plugin=PLUGIN)
    args = COMMANDS[command]
    process = subprocess.Popen(
        [sys.executable, *args],
        cwd=tmp_path,
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        # Not ignored, whatever the test runner's is: Python then raises KeyboardInterrupt.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    worker = None
    try:
        worker = _busy_worker(process)
        os.kill(process.pid, stop)  # the parent alone, as a CI timeout does
        process.wait(timeout=30)
        deadline = time.monotonic() + 10
        while _alive(worker) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not _alive(worker)
    finally:
        process.kill()
        process.wait()
        if worker is not None and _alive(worker):
            os.kill(worker, signal.SIGKILL)


def test_ctrl_c_in_check_is_one_line_and_exit_2(tmp_path: Path) -> None:
    # It was a KeyboardInterrupt traceback and exit 1 (issue 19, row 7).
    make_site(tmp_path, SITE, plugin=PLUGIN)
    process = subprocess.Popen(
        [sys.executable, *COMMANDS["check"]],
        cwd=tmp_path,
        env=ENV,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    try:
        worker = _busy_worker(process)
        os.kill(process.pid, signal.SIGINT)
        out, err = process.communicate(timeout=30)
    finally:
        process.kill()
        process.wait()
    assert (process.returncode, out, err) == (2, "", "mkdocs-diataxis: interrupted\n")
    assert not _alive(worker)
