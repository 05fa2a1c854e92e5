"""What the plugin adds to `mkdocs build`: wall time and peak memory, plugin on versus
``enabled: false``, on the same generated site, in alternating A/B pairs.

    python benchmarks/bench_build.py --pages 2000 --pairs 5 [--jobs 0]

Prints one summary line: the median ratio of on/off (with min-max over the pairs) for
wall time and for peak memory of the whole process tree (build and workers).
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from generate import generate
from measure import python, run, spread


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--pairs", type=int, default=5)
    parser.add_argument("--jobs", default="auto", help="the plugin's jobs setting for 'on'")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        site = generate(Path(folder), args.pages)
        command = [python(), "-m", "mkdocs", "build", "-q", "-d", str(Path(folder, "site"))]
        on = {"DIATAXIS_ENABLED": "true", "DIATAXIS_JOBS": args.jobs}
        off = {"DIATAXIS_ENABLED": "false"}
        run(command, site, off)  # warm the file system cache and .pyc files
        times, memory, ons, offs, peaks_on, peaks_off = [], [], [], [], [], []
        for _ in range(args.pairs):
            time_off, peak_off = run(command, site, off)
            time_on, peak_on = run(command, site, on)
            times.append(time_on / time_off)
            memory.append(peak_on / peak_off)
            ons.append(time_on)
            offs.append(time_off)
            peaks_on.append(peak_on)
            peaks_off.append(peak_off)
    print(
        f"bench_build pages={args.pages} pairs={args.pairs} jobs={args.jobs}"
        f" off={min(offs):.1f}s on={min(ons):.1f}s"
        f" time_ratio={spread(times)} peak_off={min(peaks_off) / 1e6:.0f}MB"
        f" peak_on={min(peaks_on) / 1e6:.0f}MB memory_ratio={spread(memory)}"
    )


if __name__ == "__main__":
    main()
