"""The built status page in a real browser (headless Chromium) and as parsed HTML."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest

ARTEFACTS = Path(__file__).parent / "artefacts"
WORDS = " ".join(["word"] * 80)
PAGES = {
    "index.md": "# Home\n",
    "guides/install.md": f"---\ntitle: <img src=x onerror=alert(1)>\n---\n# Install\n\n{WORDS}\n",
    "guides/upgrade.md": "# Upgrade\n",
    "reference/api.md": f"# API\n\nIt is blazing fast. {WORDS}\n",
    "components/rt/explanation/model.md": f"# Model\n\n{WORDS}\n",
    "components/rt/reference/calls.md": f"# Calls\n\n{WORDS}\n",
}
PLAN = """\
milestones:
  - name: <script>alert(1)</script>
    due: 2026-12-01
    deliverables:
      - {page: guides/install.md, category: how-to}
      - {page: reference/api.md, category: reference}
      - {page: components/rt/reference/calls.md, min_lines: 100}
      - {page: tutorials/start.md, category: tutorial}
"""


class _Cells(HTMLParser):
    """Text of every table cell, row by row, and every element's tag and attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[str]] = []
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None:
            self.rows[-1].append(" ".join("".join(self._cell).split()))
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


@pytest.fixture(scope="module")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("site")
    for path, content in PAGES.items():
        target = root / "docs" / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, encoding="utf-8")
    (root / "plan.yml").write_text(PLAN, encoding="utf-8")
    # The hostile page stays out of the nav: themes render page titles in the navigation
    # as HTML on every page (MkDocs' behaviour, not the plugin's), so its alert would run
    # everywhere. The status page itself must show the title as text.
    nav = "".join(f"  - {path}\n" for path in PAGES if path != "guides/install.md")
    (root / "mkdocs.yml").write_text(
        "site_name: Test\ntheme: material\nmarkdown_extensions: [admonition, tables]\n"
        "plugins:\n  - diataxis:\n      status_page: {plan: plan.yml}\n"
        # The hostile title is what page/html-title warns of; at info, the plan's
        # states below stay those of the other findings.
        "      severity: {page/html-title: info}\n"
        f"nav:\n{nav}  - diataxis-status.md\n",
        encoding="utf-8",
    )
    return build_site(root)


def build_site(root: Path) -> Path:
    """`mkdocs build` (not strict: these sites have findings on purpose); the site folder."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return root / "site"


def article(html: str) -> str:
    """The page content only: themes render page titles in the navigation as HTML
    (that is MkDocs' and the theme's behaviour, not the status page's)."""
    start = html.index("<article")
    return html[start : html.index("</article>", start)]


def parsed(site: Path, page: str) -> _Cells:
    parser = _Cells()
    parser.feed(article((site / page).read_text(encoding="utf-8")))
    return parser


def test_status_html_counts_states_and_percentages(built_site: Path) -> None:
    page = parsed(built_site, "diataxis-status/index.html")
    rows = {row[0]: row[1:] for row in page.rows if row}
    assert rows["Pages"] == ["6"]
    assert rows["With a Diátaxis category"] == ["5 (0 by front matter, 5 by folder)"]
    assert rows["(top level)"] == [
        "— gap",
        "1 (+1 stub): install.md, upgrade.md",
        "1: api.md",
        "— gap",
    ]
    assert rows["components/rt"] == ["— gap", "— gap", "1: calls.md", "1: model.md"]
    states = [row[2] for row in page.rows if len(row) == 4 and row[2][:1] in "✗○◐△✓"]
    assert states == ["✓ complete", "△ needs work", "◐ draft", "✗ missing"]
    text = (built_site / "diataxis-status/index.html").read_text(encoding="utf-8")
    assert "Overall: 1 of 4 complete (25%)" in text
    assert "Deliverables: 1 of 4 complete (25%)" in text
    bars = [attrs for tag, attrs in page.elements if attrs.get("class") == "diataxis-progress"]
    assert [bar["aria-valuenow"] for bar in bars] == ["25", "25"]


def test_hostile_text_is_text(built_site: Path) -> None:
    page = parsed(built_site, "diataxis-status/index.html")
    assert not [a for tag, a in page.elements if tag == "img" and a.get("src") == "x"]
    assert not [tag for tag, _ in page.elements if tag == "script"]
    text = article((built_site / "diataxis-status/index.html").read_text(encoding="utf-8"))
    # Parentheses may come as character references (maths delimiters are never escaped
    # with a backslash); the angle brackets must stay escaped.
    text = text.replace("&#40;", "(").replace("&#41;", ")")
    assert "&lt;img src=x onerror=alert(1)&gt;" in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "<script>alert(1)</script>" not in text


def test_two_builds_are_byte_identical(built_site: Path, tmp_path: Path) -> None:
    root = built_site.parent
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-d", str(tmp_path / "again")],
        cwd=root,
        env=env,
        capture_output=True,
        timeout=120,
        check=True,
    )
    for name in ("diataxis-status/index.html", "diataxis-report.json"):
        assert (tmp_path / "again" / name).read_bytes() == (built_site / name).read_bytes()


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@contextlib.contextmanager
def served(folder: Path, handler: type[Quiet] = Quiet) -> Iterator[str]:
    """``folder`` over HTTP on a free loopback port; yields the base URL."""
    httpd = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(handler, directory=str(folder))
    )
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture(scope="module")
def server(built_site: Path) -> Iterator[str]:
    with served(built_site) as url:
        yield url


def chromium(tmp_path: Path, *args: str) -> str:
    assert CHROMIUM, "Chromium is needed for the browser tests: apt-get install chromium"
    command = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        f"--user-data-dir={tmp_path / 'profile'}",
        *args,
    ]
    # A blocking alert() dialog would keep the page from finishing: a script that ran
    # shows up here as a time-out.
    result = subprocess.run(command, capture_output=True, text=True, timeout=45, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def test_status_page_in_a_browser(server: str, tmp_path: Path) -> None:
    dom = chromium(
        tmp_path, "--virtual-time-budget=3000", "--dump-dom", server + "diataxis-status/"
    )
    page = _Cells()
    page.feed(dom)
    # The page rendered its tables and bars after scripts ran, and no hostile element exists.
    assert len([row for row in page.rows if row]) > 10
    assert [a for tag, a in page.elements if a.get("class") == "diataxis-progress"]
    assert not [a for tag, a in page.elements if tag == "img" and a.get("src") == "x"]
    assert "<img src=x onerror=alert(1)>" in dom.replace("&lt;", "<").replace("&gt;", ">")
    # Follow one page link from the status page.
    links = [
        a["href"] for tag, a in page.elements if tag == "a" and a.get("href") == "../reference/api/"
    ]
    assert links
    target = chromium(tmp_path, "--dump-dom", server + "diataxis-status/" + links[0])
    assert "<h1" in target
    assert "API" in target
    ARTEFACTS.mkdir(exist_ok=True)
    shot = ARTEFACTS / "status-page.png"
    chromium(
        tmp_path, "--window-size=1280,1800", f"--screenshot={shot}", server + "diataxis-status/"
    )
    assert shot.stat().st_size > 10_000


MEASURE = """<script>
window.addEventListener("load", () => setTimeout(() => {
  const tables = [...document.querySelectorAll(".md-content table, .rst-content table,"
    + " [role=main] table, main table")];
  const hidden = tables.filter(t => t.scrollWidth > t.clientWidth + 1).length;
  const page = document.documentElement.scrollWidth > window.innerWidth ? 1 : 0;
  document.body.setAttribute("data-measure", `${tables.length} ${hidden} ${page}`);
}, 300));
</script>
"""
LONG = {
    f"reference/a-rather-long-file-name-for-the-layout-{i}.md": (
        f"# A rather long page title, number {i}, to fill the Pages table\n\n"
        "It is blazing fast and takes 286ns with WASMX; research has shown it.\n"
    )
    for i in range(6)
}


@pytest.mark.parametrize(
    "theme",
    ["material", "material, palette: {scheme: slate}", "mkdocs", "readthedocs"],
)
def test_status_tables_fit_at_1280_pixels(tmp_path: Path, theme: str) -> None:
    # Nine columns in Pages, a five-column coverage table: no table may hide columns
    # (ReadTheDocs kept every cell on one line) and the page may not scroll sideways.
    root = tmp_path / "site"
    pages = {"index.md": "# Home\n", "loose.md": "# Loose\n", **LONG}
    pages["guides/odd.md"] = "---\ndiataxis: tutorial\n---\n# Odd\n\nWords.\n"
    pages["reference/bad.md"] = "---\n: [\n---\n# Bad\n\n<!-- diataxis-ignore: nope -->\n"
    for path, content in pages.items():
        (root / "docs" / path).parent.mkdir(parents=True, exist_ok=True)
        (root / "docs" / path).write_text(content, encoding="utf-8")
    (root / "mkdocs.yml").write_text(
        f"site_name: Test\ntheme: {{name: {theme}}}\nplugins:\n  - diataxis\n", encoding="utf-8"
    )
    site = build_site(root)
    page = site / "diataxis-status" / "index.html"
    page.write_text(page.read_text("utf-8").replace("</body>", MEASURE + "</body>"), "utf-8")
    with served(site) as url:
        dom = chromium(
            tmp_path,
            "--window-size=1280,900",
            "--virtual-time-budget=3000",
            "--dump-dom",
            url + "diataxis-status/",
        )
    tables, hidden, page_scrolls = dom.split('data-measure="', 1)[1].split('"', 1)[0].split()
    assert int(tables) >= 4
    assert (hidden, page_scrolls) == ("0", "0")
