"""``mkdocs-diataxis init``: the lines that file a site's uncategorised pages, with the
evidence for each; it prints and never edits ``mkdocs.yml``."""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

from mkdocs_diataxis.core.document import parse_document
from mkdocs_diataxis.core.fit.reading import read
from mkdocs_diataxis.core.fit.signals import SIGNALS, PageSignals, page_signals
from mkdocs_diataxis.core.fit.suggest import (
    InitPlan,
    PageAdvice,
    Site,
    Suggestion,
    Undecided,
    as_toml,
    as_yaml,
    escape,
    options,
    plan,
)
from mkdocs_diataxis.core.settings import DEFAULT_FOLDERS
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
    # These options of the diataxis plugin in mkdocs.yml file or exempt 6 of them.
    # Merge them into your `- diataxis:` entry: each list is whole (it keeps what yours
    # already holds), so it replaces the one you have.
    plugins:
      - diataxis:
          categories:
            how-to: [how-to, howto, guides, how-to-guides, cookbook]
            reference: [reference, ref, api, catalogue]
          exempt: ["drafts/", "/release-notes.md"]

    # Why:
    #   catalogue/ -> reference (3 pages): 3 of 3 pages read as reference, 3 at 70% or more
    #   cookbook/ -> how-to (2 pages): the name "cookbook"; 2 of 2 pages read as how-to
    #   release-notes.md -> exempt: the name says it is not a document

    # Pages whose names say their category, which no folder line reaches: add
    # `diataxis: <category>` to each one's front matter, or move it into a
    # category folder.
    #   install.md: diataxis: how-to  (the name "install")

    # Pages nothing here decides: read each, then add `diataxis: <category>` to
    # its front matter or move it into a category folder. Content read page by
    # page is not sure enough to say.
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
    ran = run_cli(site, "init")
    assert (ran.returncode, ran.stderr) == (0, "")
    assert ran.stdout == EXPECTED


def test_the_printed_lines_pasted_into_mkdocs_yml_file_what_they_say(tmp_path: Path) -> None:
    site = _site(tmp_path, PAGES)
    printed = run_cli(site, "init").stdout
    snippet = yaml.safe_load(printed)  # the comments drop out: the rest is the snippet
    options = snippet["plugins"][0]["diataxis"]
    assert set(options) == {"categories", "exempt"}
    (site / "mkdocs.yml").write_text(yaml.safe_dump({"site_name": "T", **snippet}), "utf-8")
    ran = run_cli(site, "check", "--no-cache", "--format", "github")
    left = sorted(
        line.split("file=docs/", 1)[1].split(",", 1)[0]
        for line in ran.stdout.splitlines()
        if "placement/" in line
    )
    assert left == ["install.md", "musings.md"]  # the two that need front matter
    assert run_cli(site, "init").stdout == md(
        """
        # 2 pages have no category (placement/uncategorized).

        # Pages whose names say their category, which no folder line reaches: add
        # `diataxis: <category>` to each one's front matter, or move it into a
        # category folder.
        #   install.md: diataxis: how-to  (the name "install")

        # Pages nothing here decides: read each, then add `diataxis: <category>` to
        # its front matter or move it into a category folder. Content read page by
        # page is not sure enough to say.
        #   musings.md
        """
    )


def test_init_writes_no_file_and_edits_nothing(tmp_path: Path) -> None:
    site = _site(tmp_path, PAGES)
    before = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    run_cli(site, "init")
    after = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    assert after == before  # not even the results cache


def test_a_site_with_every_page_filed_has_nothing_to_add(tmp_path: Path) -> None:
    site = _site(tmp_path, {"index.md": "# Home\n", "guides/a.md": BREAD})
    ran = run_cli(site, "init")
    assert (ran.returncode, ran.stdout) == (
        0,
        "# No page is reported as uncategorised: there is nothing to add.\n",
    )


def test_init_without_a_plugin_entry_says_so_and_suggests_for_the_defaults(
    tmp_path: Path,
) -> None:
    site = _site(tmp_path, {"cookbook/a.md": BREAD}, config="site_name: T\n")
    ran = run_cli(site, "init")
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


def test_init_keeps_the_projects_own_lists_whole(tmp_path: Path) -> None:
    config = md(
        """
        site_name: T
        plugins:
          - diataxis:
              categories:
                how-to: [recipes]
                explanation: [internals]
              exempt: [/releases/, "!/releases/upgrading.md"]
        """
    )
    pages = {
        "cookbook/a.md": BREAD,
        "recipes/b.md": BREAD,
        "internals/c.md": "# C\n",
        "releases/upgrading.md": "# Upgrading\n",
    }
    out = run_cli(_site(tmp_path, pages, config=config), "init").stdout
    snippet = yaml.safe_load(out)["plugins"][0]["diataxis"]
    # Every category the project changed is printed whole, so the block replaces its own.
    assert snippet == {
        "categories": {"how-to": ["recipes", "cookbook"], "explanation": ["internals"]}
    }
    # The page the project re-included is not exempted again: it is left to decide.
    assert out.endswith("page is not sure enough to say.\n#   releases/upgrading.md\n")


def test_a_line_that_would_move_pages_with_a_category_is_not_suggested(tmp_path: Path) -> None:
    pages = {
        "install/linux.md": BREAD,
        "install/mac.md": BREAD,
        "reference/install/options.md": WIDGET,  # "install" would put it in two categories
    }
    out = run_cli(_site(tmp_path, pages), "init").stdout
    assert out == (
        "# 2 pages have no category (placement/uncategorized).\n\n"
        "# Folders to decide yourself: add each to the category it is (categories:),\n"
        "# or exempt it (exempt:).\n"
        "#   install/ (2 pages): the name says how-to, but that line would also file"
        " reference/install/options.md, which has a category already (a folder name counts"
        " at any depth)\n"
    )


def test_a_zensical_site_gets_toml(tmp_path: Path) -> None:
    site = _site(tmp_path, {"cookbook/a.md": BREAD}, config="")
    (site / "mkdocs.yml").unlink()
    (site / "zensical.toml").write_text('[project]\nsite_name = "T"\n', "utf-8")
    out = run_cli(site, "init").stdout
    assert "# Merge them into [project.plugins.diataxis]: each list is whole" in out
    assert (
        '[project.plugins.diataxis]\ncategories = { how-to = ["how-to", "howto", "guides",'
        ' "how-to-guides", "cookbook"] }\n'
    ) in out


# --- the planner alone ---------------------------------------------------------------------


SITE = Site(DEFAULT_FOLDERS)


def test_a_folder_name_leads_and_content_decides_only_reference_or_how_to() -> None:
    sure = ("how-to", 0.95, True)
    lesson = ("tutorial", 0.9, False)
    found = plan(
        [
            "getting-started/a.md",  # name: tutorial, as two of its three pages read
            "getting-started/b.md",
            "getting-started/c.md",
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
            "getting-started/b.md": lesson,
            "getting-started/c.md": lesson,
            "stuff/a.md": sure,
            "stuff/b.md": sure,
            "stuff/c.md": sure,
            "lessons-ish/a.md": lesson,
            "lessons-ish/b.md": lesson,
            "lessons-ish/c.md": lesson,
            "cookbook/sql/a.md": ("reference", 0.6, False),
        },
        SITE,
    )
    assert found.folders == [
        Suggestion(
            "cookbook",
            "how-to",
            'the name "cookbook"; 1 of 1 pages read as reference',
            1,
            ("cookbook",),
        ),
        Suggestion(
            "getting-started",
            "tutorial",
            'the name "getting-started"; 2 of 3 pages read as tutorial',
            3,
            ("getting-started",),
        ),
        Suggestion(
            "stuff", "how-to", "3 of 3 pages read as how-to, 3 at 80% or more", 3, ("stuff",)
        ),
    ]
    assert [(u.folder, u.pages, u.votes) for u in found.undecided] == [
        ("lessons-ish", 3, {"tutorial": 3})
    ]
    assert found.advice == []  # no page of it has advice of its own


def test_a_name_the_pages_surely_contradict_is_left_to_the_user() -> None:
    sure = ("reference", 0.9, True)
    pages = ["cookbook/a.md", "cookbook/b.md", "cookbook/c.md"]
    readings = dict.fromkeys(pages[:2], sure) | {pages[2]: ("how-to", 0.9, True)}
    found = plan(pages, readings, SITE)
    assert found.folders == []
    assert found.undecided == [
        Undecided("cookbook", 3, {"reference": 2, "how-to": 1}, ("cookbook",))
    ]
    # Read as reference, but not surely: the name stands.
    unsure = dict.fromkeys(pages[:2], ("reference", 0.69, True))
    assert [s.category for s in plan(pages, unsure, SITE).folders] == ["how-to"]


def test_a_folder_of_pages_that_are_not_documents_is_exempted_where_it_stands() -> None:
    found = plan(["site/blog/2024/post.md", "site/blog/2025/post.md"], {}, SITE)
    assert found.folders == [
        Suggestion("blog", None, "the name says these are not documents", 2, ("site/blog",))
    ]
    assert options(found, DEFAULT_FOLDERS, ()) == {"exempt": ["/site/blog/"]}
    # A folder inside it whose name says a category decides its own pages.
    upgrades = plan(["releases/upgrade/1.md", "releases/notes/2.md"], {}, SITE)
    assert [(s.folder, s.category, s.places) for s in upgrades.folders] == [
        ("releases", None, ("releases",)),
        ("upgrade", "how-to", ("releases/upgrade",)),
    ]


def test_folders_of_languages_and_translations_are_placed_as_their_pages() -> None:
    site = Site(DEFAULT_FOLDERS, languages=frozenset({"en", "fr", "de"}))
    found = plan(["fr/changelog.md", "en/docs/a.md", "de/b.md", "db/c.md"], {}, site)
    assert [a.page for a in found.advice] == ["fr/changelog.md"]
    # A folder named like a language is one only when mkdocs-static-i18n says so.
    assert [(u.folder, u.places) for u in found.undecided] == [
        ("db", ("db",)),
        ("docs", ("en/docs",)),
    ]
    assert found.left == ["de/b.md"]


def test_a_folder_is_decided_by_its_pages_that_were_read() -> None:
    sure = ("reference", 0.9, True)
    pages = [f"{lang}/manual/{n}.md" for lang in ("en", "fr") for n in range(3)]
    english = dict.fromkeys(pages[:3], sure)  # the French ones are not read
    site = Site(DEFAULT_FOLDERS, languages=frozenset({"en", "fr"}))
    found = plan(pages, english, site)
    assert [(s.folder, s.evidence) for s in found.folders] == [
        ("manual", "3 of 3 pages read as reference, 3 at 70% or more (3 not read)")
    ]
    # But not when most of it was not read.
    assert plan(pages, dict.fromkeys(pages[:2], sure), site).folders == []


def test_content_needs_three_pages_and_three_quarters_of_them() -> None:
    how_to = ("how-to", 0.95, True)
    two = plan(["a/x.md", "a/y.md"], {"a/x.md": how_to, "a/y.md": how_to}, SITE)
    assert two.folders == []
    assert two.undecided[0].votes == {"how-to": 2}
    pages = [f"b/{n}.md" for n in range(4)]
    split = dict.fromkeys(pages[:2], how_to) | dict.fromkeys(pages[2:], ("reference", 0.9, False))
    assert plan(pages, split, SITE).folders == []
    mostly = dict.fromkeys(pages[:3], how_to) | {pages[3]: ("reference", 0.9, False)}
    assert plan(pages, mostly, SITE).folders == [
        Suggestion("b", "how-to", "3 of 4 pages read as how-to, 3 at 80% or more", 4, ("b",))
    ]
    # All four read as how-to, but only one surely: not enough to file the folder.
    unsure = dict.fromkeys(pages[1:], ("how-to", 0.7, True)) | {pages[0]: how_to}
    assert plan(pages, unsure, SITE).folders == []
    # Sure, but with no signal of how-to to show for it: not counted.
    hidden = dict.fromkeys(pages, ("how-to", 0.95, False))
    assert plan(pages, hidden, SITE).folders == []
    half = dict.fromkeys(pages[2:], ("how-to", 0.7, True)) | dict.fromkeys(pages[:2], how_to)
    assert plan(pages, half, SITE).folders[0].evidence == (
        "4 of 4 pages read as how-to, 2 at 80% or more"
    )


def test_a_page_no_folder_line_files_gets_advice_from_its_name_only() -> None:
    sure = ("reference", 0.99, True)  # content, however sure, does not decide a page
    found = plan(
        ["changelog.md", "quickstart.md", "api.md", "settings.md", "a.md", "x/b.md"],
        {"a.md": sure, "settings.md": sure, "x/b.md": sure},
        SITE,
    )
    assert found.advice == [
        PageAdvice("api.md", "reference", False, 'the name "api"'),
        PageAdvice("changelog.md", None, True, "the name says it is not a document"),
        PageAdvice("quickstart.md", "tutorial", False, 'the name "quickstart"'),
    ]
    # A page named like a folder of reference ("settings") is not filed by its name.
    assert found.left == ["a.md", "settings.md"]
    assert [(u.folder, u.votes) for u in found.undecided] == [("x", {"reference": 1})]


def test_the_options_keep_the_projects_lists_and_quote_what_yaml_would_misread() -> None:
    found = InitPlan(
        [
            Suggestion("on", "how-to", "", 1),
            Suggestion("blog", None, "", 3, ("blog", "features/blog")),
        ],
        [],
        [PageAdvice("v[1]/1.0.md", None, True, "")],
    )
    site = Site({**DEFAULT_FOLDERS, "explanation": ("notes",)}, ("keep/",))
    chosen = options(found, site.categories, site.exempt)
    assert chosen == {
        # A category the project changed is printed whole, with the one that grows.
        "categories": {
            "how-to": ["how-to", "howto", "guides", "how-to-guides", "on"],
            "explanation": ["notes"],
        },
        # Each exempt folder where it stands, and a page's path taken literally.
        "exempt": ["keep/", "/blog/", "/features/blog/", "/v\\[1\\]/1.0.md"],
    }
    assert as_yaml(chosen) == md(
        """
        plugins:
          - diataxis:
              categories:
                how-to: [how-to, howto, guides, how-to-guides, "on"]
                explanation: [notes]
              exempt: ["keep/", "/blog/", "/features/blog/", "/v\\\\[1\\\\]/1.0.md"]"""
    )
    parsed = yaml.safe_load(as_yaml(chosen))["plugins"][0]["diataxis"]
    assert parsed == chosen
    assert as_toml(chosen) == (
        "[project.plugins.diataxis]\n"
        'categories = { how-to = ["how-to", "howto", "guides", "how-to-guides", "on"],'
        ' explanation = ["notes"] }\n'
        'exempt = ["keep/", "/blog/", "/features/blog/", "/v\\\\[1\\\\]/1.0.md"]'
    )
    assert tomllib.loads(as_toml(chosen))["project"]["plugins"]["diataxis"] == chosen
    assert escape("a*b?[c]!#.md") == "a\\*b\\?\\[c\\]\\!\\#.md"


def test_a_suggestion_that_would_move_a_page_is_refused() -> None:
    how_to = ("how-to", 0.95, True)
    site = Site(
        DEFAULT_FOLDERS,
        placed={
            "reference/install/options.md": ("reference", "folder"),
            "notes/install/x.md": ("how-to", "front matter"),  # agrees: no harm
        },
    )
    found = plan(["install/a.md", "cookbook/b.md"], {"install/a.md": how_to}, site)
    assert [s.folder for s in found.folders] == ["cookbook"]
    # Pages a line exempts are not moved by another: about/stuff/ stays exempt.
    stuff = [f"stuff/{n}.md" for n in "abc"]
    exempt = plan(["about/stuff/x.md", *stuff], dict.fromkeys(stuff, how_to), SITE)
    assert [(s.folder, s.category) for s in exempt.folders] == [
        ("about", None),
        ("stuff", "how-to"),
    ]
    assert found.undecided == [
        Undecided("install", 1, {}, ("install",), ("reference/install/options.md",), "how-to")
    ]


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
    # A mkdocstrings page: its options block, indented, is a code block, which the
    # weights count towards reference too; it is not shown as a reason.
    page = parse_document("key.md", "::: pkg.Key\n    options:\n      heading_level: 1\n")
    generated = read(page, "key")
    assert generated.category == "reference"
    assert [e.signal for e in generated.evidence] == ["generated"]


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
    printed = run_cli(site, "init").stdout
    assert printed == "".join(line[4:] if line.strip() else line for line in shown.splitlines(True))
    applied = guide.split("into your `- diataxis:` entry:\n\n    ```yaml\n", 1)[1]
    applied = applied.split("    ```\n", 1)[0]
    merged = yaml.safe_load(applied)["plugins"][1]["diataxis"]
    assert merged == yaml.safe_load(printed)["plugins"][0]["diataxis"]


GERMAN = md(
    """
    # Dienst starten

    Diese Anleitung zeigt, wie man den Dienst startet und konfiguriert. Zuerst
    installieren Sie das Paket, dann legen Sie die Konfiguration an und starten den
    Dienst mit dem Befehl unten. Prüfen Sie danach, ob alles läuft und ob die
    Protokolle keine Fehler zeigen.

    | Schlüssel | Typ | Vorgabe |
    |---|---|---|
    | `port` | `int` | `80` |
    """
)


def test_pages_not_in_english_are_not_read(tmp_path: Path) -> None:
    pages = {f"Anleitungen/{n}.md": GERMAN for n in "abc"}
    out = run_cli(_site(tmp_path, pages), "init").stdout
    assert out.endswith(
        "#   Anleitungen/ (3 pages): its name says nothing, and no page of it reads as"
        " English prose\n"
    )
    assert not parse_signals(GERMAN).in_english
    short = "# Werte\n\nÖffnen Sie `db.conf` und setzen Sie die Werte:\n"
    assert not parse_signals(short).in_english  # too short to count, but not English
    assert parse_signals(BREAD).in_english  # too short to tell: read
    assert parse_signals("# A\n\n" + "The key is read by the server. " * 10).in_english


def parse_signals(text: str) -> PageSignals:
    return page_signals(parse_document("x.md", text), "")
