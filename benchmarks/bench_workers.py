"""What a worker costs to start, forked and spawned, and the site size from which
checking in parallel pays on this machine.

    python benchmarks/bench_workers.py [--runs 5]

A worker pays when the checking it takes off the main process is worth more than its
start: with the core checking ``rate`` MB a second, a worker that costs ``start``
seconds before its first result breaks even on ``start * rate`` MB. The thresholds in
`mkdocs_diataxis.workers.schedule` (``FORK_MIN_BYTES``, ``SPAWN_MIN_BYTES``) are set
at three to four times that, so that a worker is started only when it clearly pays;
this prints both, so they can be checked on any machine.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from generate import generate

from mkdocs_diataxis.core import check_page, load_settings
from mkdocs_diataxis.workers.schedule import FORK_MIN_BYTES, SPAWN_MIN_BYTES
from mkdocs_diataxis.workers.worker import Worker, can_fork


def start_seconds(fork: bool, settings: object) -> float:
    """From asking for a worker to its first result for a one-line page."""
    start = time.perf_counter()
    worker = Worker.fork([]) if fork else Worker.spawn()
    worker.send(settings)
    worker.send([("index.md", b"# Home\n")])
    worker.receive()
    elapsed = time.perf_counter() - start
    worker.close()
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    settings = load_settings({})
    with tempfile.TemporaryDirectory() as folder:
        docs = generate(Path(folder), 200) / "docs"
        pages = [(p.relative_to(docs).as_posix(), p.read_bytes()) for p in docs.rglob("*.md")]
    size = sum(len(source) for _, source in pages) / 1e6
    begin = time.perf_counter()
    for path, source in pages:
        check_page(path, source, settings)
    rate = size / (time.perf_counter() - begin)
    kinds = {"spawn": False, "fork": True} if can_fork(True) else {"spawn": False}
    line = [f"bench_workers core={rate:.2f}MB/s"]
    for name, fork in kinds.items():
        seconds = statistics.median(start_seconds(fork, settings) for _ in range(args.runs))
        line.append(f"{name}_start={seconds * 1000:.0f}ms {name}_break_even={seconds * rate:.3f}MB")
    line.append(f"fork_threshold={FORK_MIN_BYTES / 1e6:.3f}MB")
    line.append(f"spawn_threshold={SPAWN_MIN_BYTES / 1e6:.3f}MB")
    print(" ".join(line))


if __name__ == "__main__":
    main()
