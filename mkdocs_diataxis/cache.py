"""Results kept between runs: a page whose bytes, settings and plugin code a run has
seen before is not checked again.

One JSON file per combination of settings and plugin code, under ``cache_dir``
(``.cache/plugin/diataxis`` beside ``mkdocs.yml``, as Material keeps its plugins'
caches). Each entry is a page's path, the digest of its bytes and its result. The file
is shared by ``mkdocs build``, ``mkdocs serve`` and ``mkdocs-diataxis check``:

- it is written whole to a temporary file and renamed into place, so a reader sees the
  old file or the new one and two runs at once cost each other hits, never results;
- a file that is not one of ours, of another version or damaged is ignored with one
  line saying so, and replaced by the next write;
- it holds the pages of the site as it is (entries for files that are gone are
  dropped when it is written), and the folder keeps the `MAX_FILES` most recently
  written files, so it stays about as large as one site's results.

JSON, not pickle: a cache folder may come from anywhere (a CI cache, a colleague's
archive), and reading it must never run code.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import hashlib
import json
import os
import re
import sys
import time
import unicodedata
from collections.abc import Iterator, Mapping
from enum import Enum
from importlib import metadata
from pathlib import Path
from typing import Any

from mkdocs_diataxis import __version__
from mkdocs_diataxis.core.check import PageFacts, PageResult
from mkdocs_diataxis.core.finding import Finding, row
from mkdocs_diataxis.core.pathmatch import PathPatterns
from mkdocs_diataxis.core.settings import Settings
from mkdocs_diataxis.core.vocabulary import CATEGORIES
from mkdocs_diataxis.writing import write_whole

MAX_FILES = 8
"""Result files kept in the folder (one per settings a run used, newest first)."""

STALE_SECONDS = 3600
"""A temporary file this old was left by a run that was killed while writing."""

FORMAT = "mkdocs-diataxis results"
"""The ``format`` every result file starts with."""

_NOT_PAGE_SETTINGS = frozenset(
    {"status_page", "report", "jobs", "time_limit", "cache", "cache_dir", "partials"}
)
"""Settings that change no page's result: the status page and report are made from the
results, ``jobs`` only says where pages are checked, the cache's own options say
where results are kept, and whether a file is a partial is
part of its entry's digest (see `page_digest`)."""


def page_digest(source: bytes, *, partial: bool = False) -> str:
    """The identity of a page's bytes, as a file included into pages or as a page."""
    digest = hashlib.blake2b(source, digest_size=16).hexdigest()
    return digest + "p" if partial else digest


_LIBRARIES = ("markdown-it-py", "pathspec", "PyYAML")
"""What results depend on besides the plugin: the parser (tokens and positions), path
patterns (``exempt``, ``require_category``) and front matter."""


@functools.lru_cache(maxsize=1)
def code_version() -> str:
    """The plugin's version and a digest of its code and data, with the versions of the
    libraries and Python (``re``, Unicode data) results depend on: results of other
    code, an editable install changed since, or a cache restored for another Python are
    never reused."""
    package = Path(__file__).parent
    digest = hashlib.blake2b(__version__.encode(), digest_size=16)
    digest.update(f"{sys.version_info[:2]} {unicodedata.unidata_version}".encode())
    for library in _LIBRARIES:
        try:
            digest.update(f"{library} {metadata.version(library)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{library} ?".encode())
    for file in sorted(package.rglob("*")):
        if file.suffix in {".py", ".yml", ".json"} and "__pycache__" not in file.parts:
            digest.update(file.relative_to(package).as_posix().encode())
            digest.update(file.read_bytes())
    return digest.hexdigest()


def settings_key(settings: Settings) -> str:
    """A digest of everything in ``settings`` that can change a page's result, with
    the plugin's code: the same in every process (absolute paths of data files are part
    of it, so two checkouts in different folders keep separate files)."""
    canonical = {
        field.name: _canonical(getattr(settings, field.name))
        for field in dataclasses.fields(settings)
        if field.compare and field.name not in _NOT_PAGE_SETTINGS
    }
    text = json.dumps([code_version(), canonical], sort_keys=True, ensure_ascii=False)
    return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


def _canonical(value: Any) -> Any:
    """``value`` as plain JSON data that does not depend on set order or hashing."""
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, Enum):
        return _canonical(value.value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            "@": type(value).__name__,
            **{
                field.name: _canonical(getattr(value, field.name))
                for field in dataclasses.fields(value)
                if field.compare
            },
        }
    if isinstance(value, PathPatterns):
        return {"@": "PathPatterns", "patterns": list(value.patterns)}
    if isinstance(value, re.Pattern):
        return {"@": "Pattern", "pattern": _canonical(value.pattern), "flags": value.flags}
    if isinstance(value, Mapping):
        items = [[_canonical(key), _canonical(item)] for key, item in value.items()]
        return {"@": "Mapping", "items": sorted(items, key=_sort_key)}
    if isinstance(value, (set, frozenset)):
        return {"@": "Set", "items": sorted((_canonical(item) for item in value), key=_sort_key)}
    if isinstance(value, (list, tuple)):
        return [_canonical(item) for item in value]
    if isinstance(value, bytes):
        return {"@": "bytes", "hex": value.hex()}
    raise TypeError(f"cannot key a setting of type {type(value).__name__}")


def _sort_key(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


Entry = tuple[str, "list[Any] | PageResult"]
"""A page's digest and its result: as the file holds it (a row), or already made."""


class ResultStore:
    """The results one run may reuse, and those it will keep for the next.

    `get` answers from the file the settings and code key; `put` records a result;
    `save` writes the pages this run saw (and earlier entries whose file still exists)
    back. A store opened with no folder (``cache: false``) finds nothing and writes
    nothing.
    """

    def __init__(
        self,
        folder: str | None,
        key: str,
        docs_dir: str,
        entries: dict[str, Entry] | None = None,
    ) -> None:
        self.folder = folder
        self.key = key
        self.docs_dir = docs_dir
        self.notice: str | None = None
        """One line to log (at info) when the file could not be used or written."""
        self.hits = 0
        """Results this run took from the file."""
        # Entries not used yet (rows as read, or results an earlier build of this
        # process held), and this run's results. A hit moves from the first to the
        # second as a packed result, so the rows read from the file do not stay alive
        # through the build: on 2,000 pages they took a fifth of its memory.
        self._old: dict[str, Entry] = {}
        self._new: dict[str, tuple[str, PageResult]] = {}
        self._changed = False
        if folder is not None:
            self._old = self._load() if entries is None else entries

    @classmethod
    def open(
        cls,
        folder: str | None,
        settings: Settings,
        docs_dir: str,
        previous: ResultStore | None = None,
    ) -> ResultStore:
        """The store for these settings in ``folder`` (``None``: none). The ``previous``
        build's store of this process (``mkdocs serve``) gives its entries when it used
        the same file, so a rebuild does not read the file again."""
        if folder is None:
            return cls(None, "", docs_dir)
        try:
            key = settings_key(settings)
        except TypeError as error:  # a setting this module does not know how to key
            store = cls(None, "", docs_dir)
            store.notice = f"results are not cached: {error}"
            return store
        entries = None
        if previous is not None and (previous.folder, previous.key) == (folder, key):
            entries = {**previous._old, **previous._new}
        return cls(folder, key, docs_dir, entries)

    @property
    def enabled(self) -> bool:
        return self.folder is not None

    @property
    def file(self) -> str:
        assert self.folder is not None
        return os.path.join(self.folder, f"results-{self.key}.json")

    def get(self, path: str, digest: str) -> PageResult | None:
        """The result recorded for this page and digest; recorded again for `save`."""
        entry = self._old.get(path)
        if entry is None or entry[0] != digest:
            return None
        del self._old[path]
        value = entry[1]
        if isinstance(value, PageResult):
            result = value
        else:
            try:
                result = _result(path, value)
            except (TypeError, ValueError, IndexError):
                self.notice = f"ignored a damaged entry for {path} in {self.file}"
                self._changed = True  # written again without it
                return None
        self._new[path] = (digest, result)
        self.hits += 1
        return result

    def put(self, path: str, digest: str, result: PageResult) -> None:
        """Record a result checked in this run."""
        if not self.enabled:
            return
        self._new[path] = (digest, result)
        self._changed = True

    def keep(self, path: str, digest: str, result: PageResult) -> None:
        """Record a result this process already had (``mkdocs serve``): written only if
        the file does not hold it yet."""
        entry = self._old.get(path)
        if entry is not None and entry[0] == digest:
            del self._old[path]
            self._new[path] = (digest, result)
        else:
            self.put(path, digest, result)

    def save(self) -> None:
        """Write the file, if anything changed: this run's pages, and entries of earlier
        runs whose file is still there (``check`` of one folder, one language of a
        mkdocs-static-i18n site). A folder that cannot be written costs only the
        cache: one line says so."""
        if not self.enabled:
            return
        kept = {
            path: entry
            for path, entry in self._old.items()
            if path not in self._new and os.path.isfile(os.path.join(self.docs_dir, path))
        }
        if not self._changed and len(kept) == len(self._old):
            return
        try:
            pieces = self._pages_json({**kept, **self._new})
            write_whole(
                self.file, lambda out: out.writelines(pieces), prefix=".results-", make_folder=True
            )
            _prune(self.file)
        except OSError as error:
            reason = error.strerror or error
            self.notice = f"could not write the results cache {self.file}: {reason}"

    def _pages_json(self, pages: dict[str, Entry]) -> Iterator[str]:
        """The file's text in pieces, a page at a time: the rows of every page's findings
        never exist at once (the file is written at the end of the build, when MkDocs
        holds the most memory)."""
        head = json.dumps({"format": FORMAT, "key": self.key})
        yield head[:-1] + ',"pages":{'
        for number, (path, (digest, value)) in enumerate(pages.items()):
            row = _row(value) if isinstance(value, PageResult) else value
            entry = json.dumps([digest, row], ensure_ascii=False, separators=(",", ":"))
            yield f"{',' if number else ''}{json.dumps(path, ensure_ascii=False)}:{entry}"
        yield "}}"

    def _load(self) -> dict[str, Entry]:
        try:
            with open(self.file, "rb") as handle:
                data = json.loads(handle.read())
        except FileNotFoundError:
            return {}
        except (OSError, ValueError, RecursionError) as error:  # unreadable, not JSON
            self.notice = f"ignored the results cache {self.file}: {_reason(error)}"
            return {}
        if (
            not isinstance(data, dict)
            or data.get("format") != FORMAT
            or data.get("key") != self.key
            or not isinstance(pages := data.get("pages"), dict)
        ):
            self.notice = (
                f"ignored the results cache {self.file}: not a results file of this version"
            )
            return {}
        return {
            path: (entry[0], entry[1])
            for path, entry in pages.items()
            if isinstance(entry, list)
            and len(entry) == 2
            and isinstance(entry[0], str)
            and isinstance(entry[1], list)
        }


def _reason(error: Exception) -> str:
    if isinstance(error, OSError):
        return str(error.strerror or error)
    return "not a results file (damaged or written by something else)"


_FACT_TYPES = tuple(
    (
        field.name,
        {
            "str": (str,),
            "str | None": (str, type(None)),
            "int": (int,),
            "bool": (bool,),
            "dict[str, float] | None": (dict, type(None)),
        }[str(field.type)],
    )
    for field in dataclasses.fields(PageFacts)
)
"""Each `PageFacts` field in order, with the JSON types it may hold."""
_FIT = [name for name, _ in _FACT_TYPES].index("fit")
_FIT_CASE = [name for name, _ in _FACT_TYPES].index("fit_case")
"""Where the content fit scores and case are among them (checked beyond their types)."""

_FINDING_TYPES = (str, str, str, int, int, str, str, str, str, bool)
"""The types of a finding's `row` (``FindingRow``), in `Finding`'s field order."""


def _row(result: PageResult) -> list[Any]:
    facts = [getattr(result.facts, name) for name, _ in _FACT_TYPES]
    findings = [list(row(f)) for f in result.findings]
    return [result.unreadable, facts, findings]


def _result(path: str, entry: list[Any]) -> PageResult:
    """The result an entry of the file holds; `ValueError` unless every value has its
    type (a file written by something else must not reach the report)."""
    unreadable, facts, findings = entry
    if not isinstance(unreadable, bool) or not isinstance(facts, list):
        raise ValueError("bad row")
    if len(facts) != len(_FACT_TYPES) or not all(
        isinstance(value, types) and (bool not in types or type(value) is bool)
        for value, (_, types) in zip(facts, _FACT_TYPES, strict=True)
    ):
        raise ValueError("bad facts")
    scores = facts[_FIT]
    if scores is not None and (
        sorted(scores) != sorted(CATEGORIES)
        or not all(type(value) in (int, float) for value in scores.values())
    ):
        raise ValueError("bad scores")
    if facts[_FIT_CASE] not in (None, *CATEGORIES):
        raise ValueError("bad case")
    if facts[0] != path or not isinstance(findings, list):
        raise ValueError("bad row")
    for finding in findings:
        if not isinstance(finding, list) or len(finding) != len(_FINDING_TYPES):
            raise ValueError("bad finding")
        for value, kind in zip(finding, _FINDING_TYPES, strict=True):
            if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
                raise ValueError("bad finding")
        if finding[1] not in ("warning", "info"):
            raise ValueError("bad severity")
    return PageResult.of(
        path, (Finding(*finding) for finding in findings), PageFacts(*facts), unreadable
    )


def _prune(newest: str) -> None:
    """Keep the `MAX_FILES` most recently written result files of the folder, and no
    temporary file a killed run left behind (older than `STALE_SECONDS`)."""
    folder = os.path.dirname(newest)
    files = []
    for name in os.listdir(folder):
        file = os.path.join(folder, name)
        if name.startswith("results-") and name.endswith(".json"):
            files.append(file)
        elif name.startswith(".results-") and time.time() - _mtime(file) > STALE_SECONDS:
            with contextlib.suppress(OSError):
                os.unlink(file)
    if len(files) <= MAX_FILES:
        return
    files.sort(key=lambda file: (file == newest, _mtime(file)), reverse=True)
    for old in files[MAX_FILES:]:
        with contextlib.suppress(OSError):
            os.unlink(old)


def _mtime(file: str) -> float:
    try:
        return os.stat(file).st_mtime
    except OSError:
        return 0.0
