"""Acronym glossaries: ``*[ABC]: Full name`` Markdown (as used with pymdownx.snippets
auto-append) or a YAML mapping of acronym to expansion."""

from __future__ import annotations

import re

from mkdocs_diataxis.core.datafile import DataFileError, read_text, read_yaml

# `*[HTML]: Hyper Text Markup Language`; not `*emphasis*` or `[link]: url`.
_ABBREVIATION_LINE = re.compile(r"[ ]{0,3}\*\[(?P<term>[^\]\n]+)\]:[ \t]*(?P<definition>[^\n]*)")


class GlossaryError(ValueError):
    """An unreadable or malformed glossary file; the message names it."""


def load_glossary(path: str) -> dict[str, str]:
    """Acronym -> expansion from a Markdown abbreviation file or a YAML mapping."""
    what = f"glossary {path}"
    try:
        if path.endswith((".yml", ".yaml")):
            data = read_yaml(path, what)
            if not isinstance(data, dict):
                raise GlossaryError(f"{what}: expected a mapping of acronym to expansion")
            return {str(key).strip(): str(value).strip() for key, value in data.items()}
        text = read_text(path, what)
    except DataFileError as error:
        raise GlossaryError(str(error)) from None
    return {
        match.group("term").strip(): match.group("definition").strip()
        for line in text.splitlines()
        if (match := _ABBREVIATION_LINE.fullmatch(line)) is not None
    }
