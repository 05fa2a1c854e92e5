"""Nothing injected: a site whose titles, headings, terms and plan are made of script
payloads is built, and its status page opened in headless Chromium. Every page served
gets a recorder first in <head>: dialogs and uncaught errors are written into the DOM,
so `--dump-dom` shows whether any script ran. A control page runs a payload on purpose,
proving the recorder sees one."""

from __future__ import annotations

import io
import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.test_browser import Quiet, build_site, chromium, served

PAYLOADS = [
    "<img src=x onerror=alert('title')>",
    '"><script>alert("heading")</script>',
    "<svg onload=alert('svg')>",
]
WORDS = " ".join(["word"] * 60)
PAGES = {
    "index.md": "# Home\n",
    "reference/title.md": (
        f"---\ntitle: {json.dumps(PAYLOADS[0])}\n---\n# T\n\nIt is blazing fast. {WORDS}\n"
    ),
    "reference/heading.md": f"# {PAYLOADS[1].replace('<', '&lt;')}\n\nThe XSSQ runs. {WORDS}\n",
    "guides/terms.md": f"# Terms\n\nOur widgetry is here. {WORDS}\n",
    "guides/control.md": "# Control\n\n<img src=x onerror=\"alert('control')\">\n",
}
TERMS = f"""\
- pattern: widgetry
  reason: {json.dumps(PAYLOADS[2])}
  replacements: [{json.dumps(PAYLOADS[0])}]
"""
PLAN = f"""\
milestones:
  - name: {json.dumps(PAYLOADS[1])}
    deliverables:
      - {{page: reference/title.md, category: reference}}
      - {{page: {json.dumps("guides/" + PAYLOADS[2] + ".md")}}}
"""
RECORDER = (
    b"<script>(function(){var d=document.documentElement;"
    b"function note(k,v){d.setAttribute(k,(d.getAttribute(k)||'')+v+';');}"
    b"['alert','confirm','prompt'].forEach(function(n){window[n]=function(m){"
    b"note('data-dialogs',n+':'+m);};});"
    b"window.addEventListener('error',function(e){if(e.message){note('data-errors',"
    b"e.message);}});})();</script>"
)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    for path, content in PAGES.items():
        (root / "docs" / path).parent.mkdir(parents=True, exist_ok=True)
        (root / "docs" / path).write_text(content, encoding="utf-8")
    (root / "terms.yml").write_text(TERMS, encoding="utf-8")
    (root / "plan.yml").write_text(PLAN, encoding="utf-8")
    # Pages with hostile titles stay out of the nav: themes render nav titles as HTML
    # (MkDocs' behaviour, documented on the guarantees page), which is not under test.
    (root / "mkdocs.yml").write_text(
        "site_name: Hostile\ntheme: material\nmarkdown_extensions: [admonition, tables]\n"
        "plugins:\n  - diataxis:\n      terms: {file: terms.yml}\n"
        "      status_page: {plan: plan.yml}\n"
        "nav:\n  - index.md\n  - guides/terms.md\n  - guides/control.md\n"
        "  - diataxis-status.md\n",
        encoding="utf-8",
    )
    return build_site(root)


class Recording(Quiet):
    """Serves the site with the recorder first in every page's <head>."""

    def send_head(self):  # type: ignore[no-untyped-def]
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        if not path.endswith(".html") or not os.path.isfile(path):
            return super().send_head()
        body = Path(path).read_bytes().replace(b"<head>", b"<head>" + RECORDER, 1)
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


@pytest.fixture(scope="module")
def server(site: Path) -> Iterator[str]:
    with served(site, Recording) as url:
        yield url


def opened(server: str, page: str, tmp_path: Path) -> str:
    return chromium(tmp_path, "--virtual-time-budget=3000", "--dump-dom", server + page)


def recorded(dom: str) -> str:
    """The <html> start tag, where the recorder notes dialogs and errors."""
    start = dom.index("<html")
    return dom[start : dom.index(">", start) + 1]


def test_the_recorder_sees_a_script_that_runs(server: str, tmp_path: Path) -> None:
    dom = opened(server, "guides/control/", tmp_path)
    assert 'data-dialogs="alert:control;"' in recorded(dom)


def test_no_script_runs_on_the_status_page_of_a_hostile_site(
    server: str, site: Path, tmp_path: Path
) -> None:
    dom = opened(server, "diataxis-status/", tmp_path)
    assert "data-dialogs" not in recorded(dom)
    assert "data-errors" not in recorded(dom)
    status = (site / "diataxis-status" / "index.html").read_text("utf-8")
    article = status[status.index("<article") : status.index("</article>")]
    for payload in ("<img src=x", "<script>alert", "<svg onload"):
        assert payload not in article
    # The payloads are there, as text: a title, a plan name, a term's reason.
    assert "&lt;img src=x onerror=alert(&#x27;title&#x27;)&gt;" in article
    assert "&lt;svg onload=alert(" in article
