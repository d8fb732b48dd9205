"""Markup in a job's data shows as text on every dashboard page, and never runs.

A job's params, error, traceback and log lines, and a schedule's params, are whatever the
application put there. The pages render them through templates that escape every value; one
unescaped value would run the script below or add its element. Task paths and queue names
cannot carry markup: the broker accepts only dotted paths and ``[A-Za-z0-9_-.:/]``.
"""

from __future__ import annotations

import json
import urllib.request
from pathlib import Path

import dashboard_browser
from dashboard_browser import NARROWEST, Page, expect, open_tab, screenshot
from harness import StackUnderTest

from mrq import Client
from mrq_local import wait_until

browser = dashboard_browser.browser  # the module's fixture

RUN_TIMEOUT_S = 60.0
MARKUP = ["<script>window.__xss=1</script>", '" onerror="window.__xss=1', "<img src=x onerror=window.__xss=1>"]
# What an escaping mistake leaves behind: the script's flag, or an element made from the text.
INJECTED = """() => ({
  flag: typeof window.__xss,
  elements: [...document.querySelectorAll("#page script, #page img, [onerror]")].map((e) => e.outerHTML),
})"""


def assert_shown_as_text(tab: Page, path: str, texts: list[str]) -> None:
    tab.goto(f"/#{path}")
    for text in texts:
        expect(tab.locator("#page")).to_contain_text(text)
    assert tab.evaluate(INJECTED) == {"flag": "undefined", "elements": []}, path


def busy_workers(url: str) -> list[str]:
    with urllib.request.urlopen(f"{url}/api/workers", timeout=10) as answer:
        return [w["id"] for w in json.load(answer) if w["job_ids"]]


def test_markup_in_a_job_shows_as_text_on_every_page(
    browser: object, module_stack: StackUnderTest, tmp_path: Path
) -> None:
    # Given a job whose params and log lines hold markup, running, then failing with it
    marker, runs = tmp_path / "marker", tmp_path / "runs"
    params = {"a": MARKUP[0], "lines": MARKUP, "marker": str(marker), "runs": str(runs)}
    # Params as the pages write them: JSON, with its quotes escaped
    quoted = json.dumps(MARKUP[1])
    dashboard = module_stack.stack.start_dashboard()
    with Client(module_stack.broker_address) as client, open_tab(browser, dashboard.url, viewport=NARROWEST) as tab:
        job_id = client.enqueue("mrq_test_tasks.log_block_then_fail", params, queue="xss")
        schedule = client.schedules.create(
            {"path": "mrq_test_tasks.echo", "params": {"a": MARKUP[0]}, "interval": 3600}
        )
        module_stack.start_worker("xss")
        wait_until(lambda: busy_workers(dashboard.url), RUN_TIMEOUT_S, what="a worker's heartbeat to show the job")

        # Then, while it runs, the worker's current job shows its params as text
        assert_shown_as_text(tab, "workers", [MARKUP[0]])
        assert_shown_as_text(tab, "scheduled", [MARKUP[0]])

        # And once it failed, so do the jobs list, its page (params, traceback, logs), and its
        # exception group
        marker.touch()
        client.wait([job_id], timeout=RUN_TIMEOUT_S)
        assert_shown_as_text(tab, "jobs?queue=xss", [f'"a":"{MARKUP[0]}"', quoted])
        assert_shown_as_text(tab, f"jobs/{job_id}", [f'"a": "{MARKUP[0]}"', quoted])
        for text in MARKUP:
            expect(tab.locator("[data-panel=traceback]")).to_contain_text(text)
            expect(tab.locator("[data-logs]")).to_contain_text(text)
        screenshot(tab, "job-markup-as-text")
        assert_shown_as_text(tab, "exceptions", [" | ".join(MARKUP)])
        client.schedules.delete(schedule["id"])
