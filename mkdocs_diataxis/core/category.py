"""How a page's Diátaxis category is decided: front matter ``diataxis:`` first, then the
nearest category folder in its path (``components/rt/guides/x.md`` is how-to)."""

from __future__ import annotations

from dataclasses import dataclass

from mkdocs_diataxis.core.document import Document
from mkdocs_diataxis.core.settings import Settings
from mkdocs_diataxis.core.vocabulary import CATEGORIES

FRONT_MATTER_KEY = "diataxis"
"""The front matter key that declares a page's category."""


@dataclass(frozen=True, slots=True)
class Placement:
    """How a page's category was decided.

    ``source`` is ``"front matter"``, ``"folder"``, ``"generated"`` (a page of
    mkdocstrings' ``::: package.module`` is reference) or ``None`` (no category).
    ``declared`` is the front matter's value as written (``None`` when absent).
    ``folders`` lists each category folder in the path, outermost first, as
    (folder name, category).
    """

    category: str | None
    source: str | None
    declared: object
    folders: tuple[tuple[str, str], ...]
    declared_in: str = "the front matter"
    """Where ``declared`` was written: the front matter, or the meta file (Material's
    meta plugin) whose value the page inherits."""

    @property
    def folder_category(self) -> str | None:
        """The category of the nearest category folder, if any."""
        return self.folders[-1][1] if self.folders else None


def decide(doc: Document, settings: Settings) -> Placement:
    """The page's category and where it came from."""
    segments = doc.path.split("/")[:-1]
    folders = tuple(
        (segment, settings.folder_category[segment.lower()])
        for segment in segments
        if segment.lower() in settings.folder_category
    )
    declared = doc.meta.get(FRONT_MATTER_KEY)
    declared_in = "the front matter"
    if declared is None and (inherited := settings.inherited_category(doc.path)):
        # A folder's .meta.yml, merged into the front matter by Material's meta plugin.
        declared_in, declared = inherited
    if isinstance(declared, str) and declared.strip().lower() in CATEGORIES:
        return Placement(declared.strip().lower(), "front matter", declared, folders, declared_in)
    if folders:
        return Placement(folders[-1][1], "folder", declared, folders, declared_in)
    if doc.generated:
        return Placement("reference", "generated", declared, folders, declared_in)
    return Placement(None, None, declared, folders, declared_in)
