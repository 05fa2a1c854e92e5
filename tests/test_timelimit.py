"""A page's time limit (issue 19, row 2): a runaway match becomes a ``page/too-slow``
finding instead of a hang, in the build, its workers and the command line."""

from __future__ import annotations

import signal
import threading
from pathlib import Path

import pytest

from mkdocs_diataxis.core import SettingsError, check_page, load_settings
from tests.helpers import build, make_site, run_cli, warnings

# A pattern the unsafe-shape check accepts (a literal between each .*), slow on a line
# of colons: every .* can stop at any of them. 200 colons take seconds; 60 take ms.
SLOW = "/:.*:.*:.*:.*!/"
RUNAWAY = "# Log format\n\n" + ":" * 200 + "\n"
BUSY = "# Log\n\n" + ":" * 110 + "\n"
"""About 0.2 s of matching: past a limit of 0.01 s, done well within a test's time."""
MESSAGE = (
    "checking stopped after 0.2 s of CPU time, this page's time limit, while the pattern"
    f" '{SLOW}' was being matched"
)


def test_a_runaway_match_is_stopped_and_named() -> None:
    settings = load_settings({"terms": {"forbid": [SLOW]}, "time_limit": 0.2})
    result = check_page("reference/log.md", RUNAWAY, settings)
    assert result.stopped
    assert [(f.rule, f.severity, f.line, f.column, f.message) for f in result.findings] == [
        ("page/too-slow", "warning", 1, 1, MESSAGE)
    ]
    assert result.findings[0].suggestion == (
        "rewrite the pattern so that its repetitions cannot match the same text in many"
        " ways, or raise time_limit"
    )
    # The limit is gone afterwards: nothing is left armed or handled in the process.
    assert signal.getitimer(signal.ITIMER_VIRTUAL)[0] == 0
    assert signal.getsignal(signal.SIGVTALRM) == signal.SIG_DFL


def test_a_page_that_finishes_in_time_is_checked_as_usual() -> None:
    settings = load_settings({"terms": {"forbid": [SLOW]}, "time_limit": 5})
    result = check_page("reference/log.md", "# Log\n\n" + ":" * 20 + "!\n", settings)
    assert not result.stopped
    assert [f.rule for f in result.findings] == ["terms/forbidden"]


def test_the_limit_grows_with_the_page() -> None:
    from mkdocs_diataxis.core.timelimit import limit_for

    assert limit_for(10.0, 1_000) == 10.0
    assert limit_for(10.0, 5_000_000) == 50.0
    assert limit_for(None, 5_000_000) is None


def test_the_busy_page_is_stopped_by_a_limit_in_force() -> None:
    # What makes the two tests below able to fail.
    settings = load_settings({"terms": {"forbid": [SLOW]}, "time_limit": 0.01})
    assert check_page("reference/log.md", BUSY, settings).stopped


def test_a_timer_the_host_set_is_left_alone() -> None:
    # pytest-timeout and others use the same signal: the limit then stays off.
    settings = load_settings({"terms": {"forbid": [SLOW]}, "time_limit": 0.01})
    page = BUSY  # a limit in force would stop it
    previous = signal.signal(signal.SIGVTALRM, lambda *_: None)
    try:
        assert not check_page("reference/log.md", page, settings).stopped
        assert signal.getsignal(signal.SIGVTALRM) is not signal.SIG_DFL
    finally:
        signal.signal(signal.SIGVTALRM, previous)


def test_outside_the_main_thread_the_limit_is_off() -> None:
    settings = load_settings({"terms": {"forbid": [SLOW]}, "time_limit": 0.01})
    page = BUSY  # a limit in force would stop it
    stopped = []
    thread = threading.Thread(
        target=lambda: stopped.append(check_page("reference/log.md", page, settings).stopped)
    )
    thread.start()
    thread.join()
    assert stopped == [False]


@pytest.mark.parametrize(
    ("value", "expected"), [(0, None), (False, None), (None, None), (3, 3.0), (0.5, 0.5)]
)
def test_time_limit_values(value: object, expected: float | None) -> None:
    assert load_settings({"time_limit": value}).time_limit == expected
    assert load_settings({}).time_limit == 30.0


@pytest.mark.parametrize("value", [-1, "10s", True, float("nan"), [1], 1_000_000])
def test_time_limit_errors_name_the_option(value: object) -> None:
    with pytest.raises(SettingsError) as caught:
        load_settings({"time_limit": value})
    assert caught.value.option == "time_limit"
    assert caught.value.message.startswith(
        "expected CPU seconds per MB of a page (a number above 0 and below 1,000,000), or 0"
        " for no limit, got"
    )


@pytest.mark.parametrize("jobs", [0, 1])
def test_the_build_finishes_with_the_finding_in_process_and_in_a_worker(
    tmp_path: Path, jobs: int
) -> None:
    make_site(
        tmp_path,
        {"index.md": "# Home\n", "reference/log.md": RUNAWAY},
        plugin=f"  - diataxis:\n      jobs: {jobs}\n      time_limit: 0.2\n"
        f"      terms: {{forbid: ['{SLOW}']}}\n",
    )
    expected = [
        f"reference/log.md:1:1: [page/too-slow] {MESSAGE} — rewrite the pattern so that its"
        " repetitions cannot match the same text in many ways, or raise time_limit"
    ]
    ran = build(tmp_path)
    assert ran.returncode == 1
    assert warnings(ran.stderr) == expected
    # A result that depends on the machine's speed is not kept: the next build tries
    # the page again, and only the home page comes from the cache.
    again = build(tmp_path)
    assert warnings(again.stderr) == expected
    assert "1 unchanged since the last run" in again.stderr


def test_the_command_line_reports_it_too(tmp_path: Path) -> None:
    make_site(
        tmp_path,
        {"index.md": "# Home\n", "reference/log.md": RUNAWAY},
        plugin=f"  - diataxis:\n      time_limit: 0.2\n      terms: {{forbid: ['{SLOW}']}}\n",
    )
    ran = run_cli(tmp_path, "check", "--no-cache")
    assert ran.returncode == 1
    assert f"docs/reference/log.md:1:1: warning [page/too-slow] {MESSAGE} — " in ran.stdout
