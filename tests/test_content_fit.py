"""``content/fit``: a page whose content reads clearly as reference or as a how-to
guide while it is filed as another category, with the signals that decided it."""

from __future__ import annotations

import pytest

from mkdocs_diataxis.core import check_page, load_settings
from mkdocs_diataxis.core.check import PageResult
from mkdocs_diataxis.core.fit.reading import Reading
from mkdocs_diataxis.core.rules.content import outscored
from tests.helpers import md
from tests.test_init import BREAD, WIDGET

ON = load_settings({"content_fit": {"enabled": True}})

HOWTO = md(
    """
    # Deploy the app

    This guide shows you how to deploy the app to a server.

    ## Prerequisites

    - A server you can reach over SSH.

    ## Steps

    1. Build the package.
    2. Copy it to the server.
    3. Restart the service.
    4. Check that the service answers.
    """
)


def _fit(result: PageResult) -> list[tuple[str, str, int, int, str, str, str]]:
    return [
        (f.rule, f.severity, f.line, f.column, f.text, f.message, f.suggestion)
        for f in result.findings
        if f.rule == "content/fit"
    ]


def test_off_by_default_nothing_is_read() -> None:
    result = check_page("how-to/widget.md", WIDGET, load_settings({}))
    assert _fit(result) == []
    assert result.facts.fit is None


def test_a_how_to_guide_that_reads_as_reference_is_reported_with_its_evidence() -> None:
    result = check_page("how-to/widget.md", WIDGET, ON)
    assert _fit(result) == [
        (
            "content/fit",
            "info",
            1,
            1,
            "",
            'the page reads as reference, not how-to (reference 99%, how-to 0%): headings such'
            ' as "Parameters", "Returns", "Options" (2, lines 3, 10); table cells: facts laid'
            ' out to look up (9, line 5); title "`Widget.mount()`": a title that is a name from'
            ' code, or such as "API reference", "Options"',
            'if it is reference, file it there (move it, or declare "diataxis: reference");'
            " if it is a how-to guide, rewrite or split it for that reader",
        )
    ]
    assert result.facts.fit == {
        "tutorial": 0.002,
        "how-to": 0.0,
        "reference": 0.994,
        "explanation": 0.003,
    }


def test_a_reference_page_that_reads_as_a_how_to_guide_is_reported() -> None:
    [(_, _, _, _, _, message, suggestion)] = _fit(check_page("reference/deploy.md", HOWTO, ON))
    assert message == (
        "the page reads as how-to, not reference (how-to 99%, reference 0%): numbered list"
        " items (4, lines 11, 12, 13); list items and paragraphs that open with a verb: steps"
        ' to follow (4, lines 11, 12, 13); "how to", "this guide shows how": a task and its'
        " steps (1, line 3)"
    )
    assert suggestion.startswith('if it is a how-to guide, file it there (move it, or declare "')


@pytest.mark.parametrize(
    ("path", "text", "settings"),
    [
        ("reference/widget.md", WIDGET, ON),  # reads as what it is filed as
        ("reference/bread.md", BREAD, ON),  # how-to, but only 73%: not sure enough
        ("widget.md", WIDGET, ON),  # no category: placement's business
        ("how-to/index.md", WIDGET, ON),  # a landing page: exempt
        (
            "how-to/widget.md",
            WIDGET,
            load_settings({"content_fit": {"enabled": True, "exclude": ["how-to/"]}}),
        ),
        (
            "how-to/widget.md",
            "---\ndiataxis_ignore: [content/fit]\n---\n" + WIDGET,
            ON,
        ),
    ],
)
def test_no_report(path: str, text: str, settings: object) -> None:
    assert _fit(check_page(path, text, settings)) == []  # type: ignore[arg-type]


def test_an_uncategorised_page_is_read_for_the_report_but_not_reported() -> None:
    result = check_page("widget.md", WIDGET, ON)
    assert result.facts.fit is not None
    assert max(result.facts.fit, key=result.facts.fit.__getitem__) == "reference"


def test_severity_warn_makes_it_fail_strict() -> None:
    settings = load_settings(
        {"content_fit": {"enabled": True}, "severity": {"content/fit": "warn"}}
    )
    assert [f[1] for f in _fit(check_page("how-to/widget.md", WIDGET, settings))] == ["warning"]


def _reading(category: str, probability: float, own: str, own_score: float) -> Reading:
    scores = dict.fromkeys(("tutorial", "how-to", "reference", "explanation"), 0.0)
    scores[category], scores[own] = probability, own_score
    return Reading(category, scores, own, ())


@pytest.mark.parametrize(
    ("category", "probability", "own", "own_score", "evidence", "reported"),
    [
        ("reference", 0.7, "how-to", 0.1, True, True),
        ("reference", 0.69, "how-to", 0.1, True, False),  # not sure enough
        ("reference", 0.8, "how-to", 0.11, True, False),  # its own category still scores
        ("how-to", 0.8, "explanation", 0.05, True, True),
        ("how-to", 0.79, "explanation", 0.05, True, False),
        ("reference", 0.9, "how-to", 0.0, False, False),  # nothing to show for it
        ("tutorial", 0.99, "how-to", 0.0, True, False),  # never decided by content
        ("explanation", 0.99, "reference", 0.0, True, False),
        ("reference", 0.99, "reference", 0.99, True, False),
    ],
)
def test_clearly_outscored(
    category: str, probability: float, own: str, own_score: float, evidence: bool, reported: bool
) -> None:
    reading = _reading(category, probability, own, own_score)
    if evidence:
        reading = Reading(reading.category, reading.scores, own, (object(),))  # type: ignore[arg-type]
    assert outscored(reading, own) is reported


def test_a_large_page_read_a_section_at_a_time_reads_as_the_whole_page(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The opening paragraph's phrases and the title count once, from the page's start;
    # the body's signals add up over the sections.
    text = (
        "---\ntitle: Deploying the service\n---\n\nThis guide shows how to deploy it."
        " Before you begin, get a server.\n\n"
        + "\n\n".join(f"# Step {n}\n\n1. Run `make {n}`.\n2. Check it." for n in range(30))
        + "\n\n# Options\n\n| a | b |\n|---|---|\n| `x` | 1 |\n"
    )
    whole = check_page("reference/deploy.md", text, ON)
    monkeypatch.setattr("mkdocs_diataxis.core.document.walk.SECTION_CHARS", 1)
    cut = check_page("reference/deploy.md", text, ON)
    assert cut.facts.fit == whole.facts.fit
    assert _fit(cut) == _fit(whole)
    assert _fit(whole)  # the case is one that is reported
