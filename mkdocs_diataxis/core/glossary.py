"""Acronym glossaries: ``*[ABC]: Full name`` Markdown (as used with pymdownx.snippets
auto-append) or a YAML mapping of acronym to expansion."""

from __future__ import annotations

import re

import yaml

from mkdocs_diataxis.core.frontmatter import load_yaml

# `*[HTML]: Hyper Text Markup Language`; not `*emphasis*` or `[link]: url`.
_ABBREVIATION_LINE = re.compile(r"[ ]{0,3}\*\[(?P<term>[^\]\n]+)\]:[ \t]*(?P<definition>[^\n]*)")


class GlossaryError(ValueError):
    """An unreadable or malformed glossary file; the message names it."""


def load_glossary(path: str) -> dict[str, str]:
    """Acronym -> expansion from a Markdown abbreviation file or a YAML mapping."""
    try:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
    except OSError as error:
        raise GlossaryError(f"cannot read glossary {path}: {error.strerror}") from None
    except UnicodeDecodeError:
        raise GlossaryError(f"glossary {path} is not UTF-8 text") from None
    if path.endswith((".yml", ".yaml")):
        try:
            data = load_yaml(text)
        except yaml.YAMLError as error:
            raise GlossaryError(f"glossary {path} is not valid YAML: {error}") from None
        if not isinstance(data, dict):
            raise GlossaryError(f"glossary {path}: expected a mapping of acronym to expansion")
        return {str(key).strip(): str(value).strip() for key, value in data.items()}
    return {
        match.group("term").strip(): match.group("definition").strip()
        for line in text.splitlines()
        if (match := _ABBREVIATION_LINE.fullmatch(line)) is not None
    }
