"""The mark on a status page written by ``mkdocs-diataxis status``: a page the plugin
generated is never checked, even when it is written into ``docs_dir``."""

from __future__ import annotations

GENERATED_MARK = "<!-- written by mkdocs-diataxis status: not checked -->"
"""The first line of a status page the command line writes."""

_MARK = GENERATED_MARK.encode("utf-8")
_BOM = b"\xef\xbb\xbf"


def is_generated(head: bytes) -> bool:
    """Whether a page's first bytes (``len(GENERATED_MARK) + 3`` are enough) carry the
    mark."""
    return head.removeprefix(_BOM).startswith(_MARK)


def marked_head_size() -> int:
    """How many bytes of a page `is_generated` needs."""
    return len(_BOM) + len(_MARK)
