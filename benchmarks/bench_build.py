"""What the plugin adds to `mkdocs build`: plugin on against ``enabled: false``, in
alternating pairs, on a generated site or on real docs (each corpus in a site of its
own, Material theme).

    python benchmarks/bench_build.py --pages 2000 --pairs 5           # generated site
    python benchmarks/bench_build.py --size-mb 16 --pairs 5           # generated, by size
    python benchmarks/bench_build.py --corpora ../shared/corpora --min-mb 0.5 --pairs 5

For each site, two kinds of pairs:

- **first build**: the plugin with an empty results cache (the folder is removed before
  each run), as in a fresh CI job;
- **cached rebuild**: the plugin again with nothing changed, the cache kept from the
  run before (a second ``mkdocs build``).

It prints, per site, the median on/off ratio (min-max over the pairs) of wall time, CPU
time (the build and its workers) and peak memory of the process tree, and the time of
``mkdocs-diataxis check`` run twice (empty cache, then kept) against the plugin-off
build. ``--markdown`` prints the same as a table for the performance page.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import sys
import tempfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from generate import generate
from measure import Measured, python, run, spread

CORPUS_CONFIG = """\
site_name: {name}
theme: material
markdown_extensions:
  - admonition
  - pymdownx.details
  - pymdownx.superfences
  - pymdownx.tabbed
  - footnotes
  - attr_list
  - md_in_html
  - tables
plugins:
  - diataxis:
      enabled: !ENV [DIATAXIS_ENABLED, true]
      jobs: !ENV [DIATAXIS_JOBS, auto]
"""
"""A corpus's site: Material and the extensions the corpora use (see their README),
the plugin with its defaults."""


@dataclass
class Pairs:
    """Ratios on/off of each pair, for one kind of run."""

    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    memory: list[float] = field(default_factory=list)

    def add(self, on: Measured, off: Measured) -> None:
        self.wall.append(on.seconds / off.seconds)
        self.cpu.append(on.cpu / off.cpu)
        self.memory.append(on.peak / off.peak)


@dataclass
class SiteResult:
    name: str
    size_mb: float
    pages: int
    off_seconds: list[float] = field(default_factory=list)
    first: Pairs = field(default_factory=Pairs)
    cached: Pairs = field(default_factory=Pairs)
    check_first: float = 0.0
    check_cached: float = 0.0

    def line(self) -> str:
        off = statistics.median(self.off_seconds)
        return (
            f"bench_build {self.name} pages={self.pages} size={self.size_mb:.2f}MB"
            f" off={off:.2f}s"
            f" first: wall={spread(self.first.wall)} cpu={spread(self.first.cpu)}"
            f" memory={spread(self.first.memory)}"
            f" cached: wall={spread(self.cached.wall)} cpu={spread(self.cached.cpu)}"
            f" memory={spread(self.cached.memory)}"
            f" check: first={self.check_first / off:.3f} cached={self.check_cached / off:.3f}"
        )

    def row(self) -> str:
        def median(values: list[float]) -> str:
            return f"{statistics.median(values):.3f}"

        return (
            f"| {self.name} | {self.pages} | {self.size_mb:.1f} MB"
            f" | {statistics.median(self.off_seconds):.1f} s"
            f" | {median(self.first.wall)} | {median(self.first.cpu)}"
            f" | {median(self.first.memory)}"
            f" | {median(self.cached.wall)} | {median(self.cached.cpu)}"
            f" | {self.check_cached / statistics.median(self.off_seconds):.3f} |"
        )


def measure(name: str, site: Path, pairs: int, jobs: str) -> SiteResult:
    docs = site / "docs"
    sources = [page for page in docs.rglob("*.md") if page.is_file()]
    result = SiteResult(name, sum(p.stat().st_size for p in sources) / 1e6, len(sources))
    cache = site / ".cache"
    command = [python(), "-m", "mkdocs", "build", "-q", "-d", str(site / "site")]
    on = {"DIATAXIS_ENABLED": "true", "DIATAXIS_JOBS": jobs}
    off = {"DIATAXIS_ENABLED": "false"}
    run(command, site, off)  # warm the file system cache and .pyc files
    for _ in range(pairs):
        shutil.rmtree(cache, ignore_errors=True)
        measured_off = run(command, site, off)
        result.off_seconds.append(measured_off.seconds)
        result.first.add(run(command, site, on), measured_off)
    for _ in range(pairs):  # the cache the last first build left
        measured_off = run(command, site, off)
        result.off_seconds.append(measured_off.seconds)
        result.cached.add(run(command, site, on), measured_off)
    check = [python(), "-m", "mkdocs_diataxis.cli", "check", "-o", str(site / "out.txt")]
    shutil.rmtree(cache, ignore_errors=True)
    result.check_first = run(check, site).seconds
    result.check_cached = run(check, site).seconds
    return result


def corpus_site(corpus: Path, target: Path) -> Path:
    site = target / corpus.name
    site.mkdir()
    (site / "docs").symlink_to((corpus / "docs").resolve())
    (site / "mkdocs.yml").write_text(CORPUS_CONFIG.format(name=corpus.name), encoding="utf-8")
    return site


def corpus_size(corpus: Path) -> float:
    return sum(page.stat().st_size for page in (corpus / "docs").rglob("*.md")) / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=2000, help="pages of the generated site")
    parser.add_argument("--size-mb", type=float, help="generate pages up to this much Markdown")
    parser.add_argument("--corpora", type=Path, help="a folder of corpora (DIR/*/docs)")
    parser.add_argument("--min-mb", type=float, default=0.0, help="skip smaller corpora")
    parser.add_argument("--pairs", type=int, default=5)
    parser.add_argument("--jobs", default="auto", help="the plugin's jobs setting for 'on'")
    parser.add_argument("--markdown", action="store_true", help="also print a Markdown table")
    args = parser.parse_args()
    results: list[SiteResult] = []
    with tempfile.TemporaryDirectory() as folder:
        if args.corpora is not None:
            for corpus in sorted(path for path in args.corpora.iterdir() if path.is_dir()):
                if (corpus / "docs").is_dir() and corpus_size(corpus) >= args.min_mb:
                    site = corpus_site(corpus, Path(folder))
                    results.append(measure(corpus.name, site, args.pairs, args.jobs))
                    print(results[-1].line(), flush=True)
        else:
            pages = args.pages
            if args.size_mb is not None:  # a generated page is about 8 KB
                pages = max(1, round(args.size_mb * 1e6 / 8_150))
            site = generate(Path(folder, "generated"), pages)
            config = site / "mkdocs.yml"  # Material, as real sites use
            config.write_text(config.read_text("utf-8").replace("theme: mkdocs", "theme: material"))
            results.append(measure("generated", site, args.pairs, args.jobs))
            print(results[-1].line(), flush=True)
    if args.markdown:
        print(
            f"\nMeasured {date.today().isoformat()} on {platform.machine()},"
            f" {os.cpu_count() or 1} cores, Python {platform.python_version()},"
            f" {args.pairs} pairs:\n"
        )
        print(
            "| site | pages | Markdown | off | first: wall | first: CPU | first: memory"
            " | cached: wall | cached: CPU | check, cached |"
        )
        print("|---|---|---|---|---|---|---|---|---|---|")
        for result in results:
            print(result.row())


if __name__ == "__main__":
    sys.exit(main())
