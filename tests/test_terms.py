"""terms/forbidden: SPEC 4.3 term lists, matching and the places never checked."""

from __future__ import annotations

from pathlib import Path

import pytest

from mkdocs_diataxis.core import SettingsError, load_settings
from mkdocs_diataxis.core.datafile import load_shipped_yaml
from mkdocs_diataxis.core.termlist import (
    check_safe_regex,
    load_default_terms,
    parse_term_list,
)
from tests.helpers import all_findings, findings, md


def terms(text: str, path: str = "reference/p.md", **options: object) -> list[tuple[int, int, str]]:
    options.setdefault("acronyms", {"enabled": False})
    return [
        (line, column, found)
        for rule, line, column, found in findings(path, text, **options)
        if rule == "terms/forbidden"
    ]


# One sentence that hits each shipped entry, and one its exceptions cancel.
DEFAULT_HITS = [
    ("A revolutionary parser.", "revolutionary", None),
    ("A game-changer for teams.", "game-changer", None),
    ("A groundbreaking design.", "groundbreaking", None),
    ("A paradigm-shifting API.", "paradigm-shifting", None),
    ("An industry-leading cache.", "industry-leading", None),
    ("A best-in-class CLI.", "best-in-class", None),
    ("A world-class team.", "world-class", None),
    ("A state-of-the-art index.", "state-of-the-art", None),
    ("A cutting-edge runtime.", "cutting-edge", None),
    ("The next-generation engine.", "next-generation", None),
    ("It is blazing fast.", "blazing fast", None),
    ("It responds instantly.", "instantly", "It responds instantly in 3 ms on our bench."),
    ("A zero-cost switch.", "zero-cost", "Rust has zero-cost abstractions."),
    ("Unlimited workers.", "Unlimited", "An infinite loop stops it."),
    ("It is infinitely scalable.", "infinitely scalable", None),
    ("A perfect fit.", "perfect", "It uses perfect forward secrecy."),
    ("Zero-downtime updates.", "Zero-downtime", None),
    ("Use hot deployment.", "hot deployment", None),
    ("A universal tool.", "universal", "Build a universal wheel."),
    ("It works seamlessly.", "seamlessly", None),
    ("An enterprise-grade store.", "enterprise-grade", None),
    ("It is production-ready.", "production-ready", None),
    ("We outperform every rival.", "We outperform", None),
    ("It is superior to X.", "superior to", "It is superior to X by 3 ms per call."),
    ("It is better than X.", "better than", "It is better than nothing."),
    ("It is the fastest parser.", "the fastest", "It is the fastest way to start."),
    ("It is the best parser.", "the best", "It is the best way to start."),
    ("Research has shown it works.", "Research has shown", None),
    ("Simply run it.", "Simply", None),
    ("Just run it.", "Just", "Compile it just-in-time."),
    ("It is easy to run.", "easy", None),
    ("Obviously it runs.", "Obviously", None),
    ("Clearly it runs.", "Clearly", None),
    ("Of course it runs.", "Of course", None),
    ("Do it in order to run.", "in order to", None),
    ("Utilize the cache.", "Utilize", None),
    ("Utilise the cache.", "Utilise", None),
]


def test_every_default_entry_has_a_hit_below() -> None:
    enabled = [entry for entry in load_default_terms() if entry.severity != "ignore"]
    covered = {text.lower() for _, text, _ in DEFAULT_HITS}
    missing = [
        entry.patterns
        for entry in enabled
        if not any(
            text.startswith(pattern.lower().replace("-", " ")[:6]) or pattern.startswith("/")
            for pattern in entry.patterns
            for text in (c.replace("-", " ") for c in covered)
        )
    ]
    assert missing == []


def test_the_shipped_list_passes_the_checks_it_skips_when_loaded() -> None:
    # load_default_terms trusts the shipped list; it must pass every check a project's
    # list goes through, and read the same as one.
    data = load_shipped_yaml("terms.yml")
    assert parse_term_list(data, "default terms.yml") == list(load_default_terms())
    for entry in load_default_terms():
        for exception in entry.exceptions:
            check_safe_regex(exception.pattern)


@pytest.mark.parametrize(("sentence", "hit", "excepted"), DEFAULT_HITS)
def test_default_entry_hit_and_exception(sentence: str, hit: str, excepted: str | None) -> None:
    column = sentence.index(hit) + 1
    assert terms(sentence) == [(1, column, hit)]
    if excepted is not None:
        assert terms(excepted) == []


@pytest.mark.parametrize(
    "sentence",
    [
        # what a setting's value means
        "The `LIMIT` argument defaults to `0`, which means unlimited.",
        "- **Default**: `0` (unlimited)",
        "| Key | Default |\n|---|---|\n| `max_lifetime_ms` | `1800000` (`0` ⇒ infinite) |",
        "Rate limit for requests. Set to 0 for unlimited.",
        "A negative value means an infinite deadline.",
        "The client makes unlimited retries.",
        # maths
        "Floats are accepted if the input is not infinite or a NaN.",
        "Whether to allow NaN (not-a-number) and infinite values.",
        "Can I specify infinite scores?",
        "Saving rebuilds the docs, leading to an infinite\nreload loop.",
        # a comparison of two values in code
        "When `start` is superior to `end`, it returns an error.",
        # the reader's quickest way, the reader's own use, a medium
        "The fastest integration is CMake FetchContent.",
        "Use connection pooling for any production-ready use of PostgreSQL.",
        "It is mostly an instant chat thing.",
        # titles: a column of titles, a link label written as a title
        "| Event | Title |\n|---|---|\n| KubeCon | Production-Ready AI Platform on Kubernetes |",
        "Read [Creating a Production Ready API with FastAPI](https://example.org/post).",
        "* Add external link to article: Seamless FastAPI Configuration with ConfZ.",
        # more settings and maths; a mechanism given; an instance generation; a source
        "Specify 0 as the maximum, as a way to tell the command we want unlimited comparisons.",
        "To configure unlimited resources (no bounds on limits), you can:",
        "This error is raised when the value is infinite, or too large.",
        "New pods start first and old pods stop after, for zero downtime.",
        "We ran it on the next generation instance (`c7gn`).",
        "It is among the fastest libraries. [Learn more](https://example.org/bench)",
        # found on doc sets the list was never tuned on: a moment, a limit denied
        "It restores the instance to what it was at that instant.",
        "Repeated scans cannot create unlimited blocked operations.",
    ],
)
def test_uses_a_maintainer_would_not_call_marketing(sentence: str) -> None:
    assert terms(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "hit"),
    [
        ("It offers unlimited scalability.", "unlimited scalability"),
        ("Our cloud gives you infinite scale.", "infinite"),
        ("You get unlimited storage.", "unlimited"),
        ("Our engine is superior to the rest.", "superior to"),
        ("It delivers zero downtime.", "zero downtime"),
        ("A next-generation engine for data.", "next-generation"),
        ("Meet the next-generation engine.", "next-generation"),
        ("It gives results in an instant.", "instant"),
        ("It is ready the instant you ask.", "instant"),
        ("Welcome to the next generation.", "next generation"),
        ("Not only unlimited storage, but more.", "unlimited"),
        ("Not merely infinite scale.", "infinite"),
        ("Get results at the instant speed of light.", "instant"),
        ("It is never slow and offers unlimited storage.", "unlimited"),
        ("It is [production-ready](https://example.org/a).", "production-ready"),
        ("| Feature | Notes |\n|---|---|\n| Deploy | production-ready |", "production-ready"),
    ],
)
def test_marketing_uses_stay_hits(sentence: str, hit: str) -> None:
    assert [found for _, _, found in terms(sentence)] == [hit]


def test_message_names_the_reason_and_replacements() -> None:
    (finding,) = all_findings(
        "reference/p.md", "Use hot deployment.\n", acronyms={"enabled": False}
    )
    assert finding.message == '"hot deployment": jargon; say what happens to running code'
    assert finding.suggestion == 'use "runtime deployment" or "live update" instead'
    assert finding.severity == "warning"


def test_soft_words_are_info() -> None:
    (finding,) = all_findings("reference/p.md", "Simply run it.\n", acronyms={"enabled": False})
    assert finding.severity == "info"


@pytest.mark.parametrize(
    ("sentence", "hit"),
    [
        ("Enable hot deploy.", "hot deploy"),
        ("Enable hot-deploy.", "hot-deploy"),
        ("Enable hotdeploy.", "hotdeploy"),
        ("Enable hot deployment.", "hot deployment"),
        ("Enable hot-deployment.", "hot-deployment"),
        ("It is hot-deployable.", "hot-deployable"),
        ("Zero downtime releases.", "Zero downtime"),
        ("ZERO-DOWNTIME releases.", "ZERO-DOWNTIME"),
        ("It is blazingly fast.", "blazingly fast"),
    ],
)
def test_variant_spellings(sentence: str, hit: str) -> None:
    assert terms(sentence) == [(1, sentence.index(hit) + 1, hit)]


def test_whole_words_only() -> None:
    assert (
        terms("The justification is adjusted; see hatch-universal.pkg and non-universal.\n") == []
    )


def test_headings_are_checked() -> None:
    assert terms("# A revolutionary tool\n") == [(1, 5, "revolutionary")]


def test_places_never_checked() -> None:
    text = md("""
        ---
        title: A revolutionary tool
        ---
        Run `blazing fast` and [docs](https://x.org/revolutionary).

        ```
        zero-downtime
        ```

            indented seamless code

        <!-- revolutionary comment -->

        > Users call it revolutionary.

        !!! note "Zero-downtime upgrades"
            Text.

        The "Seamless upgrades" chapter explains it.
    """)
    assert terms(text) == []


def test_markup_inside_a_term_does_not_hide_it() -> None:
    assert terms("It is **blazing** fast.\n") == [(1, 9, "blazing** fast")]


def test_scope_limits_an_entry_to_categories() -> None:
    forbid = [{"pattern": "we", "scope": {"except": ["tutorial"]}, "reason": "address the reader"}]
    options = {"terms": {"forbid": forbid}}
    assert terms("Now we run it.\n", "tutorials/t.md", **options) == []
    assert terms("Now we run it.\n", "guides/g.md", **options) == [(1, 5, "we")]
    only = {"terms": {"forbid": [{"pattern": "click", "scope": ["how-to"]}]}}
    assert terms("Click it.\n", "guides/g.md", **only) == [(1, 1, "Click")]
    assert terms("Click it.\n", "reference/r.md", **only) == []


def test_absolute_words_ship_disabled_and_can_be_enabled(tmp_path: Path) -> None:
    assert terms("It always works.\n") == []
    (tmp_path / "terms.yml").write_text("- pattern: always\n  severity: warn\n  reason: absolute\n")
    options = {"terms": {"file": "terms.yml"}}
    settings = load_settings(options, str(tmp_path))
    from mkdocs_diataxis.core import check_page

    found = check_page("reference/p.md", "It always works.\n", settings).findings
    assert [(f.rule, f.line, f.column, f.text) for f in found] == [
        ("terms/forbidden", 1, 4, "always")
    ]


def test_project_file_entry_overrides_default_with_same_pattern(tmp_path: Path) -> None:
    (tmp_path / "terms.yml").write_text(
        "- pattern: simply\n  severity: warn\n  replacements: ['(nothing)']\n  reason: house rule\n"
    )
    settings = load_settings({"terms": {"file": "terms.yml"}}, str(tmp_path))
    from mkdocs_diataxis.core import check_page

    (finding,) = check_page("reference/p.md", "Simply run.\n", settings).findings
    assert (finding.severity, finding.message) == ("warning", '"Simply": house rule')


def test_inline_forbid_allow_defaults_and_exclude() -> None:
    assert terms("Use the frobnicator.\n", terms={"forbid": ["frobnicator"]}) == [
        (1, 9, "frobnicator")
    ]
    assert terms("Simply run.\n", terms={"allow": ["simply"]}) == []
    assert terms("A revolutionary tool.\n", terms={"defaults": False}) == []
    assert terms("A revolutionary tool.\n", "blog/p.md", terms={"exclude": ["blog/**"]}) == []
    assert terms("A revolutionary tool.\n", terms={"enabled": False}) == []


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("pattern: x\n", "expected a list of entries, got dict"),
        ("- reason: no pattern\n", "entry 1: key 'pattern' is missing"),
        (
            "- pattern: ok\n- pattern: '/(unclosed/'\n",
            "entry 2: key 'pattern': '/(unclosed/': missing )",
        ),
        (
            "- pattern: '/(a+)+/'\n",
            "entry 1: key 'pattern': '/(a+)+/': a repeated part that can itself match text of"
            " different lengths",
        ),
        (
            "- pattern: '/(a)\\1/'\n",
            "entry 1: key 'pattern': '/(a)\\\\1/': back-references are not allowed",
        ),
        (
            "- pattern: x\n  severity: loud\n",
            "entry 1: key 'severity': expected warn, info or ignore",
        ),
        ("- pattern: x\n  colour: red\n", "entry 1: unknown key 'colour'"),
        ("- pattern: x\n  exceptions: ['[']\n", "entry 1: key 'exceptions': '[': unterminated"),
        ("- pattern: x\n  scope: [howto]\n", "entry 1: key 'scope': 'howto' is not a category"),
        ("- [unclosed\n", "at line 2"),
    ],
)
def test_malformed_terms_file_names_file_entry_and_key(
    tmp_path: Path, content: str, message: str
) -> None:
    (tmp_path / "terms.yml").write_text(content, encoding="utf-8")
    with pytest.raises(SettingsError) as caught:
        load_settings({"terms": {"file": "terms.yml"}}, str(tmp_path))
    assert caught.value.option == "terms"
    assert str(tmp_path / "terms.yml") in caught.value.message
    assert message in caught.value.message


def test_missing_terms_file_is_named() -> None:
    with pytest.raises(SettingsError, match=r"cannot read terms file \./nope\.yml"):
        load_settings({"terms": {"file": "nope.yml"}}, ".")


@pytest.mark.parametrize(
    ("body", "triggers"),
    [
        (r"we (?:outperform|beat|surpass)\w*", ("outperform", "beat", "surpass")),
        (r"We are the (?:best|only)\b", ("best", "only")),
        (r"hot ?deploy", ("deploy",)),
        (r"(foo|bar)baz", ("foo", "bar")),
        (r"a|b", None),
        (r"(?:foo|\d+x)", None),
        (r"\w+ed", None),
    ],
)
def test_regex_entries_get_the_words_every_match_holds(
    body: str, triggers: tuple[str, ...] | None
) -> None:
    from mkdocs_diataxis.core.termlist import _regex_triggers

    assert _regex_triggers(body) == triggers


def test_a_regex_entry_still_hits_across_markup() -> None:
    assert findings("reference/a.md", "# T\n\nWe **outperform** every rival.\n") == [
        ("terms/forbidden", 3, 1, "We **outperform")
    ]


def test_a_regex_entry_may_start_with_inline_flags() -> None:
    # "(?s)" at the start of a /regex/ entry was refused ("global flags not at the start
    # of the expression at position 16", a position inside the plugin's own wrapper).
    assert terms("It is blazing\nfast.\n", terms={"forbid": ["/(?s)blazing.fast/"]}) == [
        (1, 7, "blazing\nfast")
    ]
    assert terms("Blazing!\n", terms={"forbid": ["/(?i)blazing/"], "defaults": False}) == [
        (1, 1, "Blazing")
    ]
