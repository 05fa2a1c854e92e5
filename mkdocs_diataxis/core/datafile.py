"""Reading YAML safely (front matter and the project's own data files), and data files
(term lists, glossaries, plans) with one kind of error message: the file is named, and
for YAML the line of the problem."""

from __future__ import annotations

import os
import stat
from importlib import resources
from typing import Any

import yaml

_MAX_ALIASES = 100
"""YAML aliases allowed in one document: enough for real use."""
_MAX_VALUES = 10_000
"""Values a document may hold once its aliases are expanded: far more than any front
matter, term list or plan needs, far too few for an alias bomb ("billion laughs"),
which stays small while loaded (aliases share objects) and explodes when walked."""


class YamlLimitError(yaml.YAMLError):
    """YAML that is valid but too large or too deep to use; ``problem`` says which."""

    def __init__(self, problem: str) -> None:
        super().__init__(problem)
        self.problem = problem


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
    """Load YAML safely: no Python objects, no alias bombs, no unbounded recursion.

    Raises `yaml.YAMLError` for invalid YAML and `YamlLimitError` (one of them) for YAML
    nested too deeply to read or holding more than `_MAX_VALUES` values once expanded.
    """
    try:
        data = _load(text)
    except RecursionError:
        raise YamlLimitError("it is nested too deeply to read") from None
    # Without an alias the data is no larger than the text; with one, it may explode.
    if "*" in text and _expands_beyond(data, _MAX_VALUES):
        raise YamlLimitError(f"it expands to more than {_MAX_VALUES:,} values through YAML aliases")
    return data


def load_shipped_yaml(name: str) -> Any:
    """A data file shipped with the package (``mkdocs_diataxis/data/NAME``). It is ours,
    so the alias limits that guard the project's own files are not needed, and libyaml
    reads it about ten times faster: the default term list alone took 40 ms of every
    build's start in the pure-Python loader (its patterns hold ``*``)."""
    text = resources.files("mkdocs_diataxis").joinpath(f"data/{name}").read_text("utf-8")
    return yaml.load(text, Loader=_FAST_LOADER or yaml.SafeLoader)


def _load(text: str) -> Any:
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


def _expands_beyond(data: Any, limit: int) -> bool:
    """Whether walking ``data`` (shared and recursive parts once per reference) meets
    more than ``limit`` values; the walk itself stops there."""
    stack = [data]
    seen = 0
    while stack:
        value = stack.pop()
        seen += 1
        if seen > limit:
            return True
        if isinstance(value, dict):
            stack.extend(value.keys())
            stack.extend(value.values())
        elif isinstance(value, (list, tuple, set, frozenset)):
            stack.extend(value)
    return False


class DataFileError(ValueError):
    """An unreadable file or invalid YAML; the message names the file."""


MAX_DATA_BYTES = 64_000_000
"""The largest data file read (term list, glossary, plan, baseline): far above any real
one (a baseline of 25,000 findings is 5 MB)."""


def check_regular_file(path: str, what: str) -> None:
    """Refuse what is not a regular file of at most `MAX_DATA_BYTES`: ``/dev/zero`` was
    read until memory ran out, and a named pipe blocked the build with no message."""
    try:
        status = os.stat(path)
    except OSError as error:
        raise DataFileError(f"cannot read {what}: {error.strerror}") from None
    if not stat.S_ISREG(status.st_mode):
        raise DataFileError(f"{what} is not a regular file")
    if status.st_size > MAX_DATA_BYTES:
        raise DataFileError(
            f"{what} is {status.st_size:,} bytes; data files are read up to {MAX_DATA_BYTES:,}"
        )


def read_text(path: str, what: str) -> str:
    """The file's text; ``what`` names it in messages ("terms file docs-terms.yml")."""
    check_regular_file(path, what)
    try:
        with open(path, encoding="utf-8") as handle:
            return handle.read(MAX_DATA_BYTES + 1)
    except OSError as error:
        raise DataFileError(f"cannot read {what}: {error.strerror}") from None
    except UnicodeDecodeError:
        raise DataFileError(f"{what} is not UTF-8 text") from None


def read_yaml(path: str, what: str) -> Any:
    """The file's YAML data, loaded safely."""
    text = read_text(path, what)
    try:
        return load_yaml(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        problem = getattr(error, "problem", None) or "invalid YAML"
        raise DataFileError(f"{what}{where}: {problem}") from None
