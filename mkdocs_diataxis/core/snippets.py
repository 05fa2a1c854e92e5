"""Files ``pymdownx.snippets`` puts into pages: the ones it appends to every page
(``auto_append``) and the ones a page includes with ``--8<--``, found as the extension
finds them. Their text reaches the reader, so they are checked, once each, at their own
lines (see ``Settings.partials``)."""

from __future__ import annotations

import os
import re
from collections.abc import Container, Iterable, Mapping, Sequence
from typing import Any

# A snippet line: `--8<-- "file.md"` (quoted, as pymdownx wants it; any number of dashes),
# or a block's bare `--8<--` fence; `;--8<--` is an escaped one, shown as text.
_SNIPPET_LINE = re.compile(r"[ \t]*-+8<-+(?:[ \t]+(?P<q>[\"'])(?P<name>[^\n]+?)(?P=q))?[ \t]*\Z")
# What follows the name: a line range or a section (`file.md:3:9`, `file.md:intro`).
_SELECTOR = re.compile(r"(?::[\w,-]*)+\Z")


def snippet_folders(mdx_configs: Mapping[str, Any], base_dir: str, docs_dir: str = "") -> list[str]:
    """The folders ``pymdownx.snippets`` looks in (``base_path``, default ``.``), a
    relative one from the folder the build runs in. ``!relative $config_dir`` is
    ``base_dir`` (the folder of ``mkdocs.yml``) and ``$docs_dir`` is ``docs_dir``,
    whether MkDocs gives them as placeholders or they are read as written. Empty when
    the extension is not configured."""
    if "pymdownx.snippets" not in mdx_configs:
        return []
    options = mdx_configs["pymdownx.snippets"]
    if not isinstance(options, Mapping):
        options = {}
    bases = options.get("base_path", ["."])
    bases = [bases] if isinstance(bases, (str, os.PathLike)) else bases
    if not isinstance(bases, list):
        return []
    return [folder for folder in (_folder(base, base_dir, docs_dir) for base in bases) if folder]


def find_snippet(name: str, folders: Iterable[str], restrict: bool = True) -> str | None:
    """The file ``name`` is in the first ``base_path`` entry that has it, as an absolute
    path, as pymdownx.snippets looks: an entry that is a file matches only itself, and
    (``restrict_base_path``, on by default) a name may not leave its folder."""
    for folder in folders:
        if os.path.isfile(folder):
            path = os.path.normpath(os.path.join(os.path.dirname(folder), name))
            if path == folder:
                return path
            continue
        path = os.path.normpath(os.path.join(folder, name))
        if restrict and os.path.commonpath([path, folder]) != folder:
            continue
        if os.path.isfile(path):
            return path
    return None


def snippets_restricted(mdx_configs: Mapping[str, Any]) -> bool:
    """Whether pymdownx.snippets keeps names inside their ``base_path`` (its
    ``restrict_base_path``, true unless set false)."""
    options = mdx_configs.get("pymdownx.snippets")
    return not (isinstance(options, Mapping) and options.get("restrict_base_path") is False)


def auto_appended(mdx_configs: Mapping[str, Any], base_dir: str, docs_dir: str = "") -> list[str]:
    """The files ``pymdownx.snippets`` appends to every page (``auto_append``) that
    exist, under its folders (`snippet_folders`)."""
    options = mdx_configs.get("pymdownx.snippets")
    if not isinstance(options, Mapping):
        return []
    names = options.get("auto_append") or []
    names = [names] if isinstance(names, str) else names
    if not isinstance(names, list):
        return []
    folders = snippet_folders(mdx_configs, base_dir, docs_dir)
    restrict = snippets_restricted(mdx_configs)
    found = (find_snippet(name, folders, restrict) for name in names if isinstance(name, str))
    return [path for path in found if path is not None]


def included_names(text: str) -> list[str]:
    """The files a page includes with ``--8<--`` into its prose, as written (line
    ranges and sections left off; URLs, which the extension fetches only when told to,
    left out): the name on a snippet line, and each line of a block between two bare
    ``--8<--`` lines. A file included inside a fenced code block is code, not prose, and
    is left out."""
    names: list[str] = []
    in_block = False
    fence = ""  # the fence of the code block a line stands in, if any
    for line in text.split("\n"):
        if (opening := _FENCE.match(line)) is not None:
            mark = opening.group(1)
            if not fence:
                fence = mark
            elif (
                mark[0] == fence[0]
                and len(mark) >= len(fence)
                and not line[opening.end() :].strip()
            ):
                fence = ""
            continue
        if fence or ("8<" not in line and not in_block):
            continue
        found = _SNIPPET_LINE.match(line)
        if found is not None:
            if found.group("name") is None:
                in_block = not in_block
                continue
            names.append(found.group("name").strip())
            continue
        if in_block and line.strip() and not line.lstrip().startswith(";"):
            names.append(line.strip())
    return [
        _SELECTOR.sub("", name)
        for name in names
        if not name.startswith((";", "http://", "https://"))
    ]


_FENCE = re.compile(r"\s*(`{3,}|~{3,})")


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


def partial_files(
    texts: Iterable[str],
    folders: Sequence[str],
    appended: Iterable[str],
    docs_dir: str,
    pages: Container[str],
    tagged: Iterable[str] = (),
    *,
    tags: bool = False,
    restrict: bool = True,
) -> dict[str, str]:
    """Each file the ``texts`` (the pages' sources) include with ``--8<--``, each
    ``appended`` one (``auto_append``) and each ``tagged`` one (mkdocs-include-markdown,
    see `tag_included`), all absolute, that is not one of the site's ``pages``
    (absolute paths): its path relative to ``docs_dir`` (``../`` outside it, ``/``
    between folders) -> its absolute path. Snippets are found under ``folders`` (see
    `snippet_folders`); a file found nowhere is left to its plugin to report. The
    files these include, and so on, count too (``tags``: include-markdown's as well)."""
    found: dict[str, str] = {}
    names = {name for text in texts if "8<" in text for name in included_names(text)}
    queue = [find_snippet(name, folders, restrict) for name in sorted(names)]
    queue += [*appended, *sorted(set(tagged))]
    seen: set[str] = set()
    while queue:
        path = queue.pop(0)
        if path is None or path in seen:
            continue
        seen.add(path)
        if path in pages or not os.path.isfile(path):
            continue
        found[os.path.relpath(path, docs_dir).replace(os.sep, "/")] = path
        try:
            with open(path, encoding="utf-8", errors="replace") as handle:
                text = handle.read()
        except OSError:
            continue  # reported when it is checked
        if folders and "8<" in text:
            queue += [find_snippet(name, folders, restrict) for name in included_names(text)]
        if tags and "{%" in text:
            queue += tag_included(os.path.dirname(path), text, docs_dir)
    return found


# mkdocs-include-markdown's directives: {% include-markdown "file.md" %} and
# {% include "file.md" %}, with options after the name; the name relative to the page.
_INCLUDE_TAG = re.compile(r"\{%-?\s*include(?:-markdown)?\s+(?P<q>[\"'])(?P<name>[^\"'\n]+)(?P=q)")


def tag_included(page_dir: str, text: str, docs_dir: str) -> list[str]:
    """The files a page includes with mkdocs-include-markdown's tags, as absolute paths,
    as the plugin resolves them: ``./`` and ``../`` from the page's folder
    (``page_dir``), any other relative path from ``docs_dir``, an absolute one as it is.
    Globs and URLs are left to the plugin."""
    found = []
    for match in _INCLUDE_TAG.finditer(text):
        name = match.group("name").strip()
        if any(char in name for char in "*?[") or "://" in name:
            continue
        base = page_dir if name.startswith(("./", "../")) else docs_dir
        found.append(os.path.normpath(os.path.join(base, name)))
    return found
