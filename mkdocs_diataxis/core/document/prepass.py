"""The Material/pymdownx pre-pass: the text markdown-it parses, with the syntax it does
not know neutralised line by line.

Admonition and tab bodies (`!!! note`, `??? tip`, `=== "Tab"`) are indented Markdown,
not indented code; pymdownx block fences, snippet includes, abbreviation definitions
and footnote labels are not prose. The pre-pass records them in the `Document` and
blanks them, never adding or removing a line, so markdown-it's line numbers stay the
source's.
"""

from __future__ import annotations

import re

from mkdocs_diataxis.core.document.model import Abbreviation, Directive, Document

# Material / pymdownx block openers whose indented body is Markdown, not code.
# Matches `!!! note`, `??? tip "Title"`, `???+ warning`, `=== "Tab"`, `===! "Tab"`;
# not `!!!` alone or `====` (a setext underline).
_BLOCK_OPENER = re.compile(
    r"[ \t]*(?:(?P<admonition>!!!|\?\?\?\+?)[ \t]+(?P<kind>[\w-]+)(?P<title>[^\n]*)"
    r"|(?P<tab>===[!+]?)[ \t]+(?P<label>[^\n]*))\Z"
)
# pymdownx.blocks fences (`/// note | Title`, closing `///`) and snippet includes
# (`--8<-- "file.md"`): directives, not prose. Not `//` comments or `--8<` in text.
_DIRECTIVE_LINE = re.compile(r"[ \t]*(?:/{3,}|-+8<-+)(?:[ \t]|\Z)")
# mkdocstrings' "::: package.module": the documentation of that object, generated from
# its code when the site is built. Not a Docusaurus fence (":::tip", "::: note Title").
_AUTODOC = re.compile(
    r"[ \t]*:::[ \t]+(?!(?:note|tip|info|warning|danger|caution|important|details|raw"
    r"|code-group|v-pre|secondary)\b)"
    r"(?P<name>[A-Za-z_][\w.:/-]*)[ \t]*\Z"
)
# Docusaurus (MDX) admonition fences: ":::tip Title", ":::". Not prose.
_MDX_FENCE = re.compile(r"[ \t]*:::(?:[\w-]+)?(?:[ \t]|\Z)")
# An MDX comment, "{/* ... */}", which Docusaurus never renders: from its opening line to
# its closing one.
_MDX_COMMENT_OPEN = re.compile(r"[ \t]*\{/\*")
# Jinja, as mkdocs-macros renders it: a comment {# #}, a statement {% %} and an
# expression {{ }}, each on one line or over several.
_TEMPLATE = re.compile(r"\{#.*?#\}|\{%.*?%\}|\{\{.*?\}\}", re.S)
# A fenced code opener: ``` or ~~~ (three or more), any indentation.
_FENCE = re.compile(r"[ \t]*(`{3,}|~{3,})")
# Abbreviation definitions (`*[HTML]: Hyper Text Markup Language`), consumed by the
# `abbr` extension and never rendered as text.
_ABBREVIATION = re.compile(r"\*\[(?P<term>[^\]\n]+)\]:[ \t]*(?P<definition>[^\n]*)\Z")
# Footnote definitions (`[^1]: Source text`): CommonMark alone would swallow these
# as link reference definitions; the label is blanked so the text stays prose.
_FOOTNOTE_DEFINITION = re.compile(r"(?P<indent>[ \t]{0,3})\[\^(?P<label>[^\]\n]+)\]:")

# The first character after the indentation of every line that one of the patterns
# above can match (each allows only spaces and tabs before it): a fence (` ~), a block
# opener (! ? =), an MDX comment ({), a ::: line, a directive (/ -), an abbreviation
# (*) or a footnote label ([). Most lines start otherwise and need none of them.
_SYNTAX_STARTS = frozenset("`~!?={:/-*[")


def prepare(doc: Document) -> str:
    """The text markdown-it parses: same lines, with non-Markdown syntax neutralised.

    Front matter lines become blank; Material/pymdownx block bodies lose one
    level of indentation per enclosing block (so they parse as Markdown, not
    indented code); directive, abbreviation and footnote-label syntax, Docusaurus
    ``:::`` fences and MDX ``{/* */}`` comments are blanked.
    Lines are never added or removed, so token line numbers are source lines.
    """
    lines = list(doc.lines)
    for index in range(doc.front_matter.end_line):
        lines[index] = ""
    if doc.templates:
        start = doc.front_matter.end_line
        rendered = _TEMPLATE.sub(_blank, "\n".join(lines[start:])).split("\n")
        for index, (blanked, line) in enumerate(zip(rendered, lines[start:], strict=True)):
            # A line that opened with template syntax must not open with the spaces
            # left for it: four of them would make the rest indented code. The text
            # keeps its source position: spans are found in the source by content.
            indent = len(line) - len(line.lstrip(" \t"))
            lines[start + index] = blanked[:indent] + blanked[indent:].lstrip(" ")
    indents: list[int] = []  # body indentation of each open block
    fence: tuple[str, int, int] | None = None  # (char, length, depth) of an open fence
    in_comment = False  # inside an MDX comment that spans lines
    for index in range(doc.front_matter.end_line, len(lines)):
        line = lines[index]
        if in_comment:
            in_comment = "*/}" not in line
            lines[index] = ""
            continue
        if not line.strip():
            lines[index] = ""
            continue
        width = _indent_width(line)
        while indents and width < indents[-1]:
            indents.pop()
        if fence is not None and len(indents) < fence[2]:
            fence = None
        body = _dedent(line, 4 * len(indents)) if indents else line
        lines[index] = body
        stripped = body.lstrip(" \t")
        if fence is not None:
            if stripped.startswith(fence[0] * fence[1]) and not stripped.strip(fence[0]):
                fence = None
            continue
        if stripped[:1] not in _SYNTAX_STARTS:
            continue  # prose: none of the patterns below can match
        if (opening := _FENCE.match(body)) is not None:
            run = opening.group(1)
            fence = (run[0], len(run), len(indents))
            continue
        if (opener := _BLOCK_OPENER.match(line)) is not None:
            if opener.group("tab"):
                doc.directives.append(
                    Directive(
                        "tab", opener.group("tab"), _unquote(opener.group("label")), index + 1
                    )
                )
            else:
                doc.directives.append(
                    Directive(
                        "admonition",
                        opener.group("kind"),
                        _unquote(opener.group("title")),
                        index + 1,
                    )
                )
            lines[index] = ""
            indents.append(width + 4)
            continue
        if _MDX_COMMENT_OPEN.match(body) is not None:
            in_comment = "*/}" not in body
            lines[index] = ""
            continue
        if (autodoc := _AUTODOC.match(stripped)) is not None:
            doc.directives.append(Directive("autodoc", autodoc.group("name"), "", index + 1))
            lines[index] = ""
            continue
        if _DIRECTIVE_LINE.match(stripped) or _MDX_FENCE.match(stripped):
            doc.directives.append(Directive("directive", stripped.split()[0], "", index + 1))
            lines[index] = ""
            continue
        if (abbreviation := _ABBREVIATION.match(stripped)) is not None:
            doc.abbreviations.append(
                Abbreviation(
                    abbreviation.group("term").strip(),
                    abbreviation.group("definition").strip(),
                    index + 1,
                )
            )
            lines[index] = ""
            continue
        if (footnote := _FOOTNOTE_DEFINITION.match(body)) is not None:
            doc.footnotes.setdefault(footnote.group("label"), index + 1)
            # Only the label goes; the text is found in the source line by content.
            lines[index] = footnote.group("indent") + body[footnote.end() :].lstrip()
    return "\n".join(lines)


def _blank(match: re.Match[str]) -> str:
    """The match as spaces, its line breaks kept: lines and columns do not move."""
    return re.sub(r"[^\n]", " ", match.group(0))


def _indent_width(line: str) -> int:
    width = 0
    for char in line:
        if char == " ":
            width += 1
        elif char == "\t":
            width += 4 - width % 4
        else:
            break
    return width


def _dedent(line: str, columns: int) -> str:
    """``line`` with up to ``columns`` columns of leading whitespace removed (tabs expand)."""
    width = 0
    index = 0
    while index < len(line) and width < columns:
        char = line[index]
        if char == " ":
            width += 1
        elif char == "\t":
            width += 4 - width % 4
        else:
            break
        index += 1
    return " " * max(0, width - columns) + line[index:]


def _unquote(title: str) -> str:
    title = title.strip()
    if len(title) >= 2 and title[0] == title[-1] and title[0] in "\"'":
        return title[1:-1]
    return title
