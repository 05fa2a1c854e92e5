"""Write a realistic synthetic MkDocs site of N pages for the benchmarks.

Pages mix headings, prose with figures, acronyms and terms, tables, lists,
admonitions, fenced code and front matter, in all four categories plus some
uncategorised pages, about 8 KB each.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

FOLDERS = ["tutorials", "how-to", "reference", "explanation", "misc"]
PARAGRAPHS = [
    "The scheduler dispatches work to a pool of workers and keeps the queue short. "
    "Spawning a component takes 286ns on the reference machine ([bench](https://example.org/b)).",
    "Configure the retry backoff to 250ms and the request timeout to 30s before you deploy.",
    "The API returns JSON over HTTP; the CLI wraps it for scripts and CI jobs.",
    "Our target for p99 latency is 5ms, and the budget for a cold start is 50ms.",
    "Simply run the installer, then check the log for errors and warnings.",
    "The cache uses 48 MB of resident memory at idle and grows with the working set.",
    "This design trades memory for speed: every lookup is a hash probe, never a scan.",
]


def page(index: int, rng: random.Random) -> str:
    parts = [f"---\ntitle: Page {index}\n---\n", f"# Page {index}\n"]
    for section in range(6):
        parts.append(f"## Section {section}\n")
        parts.extend(rng.choice(PARAGRAPHS) + "\n" for _ in range(4))
        parts.append("- Registry lookup: 36ns\n- Actor restart: <100μs\n- Step three\n")
        parts.append("| Setting | Default |\n|---|---|\n| Timeout | 30s |\n| Retries | 3 |\n")
        parts.append('!!! note "Remember"\n    Use WASM (WebAssembly) for plugins.\n')
        parts.append("```python\nspawn(component)  # 286ns\n```\n")
    return "\n".join(parts)


def generate(target: Path, pages: int, seed: int = 1) -> Path:
    """Write the site (mkdocs.yml and docs/) into ``target`` and return it."""
    rng = random.Random(seed)
    docs = target / "docs"
    for index in range(pages):
        folder = docs / FOLDERS[index % len(FOLDERS)] / f"part{index % 7}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"page{index}.md").write_text(page(index, rng), encoding="utf-8")
    (docs / "index.md").write_text("# Home\n", encoding="utf-8")
    (target / "mkdocs.yml").write_text(
        "site_name: Bench\ntheme: mkdocs\nmarkdown_extensions: [admonition, tables]\n"
        "plugins:\n  - diataxis:\n      severity: {'placement/*': info, 'citation/*': info,"
        " 'terms/*': info}\n",
        encoding="utf-8",
    )
    return target


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("target", type=Path)
    parser.add_argument("--pages", type=int, default=2000)
    args = parser.parse_args()
    generate(args.target, args.pages)
