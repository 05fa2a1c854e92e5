"""Throughput of the core checks, all rules on, in one process: MB of Markdown a second.

    python benchmarks/bench_core.py --pages 2000        # the generated site
    python benchmarks/bench_core.py path/to/docs ...    # any real docs folders
    python benchmarks/bench_core.py --corpora DIR       # every DIR/*/docs, pooled

Prints one summary line per source (one for all the corpora together): throughput of
the whole check, of the parse alone (markdown-it-py plus the document model) and of
markdown-it-py alone, so a change shows where its time went; and the time
``content_fit`` adds to a check (the bar: 10% at most).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from generate import generate
from measure import seconds_per_mb

from mkdocs_diataxis.core import check_page, load_settings
from mkdocs_diataxis.core.document import parse_document
from mkdocs_diataxis.core.document.markdown import MARKDOWN


def throughput(name: str, pages: list[tuple[str, bytes]]) -> str:
    size = sum(len(source) for _, source in pages) / 1e6
    settings = load_settings({}, ".")
    rates = [
        1 / seconds_per_mb(run, pages)
        for run in (
            lambda path, source: check_page(path, source, settings),
            parse_document,
            lambda path, source: MARKDOWN.parse(source.decode("utf-8", "replace")),
        )
    ]
    check, parse, markdown_it = rates
    off, on = content_fit_cost(pages)
    return (
        f"bench_core {name} pages={len(pages)} size={size:.1f}MB check={check:.2f}MB/s"
        f" parse={parse:.2f}MB/s markdown-it={markdown_it:.2f}MB/s"
        f" rules_share={1 - check / parse:.0%} content_fit_adds={on / off - 1:.1%}"
    )


def content_fit_cost(pages: list[tuple[str, bytes]], rounds: int = 5) -> tuple[float, float]:
    """The best time of a check of ``pages`` without and with ``content_fit``, the two
    run in turn, ``rounds`` times: measured apart, the machine's drift between them
    was as large as the difference (3% to 9% in three runs)."""
    off, on = load_settings({}, "."), load_settings({"content_fit": {"enabled": True}}, ".")
    best = {id(off): float("inf"), id(on): float("inf")}
    for _ in range(rounds):
        for settings in (off, on):
            start = time.perf_counter()
            for path, source in pages:
                check_page(path, source, settings)
            best[id(settings)] = min(best[id(settings)], time.perf_counter() - start)
    return best[id(off)], best[id(on)]


def read(folder: Path) -> list[tuple[str, bytes]]:
    return [
        (p.relative_to(folder).as_posix(), p.read_bytes()) for p in sorted(folder.rglob("*.md"))
    ]


def pooled(corpora: Path) -> list[tuple[str, bytes]]:
    """The pages of every ``corpora/*/docs`` folder, as one set: a single throughput over
    all of them, where a rate per corpus would weigh a small corpus like a large one.
    Paths keep their corpus's name, so pages of different corpora stay apart."""
    return [
        (f"{docs.parent.name}/{path}", source)
        for docs in sorted(corpora.glob("*/docs"))
        if docs.is_dir()
        for path, source in read(docs)
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folders", nargs="*", type=Path, help="docs folders to measure")
    parser.add_argument("--pages", type=int, default=2000, help="size of the generated site")
    parser.add_argument(
        "--corpora", type=Path, help="measure every DIR/*/docs together, as one set of pages"
    )
    args = parser.parse_args()
    if args.corpora:
        pages = pooled(args.corpora)
        if not pages:
            parser.error(f"no Markdown pages in {args.corpora}/*/docs")
        print(throughput(f"{args.corpora.as_posix()} (pooled)", pages))
        return
    if args.folders:
        for folder in args.folders:
            print(throughput(folder.as_posix(), read(folder)))
        return
    with tempfile.TemporaryDirectory() as target:
        site = generate(Path(target), args.pages)
        print(throughput("generated", read(site / "docs")))


if __name__ == "__main__":
    main()
