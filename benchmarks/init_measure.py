"""What `mkdocs-diataxis init` suggests on each shared corpus, and how much of
`placement/uncategorized` its lines remove (issue 20's bar: 90%).

Each corpus is checked as a site with the plugin's defaults; the options `init`
prints are applied and it is checked again. The second figure also counts the pages
whose front matter `init` suggests by their names (``install.md``: ``diataxis:
how-to``), which no folder line can file. "other placement" counts the other
placement findings after the lines, which must not grow (a folder name counts at
any depth, so a careless line files pages it was not meant for).

    python benchmarks/init_measure.py [--corpora ../shared/corpora]
"""

from __future__ import annotations

import argparse
import tempfile
from collections import Counter
from pathlib import Path

import yaml

from mkdocs_diataxis import init
from mkdocs_diataxis.core import PageResult
from mkdocs_diataxis.core.fit.suggest import as_yaml, options
from mkdocs_diataxis.project import Project

HERE = Path(__file__).parent


def placement(config: Path) -> tuple[Project, Counter[str], list[PageResult]]:
    project = Project(str(config))
    init.placement_only(project)
    results = project.check([])
    counts: Counter[str] = Counter(
        f.rule for r in results for f in r.findings if f.rule.startswith("placement/")
    )
    return project, counts, results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpora", type=Path, default=HERE.parent.parent / "shared" / "corpora")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        for corpus in sorted(p for p in args.corpora.iterdir() if (p / "docs").is_dir()):
            config = Path(scratch) / "mkdocs.yml"
            site = {"site_name": corpus.name, "docs_dir": str((corpus / "docs").resolve())}
            config.write_text(yaml.safe_dump({**site, "plugins": ["diataxis"]}), "utf-8")
            project, before, results = placement(config)
            found, pages = init.site_plan(project, results)
            settings = project.settings
            chosen = options(found, settings.categories, settings.exempt.patterns)
            config.write_text(yaml.safe_dump({**site, "plugins": [{"diataxis": chosen}]}), "utf-8")
            _, after, _ = placement(config)
            named = sum(1 for a in found.advice if a.category)
            left = after["placement/uncategorized"]
            removed = 1 - left / pages if pages else 1.0
            with_pages = 1 - (left - named) / pages if pages else 1.0
            others = lambda c: sum(n for rule, n in c.items() if rule != "placement/uncategorized")  # noqa: E731
            print(
                f"## {corpus.name}: {pages} -> {left} with the lines ({removed:.0%} removed),"
                f" {left - named} with the front matter too ({with_pages:.0%});"
                f" other placement {others(before)} -> {others(after)}"
            )
            for s in found.folders:
                where = f" at {', '.join(s.places)}" if s.places != (s.folder,) else ""
                target = s.category or "exempt"
                print(f"- {s.folder}/ -> {target} ({s.pages} pages{where}): {s.evidence}")
            for u in found.undecided:
                why = (
                    f"would also file {', '.join(u.refiles)}" if u.refiles else f"read as {u.votes}"
                )
                print(f"- undecided: {u.folder}/ ({u.pages} pages): {why}")
            for a in found.advice:
                target = "exempt" if a.exempt else f"diataxis: {a.category}"
                print(f"- page {a.page} -> {target}: {a.evidence}")
            for page in found.left:
                print(f"- left: {page}")
            print("```yaml\n" + as_yaml(chosen) + "\n```", flush=True)


if __name__ == "__main__":
    main()
