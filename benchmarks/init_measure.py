"""How much of `placement/uncategorized` what `mkdocs-diataxis init` suggests removes
on each shared corpus (issue 20's bar: 90%), and the suggestions themselves.

Each corpus is checked with default settings; then the suggested ``categories:`` and
``exempt:`` lines are applied and it is checked again. A second figure also counts
the pages whose front matter `init` suggests by their names (``install.md``:
``diataxis: how-to``), which no folder line can file: pages at the docs root, or in a
folder nothing decides.

    python benchmarks/init_measure.py [--corpora ../shared/corpora]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from mkdocs_diataxis.core import check_page, load_settings
from mkdocs_diataxis.core.check import _title
from mkdocs_diataxis.core.document import parse_document
from mkdocs_diataxis.core.fit.reading import read
from mkdocs_diataxis.core.fit.suggest import as_lines, plan
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
    for corpus in sorted(p for p in args.corpora.iterdir() if (p / "docs").is_dir()):
        docs = corpus / "docs"
        before = uncategorised(docs, load_settings({}))
        readings = {}
        for page in before:
            doc = parse_document(page, (docs / page).read_bytes())
            reading = read(doc, _title(doc))
            readings[page] = (
                reading.category,
                reading.probability,
                reading.why() if reading.evidence else "",
            )
        found = plan(before, readings)
        categories = {c: list(DEFAULT_FOLDERS[c]) for c in DEFAULT_FOLDERS}
        exempt = [f"/{a.page}" for a in found.pages if a.exempt]
        for s in found.folders:
            if s.category is None:
                exempt.append(f"{s.folder}/")
            else:
                categories[s.category].append(s.folder)
        after = uncategorised(docs, load_settings({"categories": categories, "exempt": exempt}))
        declared = {a.page for a in found.pages if a.category}
        left = [page for page in after if page not in declared]
        lines = 1 - len(after) / len(before) if before else 1.0
        with_pages = 1 - len(left) / len(before) if before else 1.0
        print(
            f"## {corpus.name}: {len(before)} -> {len(after)} with the lines ({lines:.0%} removed),"
            f" {len(left)} with the front matter too ({with_pages:.0%})"
        )
        for s in found.folders:
            print(f"- {s.folder}/ -> {s.category or 'exempt'} ({s.pages} pages): {s.evidence}")
        for u in found.undecided:
            print(f"- undecided: {u.folder}/ ({u.pages} pages): read as {u.votes}")
        for a in found.pages:
            target = "exempt" if a.exempt else (f"diataxis: {a.category}" if a.category else "-")
            print(f"- page {a.page} -> {target}" + (f": {a.evidence}" if a.evidence else ""))
        print("```yaml\n" + as_lines(found) + "\n```", flush=True)


if __name__ == "__main__":
    main()
