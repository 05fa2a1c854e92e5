"""The signals a page gives of its Diátaxis category, each with where it stands.

A signal is something a reader notices: "In this tutorial" and "you should see"
(a tutorial), a title that starts with a verb and steps that do too (a how-to
guide), tables of parameters and headings that are signatures (reference), "why",
"because" and trade-offs (explanation). Each is counted over the page's prose, with
the first places it stands kept as evidence. How much each one weighs for each
category is measured on real docs (`weights`), not decided here.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from mkdocs_diataxis.core.document import PROSE_LEAVES, Block, Code, Document, Span
from mkdocs_diataxis.core.fit.made_of import CASES, read_cases
from mkdocs_diataxis.core.fit.text import EVIDENCE_PLACES, IMPERATIVE, Found, Signal, prose

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

_PHRASE_BODY = "|".join(
    f"(?P<{name.replace('-', '_')}>{pattern})" for name, (_, pattern, _) in _PHRASES.items()
)
# Every phrase starts where a word does, or at the ". " before one ("sequence"): said
# once, in front, a position inside a word fails at once instead of at each of the
# alternatives. Matched on the lowercased text, case-sensitively: twice as fast as
# ignoring case (the same matches, on the corpora's 2,094 pages).
_PHRASE = re.compile(rf"(?:\b|(?=[.!?] ))(?:{_PHRASE_BODY})")
_PHRASE_ANY_CASE = re.compile(_PHRASE.pattern, re.IGNORECASE)

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
            + IMPERATIVE.pattern
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
    """How many English function words ("the", "to", "you") paragraphs and table cells
    hold."""
    foreign: int = 0
    """How many function words of other languages written in Latin letters ("und",
    "les", "los", "het") they hold."""
    lookup_words: int = 0
    """Words of the ``lookup-entries``: how much of the page is there to look up."""
    opened: bool = False
    """Whether the first paragraph was read (a large page's first section may have
    none: the opening is then the next section's)."""
    other_letters: int = 0
    """Letters of paragraphs and table cells in scripts other than Latin (Chinese,
    Cyrillic, ...)."""
    latin_letters: int = 0

    @property
    def in_english(self) -> bool:
        """Whether the page's prose is English, or too short to tell (a table of
        names has none). The signals are English phrases: a page in another language
        reads as whatever its tables and lists make it, so it is not read at all.
        Chinese or Japanese prose has few words split by spaces, so its letters count:
        a page written mostly in another script is not English."""
        # A Chinese or Japanese character says about as much as a Latin word.
        if self.foreign > self.english or 3 * self.other_letters > self.latin_letters:
            return False
        return self.prose_words < 40 or self.english >= 0.08 * self.prose_words

    def then(self, later: PageSignals) -> PageSignals:
        """The signals of a page whose first part gave these and whose next part gave
        ``later`` (a large page is read a section at a time): the body's add up, the
        opening is the first part's that has a paragraph. Whether the page is generated is a
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
            self.lead if self.opened else later.lead,
            self.prose_words + later.prose_words,
            self.english + later.english,
            self.foreign + later.foreign,
            self.lookup_words + later.lookup_words,
            self.opened or later.opened,
            self.other_letters + later.other_letters,
            self.latin_letters + later.latin_letters,
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
    words = prose_words = english = foreign = latin = other = 0
    first_paragraph = True
    for block in doc.blocks:
        if block.kind not in PROSE_LEAVES or not block.items:
            continue
        text, line = prose(block)
        count = len(text.split())
        words += count
        _read_phrases(text, line, body)
        # The language: of paragraphs, and of table cells that hold words, not names.
        if block.kind == "paragraph" or (block.kind == "table_cell" and count >= 3):
            for word in _WORD.findall(text.lower()):
                english += word in _ENGLISH
                foreign += word in _FOREIGN
            letters = len(_LETTER.findall(text))
            latin_here = len(_LATIN.findall(text))
            latin += latin_here
            other += letters - latin_here
        if block.kind == "paragraph":
            prose_words += count
            if first_paragraph:
                _read_phrases(text, line, lead)
                first_paragraph = False
            if count >= 60:
                body["long-paragraphs"].add(line, text[:60])
        if block.kind == "heading":
            _read_heading(block, text, line, body)
        elif block.kind == "table_cell":
            body["table-cells"].add(line, text[:40])
        elif IMPERATIVE.match(text) is not None and _starts_step(block):
            body["imperative-steps"].add(line, text[:60])
        for item in block.items:
            if isinstance(item, Code):
                body["inline-code"].add(item.line, item.text[:40])
    lookup = read_cases(doc, body)
    for list_item in doc.list_items:
        if list_item.ordered:
            body["numbered-steps"].add(list_item.line, "")
    for code in doc.code:
        if code.kind != "inline":
            body["code-blocks"].add(code.line, code.text.split("\n", 1)[0][:40])
    if doc.generated:
        name = next(d.name for d in doc.directives if d.kind == "autodoc")
        body["generated"].add(1, f"::: {name}")
    return PageSignals(
        words, body, lead, prose_words, english, foreign, lookup, not first_paragraph, other, latin
    )


def case_signals(doc: Document) -> PageSignals:
    """Only what the cases of `content/fit` rest on (`CASES`, and the page's words):
    a pass that costs a few percent of a check, where all the signals cost half
    of one. The rest are read only for a page whose content makes a case."""
    body = {name: Found() for name in CASES}
    lookup = read_cases(doc, body)
    return PageSignals(doc.word_count, body, {}, lookup_words=lookup)


_WORD = re.compile(r"\w+")
_LETTER = re.compile(r"[^\W\d_]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_ENGLISH = _words(
    "the a an and or to of in is are for you your it this that with on be by as can if"
)
# German, French, Spanish, Portuguese, Italian and Dutch words that English prose
# does not use.
_FOREIGN = _words(
    "und ist nicht mit sie ein eine der den dem das les est des une pour avec dans sur los las"
    " para con una del por como não uma com che per della het een niet zijn voor wie wird"
    " werden oder auf sind vous nous sont qui pas"
)


def _read_title(title: str, lead: dict[str, Found]) -> None:
    _read_phrases(title, 1, lead)
    shown = title.strip()
    imperative = IMPERATIVE.match(shown)
    if imperative:
        lead["imperative-steps"].add(1, imperative.group(0))
    if _WHY_HEADING.match(shown):
        lead["why-headings"].add(1, shown)
    for category, (pattern, _) in _TITLES.items():
        if pattern.match(shown):
            lead[f"title-{category}"].add(1, shown)


def _read_phrases(text: str, line: int, into: dict[str, Found]) -> None:
    lowered = text.lower()
    # A few letters change length when lowercased ("İ"): then the offsets would not
    # fit the text, so it is matched as it is.
    pattern, subject = (_PHRASE, lowered) if len(lowered) == len(text) else (_PHRASE_ANY_CASE, text)
    for match in pattern.finditer(subject):
        name = (match.lastgroup or "").replace("_", "-")
        into[name].add(line, text[match.start() : match.end()])


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
