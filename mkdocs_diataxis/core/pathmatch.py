"""Gitignore-style path patterns, matched the way MkDocs matches ``exclude_docs``."""

from __future__ import annotations

from collections.abc import Iterable

import pathspec


class PatternError(ValueError):
    """A pattern that gitignore syntax does not allow."""


class PathPatterns:
    """A list of gitignore-style patterns matched against paths relative to ``docs_dir``.

    As in ``.gitignore`` (and MkDocs' ``exclude_docs``), a pattern without a slash
    matches at any depth (``index.md`` matches ``a/b/index.md``), ``**`` crosses
    folders, and a leading ``!`` re-includes.
    """

    __slots__ = ("_spec", "patterns")

    def __init__(self, patterns: Iterable[str] = ()) -> None:
        self.patterns = tuple(patterns)
        try:
            self._spec = pathspec.GitIgnoreSpec.from_lines(self.patterns)
        except ValueError as error:  # pathspec's pattern errors are ValueErrors
            raise PatternError(str(error)) from None

    def match(self, path: str) -> bool:
        """Whether ``path`` (relative, ``/``-separated) is matched."""
        return bool(self.patterns) and self._spec.match_file(path)

    def __reduce__(self) -> tuple[type[PathPatterns], tuple[tuple[str, ...]]]:
        # The patterns are all there is to send to a worker; it compiles them again.
        return (PathPatterns, (self.patterns,))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, PathPatterns) and other.patterns == self.patterns

    def __hash__(self) -> int:
        return hash(self.patterns)

    def __repr__(self) -> str:
        return f"PathPatterns({list(self.patterns)!r})"
