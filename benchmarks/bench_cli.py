"""How much faster `mkdocs-diataxis check` is than `mkdocs build` on the same site.

    python benchmarks/bench_cli.py --pages 500 --runs 3

Prints one summary line: median wall time of each, and the median and range of
build/check over alternating pairs (the bar is 5x).
The build runs with the plugin, as a site that uses it builds. Both run without the
results cache (``cache: false``, ``--no-cache``), so that every page is checked:
``bench_build`` measures the cache.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
from pathlib import Path

from generate import generate
from measure import python, run, spread


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=500)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        site = generate(Path(folder), args.pages)
        build = [python(), "-m", "mkdocs", "build", "-q", "-d", str(Path(folder, "site"))]
        check = [python(), "-m", "mkdocs_diataxis.cli", "check", "--no-cache"]
        check += ["-o", str(Path(folder, "out"))]
        config = site / "mkdocs.yml"
        config.write_text(config.read_text("utf-8") + "      cache: false\n", encoding="utf-8")
        run(check, site)  # warm the file system cache and .pyc files
        # Alternating pairs: a machine that slows down for a while slows both alike.
        pairs = [(run(build, site)[0], run(check, site)[0]) for _ in range(args.runs)]
    builds, checks = zip(*pairs, strict=True)
    print(
        f"bench_cli pages={args.pages} runs={args.runs} build={statistics.median(builds):.2f}s"
        f" check={statistics.median(checks):.2f}s"
        f" build/check={spread([b / c for b, c in pairs])}"
    )


if __name__ == "__main__":
    main()
