"""The signals a page gives of its Diátaxis category, each with where it stands.

A signal is something a reader notices: "In this tutorial" and "you should see"
(a tutorial), a title that starts with a verb and steps that do too (a how-to
guide), tables of parameters and headings that are signatures (reference), "why",
"because" and trade-offs (explanation). Each is counted over the page's prose, with
the first places it stands kept as evidence. How much each one weighs for each
category is measured on real docs (`weights`), not decided here.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from dataclasses import dataclass, field

from mkdocs_diataxis.core.document import PROSE_LEAVES, Block, Code, Document, Span

EVIDENCE_PLACES = 3
"""How many places of each signal a page keeps to show."""


@dataclass(frozen=True, slots=True)
class Signal:
    """One kind of thing a reader notices, and what it suggests."""

    name: str
    suggests: str
    """The category it is chosen to point at (its weights may say otherwise)."""
    description: str


@dataclass(slots=True)
class Found:
    """How often one signal stands on a page, and its first places (line, text)."""

    count: int = 0
    places: list[tuple[int, str]] = field(default_factory=list)

    def add(self, line: int, text: str, count: int = 1) -> None:
        self.count += count
        if len(self.places) < EVIDENCE_PLACES:
            self.places.append((line, text))


# Phrases of the body, case ignored. Each alternative stands for its signal; the
# patterns are joined into one, so a page's prose is read once.
_PHRASES: dict[str, tuple[str, str, str]] = {
    "tutorial-words": (
        "tutorial",
        r"\bin this (?:tutorial|lesson)\b|\bthis tutorial\b|\bin the (?:next|previous) (?:step|"
        r"section|chapter|part)\b|\bby the end of this\b",
        '"in this tutorial", "in the next step": a lesson in parts',
    ),
    "we-will": (
        "tutorial",
        r"\bwe(?:'ll| will| are going to)\b|\blet's\b|\blet us\b",
        '"we will", "let\'s": the teacher doing it with the reader',
    ),
    "you-will-see": (
        "tutorial",
        r"\byou should (?:now )?see\b|\byou(?:'ll| will) (?:now )?see\b|\bshould (?:now )?(?:look|"
        r"print|output|display|show) (?:like|something)\b|\bcongratulations\b|\byou(?:'ve| have)"
        r" (?:now |just )?(?:built|created|made|written|learned)\b",
        '"you should see", "congratulations": the result the learner reaches',
    ),
    "sequence": (
        "tutorial",
        r"(?:^|[.!?] )(?:now|next|first|then|finally),? (?:we|you|let's|run|open|add|create)\b|"
        r"\b(?:run|try|check) it\b|\bgo ahead\b|\bfor now\b",
        '"now we", "next, run", "try it": one step after another, done together',
    ),
    "we-our": (
        "tutorial",
        r"\bwe\b|\bour\b|\bus\b",
        '"we", "our": the writer and the reader together',
    ),
    "you-your": (
        "how-to",
        r"\byou\b|\byour\b",
        '"you", "your": the reader addressed',
    ),
    "how-to-words": (
        "how-to",
        r"\bthis (?:guide|page|section|document|recipe) (?:shows|explains|describes|walks|covers)"
        r" (?:you )?how\b|\bhow to\b|\bsteps? to\b|\bfollow (?:these|the) steps\b",
        '"how to", "this guide shows how": a task and its steps',
    ),
    "prerequisites": (
        "how-to",
        r"\bprerequisites?\b|\bbefore you (?:begin|start)\b|\brequirements\b|\byou(?:'ll| will)"
        r" need\b",
        '"prerequisites", "before you begin": what the task needs first',
    ),
    "you-can": (
        "how-to",
        r"\byou can\b|\bif you (?:want|need|prefer)\b|\bin order to\b",
        '"you can", "if you want": options for a reader at work',
    ),
    "reference-words": (
        "reference",
        r"\bdefaults? (?:to|is|:)|\bdefault value\b|\b(?:type|default|required|optional)\s*:|"
        r"\breturns (?:a|an|the|true|false|none|null)\b|\bdeprecated\b|\bsupported (?:values|"
        r"options|types)\b|\bpossible values\b|\baccepts? (?:a|an|the|one)\b",
        '"defaults to", "returns a", "type:": a description of a thing',
    ),
    "why-because": (
        "explanation",
        r"\bwhy\b|\bbecause\b|\bthe reason\b|\btherefore\b|\bthus\b|\bhence\b|\bso that\b|"
        r"\bthis means\b",
        '"why", "because", "this means": reasons',
    ),
    "trade-offs": (
        "explanation",
        r"\btrade-?offs?\b|\bdownsides?\b|\bdrawbacks?\b|\b(?:dis)?advantages?\b|\bin contrast\b|"
        r"\bwhereas\b|\bon the other hand\b|\balternatives?\b|\binstead of\b|\bcompared (?:to|"
        r"with)\b",
        '"trade-offs", "in contrast", "alternatives": weighing choices',
    ),
    "ideas": (
        "explanation",
        r"\bconcepts?\b|\bdesign(?:ed)?\b|\barchitecture\b|\bunder the hood\b|\binternally\b|"
        r"\bphilosophy\b|\bhistor(?:y|ical|ically)\b|\boriginally\b|\bunderstand(?:ing)?\b|"
        r"\bmental model\b|\bin general\b|\bgenerally\b|\btypically\b",
        '"design", "under the hood", "history": ideas and background',
    ),
}

_PHRASE = re.compile(
    "|".join(
        f"(?P<{name.replace('-', '_')}>{pattern})" for name, (_, pattern, _) in _PHRASES.items()
    ),
    re.IGNORECASE,
)

# A sentence or list item that opens with a verb in the imperative: "Install the
# package", "Run `uv sync`". The common verbs of docs' steps; not "Installing".
_IMPERATIVE = re.compile(
    r"(?:add|allow|apply|build|call|change|check|choose|click|clone|configure|connect|copy|"
    r"create|define|delete|deploy|disable|download|edit|enable|enter|ensure|export|fetch|"
    r"find|follow|generate|go|import|install|launch|list|load|log|make|migrate|mount|move|"
    r"navigate|open|paste|pass|pick|pull|push|put|remove|rename|replace|restart|run|save|"
    r"select|set|start|stop|switch|test|type|update|upgrade|upload|use|verify|visit|wait|"
    r"write)\b(?!-)",
    re.IGNORECASE,
)
# The words of a heading that names an API: "Parameters", "Returns", "Options".
_REFERENCE_HEADING = re.compile(
    r"(?:parameters|arguments|args|returns?|raises|exceptions|options|flags|attributes|"
    r"properties|fields|methods|syntax|signature|type|default|defaults|values|keys|settings|"
    r"environment variables|response|request|errors|events|bindings|examples?)\s*:?\Z",
    re.IGNORECASE,
)
_RECAP_HEADING = re.compile(
    r"(?:recap|summary|what(?:'s| is) next|next steps?|conclusion|wrap(?:ping)? up|what you(?:'ve|"
    r" have)? learned|check it|run it|try it)\b",
    re.IGNORECASE,
)
_WHY_HEADING = re.compile(
    r"(?:why|how .+ works|understanding|about|background|overview|concepts?|design|"
    r"architecture|motivation|rationale|history|internals?)\b",
    re.IGNORECASE,
)
# A heading that is a signature or a name from code: "`Widget.mount()`", "get(key)".
_SIGNATURE = re.compile(r"[\w.]+\([^)]*\)|^`[^`]+`$")

STRUCTURE: dict[str, tuple[str, str]] = {
    "imperative-steps": (
        "how-to",
        "list items and paragraphs that open with a verb: steps to follow",
    ),
    "numbered-steps": ("how-to", "numbered list items"),
    "table-cells": ("reference", "table cells: facts laid out to look up"),
    "reference-headings": (
        "reference",
        'headings such as "Parameters", "Returns", "Options"',
    ),
    "signature-headings": ("reference", "headings that are names or signatures from code"),
    "inline-code": ("reference", "names from code in the prose"),
    "code-blocks": ("tutorial", "code blocks: things to type and run"),
    "recap-headings": (
        "tutorial",
        'headings such as "Recap", "What you learned", "Next steps"',
    ),
    "why-headings": (
        "explanation",
        'headings such as "Why ...", "How it works", "Design"',
    ),
    "long-paragraphs": ("explanation", "paragraphs of 60 words or more: discussion"),
    "generated": ("reference", "documentation generated from code (mkdocstrings ::: lines)"),
}

CASES: dict[str, tuple[str, str]] = {
    "lookup-entries": (
        "reference",
        "entries to look up: table rows under headers such as Name, Type, Default, and"
        " list items that open with a name from code and say what it is",
    ),
    "directions": (
        "how-to",
        'directions for tasks: "to do X, run Y"',
    ),
}
"""Signals that make a case by themselves, weighed apart from the model by
`content/fit` (see ``core/rules/content.py``), not by it: as inputs to it they
measured no better (leave one corpus out, macro 0.781 with them and without)."""

_TITLES: dict[str, tuple[re.Pattern[str], str]] = {
    "tutorial": (
        re.compile(
            r".*\b(?:tutorials?|first steps|getting started|get started|quick ?start|your first|"
            r"lesson|part \d+|step \d+|walkthrough|introduction|intro)\b",
            re.IGNORECASE,
        ),
        'a title such as "Tutorial: ...", "First steps", "Getting started"',
    ),
    "how-to": (
        re.compile(
            r"(?:how (?:to|do i)\b|(?:\w+ing)\b(?! (?:started|blocks?)\b)|"
            + _IMPERATIVE.pattern
            + ")",
            re.IGNORECASE,
        ),
        'a title that names a task: "How to ...", "Deploy ...", "Deploying ..."',
    ),
    "reference": (
        re.compile(
            r"(?:[\w:/<>-]*(?:[.:/<>_]\w|(?-i:[a-z][A-Z]))[\w.:/<>-]*(?:\(\))?|[\w.]+\(\)|`[^`]+`)\Z"
            r"|.*\b(?:reference|api|cli|commands?|options|"
            r"settings|configuration|parameters|glossary|changelog|errors?|functions?|types?|"
            r"syntax|specification|schema)\b",
            re.IGNORECASE,
        ),
        'a title that is a name from code, or such as "API reference", "Options"',
    ),
    "explanation": (
        re.compile(
            r"(?:why\b|understanding\b|about\b|.*\b(?:concepts?|overview|architecture|design|"
            r"internals|explained|works|philosophy|background|model|vs\.?|versus|comparison)\b)",
            re.IGNORECASE,
        ),
        'a title such as "Concepts", "How X works", "Architecture", "Why ..."',
    ),
}

SIGNALS: dict[str, Signal] = {
    **{name: Signal(name, suggests, text) for name, (suggests, _, text) in _PHRASES.items()},
    **{name: Signal(name, suggests, text) for name, (suggests, text) in STRUCTURE.items()},
    **{name: Signal(name, suggests, text) for name, (suggests, text) in CASES.items()},
    **{
        f"title-{category}": Signal(f"title-{category}", category, text)
        for category, (_, text) in _TITLES.items()
    },
}
"""Every signal by name, in a fixed order."""

BODY_SIGNALS = (*_PHRASES, *STRUCTURE)
"""The signals counted over the whole page."""
LEAD_SIGNALS = (*_PHRASES, "imperative-steps", "why-headings", *(f"title-{c}" for c in _TITLES))
"""The signals looked for in the title and opening."""


@dataclass(slots=True)
class PageSignals:
    """What a page gives: each signal found in the body and in the title and opening
    (which say most plainly what a page sets out to be), and its length in words."""

    words: int
    body: dict[str, Found]
    lead: dict[str, Found]
    """Signals of the title and first paragraph."""
    prose_words: int = 0
    """Words of paragraphs (not headings or table cells)."""
    english: int = 0
    """How many of those are English function words ("the", "to", "you")."""
    foreign: int = 0
    """How many are function words of other languages written in Latin letters ("und",
    "les", "los", "het")."""
    lookup_words: int = 0
    """Words of the ``lookup-entries``: how much of the page is there to look up."""

    @property
    def in_english(self) -> bool:
        """Whether the page's prose is English, or too short to tell (a table of
        names has none). The signals are English phrases: a page in another language
        reads as whatever its tables and lists make it, so it is not read at all."""
        if self.foreign > self.english:
            return False
        return self.prose_words < 40 or self.english >= 0.08 * self.prose_words

    def then(self, later: PageSignals) -> PageSignals:
        """The signals of a page whose first part gave these and whose next part gave
        ``later`` (a large page is read a section at a time): the body's add up, the
        title and opening are the first part's. Whether the page is generated is a
        fact of the whole page, which each part gives again."""
        body = {}
        for name, found in self.body.items():
            more = later.body[name]
            if name == "generated" or not more.count:
                body[name] = found
                continue
            both = Found(found.count + more.count, list(found.places))
            both.places.extend(more.places[: EVIDENCE_PLACES - len(both.places)])
            body[name] = both
        return PageSignals(
            self.words + later.words,
            body,
            self.lead,
            self.prose_words + later.prose_words,
            self.english + later.english,
            self.foreign + later.foreign,
            self.lookup_words + later.lookup_words,
        )

    def titled(self, title: str) -> PageSignals:
        """These signals, read without a title, with ``title``'s read first, as
        `page_signals` reads it (a large page's title is known once all its headings
        are)."""
        lead = {name: Found() for name in SIGNALS}
        _read_title(title, lead)
        for name, found in self.lead.items():
            for line, text in found.places:
                lead[name].add(line, text, 0)
            lead[name].count += found.count
        return dataclasses.replace(self, lead=lead)


def page_signals(doc: Document, title: str | None) -> PageSignals:
    """The signals of ``doc`` (whose title is ``title``; ``None``: read none, see
    `PageSignals.titled`)."""
    body = {name: Found() for name in SIGNALS}
    lead = {name: Found() for name in SIGNALS}
    if title is not None:
        _read_title(title, lead)
    words = prose = english = foreign = lookup = 0
    first_paragraph = True
    for block in doc.blocks:
        if block.kind not in PROSE_LEAVES or not block.items:
            continue
        text, line = _prose(block)
        count = len(text.split())
        words += count
        _read_phrases(text, line, body)
        if block.kind == "paragraph":
            prose += count
            english += len(_ENGLISH.findall(text))
            foreign += len(_FOREIGN.findall(text))
            if first_paragraph:
                _read_phrases(text, line, lead)
                first_paragraph = False
            if count >= 60:
                body["long-paragraphs"].add(line, text[:60])
            said, starts = _with_code(block)
            for match in _DIRECTION.finditer(said):
                direction = match.group(0).lstrip(".!?: ")
                begins = match.end() - len(direction)
                at = starts[bisect.bisect_right(starts, (begins, 1 << 30)) - 1][1]
                body["directions"].add(at, _shorten(direction))
            if _describes_a_name(block):
                body["lookup-entries"].add(line, text[:40])
                lookup += count
        if block.kind == "heading":
            _read_heading(block, text, line, body)
        elif block.kind == "table_cell":
            body["table-cells"].add(line, text[:40])
        elif _IMPERATIVE.match(text) is not None and _starts_step(block):
            body["imperative-steps"].add(line, text[:60])
        for item in block.items:
            if isinstance(item, Code):
                body["inline-code"].add(item.line, item.text[:40])
    for table in doc.tables:
        if len(table.rows) >= 3 and _FIELD_HEADER.search(" ".join(c.text for c in table.header)):
            for row in table.rows:
                if row:
                    body["lookup-entries"].add(row[0].line, row[0].text[:40])
                # Counted as the page's words are: the prose of each cell, not its code.
                lookup += sum(len(_prose(cell.block)[0].split()) for cell in row)
    for list_item in doc.list_items:
        if list_item.ordered:
            body["numbered-steps"].add(list_item.line, "")
    for code in doc.code:
        if code.kind != "inline":
            body["code-blocks"].add(code.line, code.text.split("\n", 1)[0][:40])
    if doc.generated:
        name = next(d.name for d in doc.directives if d.kind == "autodoc")
        body["generated"].add(1, f"::: {name}")
    return PageSignals(words, body, lead, prose, english, foreign, lookup)


_ENGLISH = re.compile(
    r"\b(?:the|a|an|and|or|to|of|in|is|are|for|you|your|it|this|that|with|on|be|by|as"
    r"|can|if)\b",
    re.IGNORECASE,
)
# German, French, Spanish, Portuguese, Italian and Dutch words that English prose
# does not use.
_FOREIGN = re.compile(
    r"\b(?:und|ist|nicht|mit|sie|ein|eine|der|den|dem|das|les|est|des|une|pour|avec|dans"
    r"|sur|los|las|para|con|una|del|por|como|não|uma|com|che|per|della|het|een|niet|zijn"
    r"|voor|wie|wird|werden|oder|auf|sind|vous|nous|sont|qui|pas)\b",
    re.IGNORECASE,
)


def _read_title(title: str, lead: dict[str, Found]) -> None:
    _read_phrases(title, 1, lead)
    shown = title.strip()
    imperative = _IMPERATIVE.match(shown)
    if imperative:
        lead["imperative-steps"].add(1, imperative.group(0))
    if _WHY_HEADING.match(shown):
        lead["why-headings"].add(1, shown)
    for category, (pattern, _) in _TITLES.items():
        if pattern.match(shown):
            lead[f"title-{category}"].add(1, shown)


# A table whose header names what each row describes: "Name | Type | Default",
# "Key | Description" (not sample data such as "timestamp | price").
_FIELD_HEADER = re.compile(
    r"\b(?:name|key|field|option|parameter|param|argument|arg|flag|variable|env|setting|"
    r"property|attribute|column|annotation|type|default|description|required|condition|"
    r"reason|endpoint|method|metric)s?\b",
    re.IGNORECASE,
)
# "To pin a version, run ...", "To add a dependency, use ...": a task, then what to do.
_DIRECTION = re.compile(
    r"(?:^|[.!?:] )to [a-z]+\b[^.!?]*?, (?:" + _IMPERATIVE.pattern + r"|you (?:can|need|must|"
    r"should)\b)",
    re.IGNORECASE,
)
# After a list item's opening name: ": what it is", "- what it is", "(int): ...".
_DESCRIBED = re.compile(r"\s*(?:\([^)]*\)\s*)?[:=\u2013\u2014-]\s*\S")


def _describes_a_name(block: Block) -> bool:
    """Whether a paragraph opens a list item with a name from code and says what it is:
    "`timeout`: seconds to wait" (an entry of a list of options, fields, columns)."""
    if block.parent is None or block.parent.kind != "list_item" or len(block.items) < 2:
        return False
    name, after = block.items[0], block.items[1]
    return isinstance(name, Code) and isinstance(after, Span) and bool(_DESCRIBED.match(after.text))


def _with_code(block: Block) -> tuple[str, list[tuple[int, int]]]:
    """A paragraph's text with its names from code in backticks, where a direction is
    looked for ("to install `uv`, run" reads whole only with its code), and where each
    of its source lines starts in it: (offset, line)."""
    parts: list[str] = []
    starts: list[tuple[int, int]] = []
    size = 0
    for item in block.items:
        if not isinstance(item, Span | Code):
            continue
        if not starts or item.line > starts[-1][1]:
            if parts:  # the line break between them
                parts.append(" ")
                size += 1
            starts.append((size, item.line))
        part = item.text if isinstance(item, Span) else f"`{item.text}`"
        parts.append(part)
        size += len(part)
    return "".join(parts), starts


def _shorten(text: str, most: int = 70) -> str:
    return text if len(text) <= most else text[: most - 3].rstrip() + "..."


def _prose(block: Block) -> tuple[str, int]:
    spans = [item for item in block.items if isinstance(item, Span)]
    return " ".join(span.text for span in spans), (spans[0].line if spans else block.line)


def _read_phrases(text: str, line: int, into: dict[str, Found]) -> None:
    for match in _PHRASE.finditer(text):
        name = (match.lastgroup or "").replace("_", "-")
        into[name].add(line, match.group(0))


def _read_heading(block: Block, text: str, line: int, body: dict[str, Found]) -> None:
    stripped = text.strip()
    if _REFERENCE_HEADING.match(stripped):
        body["reference-headings"].add(line, stripped)
    if _WHY_HEADING.match(stripped):
        body["why-headings"].add(line, stripped)
    if _RECAP_HEADING.match(stripped):
        body["recap-headings"].add(line, stripped)
    codes = [item for item in block.items if not isinstance(item, Span)]
    if _SIGNATURE.search(stripped) or (codes and not stripped):
        body["signature-headings"].add(line, stripped or "code")


def _starts_step(block: Block) -> bool:
    """Whether a paragraph is the first of a list item, or stands alone: where a step
    begins."""
    return block.parent is None or block.parent.kind in ("list_item", "blockquote")
