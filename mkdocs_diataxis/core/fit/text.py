"""What the fit signals are made of: a signal found on a page and its places, a
block's prose, and the verbs that open a step."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from mkdocs_diataxis.core.document import Block, Code, Span

EVIDENCE_PLACES = 3
"""How many places of each signal a page keeps to show."""


@dataclass(frozen=True, slots=True)
class Signal:
    """One kind of thing a reader notices, and what it suggests."""

    name: str
    suggests: str
    """The category it is chosen to point at (its weights may say otherwise)."""
    description: str


@dataclass(slots=True)
class Found:
    """How often one signal stands on a page, and its first places (line, text)."""

    count: int = 0
    places: list[tuple[int, str]] = field(default_factory=list)

    def add(self, line: int, text: str, count: int = 1) -> None:
        self.count += count
        if len(self.places) < EVIDENCE_PLACES:
            self.places.append((line, text))


# A sentence or list item that opens with a verb in the imperative: "Install the
# package", "Run `uv sync`". The common verbs of docs' steps; not "Installing".
IMPERATIVE = re.compile(
    r"(?:add|allow|apply|build|call|change|check|choose|click|clone|configure|connect|copy|"
    r"create|define|delete|deploy|disable|download|edit|enable|enter|ensure|export|fetch|"
    r"find|follow|generate|go|import|install|launch|list|load|log|make|migrate|mount|move|"
    r"navigate|open|paste|pass|pick|pull|push|put|remove|rename|replace|restart|run|save|"
    r"select|set|start|stop|switch|test|type|update|upgrade|upload|use|verify|visit|wait|"
    r"write)\b(?!-)",
    re.IGNORECASE,
)


def prose(block: Block) -> tuple[str, int]:
    spans = [item for item in block.items if isinstance(item, Span)]
    return " ".join(span.text for span in spans), (spans[0].line if spans else block.line)


def with_code(block: Block) -> tuple[str, list[tuple[int, int]]]:
    """A paragraph's text with its names from code in backticks, where a direction is
    looked for ("to install `uv`, run" reads whole only with its code), and where each
    of its source lines starts in it: (offset, line)."""
    parts: list[str] = []
    starts: list[tuple[int, int]] = []
    size = 0
    for item in block.items:
        if not isinstance(item, Span | Code):
            continue
        if not starts or item.line > starts[-1][1]:
            if parts:  # the line break between them
                parts.append(" ")
                size += 1
            starts.append((size, item.line))
        part = item.text if isinstance(item, Span) else f"`{item.text}`"
        parts.append(part)
        size += len(part)
    return "".join(parts), starts


def shorten(text: str, most: int = 70) -> str:
    return text if len(text) <= most else text[: most - 3].rstrip() + "..."
