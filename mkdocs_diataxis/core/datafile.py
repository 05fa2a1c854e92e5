"""Reading the project's own data files (term lists, glossaries, plans) with one kind
of error message: the file is named, and for YAML the line of the problem."""

from __future__ import annotations

from typing import Any

import yaml

from mkdocs_diataxis.core.frontmatter import load_yaml


class DataFileError(ValueError):
    """An unreadable file or invalid YAML; the message names the file."""


def read_text(path: str, what: str) -> str:
    """The file's text; ``what`` names it in messages ("terms file docs-terms.yml")."""
    try:
        with open(path, encoding="utf-8") as handle:
            return handle.read()
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
