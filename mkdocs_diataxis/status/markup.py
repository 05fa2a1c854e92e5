"""Text made safe for the status page (escaped for Markdown and HTML alike, inline
code), its anchors, the source link base, and the HTML blocks put back into the
converted page."""

from __future__ import annotations

import html
import re

# Characters that would start Markdown syntax inside a line or a table cell (< and >
# are left to html.escape). Brackets, parentheses and $ become character references,
# not backslash escapes: pymdownx.arithmatex (on by default in Zensical) reads "\(",
# "\[" and "$" as the start of maths.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}#+!|~-])")
_MATH_DELIMITERS = re.compile(r"[\[\]()$]")


def text(value: object) -> str:
    """Page-, config- or plan-derived text, safe in Markdown and HTML."""
    markdown_safe = _MARKDOWN_SPECIAL.sub(r"\\\1", str(value).replace("\n", " "))
    escaped = html.escape(markdown_safe, quote=True)
    return _MATH_DELIMITERS.sub(lambda found: f"&#{ord(found.group(0))};", escaped)


def rule_anchor(rule_id: str) -> str:
    """The id of a rule's entry on the status page: ``rule-placement-uncategorized``."""
    return "rule-" + rule_id.replace("/", "-")


def code(value: object) -> str:
    """Inline code holding any text (backticks inside are fenced by longer runs)."""
    raw = str(value).replace("\n", " ")
    fence = "`" * (max((len(run) for run in re.findall(r"`+", raw)), default=0) + 1)
    pad = " " if raw.startswith("`") or raw.endswith("`") else ""
    return f"{fence}{pad}{raw}{pad}{fence}".replace("|", "\\|")


_CODE_SPAN = re.compile(r"`([^`]+)`")


def prose_html(value: str) -> str:
    """A rule's explanation (plain text with `code` spans, paragraphs split by a blank
    line) as HTML paragraphs: the code shown as code, not between backticks."""
    paragraphs = (part for part in re.split(r"\n\s*\n", value) if part.strip())
    return "".join(f"<p>{inline_html(part)}</p>" for part in paragraphs)


def inline_html(value: str) -> str:
    """Plain text with `code` spans as HTML, on one line."""
    return _CODE_SPAN.sub(r"<code>\1</code>", html.escape(" ".join(value.split())))


_BLOCK = re.compile(r"(<!-- diataxis-status block \d+ -->)")
"""The comment that holds a block's place (see ``render._Renderer.block``)."""


def fill_blocks(html: str, blocks: dict[str, str]) -> tuple[str, list[str]]:
    """``html`` with every block in its place, and the comments that were not found (a
    Markdown extension or plugin removed them)."""
    if not blocks:
        return html, []
    pieces = _BLOCK.split(html)
    found = set(pieces[1::2])  # the comments the split kept
    return "".join(blocks.get(piece, piece) for piece in pieces), [
        comment for comment in blocks if comment not in found
    ]


def anchor_for_findings(path: str, taken: set[str]) -> str:
    """A heading id for a page's findings, from its path, unique on the status page."""
    slug = "findings-" + (re.sub(r"[^a-z0-9]+", "-", path.lower()).strip("-") or "page")
    anchor, number = slug, 1
    while anchor in taken:
        number += 1
        anchor = f"{slug}-{number}"
    taken.add(anchor)
    return anchor


def source_url(repo_url: str | None, edit_uri: str | None) -> str | None:
    """Base URL of source files in the repository, from MkDocs' repo_url and edit_uri."""
    if not repo_url or not edit_uri:
        return None
    path = edit_uri.strip("/")
    # GitHub/GitLab "edit/<branch>/docs" -> "blob/<branch>/docs" shows lines, edits none.
    path = re.sub(r"^(-/)?edit/", r"\1blob/", path)
    return f"{repo_url.rstrip('/')}/{path}/"
