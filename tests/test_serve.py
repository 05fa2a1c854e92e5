"""A real `mkdocs serve` on a loopback port: edits, deletions and fixes show up in the
findings and on the status page, nothing is written under docs_dir, and the server
leaves no process behind. Only 127.0.0.1 is contacted; every wait is bounded."""

from __future__ import annotations

import hashlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.helpers import make_site

PAGES = {
    "index.md": "# Home\n",
    "reference/spawn.md": "# Spawn\n\nSpawning takes 286ns.\n",
    "reference/send.md": "# Send\n\nSending takes 1.5 µs.\n",
}
CITED = "# Spawn\n\nSpawning takes 286ns ([bench](https://example.org/b)).\n"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:  # loopback only
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, OSError):
        return None


def wait_for(condition: Callable[[], bool], what: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.25)
    raise AssertionError(f"timed out after {seconds}s waiting for {what}")


def digest(folder: Path) -> dict[str, str]:
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


_SERVE = (
    "import runpy, signal, sys; signal.signal(signal.SIGINT, signal.default_int_handler);"
    " sys.argv[0] = 'mkdocs'; runpy.run_module('mkdocs', run_name='__main__')"
)
"""``python -m mkdocs`` with Ctrl-C as a terminal delivers it. A process started in the
background of a shell without job control (``.ci/run &``) ignores SIGINT, and Python
keeps ignoring it in its children: the server would never see the SIGINT the fixture
sends to stop it."""


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Path, str, subprocess.Popen[str]]]:
    site = make_site(tmp_path, PAGES)
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen(
        [sys.executable, "-c", _SERVE, "serve", "-a", f"127.0.0.1:{port}"],
        cwd=site,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(lambda: fetch(f"{base}/diataxis-status/") is not None, "the server to start")
        yield site, base, server
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait(timeout=20)
            pytest.fail("mkdocs serve did not stop on SIGINT")
        finally:
            # Closed on either path: an open pipe left to the collector failed the next
            # test that collects garbage with a ResourceWarning.
            assert server.stderr is not None
            server.stderr.close()


def status(base: str) -> str:
    """The status page up to its Rules section, whose examples name figures too."""
    return (fetch(f"{base}/diataxis-status/") or "").split('<dl class="diataxis-rules">')[0]


def test_serve_updates_findings_and_status_page_and_writes_nothing_to_docs(
    served: tuple[Path, str, subprocess.Popen[str]],
) -> None:
    site, base, server = served
    docs = site / "docs"
    assert "286ns" in status(base)
    assert "2 warnings to fix" in status(base)

    # Fixing one page's figure: its finding leaves the status page.
    (docs / "reference/spawn.md").write_text(CITED, "utf-8")
    wait_for(lambda: "286ns" not in status(base), "the fixed finding to leave")
    assert "1 warning to fix" in status(base)
    before = digest(docs)

    # Deleting the other page removes its findings: the last warning is gone.
    (docs / "reference/send.md").unlink()
    wait_for(lambda: "no warnings" in status(base), "the status page to say no warnings")
    assert "1.5 µs" not in status(base)
    assert digest(docs) == {k: v for k, v in before.items() if k != "reference/send.md"}
    assert server.poll() is None  # still serving
