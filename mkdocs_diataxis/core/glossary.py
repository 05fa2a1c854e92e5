"""Acronym glossaries: ``*[ABC]: Full name`` Markdown (as used with pymdownx.snippets
auto-append) or a YAML mapping of acronym to expansion."""

from __future__ import annotations

import dataclasses
import os
import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from mkdocs_diataxis.core.capitals import key_of
from mkdocs_diataxis.core.datafile import DataFileError, read_text, read_yaml
from mkdocs_diataxis.core.expansions import defined_here

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


def auto_appended(mdx_configs: Mapping[str, Any], base_dir: str, docs_dir: str = "") -> list[str]:
    """The files ``pymdownx.snippets`` appends to every page (``auto_append``), found
    as the extension finds them: under each ``base_path`` (default ``.``), a relative
    one from the folder the build runs in. ``!relative $config_dir`` is ``base_dir``
    (the folder of ``mkdocs.yml``) and ``$docs_dir`` is ``docs_dir``, whether MkDocs
    gives them as placeholders or they are read as written. Those that exist."""
    options = mdx_configs.get("pymdownx.snippets")
    if not isinstance(options, Mapping):
        return []
    names = options.get("auto_append") or []
    bases = options.get("base_path", ["."])
    names = [names] if isinstance(names, str) else names
    bases = [bases] if isinstance(bases, (str, os.PathLike)) else bases
    if not isinstance(names, list) or not isinstance(bases, list):
        return []
    folders = [folder for folder in (_folder(base, base_dir, docs_dir) for base in bases) if folder]
    found: list[str] = []
    for name in names:
        if not isinstance(name, str):
            continue
        for folder in folders:
            path = os.path.normpath(os.path.join(folder, name))
            if os.path.isfile(path):
                found.append(path)
                break
    return found


def _folder(base: Any, base_dir: str, docs_dir: str) -> str | None:
    """A ``base_path`` entry as a folder, or ``None`` when it cannot be known here (the
    ``!relative`` of the page being rendered)."""
    path: str
    if isinstance(base, os.PathLike):
        try:
            path = str(os.fspath(base))
        except Exception:  # MkDocs' placeholder for the current page has none yet
            return None
    elif isinstance(base, str):
        path = base
    else:
        return None
    for variable, folder in (("$config_dir", base_dir), ("$docs_dir", docs_dir)):
        if path.startswith(variable) and folder:
            path = folder + path[len(variable) :]
    if not path or path.startswith("$"):
        return None
    return os.path.abspath(path)  # a relative base_path is the build's folder's


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
