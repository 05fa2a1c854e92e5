"""Finding things in a page's source text: line offsets, positions, and the ends of
bracketed link syntax. What `TokenWalk` stands on to align tokens with the source."""

from __future__ import annotations

import bisect
from collections.abc import Sequence


class SourceText:
    """A page's text and the offset where each of its lines starts."""

    def __init__(self, text: str, line_starts: Sequence[int]) -> None:
        self.text = text
        self.line_starts = line_starts

    def offset_of_line(self, line_index: int) -> int:
        """Offset of the start of 0-based ``line_index`` (end of text past the last line)."""
        if line_index >= len(self.line_starts):
            return len(self.text)
        return self.line_starts[line_index]

    def line_end(self, offset: int, limit: int) -> int:
        """The offset of the newline that ends ``offset``'s line, or ``limit`` if that
        comes first. From the line index, not a scan: on a 1 MB line, scanning to its
        end from every piece of text on it was quadratic."""
        index = bisect.bisect_right(self.line_starts, offset)
        end = self.line_starts[index] - 1 if index < len(self.line_starts) else len(self.text)
        return min(end, limit)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a text offset."""
        index = bisect.bisect_right(self.line_starts, offset) - 1
        return index + 1, offset - self.line_starts[index] + 1

    # --- the walk --------------------------------------------------------------

    # --- link syntax -----------------------------------------------------------

    def skip_brackets(self, opening: int, limit: int) -> int:
        """From a ``[`` at ``opening``, the offset just past its matching ``]``."""
        return self.skip_balanced(opening, limit, "[", "]")

    def skip_balanced(self, index: int, limit: int, opening: str, closing: str) -> int:
        """From ``opening`` at ``index``, the offset just past its matching ``closing``
        (``limit`` when none matches); a backslash escapes the next character."""
        depth = 0
        text = self.text
        while index < limit:
            char = text[index]
            if char == "\\":
                index += 2
                continue
            if char == opening:
                depth += 1
            elif char == closing:
                depth -= 1
                if depth == 0:
                    return index + 1
            index += 1
        return limit

    def skip_link_tail(self, cursor: int, limit: int) -> int:
        """Past the ``]`` ending link text and the ``(target)`` or ``[label]`` after it."""
        text = self.text
        closing = text.find("]", cursor, limit)
        if closing < 0:
            return cursor
        return self.skip_target(closing + 1, limit)

    def skip_target(self, index: int, limit: int) -> int:
        """Past the ``(target "title")`` or ``[label]`` starting at ``index``, if any."""
        text = self.text
        if index < limit and text[index] == "(":
            return self.skip_balanced(index, limit, "(", ")")
        if index < limit and text[index] == "[":
            label_end = text.find("]", index, limit)
            return label_end + 1 if label_end >= 0 else index
        return index
