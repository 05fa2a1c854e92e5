"""``content/fit``: a page whose content is made of entries to look up or of directions
for tasks while it is filed as another category, with the lines that show it."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from mkdocs_diataxis.cache import ResultStore, page_digest
from mkdocs_diataxis.core import check_page, load_settings
from mkdocs_diataxis.core.check import PageResult
from mkdocs_diataxis.core.document import parse_document
from mkdocs_diataxis.core.fit.cases import case_for, reported_case
from mkdocs_diataxis.core.fit.reading import read
from mkdocs_diataxis.core.fit.signals import case_signals, page_signals
from mkdocs_diataxis.core.options import SettingsError
from mkdocs_diataxis.core.report import build_report
from mkdocs_diataxis.status.render import render_status_page, render_status_page_blocks
from tests.helpers import build, make_site, md, run_cli

ON = load_settings({"content_fit": {"enabled": True}})

OPTIONS = md(
    """
    # Cache options

    The cache takes these options, all of them optional, in its section of the settings file.

    | Option | Type | Description |
    |---|---|---|
    | `dir` | path | Where the cache keeps its files on disk, created when missing. |
    | `size` | integer | The most bytes the cache holds before the oldest entries go. |
    | `ttl` | seconds | How long an entry stays fresh before it is fetched again. |
    | `shared` | boolean | Whether other processes may read and write the same cache. |
    | `verify` | boolean | Whether each entry is checked against its digest when read. |
    | `compress` | boolean | Whether entries are stored compressed, to save disk space. |
    | `offline` | boolean | Whether a missing entry is an error instead of a download. |
    | `log` | path | Where the cache writes a line for each entry it adds or drops. |
    """
)
DIRECTED = md(
    """
    # Caching

    The cache keeps what was downloaded, so that the next run finds it on disk and
    does not fetch it again. Each entry is stored under a key made from where it came
    from and what was asked for, and it stays until it is older than its time to live
    or the cache grows past its size, when the oldest entries go first. Entries are
    shared by every project on the machine, which is why a second project that needs
    the same package starts at once.

    To clear the cache, run `tool cache clean`. To keep it small, use `--max-size`.
    """
)


def _fit(result: PageResult) -> list[tuple[str, str, int, int, str, str, str]]:
    return [
        (f.rule, f.severity, f.line, f.column, f.text, f.message, f.suggestion)
        for f in result.findings
        if f.rule == "content/fit"
    ]


def test_off_by_default_nothing_is_read() -> None:
    result = check_page("how-to/cache.md", OPTIONS, load_settings({}))
    assert _fit(result) == []
    assert (result.facts.fit, result.facts.fit_case) == (None, None)


def test_a_how_to_guide_made_of_entries_to_look_up_reads_as_reference() -> None:
    result = check_page("how-to/cache.md", OPTIONS, ON)
    assert _fit(result) == [
        (
            "content/fit",
            "info",
            1,
            1,
            "",
            "the page reads as reference, not a how-to guide: 81% of its words are in 8"
            " entries to look up (lines 7, 8, 9, ...): table rows under headers such as"
            " Name, Type, Default, and list items that open with a name from code and say"
            " what it is; on all its signals it scores 82% as reference, 0% as a how-to"
            " guide",
            'if it is reference, file it there (move it, or declare "diataxis: reference");'
            " if it is a how-to guide, move the entries to look up to a page of their own",
        )
    ]
    assert result.facts.fit == {
        "tutorial": 0.041,
        "how-to": 0.006,
        "reference": 0.826,
        "explanation": 0.127,
    }
    assert result.facts.fit_case == "reference"


def test_an_explanation_made_of_directions_reads_as_a_how_to_guide() -> None:
    # Its signals score reference highest (inline code, a short page): the case is
    # made by the directions, and the message says both.
    [(_, _, _, _, _, message, suggestion)] = _fit(
        check_page("explanation/caching.md", DIRECTED, ON)
    )
    assert message == (
        "the page reads as a how-to guide, not an explanation: it gives 2 directions for"
        ' tasks, one every 50 words (line 10), such as "To clear the cache, run ...";'
        " on all its signals it scores 7% as a how-to guide, 33% as an explanation, 52%"
        " as reference"
    )
    assert suggestion == (
        'if it is a how-to guide, file it there (move it, or declare "diataxis: how-to");'
        " if it is an explanation, move the directions to a page of their own"
    )


@pytest.mark.parametrize(
    ("path", "text", "settings"),
    [
        ("reference/cache.md", OPTIONS, ON),  # made of entries, filed as reference
        ("tutorials/caching.md", DIRECTED, ON),  # a lesson is made of directions too
        ("how-to/caching.md", DIRECTED, ON),  # directions in a how-to guide
        ("reference/caching.md", DIRECTED, ON),  # its signals read most as reference
        ("cache.md", OPTIONS, ON),  # no category: placement's business
        ("how-to/index.md", OPTIONS, ON),  # a landing page: exempt
        (
            "how-to/cache.md",
            OPTIONS,
            load_settings({"content_fit": {"enabled": True, "exclude": ["how-to/"]}}),
        ),
        ("how-to/cache.md", "---\ndiataxis_ignore: [content/fit]\n---\n" + OPTIONS, ON),
        (
            "how-to/cache.md",
            OPTIONS,
            load_settings(
                {"content_fit": {"enabled": True}, "severity": {"content/fit": "ignore"}}
            ),
        ),
    ],
)
def test_no_report(path: str, text: str, settings: object) -> None:
    assert _fit(check_page(path, text, settings)) == []  # type: ignore[arg-type]


def test_a_file_pages_include_is_not_read() -> None:
    # A snippet is checked where it is, but it is part of the pages that include it,
    # not a page of its own to file.
    settings = dataclasses.replace(ON, partials=frozenset({"how-to/cache.md"}))
    result = check_page("how-to/cache.md", OPTIONS, settings)
    assert (_fit(result), result.facts.fit) == ([], None)


def test_severity_warn_makes_it_fail_strict() -> None:
    settings = load_settings(
        {"content_fit": {"enabled": True}, "severity": {"content/fit": "warn"}}
    )
    assert [f[1] for f in _fit(check_page("how-to/cache.md", OPTIONS, settings))] == ["warning"]


def _case(path: str, text: str) -> str | None:
    doc = parse_document(path, text.encode())
    reading = read(doc, "Notes")
    case = reported_case(reading, path.split("/", 1)[0].removesuffix("s"))
    return case[0] if case else None


TEN = "one two three four five six seven eight nine ten"


def _rows(count: int, header: str = "| Name | Description |", cell: str = TEN) -> str:
    rows = "".join(f"| `n{i}` | {cell} |\n" for i in range(count))
    return f"{header}\n|---|---|\n{rows}"


@pytest.mark.parametrize(
    ("prose_words", "entries", "header", "case"),
    [
        (98, 5, "| Name | Description |", "reference"),  # 50 of 150 words: a third
        (99, 5, "| Name | Description |", None),  # 50 of 151: less
        (3, 2, "| Name | Description |", None),  # a table of two rows is not one to look up
        (60, 5, "| timestamp | price |", None),  # no header of entries
        (48, 5, "| Key | Meaning |", "reference"),  # 100 words
        (47, 5, "| Key | Meaning |", None),  # 99 words: a page this short is not reported
    ],
)
def test_the_share_of_entries_to_look_up(
    prose_words: int, entries: int, header: str, case: str | None
) -> None:
    # Each row's prose is ten words: the names are code, which is not counted; the
    # header's words count for the page, not for the entries.
    prose = " ".join(["the"] * prose_words)  # English, and no signal
    text = f"{prose}\n\n{_rows(entries, header)}"
    assert _case("how-to/notes.md", text) == case


def test_a_table_of_sample_data_is_not_one_of_entries() -> None:
    # Its header names a column as entries' do, but its rows hold values, not words
    # that say what something is.
    people = "| Name | Department | Salary |\n|---|---|---|\n" + "".join(
        f"| Person {i} | Sales | {i}000 |\n" for i in range(30)
    )
    assert _case("how-to/notes.md", people) is None
    said = _rows(30, cell="Leads the sales team in the north")
    assert _case("how-to/notes.md", said) == "reference"


def test_list_items_that_describe_a_name_are_entries_and_others_are_not() -> None:
    what = " ".join(["what the option sets"] * 5)  # twenty words
    intro = " ".join(["the"] * 65) + "\n\n"  # English, no signal: the page is long enough
    described = "".join(f"- `opt{i}`: {what}\n" for i in range(3))
    assert _case("how-to/notes.md", intro + described) == "reference"
    two = described.split("\n", 1)[1]
    assert _case("how-to/notes.md", intro + two) is None  # two are too few
    # The rows of a table of two count for nothing: four entries would be enough.
    assert _case("how-to/notes.md", f"{intro}{two}\n{_rows(2)}") is None
    assert _case("how-to/notes.md", f"{intro}{two}\n{_rows(3)}") == "reference"
    told = "".join(f"- `tool run{i}` starts the server {what}\n" for i in range(3))
    assert _case("how-to/notes.md", intro + told) is None


@pytest.mark.parametrize(
    ("filler", "directions", "case"),
    [
        (488, 2, "how-to"),  # 500 words: one direction every 250
        (489, 2, None),
        (0, 1, None),  # one direction is an aside
    ],
)
def test_the_rate_of_directions(filler: int, directions: int, case: str | None) -> None:
    said = " ".join(["To add a package, run it."] * directions)  # six words each
    text = f"{said}\n\n" + " ".join(["the"] * filler) + "\n"  # English, and no signal
    assert _case("explanations/notes.md", text) == case


@pytest.mark.parametrize(
    "opening",
    ["To some extent, you can", "To be fair, you should", "To put it another way, you can"],
)
def test_a_sentence_that_only_opens_like_a_direction_is_not_one(opening: str) -> None:
    filler = " ".join(["the"] * 90)  # English, no signal: the page is long enough
    said = f"{filler}\n\n{opening} see the cache as a store. To clear the cache, run it."
    assert _case("explanations/notes.md", said) is None  # one direction, not two
    assert _case("explanations/notes.md", f"{said} To add a package, run it.") == "how-to"


def test_entries_are_named_in_the_order_they_stand() -> None:
    what = " ".join(["what the option sets"] * 5)
    items = "".join(f"- `opt{i}`: {what}\n" for i in range(3))
    doc = parse_document("how-to/x.md", f"# X\n\n{_rows(3)}\n{items}".encode())
    reading = read(doc, "X")
    assert [line for line, _ in reading.signals.body["lookup-entries"].places] == [5, 6, 7]


def test_a_long_direction_is_cut_once() -> None:
    task = " ".join(["the"] * 20)
    text = " ".join(["the"] * 90) + f"\n\nTo clear {task}, run it. To add {task}, run it.\n"
    [(_, _, _, _, _, message, _)] = _fit(check_page("explanation/x.md", text, ON))
    cut = f"To clear {task}, run"[:67].rstrip()
    assert f'such as "{cut}..."; on all its signals' in message
    assert message.count("...") == 1


def test_a_pointer_elsewhere_is_not_a_direction() -> None:
    text = (
        " ".join(["the"] * 90) + "\n\nTo learn more, see the guide. To find out more, visit it.\n"
    )
    assert _case("explanations/notes.md", text) is None


def test_a_direction_is_read_with_its_code() -> None:
    text = "To install `uv` on\na server, run the script. To update `uv`, use `uv self update`.\n"
    doc = parse_document("explanation/x.md", text.encode())
    reading = read(doc, "Notes")
    assert reading.signals.body["directions"].places == [
        (1, "To install `uv` on a server, run"),
        (2, "To update `uv`, use"),
    ]


FRENCH = md(
    """
    # Options du cache

    Le cache prend ces options.

    | Nom | Type | Description |
    |---|---|---|
    | `dir` | chemin | Le dossier où le cache garde ses fichiers sur le disque. |
    | `size` | entier | Le nombre d'octets que le cache garde avant de jeter les vieux. |
    | `ttl` | secondes | La durée pendant laquelle une entrée reste fraîche. |
    | `shared` | booléen | Si les autres processus peuvent lire et écrire dans le cache. |
    | `verify` | booléen | Si chaque entrée est vérifiée avec son empreinte à la lecture. |
    | `log` | chemin | Le fichier où le cache écrit une ligne pour chaque entrée. |
    | `mode` | texte | Si le cache est lu seulement ou aussi écrit par les outils. |
    | `offline` | booléen | Si une entrée absente est une erreur au lieu d'un téléchargement. |
    """
)
CHINESE = md(
    """
    # 缓存选项

    缓存使用 Docker、Kubernetes 和 Python 的这些选项。

    | Option | Type | Description |
    |---|---|---|
    | `k0` | text | 缓存在磁盘上保存文件的目录和条目 for the Docker and Kubernetes run 0。 |
    | `k1` | text | 缓存在磁盘上保存文件的目录和条目 for the Docker and Kubernetes run 1。 |
    | `k2` | text | 缓存在磁盘上保存文件的目录和条目 for the Docker and Kubernetes run 2。 |
    | `k3` | text | 缓存在磁盘上保存文件的目录和条目 for the Docker and Kubernetes run 3。 |
    | `k4` | text | 缓存在磁盘上保存文件的目录和条目 for the Docker and Kubernetes run 4。 |
    | `k5` | text | 缓存在磁盘上保存文件的目录和条目 for the Docker and Kubernetes run 5。 |
    | `k6` | text | 缓存在磁盘上保存文件的目录和条目 for the Docker and Kubernetes run 6。 |
    | `k7` | text | 缓存在磁盘上保存文件的目录和条目 for the Docker and Kubernetes run 7。 |
    | `k8` | text | 缓存在磁盘上保存文件的目录和条目 for the Docker and Kubernetes run 8。 |
    | `k9` | text | 缓存在磁盘上保存文件的目录和条目 for the Docker and Kubernetes run 9。 |
    | `k10` | text | 缓存在磁盘上保存文件的目录和条目 for the Docker and Kubernetes run 10。 |
    | `k11` | text | 缓存在磁盘上保存文件的目录和条目 for the Docker and Kubernetes run 11。 |
    | `k12` | text | 缓存在磁盘上保存文件的目录和条目 for the Docker and Kubernetes run 12。 |
    | `k13` | text | 缓存在磁盘上保存文件的目录和条目 for the Docker and Kubernetes run 13。 |
    """
)


@pytest.mark.parametrize("text", [FRENCH, CHINESE], ids=["French", "Chinese"])
def test_a_page_not_in_english_is_not_reported(text: str) -> None:
    # One sentence of prose is too little to tell the language by; the table's words
    # tell it. A Chinese character weighs as a word, not as a letter.
    doc = parse_document("how-to/cache.md", text.encode())
    reading = read(doc, "Options")
    assert reading.signals.words >= 100  # long enough to be reported
    assert case_for(reading.signals, "how-to") is not None  # its content makes the case
    result = check_page("how-to/cache.md", text, ON)
    assert (reading.in_english, _fit(result), result.facts.fit_case) == (False, [], None)


def test_a_large_page_read_a_section_at_a_time_reads_as_the_whole_page(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The opening paragraph's phrases and the title count once, from the page's start;
    # the body's signals, the directions and the entries add up over the sections.
    text = (
        "---\ntitle: Caching\n---\n\nThe cache keeps what was downloaded.\n\n"
        + "\n\n".join(
            f"# Part {n}\n\nTo clear part {n}, run `clean {n}`. To keep it, use `keep`."
            for n in range(30)
        )
        + "\n\n# Options\n\n"
        + _rows(5, "| Option | Description |")
    )
    whole = check_page("explanation/caching.md", text, ON)
    monkeypatch.setattr("mkdocs_diataxis.core.document.walk.SECTION_CHARS", 1)
    cut = check_page("explanation/caching.md", text, ON)
    assert (cut.facts.fit, cut.facts.fit_case) == (whole.facts.fit, whole.facts.fit_case)
    assert _fit(cut) == _fit(whole)
    assert whole.facts.fit_case == "how-to"  # the case is one that is reported


def test_a_large_page_whose_first_section_has_no_paragraph_keeps_its_opening(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The opening is the page's first paragraph, in whichever section it stands.
    text = (
        "---\ntitle: Caching\n---\n\n# Options\n\n"
        + _rows(3, "| Option | Description |")
        + "\n"
        + "\n\n".join(
            f"# Part {n}\n\nIn this tutorial you will see why the cache helps. To clear part"
            f" {n}, run `clean {n}`. To keep it, use `keep`."
            for n in range(30)
        )
    )
    whole = check_page("explanation/caching.md", text, ON)
    monkeypatch.setattr("mkdocs_diataxis.core.document.walk.SECTION_CHARS", 1)
    cut = check_page("explanation/caching.md", text, ON)
    assert whole.facts.fit is not None
    assert cut.facts.fit == whole.facts.fit


def test_the_json_report_carries_the_scores_and_the_case_of_the_pages_with_a_case() -> None:
    # Only a page whose content makes a case is scored: scoring every page would
    # slow the check by half (benchmarks/bench_core.py).
    results = [
        check_page("how-to/cache.md", OPTIONS, ON),
        check_page("how-to/other.md", DIRECTED, ON),  # directions in a how-to guide
        check_page("reference/caching.md", DIRECTED, ON),  # a case, vetoed by the scores
    ]
    pages = json.loads(build_report(results, ON).to_json())["pages"]
    assert [page.get("fit") for page in pages] == [
        {
            "scores": {
                "tutorial": 0.041,
                "how-to": 0.006,
                "reference": 0.826,
                "explanation": 0.127,
            },
            "case": "reference",
        },
        None,
        {
            "scores": {
                "tutorial": 0.069,
                "how-to": 0.077,
                "reference": 0.523,
                "explanation": 0.331,
            },
            "case": None,
        },
    ]
    off = load_settings({})
    report = build_report([check_page("how-to/cache.md", OPTIONS, off)], off)
    assert "fit" not in json.loads(report.to_json())["pages"][0]


def test_the_status_page_lists_the_pages_by_section_with_a_link_to_the_evidence() -> None:
    results = [
        check_page("how-to/cache.md", OPTIONS, ON),
        check_page("storage/explanation/caching.md", DIRECTED, ON),
        check_page("how-to/fine.md", DIRECTED, ON),
        check_page("reference/vetoed.md", DIRECTED, ON),  # scored, its own category first
    ]
    report = build_report(results, ON)
    page = render_status_page(report, title="Status", page_path="status.md")
    section = page.split("## Content fit\n", 1)[1].split("\n## ", 1)[0]
    assert section == (
        "\n2 pages are made of the content of another category than the one they are"
        " filed in (`content/fit`): misfiled, or two kinds of page in one. The evidence"
        " names the lines.\n\n"
        "| Section | Page | Filed as | Reads as | Evidence |\n"
        "|---|---|---|---|---|\n"
        "| (top level) | [Cache options](how-to/cache.md) | how\\-to | reference | under"
        " Findings |\n"
        "| storage | [Caching](storage/explanation/caching.md) | explanation | how\\-to | under"
        " Findings |\n"
    )
    # In the build, "Evidence" links to the page's findings, at their heading's id.
    _, blocks = render_status_page_blocks(
        report, title="Status", page_path="status.md", href=lambda path: path[:-3] + "/"
    )
    table = next(html for html in blocks.values() if "<th>Evidence</th>" in html)
    assert '<a href="#findings-how-to-cache-md">the finding</a>' in table
    assert '<a href="#findings-storage-explanation-caching-md">the finding</a>' in table
    findings = next(html for html in blocks.values() if "<h3 " in html)
    assert '<h3 id="findings-how-to-cache-md">Cache options</h3>' in findings
    assert '<h3 id="findings-storage-explanation-caching-md">Caching</h3>' in findings


def test_the_status_page_says_so_when_no_page_is_reported_and_nothing_when_off() -> None:
    results = [check_page("how-to/fine.md", DIRECTED, ON)]
    page = render_status_page(build_report(results, ON), title="S", page_path="status.md")
    assert (
        "## Content fit\n\nNo page is made of the content of another category than its own.\n"
        in page
    )
    off = load_settings({})
    report = build_report([check_page("how-to/a.md", OPTIONS, off)], off)
    page = render_status_page(report, title="S", page_path="status.md")
    assert "## Content fit" not in page


HOW_TO = Path(__file__).parent.parent / "example-site/docs/how-to/check-content-fit.md"


def test_the_how_to_guide_shows_what_check_prints(tmp_path: Path) -> None:
    guide = HOW_TO.read_text(encoding="utf-8")
    page = guide.split("```markdown\n", 1)[1].split("```\n", 1)[0]
    shown = guide.split("```console\n$ mkdocs-diataxis check\n", 1)[1].split("```\n", 1)[0]
    plugin = "  - diataxis:\n      content_fit:\n        enabled: true\n"
    site = make_site(tmp_path, {"index.md": "# Home\n\nHello.\n", "how-to/cache.md": page}, plugin)
    assert run_cli(site, "check", "--no-cache").stdout == shown
    assert page == OPTIONS


def test_the_scores_and_the_case_come_back_whole_from_the_cache(tmp_path: Path) -> None:
    docs = make_site(tmp_path, {"how-to/cache.md": OPTIONS}) / "docs"
    source = OPTIONS.encode()
    result = check_page("how-to/cache.md", source, ON)

    def store_for(folder: Path, docs: Path) -> ResultStore:
        return ResultStore.open(str(folder), ON, str(docs))

    store = store_for(tmp_path / "c", docs)
    store.put("how-to/cache.md", page_digest(source), result)
    store.save()
    again = store_for(tmp_path / "c", docs).get("how-to/cache.md", page_digest(source))
    assert again == result
    assert again is not None
    assert (again.facts.fit, again.facts.fit_case) == (result.facts.fit, "reference")
    # A score that is not a number, a category missing, a case that is no category:
    # a damaged entry, a miss and not an error.
    (file,) = (tmp_path / "c").glob("results-*.json")
    saved = file.read_text()
    for old, new in (
        ("0.826", '"high"'),
        ('"tutorial":', '"lesson":'),
        ('},"reference"]', '},"x"]'),
    ):
        assert old in saved
        file.write_text(saved.replace(old, new, 1))
        damaged = store_for(tmp_path / "c", docs)
        assert damaged.get("how-to/cache.md", page_digest(source)) is None
        assert damaged.notice == f"ignored a damaged entry for how-to/cache.md in {file}"


def test_a_silenced_finding_leaves_no_case_in_the_report() -> None:
    silenced = check_page(
        "how-to/cache.md", "---\ndiataxis_ignore: [content/fit]\n---\n" + OPTIONS, ON
    )
    assert (_fit(silenced), silenced.facts.fit_case) == ([], None)
    assert silenced.facts.fit is not None  # read and scored, not reported
    ignored = load_settings({"content_fit": {"enabled": True}, "severity": {"content/*": "ignore"}})
    result = check_page("how-to/cache.md", OPTIONS, ignored)
    assert result.facts.fit_case is None
    page = render_status_page(build_report([result], ignored), title="S", page_path="s.md")
    assert "## Content fit" not in page  # the rule is off: no section that says all is well


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (True, "content_fit: expected a mapping such as {enabled: true}, got bool True"),
        ({"enabled": "maybe"}, "content_fit.enabled: expected true or false, got str 'maybe'"),
        (
            {"enable": True},
            "content_fit: unknown key 'enable' (did you mean 'enabled'?);"
            " allowed: enabled, exclude",
        ),
    ],
)
def test_a_bad_option_says_what_to_write(value: object, message: str) -> None:
    with pytest.raises(SettingsError) as raised:
        load_settings({"content_fit": value})
    assert f"{raised.value.option}: {raised.value.message}" == message


def test_the_report_with_scores_validates_against_the_shipped_schema() -> None:
    import jsonschema

    schema = json.loads(
        (Path(__file__).parent.parent / "mkdocs_diataxis/data/report.schema.json").read_text()
    )
    results = [
        check_page("how-to/cache.md", OPTIONS, ON),
        check_page("reference/caching.md", DIRECTED, ON),
    ]
    data = json.loads(build_report(results, ON).to_json())
    assert [page["fit"]["case"] for page in data["pages"]] == ["reference", None]
    jsonschema.validate(data, schema)
    data["pages"][0]["fit"]["case"] = "manual"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)


@pytest.mark.parametrize(
    "text",
    [
        OPTIONS,
        DIRECTED,
        md(
            """
    # Mixed

    - `a`: what a is, in a few words here
    - `b`: what b is, in a few words here

    To add a package, run `add`. To some extent, you can wait.

    | Key | Meaning |
    |---|---|
    | `k` | one two three |
    | `l` | one two three |
    | `m` | one two three |
    """
        ),
    ],
)
def test_the_first_pass_finds_what_the_full_reading_finds(text: str) -> None:
    # The cheap pass decides which pages are read in full: it must see the same
    # entries and directions as the full reading, or a page would be missed.
    doc = parse_document("explanation/x.md", text.encode())
    light, full = case_signals(doc), page_signals(doc, "X")
    assert light.lookup_words == full.lookup_words
    assert light.words == full.words
    for name in ("lookup-entries", "directions"):
        assert (light.body[name].count, light.body[name].places) == (
            full.body[name].count,
            full.body[name].places,
        )


@pytest.mark.parametrize(
    ("options", "line"),
    [
        (
            {"severity": {"content/fit": "warn"}},
            "severity: content/fit set, but content_fit is not enabled: content/fit does not"
            " run; add 'enabled: true' under content_fit",
        ),
        (
            {"severity": {"content/*": "info"}, "content_fit": {"exclude": ["blog/"]}},
            "severity: content/fit and content_fit.exclude set, but content_fit is not"
            " enabled: content/fit does not run; add 'enabled: true' under content_fit",
        ),
        ({"severity": {"content/fit": "ignore"}}, None),  # it says the rule is off
        ({"severity": {"content/fit": "warn"}, "content_fit": {"enabled": True}}, None),
        ({}, None),
    ],
)
def test_options_for_the_rule_while_it_is_off_are_named(
    options: dict[str, object], line: str | None
) -> None:
    assert load_settings(options).idle_content_fit() == line


def test_check_and_the_build_say_so_when_a_gate_on_the_rule_checks_nothing(
    tmp_path: Path,
) -> None:
    plugin = "  - diataxis:\n      severity:\n        content/fit: warn\n"
    site = make_site(
        tmp_path, {"index.md": "# Home\n\nHello.\n", "how-to/cache.md": OPTIONS}, plugin
    )
    said = "severity: content/fit set, but content_fit is not enabled"
    ran = run_cli(site, "check", "--no-cache")
    assert ran.returncode == 0
    assert f"note: {said}" in ran.stderr
    built = build(site)
    assert built.returncode == 0
    assert f"INFO    -  mkdocs_diataxis: {said}" in built.stderr
