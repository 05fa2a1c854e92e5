"""Text made safe for the status page: escaped for Markdown and HTML alike, inline
code, and the anchors of its Rules section."""

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
