"""Front matter, found exactly where MkDocs finds it, with its real line span."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import yaml

from mkdocs_diataxis.core.datafile import YamlLimitError, load_yaml
from mkdocs_diataxis.core.finding import Problem

# MkDocs' own YAML front matter pattern (mkdocs/utils/meta.py): `---` line, body,
# closing `---` or `...` line. Matches "---\na: 1\n---\n"; not "---\n" alone, and not
# a block that does not start on the first line.
_YAML_BLOCK = re.compile(r"-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)
# An opening front matter line, and a `key:` line right after it: front matter that
# never closes (a lone "---" followed by prose is a thematic break, not front matter).
_OPENING = re.compile(r"-{3}[ \t]*\n")
_KEY_LINE = re.compile(r"[A-Za-z_][\w-]*[ \t]*:(?:[ \t]|\n|\Z)")
# A top-level key in YAML front matter: "title: x", "diataxis:"; not an indented,
# commented, quoted or list line.
_TOP_LEVEL_KEY = re.compile(r"(?P<key>[A-Za-z_][\w-]*)[ \t]*:(?:[ \t]|\Z)")
# MultiMarkdown meta lines (`Title: My page`) and their indented continuations, used by
# MkDocs when there is no YAML block.
_META_LINE = re.compile(r"[ ]{0,3}(?P<key>[A-Za-z0-9_-]+):\s*(?P<value>.*)")
_META_MORE = re.compile(r"(?:[ ]{4}|\t)\s*(?P<value>.*)")


@dataclass(slots=True)
class FrontMatter:
    """The page's metadata and the 0-based line span ``[start_line, end_line)`` it occupies."""

    data: dict[str, Any] = field(default_factory=dict)
    start_line: int = 0
    end_line: int = 0
    style: str = ""
    """``yaml``, ``multimarkdown`` or ``""`` when the page has none."""
    problems: list[Problem] = field(default_factory=list)


def split_front_matter(text: str) -> FrontMatter:
    """Find the front matter of ``text`` (newlines already normalised to ``\\n``)."""
    match = _YAML_BLOCK.match(text)
    if match is not None:
        end_line = text.count("\n", 0, match.end())
        body = match.group(1)

        def ignored(line: int, column: int, message: str, suggestion: str) -> FrontMatter:
            problem = Problem("page/front-matter", line, column, "", message, suggestion)
            return FrontMatter({}, 0, end_line, "yaml", [problem])

        try:
            data = load_yaml(body)
        except YamlLimitError as error:
            return ignored(
                2,
                1,
                f"the front matter cannot be used: {error.problem}; the plugin ignores it",
                "keep the front matter to plain `key: value` lines without YAML aliases",
            )
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
            reason = getattr(error, "problem", None) or str(error).splitlines()[0]
            return ignored(
                2 + (mark.line if mark is not None else 0),
                1 + (mark.column if mark is not None else 0),
                f"the front matter is not valid YAML ({reason}); MkDocs ignores it"
                " and renders it as text",
                "fix the YAML between the --- lines",
            )
        if data is None:
            data = {}
        if not isinstance(data, dict):
            return ignored(
                2,
                1,
                f"the front matter is {_kind(data)}, not a mapping of keys to values;"
                " MkDocs ignores it",
                "write it as `key: value` lines",
            )
        problems = list(_repeated_keys(body))
        data = {str(key): value for key, value in data.items()}
        return FrontMatter(data, 0, end_line, "yaml", problems)
    if (opening := _OPENING.match(text)) is not None and _KEY_LINE.match(text, opening.end()):
        return FrontMatter(
            problems=[
                Problem(
                    "page/front-matter",
                    1,
                    1,
                    "",
                    "the front matter has no closing --- line, so MkDocs renders it as text"
                    " and none of its keys apply",
                    "end the front matter with a line of three dashes (and a line break)",
                )
            ]
        )
    return _multimarkdown(text)


def _repeated_keys(body: str) -> Iterator[Problem]:
    """A problem at each top-level key that repeats an earlier one: YAML forbids it, and
    PyYAML (so MkDocs) silently keeps the last value."""
    seen: set[str] = set()
    for index, line in enumerate(body.split("\n")):
        if (match := _TOP_LEVEL_KEY.match(line)) is None:
            continue
        key = match.group("key")
        if key in seen:
            yield Problem(
                "page/front-matter",
                index + 2,
                1,
                key,
                f'the front matter repeats the key "{key}"; MkDocs keeps only the last value',
                f'keep one "{key}:" line',
            )
        seen.add(key)


def _kind(value: Any) -> str:
    """What a YAML value is, in a docs writer's words."""
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, (int, float)):
        return "a number"
    return f"a {type(value).__name__}"  # dates and the like


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
