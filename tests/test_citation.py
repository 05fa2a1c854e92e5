"""citation/*: SPEC 4.2. Figures, their classes, citation tokens and scopes."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest

from mkdocs_diataxis.core import Settings, check_page, load_settings
from mkdocs_diataxis.core.document import parse_document
from mkdocs_diataxis.core.figures import find_figures
from tests.helpers import all_findings, findings, md

FIXTURES = Path(__file__).parent / "fixtures"


def figures(text: str, **options: object) -> list[tuple[str, str, str | None]]:
    """(text, class, scope) of every candidate figure on a page."""
    found = find_figures(parse_document("reference/p.md", text), load_settings(options))
    return [(f.text, f.cls.value, f.scope.value if f.scope else None) for f in found]


def evidence(text: str) -> list[tuple[str, str, str, str]]:
    """(text, class, evidence words, where) of every candidate figure on a page."""
    found = find_figures(parse_document("reference/p.md", text), load_settings({}))
    return [(f.text, f.cls.value, f.evidence.words, f.evidence.where) for f in found]


def uncited(text: str, **options: object) -> list[tuple[int, int, str]]:
    return [
        (line, column, found)
        for rule, line, column, found in findings("reference/p.md", text, **options)
        if rule == "citation/uncited"
    ]


# --- the labelled fixture ------------------------------------------------------------


def test_labelled_fixture_exactly() -> None:
    expected = []
    for row in (FIXTURES / "citations.expected").read_text(encoding="utf-8").splitlines():
        if row.startswith("#") or not row.strip():
            continue
        position, cls, scope, text, rule = (part.strip() for part in row.split("|"))
        line, column = (int(n) for n in position.split(":"))
        expected.append((line, column, cls, None if scope == "-" else scope, text, rule))
    settings = load_settings(
        {
            "citations": {"patterns": [r"Task \d+\.\d+"]},
            "terms": {"enabled": False},
            "acronyms": {"enabled": False},
        }
    )
    source = (FIXTURES / "citations.md").read_bytes()
    result = check_page("reference/perf.md", source, settings)
    reported = {(f.line, f.column): f.rule for f in result.findings}
    actual = [
        (
            f.line,
            f.column,
            f.cls.value,
            f.scope.value if f.scope else None,
            f.text,
            reported.pop((f.line, f.column), "-"),
        )
        for f in find_figures(parse_document("reference/perf.md", source), settings)
    ]
    assert actual == expected
    assert reported == {}  # no finding that is not at a figure
    assert len((FIXTURES / "citations.md").read_text(encoding="utf-8").splitlines()) >= 200


# --- candidates ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "figure"),
    [
        ("Spawn takes 286ns.", "286ns"),
        ("A call costs 1.49 µs.", "1.49 µs"),
        ("A call costs 1.49 μs with the Greek mu.", "1.49 μs"),
        ("A call costs 7 us.", "7 us"),
        ("Startup is ~3 ms.", "~3 ms"),
        ("Restart is <100μs.", "<100μs"),
        ("Restart takes ≤ 2 ms.", "≤ 2 ms"),
        ("Lookups take 10-50 µs.", "10-50 µs"),
        ("Lookups take 10\u00a0µs with a no-break space.", "10\u00a0µs"),
        ("Lookups take 10\u2009µs with a thin space.", "10\u2009µs"),
        ("It routes 6.12M msg/sec.", "6.12M msg/sec"),
        ("It runs 833k ops/sec.", "833k ops/sec"),
        ("It reaches 2.65 million spawns/sec.", "2.65 million spawns/sec"),
        ("It serves 10,000 req/s.", "10,000 req/s"),
        ("We reached 4.2M queries per second.", "4.2M queries per second"),
        ("The disk does 90k IOPS.", "90k IOPS"),
        ("Copying runs at 120 MB/s.", "120 MB/s"),
        ("Replication sustains 10 Gbps.", "10 Gbps"),
        ("It is 3x faster.", "3x faster"),
        ("It is 6.7x slower.", "6.7x slower"),
        ("A 10× improvement.", "10× improvement"),
        ("It is 3 times faster.", "3 times faster"),
        ("Caching gives 23% faster starts.", "23%"),
        ("Tracing adds 6% overhead.", "6%"),
        ("The JIT reaches ~95% native speed.", "~95%"),
        ("The daemon uses 40 MB of memory.", "40 MB"),
        ("Performance improved by 20x.", "20x"),
        ("The build takes 3 minutes.", "3 minutes"),
        ("It has sub-200ms replication lag.", "200ms"),
        ("Dragonfly had x3.7 less throughput than Garnet.", "x3.7"),
        ("Cold builds take twice as long.", "twice"),
        ("Queries are orders of magnitude faster.", "orders of magnitude"),
    ],
)
def test_claims_are_found(sentence: str, figure: str) -> None:
    assert figures(sentence) == [(figure, "claim", None)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Install Python 3.11 or later.",
        "Upgrade to v1.2.3 today.",
        "Released on 2024-06-01.",
        "The server answers 404 and 503.",
        "uv ignores 403s from the index.",
        "See step 3 and task 12.",
        "Set the 0x1F flag.",
        "Builds for x86 and arm64.",
        "A 4x4 grid.",
        "A 1280 x 800 window.",
        "Popular in the 1990s and the 80s.",
        "It took 10s of MB.",
        "It starts 1000s of tasks.",
        "Toga uses 100% native widgets.",
        "It happens twice a month.",
        "More than half of the instances agree.",
    ],
)
def test_not_candidates(sentence: str) -> None:
    assert figures(sentence) == []


# --- claim evidence, and what is not a claim -----------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a metric
        ("Spawn takes 286ns.", ("286ns", "claim", "takes", "sentence")),
        ("p99 latency is 8ms.", ("8ms", "claim", "latency", "sentence")),
        (
            "Each adapter requires 50-500MB of GPU memory.",
            ("50-500MB", "claim", "requires", "sentence"),
        ),
        ("The encoder runs at 1 200 MB/s.", ("1 200 MB/s", "claim", "runs at", "sentence")),
        # measured wording, which beats a heading about goals or configuration
        ("## Goals\n\nMeasured: 0.8 ms per lookup.", ("0.8 ms", "claim", "Measured", "sentence")),
        (
            "## Configuration\n\nIn our tests it answered in 12 ms.",
            ("12 ms", "claim", "In our tests", "sentence"),
        ),
        # a comparison
        ("It handles 74% more requests per second.", ("74%", "claim", "more", "sentence")),
        (
            "It reduced key processing time by around 94%.",
            ("94%", "claim", "reduced key processing time by around", "sentence"),
        ),
        (
            "Caching cuts build time by at least 40%.",
            ("40%", "claim", "cuts build time by at least", "sentence"),
        ),
        ("It needs approximately 30% less memory.", ("30%", "claim", "less", "sentence")),
        # a setting
        ("The request timeout is 30s.", ("30s", "setting", "timeout", "sentence")),
        ("It defaults to 100ms.", ("100ms", "setting", "defaults to", "sentence")),
        (
            "A supervisor restarts a child at most 5 times in 60s.",
            ("60s", "setting", "at most", "sentence"),
        ),
        (
            "When memory usage is above 16GB, values stay on disk.",
            ("16GB", "setting", "When memory usage is above", "sentence"),
        ),
        (
            "| Setting | Default |\n|---|---|\n| Timeout | 30s |\n",
            ("30s", "setting", "setting", "column header"),
        ),
        ("Frames are ≤ 14 bytes.", ("≤ 14 bytes", "setting", "≤", "figure")),
        # a target
        ("The p99 target is 5ms.", ("5ms", "target", "target", "sentence")),
        ("Cold start should be under 50ms.", ("50ms", "target", "should", "sentence")),
        ("Cold start: 50ms (target).", ("50ms", "target", "target", "sentence")),
        (
            "| Operation | Budget |\n|---|---|\n| Lookup | 50ns |\n",
            ("50ns", "target", "budget", "column header"),
        ),
        # an example
        (
            "For example, a 2 GB model loaded by 4 workers uses 8 GB.",
            ("2 GB", "example", "For example", "sentence"),
        ),
        ("Say a request takes 200 ms.", ("200 ms", "example", "Say", "sentence")),
        (
            "If your delete runs 100x faster, you pay less.",
            ("100x faster", "example", "If your delete runs", "sentence"),
        ),
        # the environment
        (
            "Tests ran on a machine with 64 GB of RAM.",
            ("64 GB", "environment", "of RAM", "sentence"),
        ),
        ("It moves data over a 10 Gbps link.", ("10 Gbps", "environment", "link", "sentence")),
        ("The test wrote a 90GB dataset.", ("90GB", "environment", "dataset", "sentence")),
        # other
        ("Half the pages, 50% of them, have diagrams.", ("50%", "other", "of them", "sentence")),
        (
            "You can finish this tutorial in under 20 minutes.",
            ("20 minutes", "other", "tutorial", "sentence"),
        ),
        (
            "Increase the speed to develop features by 200%.",
            ("200%", "other", "speed to develop", "sentence"),
        ),
        (
            "The DECIMAL type takes 16 bytes.",
            ("16 bytes", "other", "an exact size in bytes", "figure"),
        ),
        # a time the reader spends, a point in time, a table of examples, a statistic
        (
            "The tutorial takes about 15 minutes to complete.",
            ("15 minutes", "other", "tutorial", "sentence"),
        ),
        ("Get started in 5 minutes.", ("5 minutes", "other", "Get started in", "sentence")),
        (
            "You can get started in under 10 minutes.",
            ("10 minutes", "other", "get started in under", "sentence"),
        ),
        # a sum or a conversion: the figure on either side of "="
        (
            "20 workers × 100 RPS = 2000 total RPS",
            ("100 RPS", "other", "=", "sentence"),
        ),
        ("30 minutes = 1,800,000,000,000 ns.", ("30 minutes", "other", "=", "sentence")),
        (
            "Capture the price at execution time and 30 minutes later.",
            ("30 minutes", "other", "later", "sentence"),
        ),
        (
            "| Format | Example input | Parsed value |\n|---|---|---|\n| `.S` | `.12` | 120 ms |\n",
            ("120 ms", "example", "example input", "column header"),
        ),
        (
            "| Benchmark | Time |\n|---|---|\n| parse | 3.1 ms |\n",
            ("3.1 ms", "claim", "time", "column header"),
        ),
        (
            "Latency is shown in ms; values above 500 ms are red.",
            ("500 ms", "setting", "values above", "sentence"),
        ),
        # nothing either way: not a performance figure
        ("A day is 24 hours.", ("24 hours", "other", "", "")),
        # a spec line; a figure set against the one it replaces
        ("- Maximum Throughput: 1 GB/s", ("1 GB/s", "setting", "Maximum Throughput:", "sentence")),
        (
            "Files shrink to 40% of the original size.",
            ("40%", "claim", "of the original", "sentence"),
        ),
    ],
)
def test_evidence_and_classes(text: str, expected: tuple[str, str, str, str]) -> None:
    assert evidence(text)[:1] == [expected]


def test_a_restatement_is_what_the_sentence_before_it_is() -> None:
    text = "You get performance improvements of 20x. This means 2,000% or more."
    assert evidence(text)[1] == ("2,000%", "claim", "performance", "sentence before")
    setting = "The page size is set to 8MB by default. This means that a writer uses 16MB."
    assert evidence(setting)[1] == ("16MB", "setting", "page size", "sentence before")


def test_context_beyond_the_sentence_in_order() -> None:
    text = md("""
        ## Default settings

        Connections: 30s.

        ## Results

        Connections: 30s.

        Measured on the test rig:

        - Connections: 30s
    """)
    assert evidence(text) == [
        ("30s", "setting", "Default", "heading"),
        ("30s", "claim", "Results", "heading"),
        ("30s", "claim", "Measured", "lead-in"),
    ]


def test_figures_without_any_evidence_are_not_claims_except_tiny_durations_and_work_rates() -> None:
    assert [(f, c) for f, c, _ in figures("# Facts\n\nConnections: 30s.\n\nA page of 4 MB.\n")] == [
        ("30s", "other"),
        ("4 MB", "other"),
    ]
    assert [(f, c) for f, c, _ in figures("- Spawn: 286ns\n- Routing: 6.12M msg/sec\n")] == [
        ("286ns", "claim"),
        ("6.12M msg/sec", "claim"),
    ]


def test_figures_in_code_links_and_front_matter_are_ignored() -> None:
    text = md("""
        ---
        title: 286ns spawn
        ---
        Run `bench` and see `36ns` in [the 5ms report](https://x.org/5ms), which takes 5ms.

        ```
        spawn: 286ns
        ```

        <!-- 42ns in a comment -->
        {/* 52ns in an MDX comment */}
    """)
    assert figures(text) == [("5ms", "claim", "sentence"), ("5ms", "claim", "sentence")]


def test_only_claims_are_reported() -> None:
    text = "The timeout is 30s. The target is 5ms. Duration: 30 minutes\n\nSpawn takes 286ns.\n"
    assert uncited(text) == [(3, 13, "286ns")]


# --- citation tokens -------------------------------------------------------------------


@pytest.mark.parametrize(
    "citation",
    [
        "([bench](https://example.org/bench))",
        "([bench][ref])\n\n[ref]: https://example.org/bench",
        "(<https://example.org/bench>)",
        "(https://example.org/bench)",
        "[^1]\n\n[^1]: The spawn benchmark.",
        "in `messaging_benchmarks.rs`",
        "in bench/test_speed.py::test_spawn",
        "in BENCHMARKING.md",
        "in BENCHMARKING.md#spawn",
        "in src/spawn.rs:120",
        "by bench_spawn",
        "by BenchmarkSpawn",
        "by the test_spawn benchmark",
        "(Source: nightly run)",
        "measured on an M2 laptop",
        "measured with criterion",
        "according to the vendor's report",
        "benchmarked with hyperfine",
        "with `cargo bench --bench spawn`",
    ],
)
def test_citation_forms(citation: str) -> None:
    assert uncited(f"Spawn takes 286ns {citation}.\n") == []


@pytest.mark.parametrize(
    "vague",
    [
        "(measured)",
        "as benchmarks show",
        "as of 2024-05-01",
        "[^missing]",
        "measured in nanoseconds",
        "in Node.js",
        "![chart](chart.png)",
        "as measured by the client",
        "than [Flake8](https://flake8.pycqa.org/)",
        "(see [tuning](../how-to/performance-tuning.md))",
    ],
)
def test_vague_words_are_not_citations(vague: str) -> None:
    assert uncited(f"Spawn takes 286ns {vague}.\n") == [(1, 13, "286ns")]


def test_user_patterns_are_citations() -> None:
    text = "Parsing takes 14 µs (Task 4.2).\n"
    assert uncited(text) == [(1, 15, "14 µs")]
    assert uncited(text, citations={"patterns": [r"Task \d+\.\d+"]}) == []


# --- scopes, each passing and failing -------------------------------------------------


def test_scope_sentence() -> None:
    text = "Spawn takes 286ns ([b](https://x.org)). Lookup takes 36ns.\n"
    assert figures(text) == [("286ns", "claim", "sentence"), ("36ns", "claim", None)]


def test_scope_list_item() -> None:
    text = "- Spawn: 286ns\n\n  From [the suite](https://x.org).\n- Lookup: 36ns\n"
    assert figures(text) == [("286ns", "claim", "list item"), ("36ns", "claim", None)]


def test_scope_parent_list_item() -> None:
    text = md("""
        - Faster JSON, PR [#14962](https://x.org/14962).
            - This gives a 2x performance increase.
        - Slower startup.
            - Startup takes 40 ms more.
    """)
    assert figures(text) == [("2x", "claim", "list item"), ("40 ms", "claim", None)]


def test_scope_table_row() -> None:
    text = md("""
        | Op | Time | Where |
        |----|------|-------|
        | Spawn | 286ns | [run](https://x.org) |
        | Lookup | 36ns | nightly |
    """)
    assert figures(text) == [("286ns", "claim", "table row"), ("36ns", "claim", None)]


def test_scope_source_column() -> None:
    text = md("""
        | Op | Time | Source |
        |----|------|--------|
        | Spawn | 286ns | nightly run |
        | Lookup | 36ns | |
    """)
    assert figures(text) == [("286ns", "claim", "source column"), ("36ns", "claim", None)]


def test_notes_column_is_not_a_source() -> None:
    text = "| Op | Time | Notes |\n|----|------|-------|\n| Spawn | 286ns | nightly run |\n"
    assert figures(text) == [("286ns", "claim", None)]


def test_scope_lead_in() -> None:
    cited = "Measured with `benches/life.rs`:\n\n- Spawn: 286ns\n"
    assert figures(cited) == [("286ns", "claim", "lead-in")]
    no_colon = "Measured with `benches/life.rs`.\n\n- Spawn: 286ns\n"
    assert figures(no_colon) == [("286ns", "claim", None)]
    not_cited = "Results:\n\n- Spawn: 286ns\n"
    assert figures(not_cited) == [("286ns", "claim", None)]


def test_scope_trailer() -> None:
    assert figures("- Spawn: 286ns\n\nSource: nightly run\n") == [("286ns", "claim", "trailer")]
    table = "| Op | Time |\n|---|---|\n| Spawn | 286ns |\n\nData: run 12\n"
    assert figures(table) == [("286ns", "claim", "trailer")]
    assert figures("- Spawn: 286ns\n\nSee the docs.\n") == [("286ns", "claim", None)]


def test_scope_section_opening_covers_subsections() -> None:
    text = md("""
        ## Results

        All figures come from [the suite](https://x.org).

        Spawn takes 286ns.

        ### Lookups

        Lookup takes 36ns.

        ## Other

        Insert takes 50ns.
    """)
    assert figures(text) == [
        ("286ns", "claim", "section opening"),
        ("36ns", "claim", "section opening"),
        ("50ns", "claim", None),
    ]


def test_scope_section_needs_the_first_block_to_be_the_citing_paragraph() -> None:
    text = "## Results\n\n- Spawn: 286ns\n\nLater, [the suite](https://x.org).\n"
    assert figures(text) == [("286ns", "claim", None)]


def test_an_opening_about_something_else_cites_nothing() -> None:
    # The link in the opening says where the data comes from, not the measurements.
    text = md("""
        # MyLib

        MyLib reads data from [Kafka](https://kafka.apache.org) and writes it to S3.

        ## Speed

        MyLib processes 2 million events per second on one core.
    """)
    assert figures(text) == [("2 million events per second", "claim", None)]


def test_sources_section_needs_a_locator_not_just_a_phrase() -> None:
    text = "Spawn takes 286ns.\n\n## Sources\n\nMeasured on a laptop.\n"
    assert figures(text) == [("286ns", "claim", "methodology without a source")]


def test_scope_sources_section_on_the_page() -> None:
    text = "Spawn takes 286ns.\n\n## Sources\n\n- [Benchmark suite](https://x.org)\n"
    assert figures(text) == [("286ns", "claim", "sources section")]
    assert uncited(text) == []


@pytest.mark.parametrize(
    "heading", ["Reproducing", "How to reproduce the results", "Reproduce these numbers"]
)
def test_a_section_on_reproducing_the_figures_is_a_sources_section(heading: str) -> None:
    text = f"Spawn takes 286ns.\n\n## {heading}\n\nRun `benchmarks/spawn.py`.\n"
    assert figures(text) == [("286ns", "claim", "sources section")]
    assert uncited(text) == []


def test_a_bug_report_section_is_no_sources_section() -> None:
    text = "Spawn takes 286ns.\n\n## How to reproduce\n\nSee [issue 12](https://x.org/12).\n"
    assert uncited(text) == [(1, 13, "286ns")]


def test_the_values_of_a_setting_and_what_they_mean_are_no_claims() -> None:
    # Found on a public doc set the rule was never tuned on: each was a warning there.
    text = (
        "## Common TTL values\n\n| Value | Duration | Use case |\n|---|---|---|\n"
        "| `300` | 5 minutes | Quick tests |\n| `3600000` | 1 hour | Long tests |\n"
        "| `web-1` | 2 hours | Long tests |\n\n"
        "- **`--spawn-rate 10`**: Add 10 users per second until reaching 100 (takes 10"
        " seconds to ramp up)\n"
        "- `startup`: 2 seconds faster than before\n"
    )
    assert evidence(text) == [
        ("5 minutes", "setting", "`300`", "table row"),
        ("1 hour", "setting", "`3600000`", "table row"),  # milliseconds
        ("2 hours", "claim", "duration", "column header"),  # a name, not a value
        ("10 users per second", "setting", "`--spawn-rate 10`", "list item"),
        ("10 seconds", "setting", "`--spawn-rate 10`", "list item"),
        ("2 seconds", "claim", "faster", "sentence"),  # `startup` is no option
    ]


def test_a_speed_up_in_a_table_of_configurations_is_a_claim() -> None:
    # Configurations compared, not set (found on a doc set never tuned on: 48 claims).
    text = (
        "## Performance\n\n| Configuration | constant | wide |\n|---|---|---|\n"
        "| averaging | 5x | 66x |\n| hierarchical (default) | 2x | 44x |\n\n"
        "| Option | Default |\n|---|---|\n| `backoff` | 2x |\n"
    )
    assert evidence(text) == [
        ("5x", "claim", "Performance", "heading"),
        ("66x", "claim", "Performance", "heading"),
        # the default choice among those compared, not a default value
        ("2x", "claim", "Performance", "heading"),
        ("44x", "claim", "Performance", "heading"),
        ("2x", "setting", "backoff", "table row"),
    ]


def test_claims_beside_settings_stay_claims() -> None:
    # Shapes like the settings above that hold a real measurement (a reviewer's cases).
    text = (
        "- `--release`: makes the binary 3x faster\n"
        "- `--jit`: cuts startup from 900 ms to 120 ms\n"
        "- `--threads=8` — throughput is 1.2 GB/s (measured)\n\n"
        "| Threads | Throughput |\n|---|---|\n| `8` | 1.4M ops/sec |\n| `300` | 300 s |\n\n"
        "In our benchmark the p99 was 12 ms => well under budget.\n\n"
        "The measured p99 latency == 4 ms.\n\n"
        "Startup takes 200 ms = 5x faster than Electron.\n\n"
        "Hits take (<1 ms).\n\n"
        "## Getting started\n\nSpawn: 286 ns.\n\n"
        "It is up and running in 40 ms after a cold start.\n"
    )
    assert [(found, cls) for found, cls, _, _ in evidence(text)] == [
        ("3x faster", "claim"),
        ("900 ms", "claim"),
        ("120 ms", "claim"),
        ("1.2 GB/s", "claim"),
        ("1.4M ops/sec", "claim"),
        ("300 s", "setting"),  # `300` seconds, restated
        ("12 ms", "claim"),
        ("4 ms", "claim"),
        ("200 ms", "claim"),
        ("5x faster", "claim"),
        ("<1 ms", "claim"),
        ("286 ns", "claim"),
        ("40 ms", "claim"),
    ]


def test_a_heading_that_says_take_is_a_task_not_a_metric() -> None:
    text = "## Take quantities instead\n\nThe answer is 617 km/s.\n\n## Take-off\n\nIt is 3 km/s.\n"
    assert evidence(text) == [("617 km/s", "other", "", ""), ("3 km/s", "other", "", "")]
    assert evidence("## Step 2: Take a snapshot\n\nIt is 3 km/s.\n") == [
        ("3 km/s", "other", "", "")
    ]
    assert evidence("## How long builds take\n\nA build: 40 s.\n") == [
        ("40 s", "claim", "take", "heading")
    ]


def test_methodology_without_locator_is_weak() -> None:
    text = "Spawn takes 286ns.\n\nLookup takes 36ns.\n\n## Methodology\n\nMeasured on a laptop.\n"
    assert findings("reference/p.md", text) == [("citation/weak", 5, 4, "Methodology")]
    (weak,) = all_findings("reference/p.md", text)
    assert weak.severity == "info"
    assert weak.message == (
        "2 performance claim(s) rely on a methodology section that names no source"
    )


def test_methodology_severity_setting() -> None:
    text = "Spawn takes 286ns.\n\n## Test environment\n\nA laptop.\n"
    (weak,) = all_findings("reference/p.md", text, citations={"methodology": "warn"})
    assert weak.severity == "warning"
    assert findings("reference/p.md", text, citations={"methodology": "ignore"}) == []


# --- findings and settings --------------------------------------------------------------


def test_finding_message_and_suggestions_fit_the_context() -> None:
    text = "Spawn takes 286ns.\n\n- Lookup: 36ns\n\n| Op | Time |\n|---|---|\n| Insert | 50ns |\n"
    found = all_findings("reference/p.md", text)
    assert [(f.line, f.column, f.text) for f in found] == [
        (1, 13, "286ns"),
        (3, 11, "36ns"),
        (7, 12, "50ns"),
    ]
    assert found[0].message == (
        '"286ns" reads as a measured performance claim ("takes", metric in the sentence)'
        " with no source in reach"
    )
    assert [f.suggestion for f in found] == [
        "link the benchmark or add a footnote naming where the figure comes from",
        'add a lead-in ending with ":" that names the benchmark, or a link in the item',
        'add a Source column, or a "Source:" line under the table naming the benchmark',
    ]


def test_citations_can_be_disabled_or_excluded() -> None:
    text = "Spawn takes 286ns.\n"
    assert uncited(text, citations={"enabled": False}) == []
    assert findings("research/p.md", text, citations={"exclude": ["research/**"]}) == [
        ("placement/uncategorized", 1, 1, "")
    ]


def test_suppression_and_severity_apply() -> None:
    text = "<!-- diataxis: disable-next-line citation/uncited -->\nSpawn takes 286ns.\n"
    assert uncited(text) == []
    assert uncited("Spawn takes 286ns.\n", severity={"citation/uncited": "ignore"}) == []


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"citations": {"patterns": ["(unclosed"]}}, "item 1 ('(unclosed') is not a valid regular"),
        ({"citations": {"methodology": "loud"}}, "expected warn, info or ignore, got str 'loud'"),
        ({"citations": {"enable": False}}, "unknown key 'enable' (did you mean 'enabled'?)"),
        ({"citations": {"enabled": "yes"}}, "expected true or false, got str 'yes'"),
    ],
)
def test_invalid_citation_settings(options: dict[str, object], message: str) -> None:
    from mkdocs_diataxis.core import SettingsError, load_settings

    with pytest.raises(SettingsError, match=r"^" + __import__("re").escape(message)):
        load_settings(options)


# --- hostile input: linear time -------------------------------------------------------


@pytest.mark.parametrize(
    "hostile",
    [
        lambda n: "1" * (2 * n) + " ms " + "9ns 8x 7% " * (n * 8 // 10),
        lambda n: "`" * (n // 10),
        lambda n: "[" * (n // 20) + "x" + "]" * (n // 20),
        lambda n: "1 2 3 4 5 6 7 8 9 0 " * (n // 2),
        lambda n: "It takes 3 ms for " + "123 " * (n // 2),
        lambda n: "It takes 3 ms vs " + "1.2." * (n // 2) + " 4 ms",
        lambda n: "## Run\n\nIt takes 3 ms.\n\n```\n" + "1" * (2 * n) + "\n```\n",
    ],
    ids=["dense-figures", "backticks", "brackets", "digits", "grouped", "dotted", "output"],
)
def test_hostile_input_takes_linear_time(hostile: Callable[[int], str]) -> None:
    # A tenth of the input and the whole of it (about 1 MB): linear work takes about ten
    # times as long, quadratic work a hundred times. Ratios, not seconds, so that a slow
    # or busy machine does not decide.
    def seconds(text: str) -> float:
        started = time.perf_counter()
        check_page("reference/p.md", text, Settings())
        return time.perf_counter() - started

    small, large = hostile(10_000), hostile(100_000)
    seconds(small)  # imports and caches warm
    assert seconds(large) < 25 * max(seconds(small), 0.02)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a bound given to a query, a value to use, a span to run for: settings
        ("List the queries that took more than 100 ms.", ("100 ms", "setting")),
        (
            "Use 100ms for microstructure work, or longer windows for slower ones.",
            ("100ms", "setting"),
        ),
        ("Profile CPU usage for 30 seconds.", ("30 seconds", "setting")),
        # a conversion, a spelled-out unit in a table of units, a comparison outside software
        ("So 30 minutes = 1,800,000,000,000 ns.", ("30 minutes", "other")),
        (
            "| Unit | Equals |\n|---|---|\n| ms | 1,000 microseconds |\n",
            ("1,000 microseconds", "other"),
        ),
        ("A beta of 1.2 means the stock is 20% more volatile.", ("20%", "other")),
        ("Compare the mid vs the mid 30 minutes after the fill.", ("30 minutes", "other")),
        ('Readers repeat "uv is 10-100x faster than pip".', ("10-100x faster", "other")),
        # a size that something else in the sentence takes time over
        ("A frame is checked against the full 4 MiB, which takes a while.", ("4 MiB", "other")),
    ],
)
def test_not_claims_on_pages_the_rule_was_not_tuned_on(
    text: str, expected: tuple[str, str]
) -> None:
    assert [(f, c) for f, c, _ in figures(text)][:1] == [expected]
