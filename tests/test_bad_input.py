"""Bad input: every page that is not clean Markdown gets a clear finding or a clear
one-line message naming the file, never a traceback, and the other pages are still
checked (SPEC section 7, Safety)."""

from __future__ import annotations

import gc
import itertools
import json
import os
import resource
import struct
import subprocess
import sys
import zlib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest

from mkdocs_diataxis.core import PageResult, Settings, check_page
from tests.helpers import build, make_site, warnings
from tests.helpers import run_cli as cli

SETTINGS = Settings()


def check(path: str, source: str | bytes) -> PageResult:
    return check_page(path, source, SETTINGS)


def found(path: str, source: str | bytes) -> list[tuple[str, int, int, str]]:
    return [(f.rule, f.line, f.column, f.text) for f in check(path, source).findings]


def in_a_batch(path: str, source: str | bytes) -> dict[str, list[tuple[str, int, int, str]]]:
    """Findings of three pages checked in turn, the bad one in the middle."""
    good = "# Good\n\nIt is blazing fast.\n"
    return {
        page: found(page, text) for page, text in (("a.md", good), (path, source), ("z.md", good))
    }


GOOD_PAGE_FINDINGS = [
    ("placement/uncategorized", 1, 1, ""),
    ("terms/forbidden", 3, 7, "blazing fast"),
]


def assert_neighbours_still_checked(path: str, source: str | bytes) -> None:
    batch = in_a_batch(path, source)
    assert batch["a.md"] == GOOD_PAGE_FINDINGS
    assert batch["z.md"] == GOOD_PAGE_FINDINGS


def png() -> bytes:
    """A real 1x1 PNG image: signature, IHDR, IDAT, IEND (NUL bytes throughout)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 6, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\x00\x00\xff")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


# --- encodings and binary files ---------------------------------------------------------


def test_invalid_utf8_is_one_finding_at_the_first_bad_byte() -> None:
    result = check("reference/cafe.md", b"# Title\n\nCaf\xe9 is blazing fast.\n")
    assert result.unreadable
    (finding,) = result.findings
    assert (finding.rule, finding.severity, finding.line, finding.column, finding.text) == (
        "page/unreadable",
        "warning",
        3,
        4,
        "",
    )
    assert finding.message == (
        "the page is not valid UTF-8 (byte 0xe9 at line 3); it cannot be checked or built"
    )
    assert finding.suggestion == "re-save the file as UTF-8"
    assert_neighbours_still_checked("reference/cafe.md", b"# Title\n\nCaf\xe9\n")


@pytest.mark.parametrize(
    ("source", "line", "column"),
    [
        (b"# T\r\rCaf\xe9\r", 3, 4),  # classic Mac line endings end lines too
        (b"# T\r\n\r\nCaf\xe9\r\n", 3, 4),
        (b"\r\x80", 2, 1),
    ],
    ids=["cr", "crlf", "cr-then-bad-byte"],
)
def test_invalid_utf8_position_counts_every_line_ending(
    source: bytes, line: int, column: int
) -> None:
    assert found("reference/cafe.md", source) == [("page/unreadable", line, column, "")]


def test_invalid_utf8_after_a_byte_order_mark_names_the_bad_byte() -> None:
    (finding,) = check("reference/cafe.md", b"\xef\xbb\xbf# T\xff\n").findings
    assert (finding.rule, finding.line, finding.column) == ("page/unreadable", 1, 4)
    assert finding.message == (
        "the page is not valid UTF-8 (byte 0xff at line 1); it cannot be checked or built"
    )


@pytest.mark.parametrize(
    ("source", "byte"),
    [
        (png(), "0x89"),
        (b"\xff\xfe" + "# Title\n".encode("utf-16-le"), "0xff"),  # saved as UTF-16
        (b"\x1f\x8b\x08\x00" + bytes(16), "0x8b"),  # gzip
    ],
    ids=["png", "utf-16", "gzip"],
)
def test_binary_file_named_md_is_unreadable_not_checked(source: bytes, byte: str) -> None:
    result = check("reference/image.md", source)
    assert result.unreadable
    assert [(f.rule, f.line, f.message) for f in result.findings] == [
        (
            "page/unreadable",
            1,
            f"the page is not valid UTF-8 (byte {byte} at line 1); it cannot be checked or built",
        )
    ]
    assert_neighbours_still_checked("reference/image.md", source)


def test_nul_bytes_in_text_do_not_shift_positions() -> None:
    source = (
        b"# T\x00itle\n\nIt is \x00 revolutionary,\x00 and QXZ is new.\n\n"
        b"| a\x00 | 286ns |\n|--|--|\n"
    )
    assert found("reference/nul.md", source) == [
        ("terms/forbidden", 3, 9, "revolutionary"),
        ("terms/acronym", 3, 29, "QXZ"),
        ("citation/uncited", 5, 8, "286ns"),
    ]
    assert check("reference/nul.md", source).facts.title == "T\ufffditle"
    assert_neighbours_still_checked("reference/nul.md", source)


# --- empty pages and front matter -------------------------------------------------------


def test_empty_file() -> None:
    result = check("reference/empty.md", b"")
    assert result.findings == ()
    assert (result.facts.title, result.facts.lines, result.facts.words) == ("empty", 0, 0)
    assert found("loose.md", b"") == [("placement/uncategorized", 1, 1, "")]
    assert_neighbours_still_checked("reference/empty.md", b"")


def test_only_front_matter() -> None:
    source = "---\ntitle: Only metadata\ndiataxis: reference\n---\n"
    result = check("loose.md", source)
    assert result.findings == ()
    assert (result.facts.title, result.facts.category, result.facts.category_source) == (
        "Only metadata",
        "reference",
        "front matter",
    )
    assert (result.facts.lines, result.facts.words) == (4, 0)
    assert_neighbours_still_checked("loose.md", source)


@pytest.mark.parametrize(
    "source",
    [
        "---\ntitle: Never closed\ndiataxis: how-to\n\n# Body\n\nIt is blazing fast.\n",
        # No line end after the closing ---: MkDocs' pattern needs one, so it misses it.
        "---\ntitle: Never closed\ndiataxis: how-to\n---",
    ],
    ids=["no-closing-line", "closing-line-without-newline"],
)
def test_unterminated_front_matter_is_reported(source: str) -> None:
    """MkDocs does not see this front matter and renders it as text; the page's
    `diataxis: how-to` is lost without a word unless the plugin says so."""
    result = check("reference/unclosed.md", source)
    problems = [f for f in result.findings if f.rule == "page/front-matter"]
    assert [(f.line, f.column) for f in problems] == [(1, 1)]
    assert "renders it as text" in problems[0].message
    assert result.facts.category_source == "folder"
    assert_neighbours_still_checked("reference/unclosed.md", source)


def test_unterminated_front_matter_leaves_the_body_checked() -> None:
    source = "---\ntitle: Never closed\ndiataxis: how-to\n\n# Body\n\nIt is blazing fast.\n"
    assert ("terms/forbidden", 7, 7, "blazing fast") in found("reference/unclosed.md", source)


def test_front_matter_that_is_a_list() -> None:
    (finding,) = check("reference/list.md", "---\n- a\n- b\n---\n# List\n").findings
    assert (finding.rule, finding.line, finding.column, finding.text) == (
        "page/front-matter",
        2,
        1,
        "",
    )
    assert finding.message == (
        "the front matter is a list, not a mapping of keys to values; MkDocs ignores it"
    )
    assert finding.suggestion == "write it as `key: value` lines"
    assert_neighbours_still_checked("reference/list.md", "---\n- a\n- b\n---\n# List\n")


@pytest.mark.parametrize(
    ("scalar", "kind"),
    [("just some text", "a string"), ("42", "a number")],
)
def test_front_matter_that_is_a_scalar_says_so_in_plain_words(scalar: str, kind: str) -> None:
    """Readers are docs writers: "a str" and "a int" are Python's words, not theirs."""
    source = f"---\n{scalar}\n---\n# Scalar\n"
    (finding,) = check("reference/scalar.md", source).findings
    assert (finding.rule, finding.line, finding.column) == ("page/front-matter", 2, 1)
    assert finding.message == (
        f"the front matter is {kind}, not a mapping of keys to values; MkDocs ignores it"
    )
    assert_neighbours_still_checked("reference/scalar.md", source)


def test_duplicate_front_matter_keys_are_reported_at_the_repeat() -> None:
    """YAML forbids repeated keys; PyYAML (and so MkDocs) silently keeps the last one, so
    a page can say `diataxis: how-to` and be filed as reference without a word."""
    source = "---\ntitle: A\ntitle: B\ndiataxis: how-to\ndiataxis: reference\n---\n# T\n"
    result = check("reference/dup.md", source)
    problems = [
        (f.rule, f.line, f.column, f.text) for f in result.findings if f.rule == "page/front-matter"
    ]
    assert problems == [
        ("page/front-matter", 3, 1, "title"),
        ("page/front-matter", 5, 1, "diataxis"),
    ]
    messages = [f.message for f in result.findings if f.rule == "page/front-matter"]
    assert '"title"' in messages[0]
    assert '"diataxis"' in messages[1]
    assert (result.facts.title, result.facts.category) == ("B", "reference")  # as MkDocs reads it
    assert_neighbours_still_checked("reference/dup.md", source)


# --- a YAML alias bomb --------------------------------------------------------------------


def alias_bomb(key: str, levels: int = 9) -> str:
    """ "Billion laughs": each level lists the previous one nine times (9**levels strings
    once expanded), all under the alias budget of a plain loader."""
    names = [f"l{n}" for n in range(levels)]
    lines = ["---", f"{names[0]}: &{names[0]} [" + ", ".join(['"lol"'] * 9) + "]"]
    for previous, name in itertools.pairwise(names):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 9) + "]")
    lines += [f"{key}: *{names[-1]}", "---", "# Bomb", "", "It is blazing fast.", ""]
    return "\n".join(lines)


BOMB_PROBE = """
import json, resource, sys, tracemalloc
# Safety nets only, so that a runaway expansion fails in seconds instead of taking the
# machine; the assertion is on the traced memory peak.
resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))
resource.setrlimit(resource.RLIMIT_CPU, (15, 15))
from mkdocs_diataxis.core import Settings, check_page
source = sys.stdin.buffer.read()
settings = Settings()
tracemalloc.start()
result = check_page("reference/bomb.md", source, settings)
peak = tracemalloc.get_traced_memory()[1]
print(json.dumps({"peak": peak, "findings": [
    [f.rule, f.line, f.column, f.text, f.message] for f in result.findings]}))
"""


def run_probe(script: str, source: str) -> subprocess.CompletedProcess[bytes]:
    """Run a probe ``script`` in a child process with ``source`` on its standard input."""
    return subprocess.run(
        [sys.executable, "-c", script],
        input=source.encode(),
        capture_output=True,
        timeout=600,
        check=False,
    )


def bomb_probe(source: str) -> dict[str, Any]:
    """Check ``source`` in a child process (BOMB_PROBE); its peak memory and findings."""
    probe = run_probe(BOMB_PROBE, source)
    assert probe.returncode == 0, f"exit {probe.returncode}: {probe.stderr.decode()[-2000:]}"
    return dict(json.loads(probe.stdout))


@pytest.mark.parametrize("key", ["title", "diataxis", "diataxis_ignore", "unused"])
def test_alias_bomb_in_front_matter_is_never_expanded(key: str) -> None:
    report = bomb_probe(alias_bomb(key))
    assert report["peak"] < 16 * 2**20, f"peak {report['peak'] / 2**20:.0f} MB: expanded"
    for _rule, _line, _column, text, message in report["findings"]:
        assert len(text) < 200
        assert len(message) < 400
    assert ["terms/forbidden", 15, 7, "blazing fast"] in [f[:4] for f in report["findings"]]


def test_alias_bomb_under_the_alias_limit_counts_expansion_not_aliases() -> None:
    """Eleven levels use 90 aliases, fewer than any sensible alias cap, and expand to
    9**11 strings; it is the expansion that must be bounded."""
    assert bomb_probe(alias_bomb("diataxis", levels=11))["peak"] < 16 * 2**20


def test_deeply_nested_front_matter_does_not_raise() -> None:
    """MkDocs (libyaml) reads 2,000 nested brackets; a pure-Python YAML parser recurses
    once per level and raises RecursionError out of the check."""
    source = "---\na: " + "[" * 2000 + "]" * 2000 + "\n---\n# Deep\n\nIt is blazing fast.\n"
    found_here = found("reference/deep.md", source)
    assert ("terms/forbidden", 6, 7, "blazing fast") in found_here
    assert [f for f in found_here if f[0] != "terms/forbidden"] in (
        [],
        [("page/front-matter", 2, 1, "")],
    )
    nested_keys = "---\n" + "".join(" " * i + "k:\n" for i in range(2000)) + "---\n# Deep\n"
    assert [f[0] for f in found("reference/deep.md", nested_keys)] in ([], ["page/front-matter"])
    assert_neighbours_still_checked("reference/deep.md", source)


# --- hostile input: linear time -------------------------------------------------------------

CPU_PROBE = """
import resource, sys
resource.setrlimit(resource.RLIMIT_CPU, (10, 10))  # killed (SIGXCPU) past 10 s of CPU
from mkdocs_diataxis.core import Settings, check_page
check_page("reference/hostile.md", sys.stdin.buffer.read(), Settings())
"""


@pytest.mark.parametrize(
    "hostile",
    [
        "<!-- " * 40_000,  # 200 kB of comments that never close
        "line blazing fast " * 20_000,  # 360 kB paragraph, a term hit every 18 bytes
        "## Heading\n\nSpawn takes 286ns.\n\n" * 16_000,  # 500 kB, a figure per section
        "<!-- diataxis: disable-next-line terms/forbidden -->\nblazing fast\n\n" * 25_000,
        "x&amp; *y* \\* z " * 60_000,  # 1 MB line of text that is not a literal copy
    ],
    ids=[
        "unclosed-comments",
        "terms-in-one-paragraph",
        "figure-per-section",
        "suppressions",
        "entities-on-one-line",
    ],
)
def test_hostile_input_is_checked_in_linear_time(hostile: str) -> None:
    """Each takes well under a second when checking is linear; quadratic work takes
    minutes. Measured as CPU time in a child process, cut off at 10 s."""
    probe = run_probe(CPU_PROBE, hostile)
    assert probe.returncode == 0, f"exit {probe.returncode} (-24: over 10 s of CPU)"


# --- size and line endings ----------------------------------------------------------------

PARAGRAPH = "Words in a paragraph about the build system, which reads its configuration file.\n"
SECTION = "## Section\n\n" + PARAGRAPH * 12 + "\n"  # 15 lines
SECTION_LINES = SECTION.count("\n")


def test_fifty_megabyte_page_is_checked_with_findings_at_the_right_lines() -> None:
    sections = 50 * 2**20 // len(SECTION) + 1
    half = sections // 2
    head = "# Big\n\nIt is revolutionary.\n\n"  # lines 1-4
    middle = "Spawn takes 286ns on QXZ hardware.\n\n"
    tail = "It is blazing fast.\n"
    source = (head + SECTION * half + middle + SECTION * (sections - half) + tail).encode()
    assert len(source) >= 50 * 2**20
    middle_line = 5 + half * SECTION_LINES
    last_line = middle_line + 2 + (sections - half) * SECTION_LINES
    results = {
        path: check(path, text)
        for path, text in (
            ("reference/before.md", "# Before\n\nIt is revolutionary.\n"),
            ("reference/big.md", source),
            ("reference/after.md", "# After\n\nIt is revolutionary.\n"),
        )
    }
    assert [(f.rule, f.line, f.column, f.text) for f in results["reference/big.md"].findings] == [
        ("terms/forbidden", 3, 7, "revolutionary"),
        ("citation/uncited", middle_line, 13, "286ns"),
        ("terms/acronym", middle_line, 22, "QXZ"),
        ("terms/forbidden", last_line, 7, "blazing fast"),
    ]
    assert results["reference/big.md"].facts.lines == last_line
    for path in ("reference/before.md", "reference/after.md"):
        assert [(f.rule, f.line) for f in results[path].findings] == [("terms/forbidden", 3)]


def test_mixed_line_endings_in_one_file() -> None:
    source = (
        b"---\r\ndiataxis: howto\r---\n"  # lines 1-3
        b"# Mixed\r\n\r\n"  # 4-5
        b"revolutionary\r"  # 6
        b"a blazing fast\n"  # 7
        b"b zero-downtime\r\n"  # 8
        b"\r"  # 9
        b"| Op | Time |\r|--|--|\n| spawn | 286ns |\r\n"  # 10-12
    )
    assert found("reference/mixed.md", source) == [
        ("placement/unknown-category", 2, 11, "howto"),
        ("terms/forbidden", 6, 1, "revolutionary"),
        ("terms/forbidden", 7, 3, "blazing fast"),
        ("terms/forbidden", 8, 3, "zero-downtime"),
        ("citation/uncited", 12, 11, "286ns"),
    ]
    assert_neighbours_still_checked("reference/mixed.md", source)


# --- invisible characters inside terms ----------------------------------------------------


@pytest.mark.parametrize(
    "term",
    [
        "zero\u200b-downtime",  # zero-width space
        "blazing\u200b fast",
        "zero\u200f-downtime",  # right-to-left mark
        "revolu\u200dtionary",  # zero-width joiner
        "seam\u2060less",  # word joiner
        "revo\u00adlutionary",  # soft hyphen
    ],
    ids=["zwsp-hyphen", "zwsp-space", "rlm", "zwj", "word-joiner", "soft-hyphen"],
)
def test_invisible_characters_inside_a_term_do_not_hide_it(term: str) -> None:
    """The reader sees the term; the check must too, and report the exact source text."""
    source = f"# T\n\nIt is {term} today.\n"
    assert [f for f in found("reference/invisible.md", source) if f[0] == "terms/forbidden"] == [
        ("terms/forbidden", 3, 7, term)
    ]


def test_right_to_left_override_around_a_term() -> None:
    source = "# T\n\nIt is \u202eblazing fast\u202c today.\n"
    assert found("reference/rtl.md", source) == [("terms/forbidden", 3, 8, "blazing fast")]


# --- whole sites: the CLI and a real strict build ----------------------------------------

BAD_PAGES: dict[str, str | bytes] = {
    "index.md": "# Home\n",
    "reference/good.md": "# Good\n\nIt is blazing fast.\n",
    "reference/latin1.md": b"# Caf\xe9\n",
    "reference/image.md": png(),
    "reference/empty.md": b"",
    "reference/only-front.md": "---\ntitle: Only\n---\n",
    "reference/unclosed.md": "---\ntitle: Never closed\n\n# Body\n",
    "reference/list-front.md": "---\n- a\n---\n# List\n",
    "reference/dup.md": "---\ntitle: A\ntitle: B\n---\n# Dup\n",
    "reference/bomb.md": alias_bomb("diataxis"),
    "reference/mixed.md": b"# Mixed\r\rrevolutionary\n",
    "reference/nul.md": b"# Nul\n\nIt is\x00 revolutionary.\n",
    "reference/zwsp.md": "# Zwsp\n\nIt is zero\u200b-downtime.\n",
    "zzz/good.md": "---\ndiataxis: reference\n---\n# Last\n\nIt is blazing fast.\n",
}
BAD_PAGE_FINDINGS = [
    "reference/bomb.md:15:7: [terms/forbidden]",
    "reference/dup.md:3:1: [page/front-matter]",
    "reference/good.md:3:7: [terms/forbidden]",
    "reference/image.md:1:1: [page/unreadable]",
    "reference/latin1.md:1:6: [page/unreadable]",
    "reference/list-front.md:2:1: [page/front-matter]",
    "reference/mixed.md:3:1: [terms/forbidden]",
    "reference/nul.md:3:8: [terms/forbidden]",
    "reference/unclosed.md:1:1: [page/front-matter]",
    "reference/zwsp.md:3:7: [terms/forbidden]",
    "zzz/good.md:6:7: [terms/forbidden]",
]


def outside_the_bomb_front_matter(places: Iterable[str]) -> list[str]:
    """``path:line:col: [rule]`` sorted, less the one finding the alias bomb's front matter
    may get (which one is the fix's choice: page/front-matter or placement/*)."""
    places = sorted(places)
    bomb = [p for p in places if p.startswith("reference/bomb.md:") and int(p.split(":")[1]) < 13]
    assert len(bomb) <= 1, bomb
    return [p for p in places if p not in bomb]


def bounded() -> None:
    """Run a child with an address-space cap, so a runaway fails instead of swapping."""
    resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))


def test_cli_checks_every_bad_page_and_all_the_others(tmp_path: Path) -> None:
    site = make_site(tmp_path, BAD_PAGES)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "NO_COLOR": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs_diataxis.cli", "check", "-f", str(site / "mkdocs.yml")],
        cwd=site,
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
        check=False,
        preexec_fn=bounded,
    )
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 1, result.stderr
    lines = result.stdout.splitlines()
    where = [line.split(" ", 3) for line in lines[:-1]]
    assert (
        outside_the_bomb_front_matter(
            f"{place.removeprefix('docs/')} {rule}" for place, _level, rule, _message in where
        )
        == BAD_PAGE_FINDINGS
    )
    assert lines[-1] == f"{len(where)} warning(s), 0 info finding(s) in 14 page(s)"


def test_strict_build_reports_every_bad_page_and_all_the_others(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=make_site(tmp_path, BAD_PAGES),
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        timeout=600,
        check=False,
        preexec_fn=bounded,
    )
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    assert result.returncode == 1
    assert (
        outside_the_bomb_front_matter(
            " ".join(line.split(" ")[:2]) for line in warnings(result.stderr)
        )
        == BAD_PAGE_FINDINGS
    )
    assert f"Aborted with {len(warnings(result.stderr))} warnings in strict mode!" in result.stdout


# --- symbolic links -----------------------------------------------------------------------


def site_with_links(root: Path, *, folder_loop: bool, file_loops: bool) -> Path:
    site = make_site(root, {"index.md": "# Home\n", "guides/a.md": "# A\n\nIt is blazing fast.\n"})
    guides = site / "docs" / "guides"
    if file_loops:
        (guides / "loop.md").symlink_to("b.md")
        (guides / "b.md").symlink_to("loop.md")
        (guides / "self.md").symlink_to("self.md")
    if folder_loop:
        (guides / "up").symlink_to("..", target_is_directory=True)
    return site


UNREADABLE_LINK = (
    "[page/unreadable] cannot read the file (Too many levels of symbolic links) — check that"
    " the file exists and that its permissions allow reading"
)


def test_cli_reports_each_looping_file_link_and_checks_the_rest(tmp_path: Path) -> None:
    site = site_with_links(tmp_path, folder_loop=False, file_loops=True)
    result = cli(site, "check", "-f", "mkdocs.yml")
    assert (result.returncode, result.stderr) == (1, "")
    assert result.stdout.splitlines() == [
        'docs/guides/a.md:3:7: warning [terms/forbidden] "blazing fast": a speed claim without a'
        ' number — use "fast" or "a measured figure with its source" instead',
        f"docs/guides/b.md:1:1: warning {UNREADABLE_LINK}",
        f"docs/guides/loop.md:1:1: warning {UNREADABLE_LINK}",
        f"docs/guides/self.md:1:1: warning {UNREADABLE_LINK}",
        "4 warning(s), 0 info finding(s) in 5 page(s)",
    ]


def test_strict_build_reports_each_looping_file_link_and_checks_the_rest(tmp_path: Path) -> None:
    result = build(site_with_links(tmp_path, folder_loop=False, file_loops=True))
    assert "Traceback" not in result.stderr
    assert result.returncode == 1
    assert warnings(result.stderr) == [
        'guides/a.md:3:7: [terms/forbidden] "blazing fast": a speed claim without a number —'
        ' use "fast" or "a measured figure with its source" instead',
        f"guides/b.md:1:1: {UNREADABLE_LINK}",
        f"guides/loop.md:1:1: {UNREADABLE_LINK}",
        f"guides/self.md:1:1: {UNREADABLE_LINK}",
    ]
    assert "Aborted with 4 warnings in strict mode!" in result.stdout


def test_cli_names_a_folder_link_loop_once(tmp_path: Path) -> None:
    """`docs/guides/up -> ..`: MkDocs follows folder links, so the CLI must too (see the
    next test), and a loop must be named once, not walked."""
    site = site_with_links(tmp_path, folder_loop=True, file_loops=False)
    result = cli(site, "check", "-f", "mkdocs.yml")
    assert "Traceback" not in result.stderr
    assert result.returncode == 1
    output = result.stdout + result.stderr
    assert [line for line in output.splitlines() if "guides/a.md" in line] == [
        'docs/guides/a.md:3:7: warning [terms/forbidden] "blazing fast": a speed claim without a'
        ' number — use "fast" or "a measured figure with its source" instead'
    ]
    assert len([line for line in output.splitlines() if "guides/up" in line]) == 1
    assert "loop" in next(line for line in output.splitlines() if "guides/up" in line)


def test_cli_checks_pages_in_a_linked_folder_as_mkdocs_builds_them(tmp_path: Path) -> None:
    site = make_site(tmp_path, {"index.md": "# Home\n"})
    (tmp_path / "shared").mkdir()
    (tmp_path / "shared" / "page.md").write_text("# Shared\n\nIt is blazing fast.\n")
    (site / "docs" / "guides").symlink_to(tmp_path / "shared", target_is_directory=True)
    built = build(site)
    assert [line.split(" ", 2)[:2] for line in warnings(built.stderr)] == [
        ["guides/page.md:3:7:", "[terms/forbidden]"]
    ]
    checked = cli(site, "check", "-f", "mkdocs.yml")
    assert checked.returncode == 1
    assert checked.stdout.splitlines()[0].startswith(
        "docs/guides/page.md:3:7: warning [terms/forbidden]"
    )


def test_strict_build_names_a_folder_link_loop_once_without_a_traceback(tmp_path: Path) -> None:
    """MkDocs walks `guides/up -> ..` forty levels deep, then dies copying the link it can
    no longer resolve; the plugin sees the files first (on_files), so it can name the loop
    once and leave its copies out."""
    result = build(site_with_links(tmp_path, folder_loop=True, file_loops=False))
    assert "Traceback" not in result.stderr, result.stderr[-2000:]
    assert result.returncode == 1
    found_warnings = warnings(result.stderr)
    assert [w for w in found_warnings if "a.md" in w] == [
        'guides/a.md:3:7: [terms/forbidden] "blazing fast": a speed claim without a number —'
        ' use "fast" or "a measured figure with its source" instead'
    ]
    loop = [w for w in found_warnings if w.startswith("guides/up")]
    assert len(loop) == 1
    assert "loop" in loop[0]


def test_a_loop_through_a_second_link_is_named_once(tmp_path: Path) -> None:
    """A monorepo: docs/ext -> ../pkg, and pkg/docs -> ../docs leads back to docs."""
    site = make_site(
        tmp_path, {"index.md": "# Home\n", "guides/a.md": "# A\n\nIt is blazing fast.\n"}
    )
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "docs").symlink_to(site / "docs", target_is_directory=True)
    (site / "docs" / "ext").symlink_to(tmp_path / "pkg", target_is_directory=True)
    result = cli(site, "check", "-f", "mkdocs.yml")
    lines = result.stdout.splitlines()
    assert [line.split(" ", 1)[0] for line in lines[:-1]] == [
        "docs/ext/docs:1:1:",
        "docs/guides/a.md:3:7:",
    ]
    assert "a link back to docs_dir itself, a loop" in lines[0]
    built = build(site)
    assert "Traceback" not in built.stderr
    assert [w.split(" ", 1)[0] for w in warnings(built.stderr)] == [
        "ext/docs:1:1:",
        "guides/a.md:3:7:",
    ]


def test_large_data_without_aliases_is_not_an_alias_bomb() -> None:
    from mkdocs_diataxis.core.datafile import YamlLimitError, load_yaml

    glossary = "".join(f"T{n}: Term number {n}\n" for n in range(6_000))
    assert len(load_yaml(glossary)) == 6_000
    with pytest.raises(YamlLimitError, match="expands to more than 10,000 values"):
        load_yaml(alias_bomb("diataxis").split("---\n")[1])


def test_a_comment_that_spans_lines_in_a_list_item_still_suppresses() -> None:
    source = (
        "# T\n\n- Item\n\n  <!-- diataxis: disable\n  terms/forbidden -->\n\n"
        "  It is blazing fast.\n"
    )
    assert found("reference/list.md", source) == []


def test_an_entity_markdown_does_not_know_keeps_positions_right() -> None:
    # "&notes;" is text to markdown-it (Python's html module would read "¬es;").
    source = "# T\n\nSee &notes; and &amp; then blazing fast.\n"
    assert found("reference/e.md", source) == [("terms/forbidden", 3, 28, "blazing fast")]


def test_the_cycle_collector_stays_paused_while_a_page_is_checked() -> None:
    # A collection mid-page walks the whole half-built model again: a 20,000-row table
    # saw dozens, and time per MB grew with the page's size.
    page = ("| Op | Time |\n|---|---|\n" + "| Spawn | 286ns |\n" * 20_000).encode()
    collections: list[int] = []

    def count(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            collections.append(info["generation"])

    gc.callbacks.append(count)
    try:
        check_page("reference/t.md", page, Settings())
    finally:
        gc.callbacks.remove(count)
    assert len(collections) <= 1  # at most the one that frees the page, at the end
    assert gc.isenabled()


def test_a_collector_the_caller_turned_off_stays_off() -> None:
    gc.disable()
    try:
        check_page("reference/t.md", b"# T\n\nIt takes 286ns.\n", Settings())
        assert not gc.isenabled()
    finally:
        gc.enable()
