"""Front matter, found exactly where MkDocs finds it, with its real line span."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import yaml

if TYPE_CHECKING:
    from mkdocs_diataxis.core.document import Problem

# MkDocs' own YAML front matter pattern (mkdocs/utils/meta.py): `---` line, body,
# closing `---` or `...` line. Matches "---\na: 1\n---\n"; not "---\n" alone, and not
# a block that does not start on the first line.
_YAML_BLOCK = re.compile(r"-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)
# MultiMarkdown meta lines (`Title: My page`) and their indented continuations, used by
# MkDocs when there is no YAML block.
_META_LINE = re.compile(r"[ ]{0,3}(?P<key>[A-Za-z0-9_-]+):\s*(?P<value>.*)")
_META_MORE = re.compile(r"(?:[ ]{4}|\t)\s*(?P<value>.*)")

_MAX_ALIASES = 100
"""YAML aliases allowed in front matter: enough for real use, too few for an alias bomb."""


@dataclass(slots=True)
class FrontMatter:
    """The page's metadata and the 0-based line span ``[start_line, end_line)`` it occupies."""

    data: dict[str, Any] = field(default_factory=dict)
    start_line: int = 0
    end_line: int = 0
    style: str = ""
    """``yaml``, ``multimarkdown`` or ``""`` when the page has none."""
    problem: Problem | None = None


class _BoundedLoader(yaml.SafeLoader):
    """A safe loader that refuses documents with an unreasonable number of aliases."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._aliases = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            self._aliases += 1
            if self._aliases > _MAX_ALIASES:
                raise yaml.constructor.ConstructorError(
                    None, None, f"more than {_MAX_ALIASES} aliases", None
                )
        return super().compose_node(parent, index)


# libyaml's safe loader, when PyYAML was built with it: about ten times faster.
_FAST_LOADER: Any = getattr(yaml, "CSafeLoader", None)


def load_yaml(text: str) -> Any:
    """Load YAML safely: no Python objects, and no alias bombs."""
    if _FAST_LOADER is not None and "*" not in text:
        # Without a "*" there is no alias to expand, so the C loader (which cannot
        # count aliases) is safe; it builds the same data as the pure-Python one.
        try:
            return yaml.load(text, Loader=_FAST_LOADER)
        except yaml.YAMLError:
            pass  # the pure-Python loader below words the error the way users know
    loader = _BoundedLoader(text)
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


def split_front_matter(text: str) -> FrontMatter:
    """Find the front matter of ``text`` (newlines already normalised to ``\\n``)."""
    from mkdocs_diataxis.core.document import Problem

    match = _YAML_BLOCK.match(text)
    if match is not None:
        end_line = text.count("\n", 0, match.end())
        body = match.group(1)
        try:
            data = load_yaml(body)
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
            line = 2 + (mark.line if mark is not None else 0)
            column = 1 + (mark.column if mark is not None else 0)
            reason = getattr(error, "problem", None) or str(error).splitlines()[0]
            return FrontMatter(
                {},
                0,
                end_line,
                "yaml",
                Problem(
                    "page/front-matter",
                    line,
                    column,
                    "",
                    f"the front matter is not valid YAML ({reason}); MkDocs ignores it"
                    " and renders it as text",
                    "fix the YAML between the --- lines",
                ),
            )
        if data is None:
            data = {}
        if not isinstance(data, dict):
            return FrontMatter(
                {},
                0,
                end_line,
                "yaml",
                Problem(
                    "page/front-matter",
                    2,
                    1,
                    "",
                    f"the front matter is a {type(data).__name__}, not a mapping of keys to"
                    " values; MkDocs ignores it",
                    "write it as `key: value` lines",
                ),
            )
        return FrontMatter({str(key): value for key, value in data.items()}, 0, end_line, "yaml")
    return _multimarkdown(text)


def _multimarkdown(text: str) -> FrontMatter:
    data: dict[str, Any] = {}
    key: str | None = None
    end_line = 0
    for line in text.split("\n"):
        if not line.strip():
            break
        if (meta := _META_LINE.fullmatch(line)) is not None:
            key = meta.group("key").lower().strip()
            value = meta.group("value").strip()
            data[key] = f"{data[key]} {value}" if key in data else value
        elif key is not None and (more := _META_MORE.fullmatch(line)) is not None:
            data[key] = f"{data[key]} {more.group('value').strip()}"
        else:
            break
        end_line += 1
    if not data:
        return FrontMatter()
    return FrontMatter(data, 0, end_line, "multimarkdown")
