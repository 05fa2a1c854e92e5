"""Fuzzing the settings and data files (issue 19, point 4): whatever a project writes in
``mkdocs.yml`` or its data files, the plugin and the command line answer with settings
or one clear error, never a traceback, and write nothing outside ``site_dir``.

Each property runs 1,000 derandomised examples (the same ones on every run).
"""

from __future__ import annotations

import posixpath
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mkdocs_diataxis.core import SettingsError, load_settings
from mkdocs_diataxis.core.options import OPTIONS
from tests.helpers import digest, make_site, run_cli, thousand_examples

PROPERTY = thousand_examples(HealthCheck.function_scoped_fixture)

# Values people write by mistake or on purpose: paths that leave their folder, patterns,
# levels, categories, file names.
WORDS = st.sampled_from(
    [
        "",
        " ",
        ".",
        "..",
        "a.md",
        "../x.md",
        " ../docs/index.md",
        "\\abs.md",
        "/etc/passwd",
        "C:/x.json",
        "docs/",
        "auto",
        "warn",
        "info",
        "ignore",
        "how-to",
        "reference",
        "(a+)+$",
        "(?:a|a)*b",
        "[",
        "**/*.md",
        "!x.md",
        "terms.yml",
        "plan.yml",
        "glossary.yml",
        "baseline.json",
        "placement/*",
        "citation/uncited",
        "nan",
        "1e400",
    ]
)
SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**20), max_value=10**20)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=12)
    | WORDS
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.text(max_size=8) | WORDS, inner, max_size=4)
    ),
    max_leaves=12,
)
SUBKEYS = {
    "citations": ["enabled", "patterns", "methodology", "exclude"],
    "terms": ["enabled", "file", "forbid", "allow", "defaults", "exclude"],
    "acronyms": ["enabled", "glossary", "known", "exclude", "scope", "min_length"],
    "status_page": ["enabled", "path", "title", "in_nav", "plan", "stub_words", "section_depth"],
    "categories": ["tutorial", "how-to", "reference", "explanation", "howto"],
    "severity": ["placement/*", "citation/uncited", "terms/forbidden", "nope/x", "page/*"],
}


def _option(name: str) -> st.SearchStrategy[Any]:
    subkeys = SUBKEYS.get(name)
    if subkeys is None:
        return VALUES
    return VALUES | st.dictionaries(st.sampled_from([*subkeys, "unknown"]), VALUES, max_size=5)


OPTION_SETS = st.lists(st.sampled_from(sorted(OPTIONS)), max_size=5, unique=True).flatmap(
    lambda names: st.fixed_dictionaries({name: _option(name) for name in names})
)

DATA_FILES = {
    "terms.yml": lambda: {"terms": {"file": "terms.yml"}},
    "glossary.yml": lambda: {"acronyms": {"glossary": "glossary.yml"}},
    "plan.yml": lambda: {"status_page": {"plan": "plan.yml"}},
    "baseline.json": lambda: {"baseline": "baseline.json"},
}
CONTENTS = (
    st.binary(max_size=200)
    | st.text(max_size=200).map(str.encode)
    | VALUES.map(lambda value: yaml.safe_dump(value).encode())
    | st.lists(
        st.fixed_dictionaries(
            {"pattern": VALUES, "name": VALUES, "page": VALUES, "deliverables": VALUES}
        ),
        max_size=3,
    ).map(lambda value: yaml.safe_dump(value).encode())
)


def _answer(options: dict[str, Any], base_dir: str = "/nonexistent-folder") -> Any:
    """The settings, or the `SettingsError` they give; any other exception escapes."""
    try:
        return load_settings(options, base_dir)
    except SettingsError as error:
        return error


@pytest.fixture(scope="module")
def folder() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as name:
        yield Path(name)


@PROPERTY
@given(options=OPTION_SETS)
def test_any_options_give_settings_or_one_settings_error(options: dict[str, Any]) -> None:
    answer = _answer(options)
    if isinstance(answer, SettingsError):
        assert answer.option.split(".")[0] in OPTIONS
        assert answer.message.strip()
        assert "Traceback" not in answer.message


@PROPERTY
@given(name=st.sampled_from(sorted(DATA_FILES)), content=CONTENTS)
def test_any_data_file_gives_settings_or_one_error_naming_it(
    folder: Path, name: str, content: bytes
) -> None:
    (folder / name).write_bytes(content)
    options = DATA_FILES[name]()
    answer = _answer(options, str(folder))
    if isinstance(answer, SettingsError):
        assert answer.option.split(".")[0] == next(iter(options))
        assert str(folder / name) in answer.message or name in answer.message


@PROPERTY
@given(value=VALUES)
def test_output_paths_stay_inside_their_folder(value: Any) -> None:
    answer = _answer({"report": value})
    if isinstance(answer, SettingsError):
        assert answer.option == "report"
    elif answer.report is not None:
        assert posixpath.normpath(posixpath.join("/site", answer.report)).startswith("/site/")
    answer = _answer({"status_page": {"path": value}})
    if isinstance(answer, SettingsError):
        assert answer.option == "status_page.path"
    else:
        target = posixpath.normpath(posixpath.join("/docs", answer.status_page.path))
        assert target.startswith("/docs/")
        assert target.endswith(".md")


@pytest.fixture(scope="module")
def site(folder: Path) -> Path:
    return make_site(
        folder / "site", {"index.md": "# Home\n", "reference/a.md": "# A\n\nIt takes 286ns.\n"}
    )


@PROPERTY
@given(options=OPTION_SETS)
def test_the_command_line_answers_any_options_with_a_result_or_one_error(
    site: Path, options: dict[str, Any]
) -> None:
    (site / "mkdocs.yml").write_text(
        yaml.safe_dump({"site_name": "Fuzz", "plugins": [{"diataxis": options}]}),
        encoding="utf-8",
    )
    after_config = digest(site.parent)
    ran = run_cli(site, "check", "--no-cache")
    assert "Traceback" not in ran.stdout + ran.stderr
    assert ran.returncode in (0, 1, 2), ran
    if ran.returncode == 2:
        errors = [line for line in ran.stderr.splitlines() if line.startswith("mkdocs-diataxis:")]
        assert len(errors) == 1, ran.stderr
        assert errors[0].startswith("mkdocs-diataxis: error: mkdocs.yml: ")
    # Nothing written: `check` without -o writes no file, whatever the options say.
    assert digest(site.parent) == after_config


def test_the_fuzzing_reaches_both_answers() -> None:
    # A property that only ever took one branch would prove little: both kinds of
    # answer occur among the examples.
    outcomes = set()

    @settings(max_examples=200, derandomize=True, database=None, deadline=None)
    @given(options=OPTION_SETS)
    def sample(options: dict[str, Any]) -> None:
        answer = _answer(options)
        outcomes.add("error" if isinstance(answer, SettingsError) else "settings")

    sample()
    assert outcomes == {"settings", "error"}


@pytest.mark.parametrize("name", sorted(DATA_FILES))
def test_python_tags_in_data_files_never_run(folder: Path, name: str) -> None:
    # YAML is read with a safe loader: a tag that would call Python is an error.
    marker = folder / f"ran-{name}"
    (folder / name).write_text(
        f"!!python/object/apply:os.system ['touch {marker}']\n", encoding="utf-8"
    )
    answer = _answer(DATA_FILES[name](), str(folder))
    assert isinstance(answer, SettingsError)
    assert not marker.exists()
