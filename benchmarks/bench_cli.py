"""How much faster `mkdocs-diataxis check` is than `mkdocs build` on the same site,
and how fast the core checks Markdown.

    python benchmarks/bench_cli.py --pages 500

Prints one summary line of ratios to compare run to run.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from generate import generate

from mkdocs_diataxis.core import Settings, check_page


def timed(command: list[str], cwd: Path) -> float:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, env=env, capture_output=True, check=False, timeout=1800)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=500)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        site = generate(Path(folder), args.pages)
        pages = sorted((site / "docs").rglob("*.md"))
        data = [(p.relative_to(site / "docs").as_posix(), p.read_bytes()) for p in pages]
        size = sum(len(b) for _, b in data)
        settings = Settings()
        start = time.perf_counter()
        for path, source in data:
            check_page(path, source, settings)
        core = size / 1e6 / (time.perf_counter() - start)
        builds, checks = [], []
        for _ in range(args.runs):
            builds.append(timed([sys.executable, "-m", "mkdocs", "build"], site))
            checks.append(timed([sys.executable, "-m", "mkdocs_diataxis.cli", "check"], site))
        build, check = statistics.median(builds), statistics.median(checks)
        print(
            f"pages={len(pages)} size={size / 1e6:.1f}MB core={core:.2f}MB/s "
            f"build={build:.2f}s check={check:.2f}s build/check={build / check:.1f}x"
        )


if __name__ == "__main__":
    main()
