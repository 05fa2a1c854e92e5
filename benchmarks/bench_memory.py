"""Memory of checking one large page: peak per MB of the page, for the core alone and
for a whole ``mkdocs build`` with the plugin on against ``enabled: false``.

The page is the generated site's pages joined into one (prose with figures, lists,
tables, admonitions, tabs and code). The core's number is the growth of one process's
peak resident memory while it checks the page, divided by the page's size; the build's
is the peak of the whole process tree (`measure.run`), Material theme, workers as
``jobs: auto`` chooses them.

    python benchmarks/bench_memory.py --sizes 1 5 20
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import tempfile
from pathlib import Path

from generate import page
from measure import python, run

CORE = """
import json, resource, sys
from mkdocs_diataxis.core import check_page, load_settings
settings = load_settings({})
check_page("reference/warm.md", "# Warm\\n\\nIt takes 3 ms.\\n", settings)
source = open(sys.argv[1], "rb").read()
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
result = check_page("reference/big.md", source, settings)
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"grew": (after - before) * 1024, "findings": len(result.findings)}))
"""

CONFIG = """site_name: Memory
theme: material
markdown_extensions: [admonition, tables, attr_list, md_in_html,
  pymdownx.superfences, pymdownx.tabbed]
plugins:
  - diataxis:
      enabled: !ENV [DIATAXIS_ENABLED, true]
      severity: {"citation/*": info, "terms/*": info, "placement/*": info}
"""


def big_page(megabytes: float, seed: int = 1) -> str:
    """One page of about ``megabytes`` MB: generated pages joined, one title."""
    rng = random.Random(seed)
    parts = ["# One large page\n"]
    size = 0
    index = 0
    while size < megabytes * 1e6:
        body = page(index, rng).split("---\n", 2)[2].replace("# Page", "## Page", 1)
        parts.append(body)
        size += len(body.encode())
        index += 1
    return "\n".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=float, nargs="+", default=[1, 5, 20])
    parser.add_argument("--no-build", action="store_true", help="the core only")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        for megabytes in args.sizes:
            site = root / f"site{megabytes:g}"
            (site / "docs" / "reference").mkdir(parents=True)
            (site / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
            big = site / "docs" / "reference" / "big.md"
            big.write_text(big_page(megabytes), encoding="utf-8")
            size = big.stat().st_size / 1e6
            (site / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
            core = subprocess.run(
                [python(), "-c", CORE, str(big)], capture_output=True, text=True, check=True
            )
            grew = json.loads(core.stdout)["grew"] / 1e6
            row = f"| {size:.1f} MB | {grew:.0f} MB | {grew / size:.1f} |"
            if not args.no_build:
                command = [python(), "-m", "mkdocs", "build", "-q", "-d", str(site / "site")]
                off = run(command, site, {"DIATAXIS_ENABLED": "false"})
                on = run(command, site, {"DIATAXIS_ENABLED": "true"})
                row += (
                    f" {off.peak / 1e6:.0f} MB | {on.peak / 1e6:.0f} MB"
                    f" | {on.peak / off.peak:.3f} |"
                )
            rows.append(row)
            print(row, flush=True)
    print()
    header = "| page | core: peak growth | core: per MB of page |"
    if not args.no_build:
        header += " build off: peak | build on: peak | ratio |"
    print(header)
    print("|---" * (header.count("|") - 1) + "|")
    print("\n".join(rows))


if __name__ == "__main__":
    main()
