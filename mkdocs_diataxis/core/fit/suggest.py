"""What `mkdocs-diataxis init` suggests: the ``categories:`` and ``exempt:`` lines that
file a site's uncategorised folders, each with its evidence (work in progress).

A folder's name leads: ``api-guide`` is reference, ``cookbook`` how-to, ``concepts``
explanation, ``getting-started`` a tutorial. Its pages' content can back a name up, or
decide a folder whose name says nothing, but only between reference and how-to: that
is all the content model tells apart across projects (see
``benchmarks/fit-results.md``).
"""

from __future__ import annotations

import json
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

_PAGE_NAMES: dict[str, re.Pattern[str]] = {
    "tutorial": re.compile(
        r"(?:tutorials?|getting[-_ ]?started|get[-_ ]?started|quick[-_ ]?start|first[-_ ]steps)\Z"
    ),
    "how-to": re.compile(
        r"(?:how[-_ ]?to[-_ ][\w-]+|install(?:ation|ing)?|setup|troubleshooting|migrat[\w-]*"
        r"|upgrad[\w-]*|contributing|deploy(?:ment|ing)?)\Z"
    ),
    "reference": re.compile(r"(?:api|api[-_]reference|reference|cli|command[-_]line|glossary)\Z"),
    "explanation": re.compile(
        r"(?:concepts|architecture|design|internals|why|why[-_][\w-]+|how[-_][\w-]+[-_]works"
        r"|understanding[\w-]*|philosophy|background)\Z"
    ),
}
"""File names (without the extension, lower case) that say a page's category. Fewer
than for folders: a page named ``events`` or ``settings`` may be any kind of page."""

_NOT_DOCUMENT_PAGES = re.compile(
    r"(?:changelog|changes|release[-_ ]notes|releases|history|news|newsletter|license"
    r"|code[-_]of[-_]conduct|authors|people|[\w-]+[-_]people|sponsors|team|governance|roadmap"
    r"|about|community|translations?|translation[-_]banner|external[-_]links)\Z"
)
"""File names of pages that are not documents to file: release notes, licences,
people, the project's own plans."""

AGREE = 0.75
"""The share of a folder's pages that must read as one category for content alone to
decide it; at least half of them must also read as it surely (`SURE`)."""
FEWEST = 3
"""The fewest pages a folder needs for content alone to decide it."""
SURE = {"reference": 0.7, "how-to": 0.8}
"""How surely a page must read as reference or how-to to count for its folder.
Measured leaving one corpus out over 1,603 pages filed by their projects: of the
pages read as reference this surely, 929 of 942 are filed as reference (0.99); of those
read as how-to this surely, 149 of 184 are how-to guides (0.81). A page alone is never
decided so: most pages are in folders that agree with them, and of those that are
not, few read as what they were filed as (`benchmarks/fit-judged.tsv`)."""
CONTENT_DECIDES = ("reference", "how-to")
"""The categories content alone may decide: the pair the model tells apart across
projects (``benchmarks/fit-results.md``). It does not tell tutorials and
explanations from how-to guides."""


@dataclass(frozen=True, slots=True)
class Suggestion:
    """One line of advice: a folder, what to do with it, and why."""

    folder: str
    """The folder's name, as ``categories:`` matches it (any depth)."""
    category: str | None
    """The category to file it under; ``None`` to exempt it."""
    evidence: str
    pages: int


@dataclass(frozen=True, slots=True)
class PageAdvice:
    """What to do with one page that no folder line files, by its name."""

    page: str
    category: str | None
    """The category to declare in its front matter; ``None``: see ``exempt``."""
    exempt: bool
    """Exempt it (``category`` is then ``None``); neither: no suggestion."""
    evidence: str
    """Why (empty when there is no suggestion)."""


@dataclass(frozen=True, slots=True)
class Undecided:
    """A folder that neither its name nor its pages' content files."""

    folder: str
    pages: int
    votes: dict[str, int]
    """How many of its pages read as each category, most first."""


@dataclass(frozen=True, slots=True)
class Plan:
    """Everything `init` suggests for a site's uncategorised pages."""

    folders: list[Suggestion]
    undecided: list[Undecided]
    pages: list[PageAdvice]
    """Pages no folder line files, by path: at the docs root (each with advice, or
    why there is none), or in an undecided folder (only those with advice)."""


def suggest(
    uncategorised: Iterable[str], reads_as: Mapping[str, str] | None = None
) -> list[Suggestion]:
    """Suggestions for the folders that hold ``uncategorised`` pages (paths under
    docs_dir). ``reads_as``: the category each page's content reads as, where known."""
    return plan(uncategorised, {page: (c, 0.0, "") for page, c in (reads_as or {}).items()}).folders


def plan(uncategorised: Iterable[str], readings: Mapping[str, tuple[str, float, str]]) -> Plan:
    """What to suggest for ``uncategorised`` pages. ``readings``: for each page whose
    content was read, the category it reads as, how sure the model is, and why."""
    by_folder: dict[str, list[str]] = defaultdict(list)
    pages = []
    for path in uncategorised:
        segments = path.split("/")[:-1]
        if segments:
            by_folder[_deciding_folder(segments)].append(path)
        else:
            pages.append(_page(path))
    folders, undecided = [], []
    for folder, inside in sorted(by_folder.items()):
        suggestion = _folder(folder, inside, readings)
        if suggestion is not None:
            folders.append(suggestion)
            continue
        votes = Counter(readings[page][0] for page in inside if page in readings)
        undecided.append(Undecided(folder, len(inside), dict(votes.most_common())))
        for page in inside:
            advice = _page(page)
            if advice.category or advice.exempt:
                pages.append(advice)
    return Plan(folders, undecided, sorted(pages, key=lambda a: a.page))


def _folder(
    folder: str, pages: list[str], readings: Mapping[str, tuple[str, float, str]]
) -> Suggestion | None:
    name = folder.lower()
    if _NOT_DOCUMENTS.match(name):
        return Suggestion(folder, None, "the name says these are not documents", len(pages))
    votes = Counter(readings[page][0] for page in pages if page in readings)
    top, count = votes.most_common(1)[0] if votes else (None, 0)
    named = next((c for c, pattern in _NAMES.items() if pattern.match(name)), None)
    if named is not None:
        read = f"; {count} of {len(pages)} pages read as {top}" if top else ""
        return Suggestion(folder, named, f'the name "{folder}"{read}', len(pages))
    if top not in CONTENT_DECIDES or count < max(FEWEST, AGREE * len(pages)):
        return None
    sure = sum(1 for page in pages if page in readings and _sure(readings[page], top))
    if sure * 2 < len(pages):
        return None
    return Suggestion(
        folder,
        top,
        f"{count} of {len(pages)} pages read as {top}, {sure} at {SURE[top]:.0%} or more",
        len(pages),
    )


def _sure(reading: tuple[str, float, str], category: str) -> bool:
    """Whether a page reads surely as ``category`` (reference or how-to), for reasons it
    can show."""
    read, probability, why = reading
    return read == category and probability >= SURE[read] and bool(why)


def _page(page: str) -> PageAdvice:
    """Advice for one page no folder line files, from its name only. Its content read
    alone does not decide it: pages read as reference or how-to this surely were what
    they read as in only about 4 cases in 10 when judged (`benchmarks/fit-judged.tsv`)."""
    stem = page.rsplit("/", 1)[-1].rsplit(".", 1)[0].lower()
    if _NOT_DOCUMENT_PAGES.match(stem):
        return PageAdvice(page, None, True, "the name says it is not a document")
    named = next((c for c, pattern in _PAGE_NAMES.items() if pattern.match(stem)), None)
    if named is not None:
        return PageAdvice(page, named, False, f'the name "{stem}"')
    return PageAdvice(page, None, False, "")


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
    found: Plan,
    current: Mapping[str, Iterable[str]] | None = None,
    exempt: Iterable[str] = (),
) -> str:
    """The ``categories:`` and ``exempt:`` lines for ``mkdocs.yml``. A category listed
    under ``categories:`` replaces its defaults, and ``exempt:`` replaces the
    project's own list, so each line keeps what ``current`` and ``exempt`` already
    hold."""
    current = current or DEFAULT_FOLDERS
    added: dict[str, list[str]] = defaultdict(list)
    new_exempt = []
    for suggestion in found.folders:
        if suggestion.category is None:
            new_exempt.append(f"{suggestion.folder}/")
        else:
            added[suggestion.category].append(suggestion.folder)
    new_exempt += [f"/{advice.page}" for advice in found.pages if advice.exempt]
    lines = []
    if added:
        lines.append("categories:")
        for category in ("tutorial", "how-to", "reference", "explanation"):
            if category in added:
                names = [*current[category], *sorted(set(added[category]) - set(current[category]))]
                lines.append(f"  {category}: [{', '.join(_flow(n) for n in names)}]")
    if new_exempt:
        kept = list(exempt)
        patterns = [*kept, *sorted(set(new_exempt) - set(kept))]
        lines.append(f"exempt: [{', '.join(_flow(p) for p in patterns)}]")
    return "\n".join(lines)


def _flow(value: str) -> str:
    """``value`` as an item of a YAML flow list: quoted when YAML would read it as
    something else (``/x.md``, ``on``, ``1.0``, ``a: b``)."""
    if re.fullmatch(r"[A-Za-z_][\w.-]*", value) and value.lower() not in _YAML_WORDS:
        return value
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a YAML one


_YAML_WORDS = frozenset(("y", "n", "yes", "no", "on", "off", "true", "false", "null", "none", "~"))
