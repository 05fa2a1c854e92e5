"""The `content/fit` findings on the shared corpora, as the plugin reports them, with
their messages: to read them. Their precision is measured by ``fit_cases.py``, on the
pages judged in ``fit-judged.tsv`` and ``fit-cases-judged.tsv``.

Each corpus is checked with `content_fit` on and its folders filed as
``fit-folders.yml`` labels them (on top of the default folder names). With
``--weights loco`` (the default) each corpus is read by weights fitted on the other
corpora, so no flag comes from weights that saw its page; ``--weights shipped``
uses the weights the plugin ships.

    python benchmarks/fit_flags.py [--corpora ../shared/corpora] [--weights loco|shipped]
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import fit_calibrate
import yaml

from mkdocs_diataxis.core import check_page, load_settings
from mkdocs_diataxis.core.fit import reading
from mkdocs_diataxis.core.settings import DEFAULT_FOLDERS, Settings

HERE = Path(__file__).parent


def each_corpus(corpora: Path, weights: str) -> Iterator[tuple[Path, Settings]]:
    """Each corpus with the settings it is checked with: ``content_fit`` on, the other
    families off, and its folders filed as ``fit-folders.yml`` labels them (on top of
    the default names). With ``weights`` ``loco``, the pages are read meanwhile by
    weights fitted on the other corpora; the shipped ones are back after."""
    folders = yaml.safe_load((HERE / "fit-folders.yml").read_text("utf-8"))
    rows = fit_calibrate.labelled(corpora) if weights == "loco" else []
    shipped = reading.shipped_weights
    try:
        for corpus in sorted(p for p in corpora.iterdir() if (p / "docs").is_dir()):
            if weights == "loco":
                model = fit_calibrate.fit([r for r in rows if r[0] != corpus.name])
                reading.shipped_weights = lambda model=model: model  # type: ignore[assignment]
            categories = {c: list(names) for c, names in DEFAULT_FOLDERS.items()}
            for prefix, category in (folders.get(corpus.name) or {}).items():
                name = prefix.rstrip("/").rsplit("/", 1)[-1]
                if name not in categories[category]:
                    categories[category].append(name)
            off = {"enabled": False}
            options = {"citations": off, "terms": off, "acronyms": off}
            yield (
                corpus,
                load_settings(
                    {"categories": categories, "content_fit": {"enabled": True}, **options}
                ),
            )
    finally:
        reading.shipped_weights = shipped


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpora", type=Path, default=HERE.parent.parent / "shared" / "corpora")
    parser.add_argument("--weights", choices=("loco", "shipped"), default="loco")
    args = parser.parse_args()
    kinds: Counter[tuple[str, str]] = Counter()
    scored = filed = 0
    for corpus, settings in each_corpus(args.corpora, args.weights):
        docs = corpus / "docs"
        for path in sorted(docs.rglob("*.md")):
            page = path.relative_to(docs).as_posix()
            result = check_page(page, path.read_bytes(), settings)
            filed += result.facts.category is not None
            scored += result.facts.fit is not None
            for finding in result.findings:
                if finding.rule == "content/fit":
                    reads_as = finding.message.split(",", 1)[0].removeprefix("the page reads as ")
                    kinds[(str(result.facts.category), reads_as)] += 1
                    print(f"{corpus.name}/docs/{page}\t{result.facts.category}\t{finding.message}")
    print(
        f"# {sum(kinds.values())} flags; {scored} pages scored, whose content makes a case,"
        f" of {filed} with a category:"
    )
    for (filed_as, reads_as), count in sorted(kinds.items()):
        print(f"#   filed as {filed_as}, {reads_as}: {count}")


if __name__ == "__main__":
    main()
