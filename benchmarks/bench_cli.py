"""How much faster `mkdocs-diataxis check` is than `mkdocs build` on the same site.

    python benchmarks/bench_cli.py --pages 500 --runs 3

Prints one summary line: median wall time of each, and build/check (the bar is 5x).
The build runs with the plugin, as a site that uses it builds.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
from pathlib import Path

from generate import generate
from measure import python, run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=500)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        site = generate(Path(folder), args.pages)
        build = [python(), "-m", "mkdocs", "build", "-q", "-d", str(Path(folder, "site"))]
        check = [python(), "-m", "mkdocs_diataxis.cli", "check", "-o", str(Path(folder, "out"))]
        run(check, site)  # warm the file system cache and .pyc files
        builds = [run(build, site)[0] for _ in range(args.runs)]
        checks = [run(check, site)[0] for _ in range(args.runs)]
    median_build, median_check = statistics.median(builds), statistics.median(checks)
    print(
        f"bench_cli pages={args.pages} runs={args.runs} build={median_build:.2f}s"
        f" check={median_check:.2f}s build/check={median_build / median_check:.1f}x"
    )


if __name__ == "__main__":
    main()
