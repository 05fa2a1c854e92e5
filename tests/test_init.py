"""``mkdocs-diataxis init``: the lines that file a site's uncategorised pages, with the
evidence for each; it prints and never edits ``mkdocs.yml``."""

from __future__ import annotations

from pathlib import Path

import yaml

from mkdocs_diataxis.core.document import parse_document
from mkdocs_diataxis.core.fit.reading import read
from mkdocs_diataxis.core.fit.signals import SIGNALS
from mkdocs_diataxis.core.fit.suggest import PageAdvice, Plan, Suggestion, as_lines, plan
from tests.helpers import md, run_cli

BREAD = md(
    """
    # Bake bread

    Preheat the oven.

    1. Mix the flour.
    2. Bake it.
    """
)
WIDGET = md(
    """
    # `Widget.mount()`

    ## Parameters

    | name | type | default |
    |---|---|---|
    | `a` | `int` | `0` |
    | `b` | `str` | `""` |

    ## Returns

    Defaults to `None`.
    """
)
PAGES = {
    "index.md": "# Home\n",
    "tutorials/t.md": "# Start\n\nIn this tutorial we will build a thing.\n",
    "cookbook/a.md": BREAD,
    "cookbook/b.md": BREAD,
    **{f"catalogue/w{n}.md": WIDGET for n in (1, 2, 3)},
    "release-notes.md": "# Release notes\n\n## 1.0\n\nFirst.\n",
    "install.md": "# Install\n\nRun `pip install t`.\n",
    "musings.md": "# Musings\n\nSome thoughts about the weather and nothing else at all.\n",
}
CONFIG = 'site_name: T\nplugins:\n  - diataxis:\n      exempt: ["drafts/"]\n'

EXPECTED = md(
    """
    # 8 pages have no category (placement/uncategorized).
    # These options of the diataxis plugin in mkdocs.yml
    # file or exempt 6 of them; each keeps what the option already lists.
    categories:
      how-to: [how-to, howto, guides, how-to-guides, cookbook]
      reference: [reference, ref, api, catalogue]
    exempt: ["drafts/", "/release-notes.md"]

    # Why:
    #   catalogue/ -> reference (3 pages): 3 of 3 pages read as reference, 3 at 70% or more
    #   cookbook/ -> how-to (2 pages): the name "cookbook"; 2 of 2 pages read as how-to
    #   release-notes.md -> exempt: the name says it is not a document

    # Pages no folder line files, whose names say their category: declare it in
    # their front matter, or move them into a category folder.
    #   install.md: diataxis: how-to  (the name "install")

    # Pages nothing here decides: read each, then declare its category in its front
    # matter (`diataxis: how-to`) or move it into a category folder. Content read
    # page by page is not sure enough to say.
    #   musings.md
    """
)


def _site(root: Path, pages: dict[str, str], config: str = CONFIG) -> Path:
    for path, text in pages.items():
        target = root / "docs" / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    return root


def test_init_prints_the_lines_and_the_evidence_for_each(tmp_path: Path) -> None:
    site = _site(tmp_path, PAGES)
    ran = run_cli(site, "init", "--no-cache")
    assert (ran.returncode, ran.stderr) == (0, "")
    assert ran.stdout == EXPECTED


def test_the_printed_lines_pasted_into_mkdocs_yml_file_what_they_say(tmp_path: Path) -> None:
    site = _site(tmp_path, PAGES)
    printed = run_cli(site, "init", "--no-cache").stdout
    options = yaml.safe_load(printed)  # the comments drop out: the rest is the options
    assert set(options) == {"categories", "exempt"}
    (site / "mkdocs.yml").write_text(
        yaml.safe_dump({"site_name": "T", "plugins": [{"diataxis": options}]}), encoding="utf-8"
    )
    ran = run_cli(site, "check", "--no-cache", "--format", "github")
    left = sorted(
        line.split("file=docs/", 1)[1].split(",", 1)[0]
        for line in ran.stdout.splitlines()
        if "placement/uncategorized" in line
    )
    assert left == ["install.md", "musings.md"]  # the two that need front matter
    assert run_cli(site, "init", "--no-cache").stdout == md(
        """
        # 2 pages have no category (placement/uncategorized).

        # Pages no folder line files, whose names say their category: declare it in
        # their front matter, or move them into a category folder.
        #   install.md: diataxis: how-to  (the name "install")

        # Pages nothing here decides: read each, then declare its category in its front
        # matter (`diataxis: how-to`) or move it into a category folder. Content read
        # page by page is not sure enough to say.
        #   musings.md
        """
    )


def test_init_never_edits_mkdocs_yml_or_the_pages(tmp_path: Path) -> None:
    site = _site(tmp_path, PAGES)
    before = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    run_cli(site, "init", "--no-cache")
    after = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    assert after == before


def test_a_site_with_every_page_filed_has_nothing_to_add(tmp_path: Path) -> None:
    site = _site(tmp_path, {"index.md": "# Home\n", "guides/a.md": BREAD})
    ran = run_cli(site, "init", "--no-cache")
    assert (ran.returncode, ran.stdout) == (
        0,
        "# Every page has a category or is exempt: there is nothing to add.\n",
    )


def test_init_without_a_plugin_entry_says_so_and_suggests_for_the_defaults(
    tmp_path: Path,
) -> None:
    site = _site(tmp_path, {"cookbook/a.md": BREAD}, config="site_name: T\n")
    ran = run_cli(site, "init", "--no-cache")
    assert ran.returncode == 0
    assert ran.stderr == (
        "note: mkdocs.yml has no 'diataxis' plugin entry; suggesting for the default settings\n"
    )
    assert "  how-to: [how-to, howto, guides, how-to-guides, cookbook]\n" in ran.stdout


def test_init_on_a_broken_config_is_one_line_and_exit_2(tmp_path: Path) -> None:
    site = _site(tmp_path, {"a.md": "# A\n"}, config="site_name: [\n")
    ran = run_cli(site, "init")
    assert ran.returncode == 2
    assert ran.stdout == ""
    assert ran.stderr.startswith("mkdocs-diataxis: error: ")
    assert "Traceback" not in ran.stderr
    assert len(ran.stderr.splitlines()) == 1


def test_init_keeps_the_projects_own_category_folders(tmp_path: Path) -> None:
    config = "site_name: T\nplugins:\n  - diataxis:\n      categories:\n        how-to: [recipes]\n"
    site = _site(tmp_path, {"cookbook/a.md": BREAD, "recipes/b.md": BREAD}, config=config)
    out = run_cli(site, "init", "--no-cache").stdout
    assert "  how-to: [recipes, cookbook]\n" in out


# --- the planner alone ---------------------------------------------------------------------


def test_a_folder_name_leads_and_content_decides_only_reference_or_how_to() -> None:
    sure = ("how-to", 0.95, "steps")
    found = plan(
        [
            "getting-started/a.md",  # name: tutorial, whatever the content says
            "stuff/a.md",
            "stuff/b.md",
            "stuff/c.md",  # content: 3 of 3 how-to
            "lessons-ish/a.md",
            "lessons-ish/b.md",
            "lessons-ish/c.md",  # content says tutorial: never decided by content
            "cookbook/sql/a.md",  # the outermost named folder decides
        ],
        {
            "getting-started/a.md": sure,
            "stuff/a.md": sure,
            "stuff/b.md": sure,
            "stuff/c.md": sure,
            "lessons-ish/a.md": ("tutorial", 0.9, ""),
            "lessons-ish/b.md": ("tutorial", 0.9, ""),
            "lessons-ish/c.md": ("tutorial", 0.9, ""),
            "cookbook/sql/a.md": ("reference", 0.9, ""),
        },
    )
    assert found.folders == [
        Suggestion("cookbook", "how-to", 'the name "cookbook"; 1 of 1 pages read as reference', 1),
        Suggestion(
            "getting-started",
            "tutorial",
            'the name "getting-started"; 1 of 1 pages read as how-to',
            1,
        ),
        Suggestion("stuff", "how-to", "3 of 3 pages read as how-to, 3 at 80% or more", 3),
    ]
    assert [(u.folder, u.pages, u.votes) for u in found.undecided] == [
        ("lessons-ish", 3, {"tutorial": 3})
    ]
    assert found.pages == []  # no page of it has advice of its own


def test_content_needs_three_pages_and_three_quarters_of_them() -> None:
    how_to = ("how-to", 0.95, "steps")
    two = plan(["a/x.md", "a/y.md"], {"a/x.md": how_to, "a/y.md": how_to})
    assert two.folders == []
    assert two.undecided[0].votes == {"how-to": 2}
    pages = [f"b/{n}.md" for n in range(4)]
    split = dict.fromkeys(pages[:2], how_to) | dict.fromkeys(pages[2:], ("reference", 0.9, ""))
    assert plan(pages, split).folders == []
    mostly = dict.fromkeys(pages[:3], how_to) | {pages[3]: ("reference", 0.9, "")}
    assert plan(pages, mostly).folders == [
        Suggestion("b", "how-to", "3 of 4 pages read as how-to, 3 at 80% or more", 4)
    ]
    # All four read as how-to, but only one surely: not enough to file the folder.
    unsure = dict.fromkeys(pages[1:], ("how-to", 0.7, "steps")) | {pages[0]: how_to}
    assert plan(pages, unsure).folders == []
    half = dict.fromkeys(pages[2:], ("how-to", 0.7, "steps")) | dict.fromkeys(pages[:2], how_to)
    assert plan(pages, half).folders[0].evidence == (
        "4 of 4 pages read as how-to, 2 at 80% or more"
    )


def test_a_page_no_folder_line_files_gets_advice_from_its_name_only() -> None:
    sure = ("reference", 0.99, "tables")  # content, however sure, does not decide a page
    found = plan(
        ["changelog.md", "quickstart.md", "api.md", "settings.md", "a.md", "x/b.md"],
        {"a.md": sure, "settings.md": sure, "x/b.md": sure},
    )
    assert found.pages == [
        PageAdvice("a.md", None, False, ""),
        PageAdvice("api.md", "reference", False, 'the name "api"'),
        PageAdvice("changelog.md", None, True, "the name says it is not a document"),
        PageAdvice("quickstart.md", "tutorial", False, 'the name "quickstart"'),
        # A page named like a folder of reference is not filed by its name.
        PageAdvice("settings.md", None, False, ""),
    ]
    assert [(u.folder, u.votes) for u in found.undecided] == [("x", {"reference": 1})]


def test_lines_quote_what_yaml_would_misread_and_keep_the_current_lists() -> None:
    found = Plan(
        [Suggestion("on", "how-to", "", 1), Suggestion("blog", None, "", 1)],
        [],
        [PageAdvice("1.0.md", None, True, "")],
    )
    assert as_lines(found, None, ["keep/"]) == md(
        """
        categories:
          how-to: [how-to, howto, guides, how-to-guides, "on"]
        exempt: ["keep/", "/1.0.md", "blog/"]"""
    )
    assert yaml.safe_load(as_lines(found, None, ["keep/"]))["categories"]["how-to"][-1] == "on"


def test_a_reading_names_the_signals_of_the_category_it_reads_as() -> None:
    doc = parse_document("x.md", WIDGET)
    reading = read(doc, "`Widget.mount()`")
    assert (reading.category, reading.runner_up) == ("reference", "explanation")
    assert round(reading.probability, 2) == 0.99
    assert reading.why() == (
        'headings such as "Parameters", "Returns", "Options" (2, lines 3, 10); table cells:'
        ' facts laid out to look up (9, line 5); title "`Widget.mount()`": a title that is a'
        ' name from code, or such as "API reference", "Options"'
    )
    # Only signals chosen to point at the category read are shown, however the
    # weights moved the others.
    assert {SIGNALS[e.signal].suggests for e in reading.evidence} == {"reference"}


SHOP = {
    "index.md": "# Shop\n",
    "tutorials/first-order.md": "# Your first order\n\nIn this tutorial we will place an order.\n",
    "recipes/rotate-keys.md": md(
        """
        # Rotate the keys

        1. Create a new key.
        2. Update the secret.
        3. Delete the old key.
        """
    ),
    "api-guide/orders.md": "# Orders API\n\n| Field | Type | Default |\n|---|---|---|\n"
    "| `id` | `int` | none |\n",
    **{
        f"catalogue/{name}.md": f"# `{name}` table\n\n## Columns\n\n"
        "| Column | Type | Default |\n|---|---|---|\n| `id` | `int` | none |\n"
        "| `created` | `timestamp` | `now()` |\n| `state` | `text` | `new` |\n"
        for name in ("orders", "customers", "invoices")
    },
    "platform/deployments.md": "# Deployments\n\nThe platform runs each shop in its own"
    " container.\n",
    "platform/limits.md": "# Limits\n\nEach shop may hold ten thousand products.\n",
    "changelog.md": "# Changelog\n\n## 1.0\n\nFirst release.\n",
    "install.md": "# Install\n\nRun `pip install shop`.\n",
    "faq.md": "# Questions\n\nAnswers to common questions.\n",
}
HOW_TO = Path(__file__).parent.parent / "example-site/docs/how-to/file-a-site-with-init.md"


def test_the_how_to_guide_shows_what_init_prints(tmp_path: Path) -> None:
    site = _site(tmp_path, SHOP, "site_name: Shop\nplugins:\n  - search\n  - diataxis\n")
    guide = HOW_TO.read_text(encoding="utf-8")
    shown = guide.split("it prints:\n\n    ```yaml\n", 1)[1].split("    ```\n", 1)[0]
    printed = run_cli(site, "init", "--no-cache").stdout
    assert printed == "".join(line[4:] if line.strip() else line for line in shown.splitlines(True))
    applied = guide.split("below it:\n\n    ```yaml\n", 1)[1].split("    ```\n", 1)[0]
    options = yaml.safe_load(applied)["plugins"][1]["diataxis"]
    assert options == yaml.safe_load(printed)
