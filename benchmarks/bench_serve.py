"""What the plugin adds to a `mkdocs serve` rebuild after one page changes.

    python benchmarks/bench_serve.py --pages 500 --rebuilds 5

Rebuilds run in this process the way `mkdocs serve` runs them: the config is loaded
anew each time and the plugin instance is kept. Prints one summary line: the median
rebuild time with the plugin off and on, their ratio, and how many pages the plugin
checked per rebuild (1 is the goal: only the changed page).
"""

from __future__ import annotations

import argparse
import logging
import os
import statistics
import tempfile
import time
from pathlib import Path

from generate import generate
from mkdocs.commands.build import build
from mkdocs.config import load_config


def rebuilds(site: Path, enabled: bool, count: int) -> tuple[list[float], list[int]]:
    """Time ``count`` warm rebuilds, each after a one-line edit to one page."""
    os.environ["DIATAXIS_ENABLED"] = "true" if enabled else "false"
    page = next(iter(sorted((site / "docs").rglob("page*.md"))))
    original = page.read_text("utf-8")
    config_file = str(site / "mkdocs.yml")
    times: list[float] = []
    checked: list[int] = []
    for index in range(count + 1):  # the first build warms up and is not counted
        page.write_text(original + f"\nEdit {index}: the queue now drains faster.\n", "utf-8")
        start = time.perf_counter()
        config = load_config(config_file, site_dir=str(site / "site"))
        config.plugins.on_startup(command="serve", dirty=False)
        build(config)
        elapsed = time.perf_counter() - start
        if index:
            times.append(elapsed)
            plugin = config.plugins.get("diataxis")
            checked.append(plugin.session.checked if plugin is not None else 0)
    page.write_text(original, "utf-8")
    return times, checked


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=500)
    parser.add_argument("--rebuilds", type=int, default=5)
    args = parser.parse_args()
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    with tempfile.TemporaryDirectory() as folder:
        site = generate(Path(folder), args.pages)
        off, _ = rebuilds(site, False, args.rebuilds)
        on, checked = rebuilds(site, True, args.rebuilds)
    time_off, time_on = statistics.median(off), statistics.median(on)
    print(
        f"bench_serve pages={args.pages} rebuilds={args.rebuilds} off={time_off:.2f}s"
        f" on={time_on:.2f}s added={time_on - time_off:+.2f}s ratio={time_on / time_off:.3f}"
        f" checked_per_rebuild={max(checked)}"
    )


if __name__ == "__main__":
    main()
