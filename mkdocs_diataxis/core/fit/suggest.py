"""What `mkdocs-diataxis init` suggests: the ``categories:`` and ``exempt:`` lines that
file a site's uncategorised folders, each with its evidence.

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
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from mkdocs_diataxis.core.pathmatch import PathPatterns
from mkdocs_diataxis.core.settings import DEFAULT_FOLDERS
from mkdocs_diataxis.core.vocabulary import CATEGORIES

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
    r"|about|community|translation[-_]banner|external[-_]links)\Z"
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

Reading = tuple[str, float, bool]
"""What a page's content reads as: the category, how surely, and whether signals of
that category can be shown for it."""


@dataclass(frozen=True, slots=True)
class Suggestion:
    """One line of advice: a folder, what to do with it, and why."""

    folder: str
    """The folder's name, as ``categories:`` matches it (any depth)."""
    category: str | None
    """The category to file it under; ``None`` to exempt it."""
    evidence: str
    pages: int
    places: tuple[str, ...] = ()
    """Where the folder stands: its paths under docs_dir (``ops/tasks``)."""
    members: tuple[str, ...] = field(default=(), compare=False, repr=False)
    """The uncategorised pages it files."""


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
    copies: int = field(default=1, compare=False)
    """How many uncategorised files it stands for: the page and its translations."""


@dataclass(frozen=True, slots=True)
class Undecided:
    """A folder that neither its name nor its pages' content files."""

    folder: str
    pages: int
    votes: dict[str, int]
    """How many of its pages read as each category, most first (English pages only:
    the signals are English words)."""
    places: tuple[str, ...] = ()
    refiles: tuple[str, ...] = ()
    """When its name says a category, the pages that already have a category which a
    ``categories:`` line of that name would move or put in two categories at once."""
    category: str | None = None
    """The category its name says, when ``refiles`` kept it from being suggested."""


@dataclass(frozen=True, slots=True)
class InitPlan:
    """Everything `init` suggests for a site's uncategorised pages."""

    folders: list[Suggestion]
    undecided: list[Undecided]
    advice: list[PageAdvice]
    """Pages no folder line files and whose names say what they are, by path."""
    left: list[str] = field(default_factory=list)
    """Pages no line files and nothing here decides: at the docs root, or kept out of
    an exempt folder by the project's own ``!`` pattern."""


@dataclass(frozen=True, slots=True)
class Site:
    """What `plan` needs to know of the site besides its uncategorised pages."""

    categories: Mapping[str, tuple[str, ...]]
    """The category folder names in force."""
    exempt: tuple[str, ...] = ()
    """The project's own ``exempt`` patterns."""
    placed: Mapping[str, tuple[str, str | None]] = field(default_factory=dict)
    """Every page that has a category: its category and where it came from
    (``folder``, ``front matter``, ``generated``)."""
    languages: frozenset[str] = frozenset()
    """The locales of mkdocs-static-i18n, whose folders (``en/``, ``fr/``) are never a
    category."""


def plan(uncategorised: Iterable[str], readings: Mapping[str, Reading], site: Site) -> InitPlan:
    """What to suggest for ``uncategorised`` pages. ``readings``: for each page whose
    content was read, the category it reads as, how surely, and whether signals of it
    can be shown."""
    groups: dict[str, list[tuple[str, str]]] = defaultdict(list)  # name -> (page, place)
    root = []
    for path in uncategorised:
        segments = path.split("/")[:-1]
        index = _deciding_folder(segments, site.languages)
        if index is None:
            root.append(path)
        else:
            groups[segments[index].lower()].append((path, "/".join(segments[: index + 1])))
    reinclude = PathPatterns(p[1:] for p in site.exempt if p.startswith("!"))
    folders, undecided, advice, left = [], [], [], []
    for _name, members in sorted(groups.items()):
        pages = [page for page, _ in members if not reinclude.match(page)]
        left += [page for page, _ in members if reinclude.match(page)]
        places = tuple(sorted({place for _, place in members}))
        shown = members[0][1].rsplit("/", 1)[-1]
        suggestion = _folder(shown, pages, readings, places) if pages else None
        if suggestion is not None:
            folders.append(suggestion)
            continue
        own = [_page(page, copies) for page, copies in Counter(pages).items()]
        advice += [a for a in own if a.category or a.exempt]
        rest = [a.page for a in own if not (a.category or a.exempt)]
        if rest:
            undecided.append(_undecided(shown, rest, readings, places))
    for page, copies in Counter(root).items():
        found = _page(page, copies)
        if (found.category or found.exempt) and not reinclude.match(page):
            advice.append(found)
        else:
            left.append(page)
    folders, refused = _harmless(folders, site)
    undecided = sorted(undecided + refused, key=lambda u: u.folder.lower())
    return InitPlan(folders, undecided, sorted(advice, key=lambda a: a.page), sorted(set(left)))


def _folder(
    folder: str, pages: list[str], readings: Mapping[str, Reading], places: tuple[str, ...]
) -> Suggestion | None:
    name = folder.lower()
    members = tuple(pages)
    if _NOT_DOCUMENTS.match(name):
        why = "the name says these are not documents"
        return Suggestion(folder, None, why, len(pages), places, members)
    votes = Counter(readings[page][0] for page in pages if page in readings)
    top, count = votes.most_common(1)[0] if votes else (None, 0)
    named = next((c for c, pattern in _NAMES.items() if pattern.match(name)), None)
    if named is not None:
        if top in CONTENT_DECIDES and top != named:
            sure = sum(1 for page in pages if page in readings and _sure(readings[page], top))
            if sure * 2 >= len(pages):
                return None  # the pages say otherwise, surely: a dispute for the user
        votes_shown = f"; {count} of {len(pages)} pages read as {top}" if top else ""
        why = f'the name "{folder}"{votes_shown}'
        return Suggestion(folder, named, why, len(pages), places, members)
    # Pages not read (not in English, say) are no evidence either way, but they must
    # be the fewer: the folder is decided by what most of it says.
    read = sum(1 for page in pages if page in readings)
    if read * 2 < len(pages) or top not in CONTENT_DECIDES or count < max(FEWEST, AGREE * read):
        return None
    sure = sum(1 for page in pages if page in readings and _sure(readings[page], top))
    if sure * 2 < read:
        return None
    unread = f" ({len(pages) - read} not read)" if read < len(pages) else ""
    return Suggestion(
        folder,
        top,
        f"{count} of {read} pages read as {top}, {sure} at {SURE[top]:.0%} or more{unread}",
        len(pages),
        places,
        members,
    )


def _undecided(
    folder: str, pages: list[str], readings: Mapping[str, Reading], places: tuple[str, ...]
) -> Undecided:
    votes = Counter(readings[page][0] for page in pages if page in readings)
    return Undecided(folder, len(pages), dict(votes.most_common()), places)


def _sure(reading: Reading, category: str) -> bool:
    """Whether a page reads surely as ``category`` (reference or how-to), for reasons it
    can show."""
    read, probability, shown = reading
    return read == category and probability >= SURE[read] and shown


def _harmless(folders: list[Suggestion], site: Site) -> tuple[list[Suggestion], list[Undecided]]:
    """The suggestions whose ``categories:`` line leaves every other page where it is,
    and those refused because their line would not. A folder name files every folder
    so named at any depth, so ``install`` also files ``reference/install/`` (two
    categories in one path), and moves a page whose front matter says otherwise."""
    names = {s.folder.lower(): s.category for s in folders if s.category is not None}
    filed = {page: (s.category, "folder") for s in folders if s.category for page in s.members}
    blamed: dict[str, list[str]] = defaultdict(list)
    for page, (category, _) in sorted({**site.placed, **filed}.items()):
        for name in {segment.lower() for segment in page.split("/")[:-1]}:
            if name in names and names[name] != category:
                blamed[name].append(page)
    kept, refused = [], []
    for suggestion in folders:
        pages = blamed.get(suggestion.folder.lower())
        if not pages:
            kept.append(suggestion)
            continue
        refused.append(
            Undecided(
                suggestion.folder,
                suggestion.pages,
                {},
                suggestion.places,
                tuple(sorted(pages)),
                suggestion.category,
            )
        )
    return kept, refused


def _page(page: str, copies: int = 1) -> PageAdvice:
    """Advice for one page no folder line files, from its name only. Its content read
    alone does not decide it: pages read as reference or how-to this surely were what
    they read as in only about 4 cases in 10 when judged (`benchmarks/fit-judged.tsv`)."""
    stem = page.rsplit("/", 1)[-1].rsplit(".", 1)[0].lower()
    if _NOT_DOCUMENT_PAGES.match(stem):
        return PageAdvice(page, None, True, "the name says it is not a document", copies)
    named = next((c for c, pattern in _PAGE_NAMES.items() if pattern.match(stem)), None)
    if named is not None:
        return PageAdvice(page, named, False, f'the name "{stem}"', copies)
    return PageAdvice(page, None, False, "")


def _deciding_folder(segments: list[str], languages: frozenset[str]) -> int | None:
    """The folder of a path whose name files it: the outermost one whose name says a
    category (``cookbook/sql/`` is a cookbook, ``releases/upgrade/`` holds upgrade
    guides), else the outermost whose name says its pages are not documents, else the
    outermost that is not a language's (mkdocs-static-i18n's ``en/``, ``fr/``), else
    none. A name files every folder so named, at any depth, so an inner name would
    file other paths too."""
    names = [segment.lower() for segment in segments]
    for index, name in enumerate(names):
        if any(pattern.match(name) for pattern in _NAMES.values()):
            return index
    for index, name in enumerate(names):
        if _NOT_DOCUMENTS.match(name):
            return index
    return next((i for i, s in enumerate(segments) if s not in languages), None)


def options(
    found: InitPlan, categories: Mapping[str, tuple[str, ...]], exempt: Sequence[str]
) -> dict[str, object]:
    """The plugin options that carry out ``found`` on a project whose category folder
    names and own ``exempt`` patterns are ``categories`` and ``exempt``: each category
    the project changed or a suggestion adds to, whole (a category listed replaces its
    defaults), and the project's ``exempt`` list with the new patterns after it. Empty
    when nothing is suggested."""
    added: dict[str, list[str]] = defaultdict(list)
    new_exempt = []
    for suggestion in found.folders:
        if suggestion.category is None:
            new_exempt += [f"/{escape(place)}/" for place in suggestion.places]
        else:
            added[suggestion.category].append(suggestion.folder)
    new_exempt += [f"/{escape(advice.page)}" for advice in found.advice if advice.exempt]
    chosen: dict[str, object] = {}
    lists = {}
    for category in CATEGORIES:
        current = list(categories[category])
        more = sorted(set(added.get(category, ())) - {name.lower() for name in current})
        if added and (more or tuple(current) != DEFAULT_FOLDERS[category]):
            lists[category] = [*current, *more]
    if added:
        chosen["categories"] = lists
    if new_exempt:
        kept = list(exempt)
        chosen["exempt"] = [*kept, *(p for p in dict.fromkeys(new_exempt) if p not in kept)]
    return chosen


def escape(path: str) -> str:
    """``path`` as a pattern that matches it alone: glob characters taken literally."""
    return re.sub(r"([\\\[\]*?!#])", r"\\\1", path)


def as_yaml(chosen: Mapping[str, object]) -> str:
    """``chosen`` options as they stand under ``- diataxis:`` in ``mkdocs.yml``."""
    lines = ["plugins:", "  - diataxis:"]
    categories = chosen.get("categories")
    if isinstance(categories, dict):
        lines.append("      categories:")
        lines += [
            f"        {c}: [{', '.join(map(_flow, names))}]" for c, names in categories.items()
        ]
    exempt = chosen.get("exempt")
    if isinstance(exempt, list):
        lines.append(f"      exempt: [{', '.join(map(_flow, exempt))}]")
    return "\n".join(lines)


def as_toml(chosen: Mapping[str, object]) -> str:
    """``chosen`` options as they stand in ``zensical.toml``."""
    lines = ["[project.plugins.diataxis]"]
    categories = chosen.get("categories")
    if isinstance(categories, dict):
        items = ", ".join(f"{c} = {_toml_list(names)}" for c, names in categories.items())
        lines.append(f"categories = {{ {items} }}")
    exempt = chosen.get("exempt")
    if isinstance(exempt, list):
        lines.append(f"exempt = {_toml_list(exempt)}")
    return "\n".join(lines)


def _toml_list(values: Iterable[str]) -> str:
    return "[" + ", ".join(json.dumps(v, ensure_ascii=False) for v in values) + "]"


def _flow(value: str) -> str:
    """``value`` as an item of a YAML flow list: quoted when YAML would read it as
    something else (``/x.md``, ``on``, ``1.0``, ``a: b``)."""
    if re.fullmatch(r"[A-Za-z_][\w.-]*", value) and value.lower() not in _YAML_WORDS:
        return value
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a YAML one


_YAML_WORDS = frozenset(("y", "n", "yes", "no", "on", "off", "true", "false", "null", "none", "~"))
