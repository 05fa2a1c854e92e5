"""How much of `placement/uncategorized` the suggested `categories:`/`exempt:` lines
remove on each shared corpus (issue 20's bar: 90%), and the suggestions themselves.

    python benchmarks/init_measure.py [--corpora ../shared/corpora]
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from mkdocs_diataxis.core import check_page, load_settings
from mkdocs_diataxis.core.check import _title
from mkdocs_diataxis.core.document import parse_document
from mkdocs_diataxis.core.fit.model import features, shipped_weights
from mkdocs_diataxis.core.fit.signals import page_signals
from mkdocs_diataxis.core.fit.suggest import as_lines, suggest
from mkdocs_diataxis.core.settings import DEFAULT_FOLDERS

HERE = Path(__file__).parent


def uncategorised(docs: Path, settings: object) -> list[str]:
    found = []
    for path in sorted(docs.rglob("*.md")):
        page = path.relative_to(docs).as_posix()
        result = check_page(page, path.read_bytes(), settings)  # type: ignore[arg-type]
        if any(f.rule == "placement/uncategorized" for f in result.findings):
            found.append(page)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpora", type=Path, default=HERE.parent.parent / "shared" / "corpora")
    args = parser.parse_args()
    weights = shipped_weights()
    for corpus in sorted(p for p in args.corpora.iterdir() if (p / "docs").is_dir()):
        docs = corpus / "docs"
        before = uncategorised(docs, load_settings({}))
        reads_as = {}
        for page in before:
            doc = parse_document(page, (docs / page).read_bytes())
            scores = weights.scores(features(page_signals(doc, _title(doc))))
            reads_as[page] = max(scores, key=lambda c: scores[c])
        suggestions = suggest(before, reads_as)
        categories = {c: list(DEFAULT_FOLDERS[c]) for c in DEFAULT_FOLDERS}
        exempt = []
        for s in suggestions:
            if s.category is None:
                exempt.append(f"{s.folder}/")
            else:
                categories[s.category].append(s.folder)
        after = uncategorised(docs, load_settings({"categories": categories, "exempt": exempt}))
        removed = 1 - len(after) / len(before) if before else 1.0
        print(f"## {corpus.name}: {len(before)} -> {len(after)} ({removed:.0%} removed)")
        for s in suggestions:
            print(f"- {s.folder}/ -> {s.category or 'exempt'}: {s.evidence} ({s.pages} pages)")
        left: dict[str, Counter[str]] = {}
        for page in after:
            top = page.split("/")[0] if "/" in page else "(root)"
            left.setdefault(top, Counter())[reads_as.get(page, "?")] += 1
        for top, votes in sorted(left.items()):
            print(f"- left: {top} ({sum(votes.values())} pages, read as {dict(votes)})")
        print("```yaml\n" + as_lines(suggestions) + "\n```", flush=True)


if __name__ == "__main__":
    main()
