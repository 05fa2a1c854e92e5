"""The team's plan of deliverables (``status_page.plan``): format and validation.

A plan is YAML::

    milestones:
      - name: Checkpoint 1
        due: 2026-12-01
        deliverables:
          - page: reference/api.md
            category: reference
            lines: 300-450        # or min_lines: 300, and/or min_words: 800

Every error names the file, the entry and the key (``plan.yml: milestones[1]
.deliverables[2]: key 'page': ...``); see ``data/plan.schema.json``.
"""

from __future__ import annotations

import datetime
import posixpath
import re
from dataclasses import dataclass
from typing import Any

from mkdocs_diataxis.core.datafile import DataFileError, read_yaml
from mkdocs_diataxis.core.vocabulary import CATEGORIES

_PLAN_KEYS = ("milestones",)
_MILESTONE_KEYS = ("name", "due", "deliverables")
_DELIVERABLE_KEYS = ("page", "category", "lines", "min_lines", "min_words", "title")
# "300-450" or "300–450"; not "300" (use min_lines) or "-5".
_LINE_RANGE = re.compile(r"\s*(\d+)\s*[-–]\s*(\d+)\s*\Z")


class PlanError(ValueError):
    """An invalid plan; the message names the file, the entry and the key."""


@dataclass(frozen=True, slots=True)
class Deliverable:
    """One planned page and what "done" means for it."""

    page: str
    category: str | None = None
    min_lines: int | None = None
    max_lines: int | None = None
    min_words: int | None = None
    title: str = ""


@dataclass(frozen=True, slots=True)
class Milestone:
    """A named group of deliverables with an optional due date."""

    name: str
    due: datetime.date | None
    deliverables: tuple[Deliverable, ...]


@dataclass(frozen=True, slots=True)
class Plan:
    """All milestones, in the order the file gives them."""

    path: str
    milestones: tuple[Milestone, ...]


def load_plan(path: str, shown_as: str | None = None) -> Plan:
    """Read and validate a plan file; ``shown_as`` is the name used in messages."""
    name = shown_as or path
    try:
        data = read_yaml(path, f"plan file {name}")
    except DataFileError as error:
        raise PlanError(str(error)) from None
    return parse_plan(data, name)


def parse_plan(data: Any, name: str) -> Plan:
    """Validate plain data into a plan."""
    if not isinstance(data, dict):
        raise PlanError(f"{name}: expected a mapping with a 'milestones' list")
    _known_keys(data, _PLAN_KEYS, name)
    raw = data.get("milestones")
    if not isinstance(raw, list) or not raw:
        raise PlanError(f"{name}: key 'milestones': expected a non-empty list of milestones")
    seen: dict[str, str] = {}
    milestones = []
    for index, item in enumerate(raw, start=1):
        where = f"{name}: milestones[{index}]"
        if not isinstance(item, dict):
            raise PlanError(f"{where}: expected a mapping with name and deliverables")
        _known_keys(item, _MILESTONE_KEYS, where)
        milestone_name = item.get("name")
        if not isinstance(milestone_name, str) or not milestone_name.strip():
            raise PlanError(f"{where}: key 'name': expected a non-empty string")
        due = item.get("due")
        if due is not None and not isinstance(due, datetime.date):
            if isinstance(due, str):
                try:
                    due = datetime.date.fromisoformat(due.strip())
                except ValueError:
                    raise PlanError(
                        f"{where}: key 'due': expected a date like 2026-12-01"
                    ) from None
            else:
                raise PlanError(f"{where}: key 'due': expected a date like 2026-12-01")
        if isinstance(due, datetime.datetime):
            due = due.date()
        deliverables_raw = item.get("deliverables")
        if not isinstance(deliverables_raw, list):
            raise PlanError(f"{where}: key 'deliverables': expected a list")
        deliverables = []
        for number, entry in enumerate(deliverables_raw, start=1):
            deliverable = _deliverable(entry, f"{where}.deliverables[{number}]")
            here = f"milestones[{index}].deliverables[{number}]"
            if deliverable.page in seen:
                raise PlanError(
                    f"{name}: {here}: key 'page': '{deliverable.page}' is already planned at"
                    f" {seen[deliverable.page]}"
                )
            seen[deliverable.page] = here
            deliverables.append(deliverable)
        milestones.append(Milestone(milestone_name.strip(), due, tuple(deliverables)))
    return Plan(name, tuple(milestones))


def _known_keys(data: dict[Any, Any], keys: tuple[str, ...], where: str) -> None:
    for key in data:
        if key not in keys:
            raise PlanError(f"{where}: unknown key '{key}'; allowed keys: {', '.join(keys)}")


def _deliverable(item: Any, where: str) -> Deliverable:
    if isinstance(item, str):
        item = {"page": item}
    if not isinstance(item, dict):
        raise PlanError(f"{where}: expected a mapping with a 'page' key")
    _known_keys(item, _DELIVERABLE_KEYS, where)
    page = item.get("page")
    if not isinstance(page, str) or not page.strip():
        raise PlanError(f"{where}: key 'page': expected a path relative to docs_dir")
    normal = posixpath.normpath(page.strip().replace("\\", "/"))
    if normal.startswith(("../", "/")) or normal == ".." or re.match(r"[A-Za-z]:", normal):
        raise PlanError(f"{where}: key 'page': '{page}' is outside docs_dir")
    category = item.get("category")
    if category is not None and category not in CATEGORIES:
        raise PlanError(
            f"{where}: key 'category': '{category}' is not one of {', '.join(CATEGORIES)}"
        )
    min_lines = _count(item, "min_lines", where)
    min_words = _count(item, "min_words", where)
    max_lines = None
    lines = item.get("lines")
    if lines is not None:
        if min_lines is not None:
            raise PlanError(f"{where}: key 'lines': give either lines or min_lines, not both")
        if isinstance(lines, int) and not isinstance(lines, bool):
            min_lines = lines
        else:
            match = _LINE_RANGE.match(str(lines))
            if match is None:
                raise PlanError(f"{where}: key 'lines': expected a range like 300-450")
            min_lines, max_lines = int(match.group(1)), int(match.group(2))
            if min_lines > max_lines:
                raise PlanError(f"{where}: key 'lines': {lines} is an empty range")
    title = item.get("title", "")
    if not isinstance(title, str):
        raise PlanError(f"{where}: key 'title': expected a string")
    return Deliverable(normal, category, min_lines, max_lines, min_words, title)


def _count(item: dict[str, Any], key: str, where: str) -> int | None:
    value = item.get(key)
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise PlanError(f"{where}: key '{key}': expected a whole number, got {value!r}")
    return value
