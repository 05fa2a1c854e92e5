"""Checking stays linear on hostile input: time per MB of each hostile page against
time per MB of normal generated pages.

    python benchmarks/bench_hostile.py [--scale 1.0]

Prints one summary line with two ratios per input, ``vs_normal/growth``: its time per
MB against normal pages (the issue's bar is 2.0), and its time per MB at full size
against a tenth of that size (1.0 means linear). ``--scale`` shrinks the inputs for a
quick run in CI.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from generate import generate
from measure import seconds_per_mb

from mkdocs_diataxis.core import check_page, load_settings


def hostile(scale: float) -> dict[str, str]:
    """The inputs named in issue 7, at ``scale`` of their full size."""

    def n(count: int) -> int:
        return max(1, int(count * scale))

    sentence = "Spawning takes 286ns and the QXZ is blazing fast, see `bench_x` [b](u). "
    return {
        "1MB-line": sentence * n(1_000_000 // len(sentence)),
        "backticks": "`" * n(10_000),
        "brackets": "[" * n(5_000) + "x" + "]" * n(5_000),
        "table": "| Op | Time |\n|---|---|\n" + "| Spawn | 286ns |\n" * n(20_000),
        "nested-lists": "".join("  " * level + "- item 3x faster\n" for level in range(n(1_000))),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=float, default=1.0)
    args = parser.parse_args()
    settings = load_settings({}, ".")

    def check(path: str, source: bytes) -> object:
        return check_page(path, source, settings)

    with tempfile.TemporaryDirectory() as folder:
        docs = generate(Path(folder), max(20, int(200 * args.scale))) / "docs"
        normal = seconds_per_mb(
            check, [(p.name, p.read_bytes()) for p in sorted(docs.rglob("*.md"))]
        )
    full = {
        name: seconds_per_mb(check, [(f"{name}.md", text.encode())])
        for name, text in hostile(args.scale).items()
    }
    tenth = {
        name: seconds_per_mb(check, [(f"{name}.md", text.encode())])
        for name, text in hostile(args.scale / 10).items()
    }
    # vs normal: per-MB time against normal pages (the bar is 2.0);
    # growth: per-MB time at full size against a tenth of it (1.0 = linear).
    print(
        f"bench_hostile scale={args.scale} normal={normal:.3f}s/MB "
        + " ".join(
            f"{name}={full[name] / normal:.2f}/{full[name] / tenth[name]:.2f}" for name in full
        )
        + f" worst_vs_normal={max(full.values()) / normal:.2f}"
        + f" worst_growth={max(full[name] / tenth[name] for name in full):.2f}"
    )


if __name__ == "__main__":
    main()
