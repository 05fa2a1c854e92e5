"""Building a page's `Document`: decode, normalise line ends, split the front matter,
index the lines, walk the tokens. Never raises on bad input: what is wrong with the
file itself becomes a `Problem`."""

from __future__ import annotations

import re
from array import array

from mkdocs_diataxis.core.document.frontmatter import FrontMatter, split_front_matter
from mkdocs_diataxis.core.document.model import Document, Lines
from mkdocs_diataxis.core.document.walk import TokenWalk
from mkdocs_diataxis.core.finding import Problem

_NEWLINE = re.compile("\n")


def parse_document(path: str, source: bytes | str, *, templates: bool = False) -> Document:
    """Build the model of one page; never raises on bad input (see ``problems``).
    ``templates``: a templating plugin renders the page (see `Document.templates`)."""
    doc = read_document(path, source, templates=templates)
    if doc.text:
        TokenWalk(doc).build()
    return doc


def read_document(path: str, source: bytes | str, *, templates: bool = False) -> Document:
    """The page read, ready to be modelled: decoded, its front matter split and its
    lines indexed (`TokenWalk` models it, whole or a section at a time)."""
    if isinstance(source, bytes):
        text, problem = _decode(source)
        if problem is not None:
            doc = Document(path=path, text="", front_matter=FrontMatter())
            doc.problems.append(problem)
            return doc
    else:
        text = source[1:] if source.startswith("\ufeff") else source
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    front_matter = split_front_matter(text)
    line_starts = array("q", [0])  # 8 bytes an offset, not a 28-byte int and a pointer
    line_starts.extend(match.end() for match in _NEWLINE.finditer(text))
    doc = Document(
        path=path,
        text=text,
        front_matter=front_matter,
        templates=templates,
        lines=Lines(text, line_starts),
        line_starts=line_starts,
    )
    doc.problems.extend(front_matter.problems)
    return doc


def unreadable_document(
    path: str,
    message: str,
    suggestion: str = "check that the file exists and that its permissions allow reading",
    rule: str = "page/unreadable",
) -> Document:
    """The model of a page whose file could not be read (or whose check was stopped):
    no text, one problem."""
    doc = Document(path=path, text="", front_matter=FrontMatter())
    doc.problems.append(Problem(rule, 1, 1, "", message, suggestion))
    return doc


def _decode(data: bytes) -> tuple[str, Problem | None]:
    data = data.removeprefix(b"\xef\xbb\xbf")  # positions count after the byte order mark
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as error:
        # Lines end at LF, CRLF or a lone CR, as everywhere else in the model.
        before = data[: error.start].replace(b"\r\n", b"\n").replace(b"\r", b"\n")
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        byte = data[error.start : error.start + 1].hex()
        return "", Problem(
            rule="page/unreadable",
            line=line,
            column=column,
            text="",
            message=f"the page is not valid UTF-8 (byte 0x{byte} at line {line}); it cannot be"
            " checked or built",
            suggestion="re-save the file as UTF-8",
        )
