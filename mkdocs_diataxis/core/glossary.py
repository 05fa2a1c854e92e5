"""Acronym glossaries: ``*[ABC]: Full name`` Markdown (as used with pymdownx.snippets
auto-append) or a YAML mapping of acronym to expansion."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from mkdocs_diataxis.core.capitals import key_of
from mkdocs_diataxis.core.datafile import DataFileError, read_text, read_yaml
from mkdocs_diataxis.core.expansions import defined_here
from mkdocs_diataxis.core.snippets import auto_appended

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


def with_snippet_glossaries(
    settings: Settings, mdx_configs: Mapping[str, Any], base_dir: str, docs_dir: str = ""
) -> Settings:
    """``settings`` with the abbreviations of the files pymdownx.snippets auto-appends
    read as glossaries (Material's abbreviations recipe), so that a site need not name
    the same file again in ``acronyms.glossary``. A file that cannot be read is left to
    pymdownx.snippets to report."""
    acronyms = settings.acronyms
    if not acronyms.enabled:
        return settings
    files = [
        path
        for path in auto_appended(mdx_configs, base_dir, docs_dir)
        if path != acronyms.glossary_file
    ]
    glossary = dict(acronyms.glossary)
    for path in files:
        try:
            glossary.update(load_glossary(path))
        except GlossaryError:
            continue
    if not files:
        return settings
    acronyms = dataclasses.replace(acronyms, glossary=glossary, snippet_files=tuple(files))
    return dataclasses.replace(settings, acronyms=acronyms)


if TYPE_CHECKING:
    from mkdocs_diataxis.core.settings import Settings


def with_site_definitions(settings: Settings, sources: Iterable[str]) -> Settings:
    """``settings`` with the acronyms the site's pages define, for ``acronyms.scope:
    site``: a site that defines a term once (a glossary page, or the page that
    introduces it) counts that definition on every page. ``sources`` are the texts of
    all the site's pages, not only those checked."""
    acronyms = settings.acronyms
    if not acronyms.enabled or acronyms.scope != "site":
        return settings
    defined: set[str] = set()
    for text in sources:
        defined |= definitions_in(text)
    acronyms = dataclasses.replace(acronyms, site_defined=frozenset(defined))
    return dataclasses.replace(settings, acronyms=acronyms)


# A candidate for a definition in a page's source: capitals, an optional plural "s".
_DEFINED_CANDIDATE = re.compile(r"(?<![\w/.\-@+])[A-Z][A-Za-z0-9]{1,6}(?![\w*])")


def definitions_in(text: str) -> set[str]:
    """The acronyms (upper case, plural and version numbers left off) a page's source
    defines: its ``*[ABC]: Full name`` lines, and each ``Full Name (ABC)``, ``(Full
    Name, ABC)`` or ``ABC (Full Name)`` whose initials spell the acronym. Only lines with
    a parenthesis are read for the latter: no definition form goes without one."""
    found = {match.group("term").strip().upper() for match in _ABBREVIATION_LINE.finditer(text)}
    for line in text.splitlines():
        if "(" not in line:
            continue
        for match in _DEFINED_CANDIDATE.finditer(line):
            word = match.group(0)
            if sum(char.isupper() for char in word) < 2:
                continue
            key = key_of(word)
            if defined_here(line, match.start(), match.end(), key):
                found.add(key)
    return found
