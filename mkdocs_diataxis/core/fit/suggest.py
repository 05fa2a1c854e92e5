"""What `mkdocs-diataxis init` suggests: the ``categories:`` and ``exempt:`` lines that
file a site's uncategorised folders, each with its evidence (work in progress).

A folder's name leads: ``api-guide`` is reference, ``cookbook`` how-to, ``concepts``
explanation, ``getting-started`` a tutorial. Its pages' content can back a name up, or
decide a folder whose name says nothing, but only between reference and how-to: that
is all the content model tells apart across projects (see
``benchmarks/fit-results.md``).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from mkdocs_diataxis.core.settings import DEFAULT_FOLDERS

_NAMES: dict[str, re.Pattern[str]] = {
    "tutorial": re.compile(
        r"(?:tutorials?|getting[-_ ]?started|get[-_ ]?started|quick[-_ ]?start|first[-_ ]steps"
        r"|lessons?|learn(?:ing)?|walkthroughs?|workshops?)\Z"
    ),
    "how-to": re.compile(
        r"(?:how[-_ ]?tos?|guides?|user[-_ ]guides?|usage|cookbooks?|recipes|examples?"
        r"|integrations?|deploy(?:ment|ing)?|operations|admin[-_ ]guides?|developer[-_ ]guides?"
        r"|install(?:ation|ing)?|setup|troubleshooting|migrat[\w-]*|managing[-_ ][\w-]+"
        r"|upgrad[\w-]*|tasks|editors|development|contributing)\Z"
    ),
    "reference": re.compile(
        r"(?:api(?:[-_ ]\w+)?|reference|ref|command[-_ ]reference|commands|cli|config(?:uration)?"
        r"|settings|options|errors|glossary|schemas?|sdk|query|sql|functions|operators"
        r"|styles|widgets|events|css[-_ ]types|types|plugins|specs?|specification)\Z"
    ),
    "explanation": re.compile(
        r"(?:concepts|explanations?|topics|background|architecture|internals|design"
        r"|understanding[\w-]*|how[-_ ][\w-]+[-_ ]works|deep[-_ ]dive|theory|overview)\Z"
    ),
}
"""Folder names (lower case) that say a category, beyond the defaults."""

_NOT_DOCUMENTS = re.compile(
    r"(?:blog|posts|news|changelog|release[-_ ]notes|releases|history|includes?|snippets"
    r"|partials|assets|images|img|static|_build|overrides|templates|about|community|meta"
    r"|team|governance|legal)\Z"
)
"""Folder names of pages that are not documents to file: posts, release notes,
includes, pages about the project rather than its use."""

AGREE = 0.75
"""The share of a folder's pages that must read as one category for content alone to
decide it."""
FEWEST = 3
"""The fewest pages a folder needs for content alone to decide it."""


@dataclass(frozen=True, slots=True)
class Suggestion:
    """One line of advice: a folder, what to do with it, and why."""

    folder: str
    """The folder's name, as ``categories:`` matches it (any depth)."""
    category: str | None
    """The category to file it under; ``None`` to exempt it."""
    evidence: str
    pages: int


def suggest(
    uncategorised: Iterable[str], reads_as: Mapping[str, str] | None = None
) -> list[Suggestion]:
    """Suggestions for the folders that hold ``uncategorised`` pages (paths under
    docs_dir). ``reads_as``: the category each page's content reads as, where known."""
    by_folder: dict[str, list[str]] = defaultdict(list)
    for path in uncategorised:
        segments = path.split("/")[:-1]
        if segments:
            by_folder[_deciding_folder(segments)].append(path)
    suggestions = []
    for folder, pages in sorted(by_folder.items()):
        name = folder.lower()
        votes = Counter((reads_as or {}).get(page) for page in pages)
        votes.pop(None, None)
        if _NOT_DOCUMENTS.match(name):
            suggestions.append(
                Suggestion(folder, None, "the name says these are not documents", len(pages))
            )
            continue
        named = next((c for c, pattern in _NAMES.items() if pattern.match(name)), None)
        read = ""
        if votes:
            top, count = votes.most_common(1)[0]
            read = f"; {count} of {len(pages)} pages read as {top}"
        if named is not None:
            suggestions.append(Suggestion(folder, named, f'the name "{folder}"{read}', len(pages)))
            continue
        if votes:
            top, count = votes.most_common(1)[0]
            if top in ("reference", "how-to") and count >= max(FEWEST, AGREE * len(pages)):
                suggestions.append(
                    Suggestion(
                        folder, top, f"{count} of {len(pages)} pages read as {top}", len(pages)
                    )
                )
    return suggestions


def _deciding_folder(segments: list[str]) -> str:
    """The folder of a path whose name files it: the outermost one with a name that
    says something (``cookbook/sql/`` is a cookbook), else the outermost. A name files
    every folder so named, at any depth, so an inner name would file other paths too."""
    for segment in segments:
        name = segment.lower()
        if _NOT_DOCUMENTS.match(name) or any(p.match(name) for p in _NAMES.values()):
            return segment
    return segments[0]


def as_lines(
    suggestions: list[Suggestion], current: Mapping[str, Iterable[str]] | None = None
) -> str:
    """The ``categories:`` and ``exempt:`` lines for ``mkdocs.yml``. A category listed
    under ``categories:`` replaces its defaults, so each line keeps them."""
    current = current or DEFAULT_FOLDERS
    added: dict[str, list[str]] = defaultdict(list)
    exempt = []
    for suggestion in suggestions:
        if suggestion.category is None:
            exempt.append(f'"{suggestion.folder}/"')
        else:
            added[suggestion.category].append(suggestion.folder)
    lines = []
    if added:
        lines.append("categories:")
        for category in ("tutorial", "how-to", "reference", "explanation"):
            if category in added:
                names = [*current[category], *sorted(set(added[category]))]
                lines.append(f"  {category}: [{', '.join(names)}]")
    if exempt:
        lines.append(f"exempt: [{', '.join(sorted(set(exempt)))}]")
    return "\n".join(lines)
