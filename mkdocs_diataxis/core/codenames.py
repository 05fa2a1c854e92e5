"""The names a page's code uses: capitals as code writes them ("MATCH", "TAG"), and
the tools and packages it runs or imports ("uv", "httpx"). An acronym the page's code
names is a keyword, a command or a value, never one to define."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from mkdocs_diataxis.core.document import Code

# A name in capitals as code writes it, whole: "MATCH", "TAG"; not the "AWS" of AWS_REGION.
_CODE_NAME = re.compile(r"(?<![\w.\-])[A-Z][A-Z0-9]{1,6}(?![\w\-])")
# A code block whose language is prose or a picture: "text", "mermaid", none at all.
_PROSE_INFO = re.compile(r"\s*\{?\.?(?:text|txt|plain|plaintext|mermaid|markdown|md|none)\b", re.I)
# A comment to the end of its line: #, // or -- and what follows.
_COMMENT = re.compile(r"(?:#|//|--)[^\n]*")
# The command a line of shell runs, after any prompt: "uv" of "$ uv pip sync"; not the
# "rdma" of "rdma = true" (a setting).
_COMMAND = re.compile(r"\s*(?:[$%>]\s+)?([a-z][a-z0-9]*)(?:\s+(?![=\s])|\Z)")
# A code block in a shell language.
_SHELL_INFO = re.compile(
    r"\s*\{?\.?(?:bash|sh|shell|console|zsh|fish|powershell|ps1|bat|cmd)\b", re.I
)
# The package an import names: "httpx" of "import httpx", "arq" of "from arq.x import y".
_IMPORT = re.compile(r"\s*(?:import|from)\s+([a-z][a-z0-9]*)\b")


def names_in_code(codes: Iterable[Code]) -> frozenset[str]:
    """The capitals ``codes`` use: inline code and code blocks in a language, comments
    left out (a diagram or a comment is prose)."""
    return frozenset(
        token
        for code in codes
        if _in_a_language(code)
        for token in _CODE_NAME.findall(_COMMENT.sub("", code.text))
    )


def programs_in(codes: Iterable[Code]) -> frozenset[str]:
    """The tools and packages ``codes`` run or import: "uv" of ``uv pip sync``, "httpx"
    of ``import httpx``."""
    return frozenset(name for code in codes for name in _programs(code))


def _in_a_language(code: Code) -> bool:
    """Inline code, or a code block whose info names a language that is not prose."""
    return code.kind == "inline" or (bool(code.info.strip()) and not _PROSE_INFO.match(code.info))


def _programs(code: Code) -> Iterator[str]:
    """Names a block of code runs or imports: the command of each line of a shell block
    ("uv" of ``$ uv pip sync``) and the package of an import in any block ("httpx" of
    ``import httpx``). Inline code is left out: ``sf slot already in use`` is a message,
    not a command."""
    if code.kind == "inline":
        return
    shell = _SHELL_INFO.match(code.info) is not None
    for line in code.text.splitlines():
        found = _IMPORT.match(line) or (_COMMAND.match(line) if shell else None)
        if found:
            yield found.group(1)
