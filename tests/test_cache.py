"""The results cache (``cache``, ``cache_dir``): what it keys on, what it keeps, how it
survives damage and concurrent runs, and that results never depend on it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from mkdocs_diataxis import cache
from mkdocs_diataxis.cache import MAX_FILES, ResultStore, page_digest, settings_key
from mkdocs_diataxis.core import check_page, load_settings
from tests.helpers import build, make_site, run_cli, run_cli_process, warnings

EXAMPLE_SITE = Path(__file__).parent.parent / "example-site"
CORPUS = Path(__file__).parent / "fixtures" / "corpus" / "delta-rs"

PAGES = {
    "index.md": "# Home\n",
    "reference/a.md": "# A\n\nSpawning takes 286ns.\n",
    "reference/b.md": "# B\n\nThe API is blazing fast.\n",
}

RICH = {
    "severity": {"terms/acronym": "info", "citation/weak": "ignore"},
    "terms": {"forbid": ["synergy", "best-in-class"], "allow": ["fast path"]},
    "acronyms": {"known": ["ZZQ", "QQX", "ABX"], "exclude": ["blog/**"]},
    "exempt": ["drafts/**", "!drafts/keep.md"],
    "citations": {"patterns": [r"see bench-\d+"]},
}


# --- the key -----------------------------------------------------------------------------


def test_the_settings_key_is_the_same_in_every_process() -> None:
    # Sets and mappings inside the settings must not make the key depend on hashing.
    code = (
        "import json, sys; from mkdocs_diataxis.cache import settings_key;"
        " from mkdocs_diataxis.core import load_settings;"
        " print(settings_key(load_settings(json.loads(sys.argv[1]))))"
    )
    keys = {
        subprocess.run(
            [sys.executable, "-c", code, json.dumps(RICH)],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout.strip()
        for seed in ("1", "2", "3")
    }
    assert keys == {settings_key(load_settings(RICH))}


def test_the_key_changes_with_what_changes_results_only() -> None:
    base = settings_key(load_settings(RICH))
    assert settings_key(load_settings({**RICH, "severity": {"terms/acronym": "warn"}})) != base
    assert settings_key(load_settings({**RICH, "acronyms": {"known": ["ZZQ"]}})) != base
    for same in (
        {"jobs": 3},
        {"report": "other.json"},
        {"status_page": {"title": "Health"}},
        {"cache_dir": "elsewhere"},
    ):
        assert settings_key(load_settings({**RICH, **same})) == base, same


def test_the_key_changes_with_the_plugins_code(monkeypatch: pytest.MonkeyPatch) -> None:
    settings = load_settings({})
    before = settings_key(settings)
    monkeypatch.setattr(cache, "code_version", lambda: "another build of the plugin")
    assert settings_key(settings) != before


def test_the_key_changes_with_the_parser_and_python(monkeypatch: pytest.MonkeyPatch) -> None:
    # Token positions come from markdown-it-py, \w and capitals from Python's Unicode
    # data: a cache restored for another of either is not reused.
    settings = load_settings({})
    before = settings_key(settings)
    real = cache.metadata.version
    cache.code_version.cache_clear()
    monkeypatch.setattr(
        cache.metadata,
        "version",
        lambda name: "999" if name == "markdown-it-py" else real(name),
    )
    try:
        assert settings_key(settings) != before
    finally:
        cache.code_version.cache_clear()
    monkeypatch.undo()
    cache.code_version.cache_clear()
    assert settings_key(settings) == before


def test_a_page_saved_while_it_was_checked_is_not_filed(tmp_path: Path) -> None:
    from mkdocs_diataxis.session import _still

    page = tmp_path / "a.md"
    page.write_bytes(b"# A\n")
    digest = page_digest(b"# A\n")
    assert _still(page, digest)
    assert _still(b"other bytes", digest)  # checked from these very bytes
    page.write_bytes(b"# A, saved again\n")
    assert not _still(page, digest)
    page.unlink()
    assert not _still(page, digest)
    included = tmp_path / "part.md"
    included.write_bytes(b"text\n")
    assert _still(included, page_digest(b"text\n", partial=True))


# --- the store ---------------------------------------------------------------------------


def store_for(folder: Path, docs: Path) -> ResultStore:
    return ResultStore.open(str(folder), load_settings({}), str(docs))


def checked(path: str, text: str) -> tuple[str, object]:
    source = text.encode()
    return page_digest(source), check_page(path, source, load_settings({}))


def test_a_saved_result_comes_back_whole(tmp_path: Path) -> None:
    docs = make_site(tmp_path, PAGES) / "docs"
    digest, result = checked("reference/a.md", PAGES["reference/a.md"])
    first = store_for(tmp_path / "c", docs)
    assert first.get("reference/a.md", digest) is None
    first.put("reference/a.md", digest, result)  # type: ignore[arg-type]
    first.save()

    again = store_for(tmp_path / "c", docs)
    found = again.get("reference/a.md", digest)
    assert found == result
    assert found is not None
    assert found.findings == result.findings  # type: ignore[attr-defined]
    assert [f.fingerprint for f in found.findings] == [
        f.fingerprint
        for f in result.findings  # type: ignore[attr-defined]
    ]
    assert again.hits == 1
    assert again.notice is None
    other = store_for(tmp_path / "c", docs)
    assert other.get("reference/a.md", page_digest(b"other bytes")) is None


def test_entries_for_deleted_pages_are_dropped_and_others_kept(tmp_path: Path) -> None:
    docs = make_site(tmp_path, PAGES) / "docs"
    store = store_for(tmp_path / "c", docs)
    for path in ("reference/a.md", "reference/b.md"):
        digest, result = checked(path, PAGES[path])
        store.put(path, digest, result)  # type: ignore[arg-type]
    store.save()
    (docs / "reference" / "b.md").unlink()

    # A run that checked only index.md keeps a.md (still there) and drops b.md (gone).
    store = store_for(tmp_path / "c", docs)
    digest, result = checked("index.md", PAGES["index.md"])
    store.put("index.md", digest, result)  # type: ignore[arg-type]
    store.save()
    (file,) = (tmp_path / "c").glob("results-*.json")
    assert sorted(json.loads(file.read_text())["pages"]) == ["index.md", "reference/a.md"]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"\x00\xff not json", "not a results file (damaged or written by something else)"),
        (
            b'{"format": "mkdocs-diataxis results", "key": "x"',
            "not a results file (damaged or written by something else)",
        ),
        (b'{"format": "something else", "pages": {}}', "not a results file of this version"),
        (b"[]", "not a results file of this version"),
        (b"[" * 200_000, "not a results file (damaged or written by something else)"),
    ],
    ids=["binary", "cut short", "foreign", "a list", "nested too deep"],
)
def test_a_damaged_or_foreign_file_is_ignored_with_one_line(
    tmp_path: Path, content: bytes, reason: str
) -> None:
    docs = make_site(tmp_path, PAGES) / "docs"
    key = settings_key(load_settings({}))
    folder = tmp_path / "c"
    folder.mkdir()
    file = folder / f"results-{key}.json"
    file.write_bytes(content)
    store = store_for(folder, docs)
    assert store.notice == f"ignored the results cache {file}: {reason}"
    digest, result = checked("index.md", PAGES["index.md"])
    assert store.get("index.md", digest) is None
    store.put("index.md", digest, result)  # type: ignore[arg-type]
    store.save()  # replaced by a good file
    assert store_for(folder, docs).get("index.md", digest) == result


def test_an_entry_with_wrong_types_is_a_miss_not_an_error(tmp_path: Path) -> None:
    docs = make_site(tmp_path, PAGES) / "docs"
    digest, result = checked("reference/a.md", PAGES["reference/a.md"])
    store = store_for(tmp_path / "c", docs)
    store.put("reference/a.md", digest, result)  # type: ignore[arg-type]
    store.save()
    (file,) = (tmp_path / "c").glob("results-*.json")
    data = json.loads(file.read_text())
    data["pages"]["reference/a.md"][1][2][0][3] = "three"  # a line number that is text
    file.write_text(json.dumps(data))
    store = store_for(tmp_path / "c", docs)
    assert store.get("reference/a.md", digest) is None
    assert store.notice == f"ignored a damaged entry for reference/a.md in {file}"


def test_a_folder_that_cannot_be_written_costs_only_the_cache(tmp_path: Path) -> None:
    docs = make_site(tmp_path, PAGES) / "docs"
    (tmp_path / "c").write_text("a file where the folder should be")
    store = store_for(tmp_path / "c", docs)
    digest, result = checked("index.md", PAGES["index.md"])
    store.put("index.md", digest, result)  # type: ignore[arg-type]
    store.save()
    assert store.notice is not None
    assert store.notice.startswith(f"could not write the results cache {tmp_path / 'c'}")


def test_writes_are_atomic_and_the_folder_stays_bounded(tmp_path: Path) -> None:
    docs = make_site(tmp_path, PAGES) / "docs"
    folder = tmp_path / "c"
    stale = folder / ".results-left-by-a-killed-run.tmp"
    folder.mkdir()
    stale.write_text("{")
    os.utime(stale, (0, 0))
    for number in range(MAX_FILES + 3):
        settings = load_settings({"acronyms": {"known": [f"ZQ{chr(65 + number)}"]}})
        store = ResultStore.open(str(folder), settings, str(docs))
        store.put("index.md", *checked("index.md", PAGES["index.md"]))  # type: ignore[arg-type]
        store.save()
        os.utime(store.file, (number, number))  # written in this order
    names = sorted(path.name for path in folder.iterdir())
    assert len(names) == MAX_FILES
    assert all(name.startswith("results-") and name.endswith(".json") for name in names)
    assert os.path.basename(store.file) in names  # the newest is kept


# --- builds and the command line ----------------------------------------------------------


def test_a_second_build_reuses_results_and_still_fails_strict(tmp_path: Path) -> None:
    site = make_site(tmp_path, PAGES)
    first = build(site)
    second = build(site)
    assert first.returncode == second.returncode == 1
    assert warnings(second.stderr) == warnings(first.stderr)
    assert len(warnings(first.stderr)) == 2
    assert "checked 3 page(s): 2 warning(s)" in first.stderr
    assert "checked 3 page(s), 3 unchanged since the last run: 2 warning(s)" in second.stderr
    assert len(list((site / ".cache" / "plugin" / "diataxis").glob("results-*.json"))) == 1


def test_cache_false_keeps_nothing_and_cache_dir_moves_it(tmp_path: Path) -> None:
    site = make_site(tmp_path, PAGES, "  - diataxis:\n      cache: false\n")
    build(site, strict=False)
    second = build(site, strict=False)
    assert "unchanged" not in second.stderr
    assert not (site / ".cache").exists()
    (site / "mkdocs.yml").write_text(
        "site_name: Test\nplugins:\n  - diataxis:\n      cache_dir: ../kept\n", encoding="utf-8"
    )
    build(site, strict=False)
    assert len(list((tmp_path.parent / "kept").glob("results-*.json"))) == 1


def test_build_and_check_share_the_cache(tmp_path: Path) -> None:
    site = make_site(tmp_path, PAGES)
    build(site, strict=False)
    (file,) = (site / ".cache" / "plugin" / "diataxis").glob("results-*.json")
    os.utime(file, (0, 0))
    ran = run_cli(site, "check")
    assert ran.returncode == 1
    assert ran.stderr == ""  # the CLI says nothing when all is well
    # Every page came from the build's file: nothing new, so nothing was written.
    assert file.stat().st_mtime == 0
    # Changing one page makes only it a miss, and the file is written again.
    (site / "docs" / "reference" / "b.md").write_text("# B\n\nPlain words.\n")
    ran = run_cli(site, "check", "--format", "json")
    report = json.loads(ran.stdout)
    assert [f["path"] for f in report["findings"]] == ["reference/a.md"]
    assert file.stat().st_mtime > 0


def test_check_names_a_damaged_cache_once_and_carries_on(tmp_path: Path) -> None:
    site = make_site(tmp_path, PAGES)
    folder = site / ".cache" / "plugin" / "diataxis"
    folder.mkdir(parents=True)
    key = settings_key(load_settings({}, str(site)))
    (folder / f"results-{key}.json").write_text("garbage")
    ran = run_cli(site, "check")
    assert ran.returncode == 1
    assert ran.stderr == (
        f"note: ignored the results cache {folder / f'results-{key}.json'}:"
        " not a results file (damaged or written by something else)\n"
    )
    assert run_cli(site, "check").stderr == ""  # replaced by a good file


def test_runs_at_once_each_read_a_whole_file(tmp_path: Path) -> None:
    pages = {f"reference/p{n}.md": f"# P{n}\n\nSpawning takes {n}86ns.\n" for n in range(40)}
    site = make_site(tmp_path, pages)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs_diataxis.cli", "check", "--format", "json"]
    for _ in range(2):  # the second round reads what the first wrote, while writing
        runs = [
            subprocess.Popen(command, cwd=site, env=env, stdout=subprocess.PIPE, text=True)
            for _ in range(4)
        ]
        outputs = {run.communicate(timeout=120)[0] for run in runs}
        assert [run.returncode for run in runs] == [1, 1, 1, 1]
        assert len(outputs) == 1
        assert len(json.loads(outputs.pop())["findings"]) == 40
    folder = site / ".cache" / "plugin" / "diataxis"
    assert [path.name for path in folder.iterdir() if not path.name.startswith("results-")] == []
    (file,) = folder.iterdir()
    assert len(json.loads(file.read_text())["pages"]) == 40


def test_no_cache_neither_reads_nor_writes(tmp_path: Path) -> None:
    site = make_site(tmp_path, PAGES)
    ran = run_cli(site, "check", "--no-cache")
    assert ran.returncode == 1
    assert not (site / ".cache").exists()


def test_a_damaged_cache_in_the_build_is_one_info_line(tmp_path: Path) -> None:
    site = make_site(tmp_path, PAGES)
    folder = site / ".cache" / "plugin" / "diataxis"
    folder.mkdir(parents=True)
    key = settings_key(load_settings({}, str(site)))
    (folder / f"results-{key}.json").write_bytes(b"\x00")
    ran = build(site, strict=False)
    assert ran.returncode == 0
    assert "Traceback" not in ran.stderr
    lines = [line for line in ran.stderr.splitlines() if "results cache" in line]
    assert lines == [
        f"INFO    -  mkdocs_diataxis: ignored the results cache {folder / f'results-{key}.json'}:"
        " not a results file (damaged or written by something else)"
    ]


# --- results never depend on the cache or the workers -------------------------------------


@pytest.mark.parametrize("source", [EXAMPLE_SITE, CORPUS], ids=["example-site", "corpus"])
def test_results_are_the_same_with_and_without_cache_and_workers(
    tmp_path: Path, source: Path
) -> None:
    site = tmp_path / "site"
    shutil.copytree(source, site, ignore=shutil.ignore_patterns(".cache", "site"))
    if not (site / "mkdocs.yml").exists():
        (site / "mkdocs.yml").write_text("site_name: Corpus\nplugins:\n  - diataxis\n")
    runs = {
        "in one process, no cache": ("--no-cache", "-j", "0"),
        "two workers, empty cache": ("-j", "2"),
        "in one process, from the cache": ("-j", "0"),
        "two workers, from the cache": ("-j", "2"),
    }
    outputs = {}
    for name, args in runs.items():
        ran = run_cli_process(site, "check", "--format", "json", *args)
        assert ran.returncode in (0, 1), ran.stderr
        outputs[name] = ran.stdout
    reference = outputs["in one process, no cache"]
    assert json.loads(reference)["pages"]
    for name, output in outputs.items():
        assert output == reference, name
