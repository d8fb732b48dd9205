"""Overview stays up for two minutes while jobs are enqueued and run without pause.

The page once died under load: its refreshes overlapped until the broker answered "Deadline
Exceeded". This test keeps it open for LOAD_S seconds (wall time, most of it idle) with a 1 s
auto-refresh. It is marked slow, and `make test` runs it like any other test.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import dashboard_browser
import pytest
from dashboard_browser import COUNT_OVERVIEW_CALLS, NARROWEST, open_tab, screenshot
from harness import StackUnderTest

from mrq import Client

browser = dashboard_browser.browser  # the module's fixture

LOAD_S = 120.0
BATCH = 10
BATCH_EVERY_S = 0.5
# "Updated hh:mm:ss" must change at least this often (a 1 s refresh changes it every second).
UPDATED_WITHIN_MS = 10_000
# Each Overview call waits 1.5 s before it goes out (counted in flight meanwhile: installed
# before COUNT_OVERVIEW_CALLS): an answer slower than the 1 s refresh, as from a busy broker, so
# that a refresh that did not wait for the previous answer would put two calls in flight.
SLOW_OVERVIEW = """
const sendNow = XMLHttpRequest.prototype.send;
XMLHttpRequest.prototype.send = function () {
  if (!this.isOverview) return sendNow.apply(this, arguments);
  setTimeout(() => sendNow.apply(this, arguments), 1500);
};
"""
# Every error banner the page showed, however briefly.
WATCH_ERROR_BANNERS = """
window.errorBanners = [];
new MutationObserver(() => {
  const banner = document.querySelector(".error-state");
  if (banner && !window.errorBanners.includes(banner.textContent)) window.errorBanners.push(banner.textContent);
}).observe(document, {childList: true, subtree: true});
"""


@pytest.fixture
def steady_load(module_stack: StackUnderTest) -> Iterator[list[str]]:
    """Enqueues BATCH jobs every BATCH_EVERY_S seconds on a running worker until the test ends;
    yields the ids enqueued so far."""
    module_stack.start_worker("load", greenlets=20)
    enqueued: list[str] = []
    stop = threading.Event()

    def feed() -> None:
        with Client(module_stack.broker_address) as client:
            while not stop.wait(BATCH_EVERY_S):  # a pace, not a synchronisation
                enqueued.extend(client.enqueue_many("mrq_test_tasks.add", [{"a": 1, "b": 2}] * BATCH, queue="load"))

    feeder = threading.Thread(target=feed, name="steady-load")
    feeder.start()
    yield enqueued
    stop.set()
    feeder.join()


@pytest.mark.slow
def test_overview_stays_up_for_two_minutes_under_load(
    browser: object, module_stack: StackUnderTest, steady_load: list[str]
) -> None:
    dashboard = module_stack.stack.start_dashboard()
    with open_tab(
        browser,
        dashboard.url,
        viewport=NARROWEST,
        refresh_s=1,
        init_script=SLOW_OVERVIEW + COUNT_OVERVIEW_CALLS + WATCH_ERROR_BANNERS,
    ) as tab:
        tab.goto("/#overview")

        # While jobs keep coming for two minutes, "Updated" keeps advancing
        deadline = time.monotonic() + LOAD_S
        while time.monotonic() < deadline:
            shown = tab.locator("#updated").inner_text()
            tab.wait_for_function(
                "shown => document.querySelector('#updated').textContent !== shown",
                arg=shown,
                timeout=UPDATED_WITHIN_MS,
            )
        screenshot(tab, "overview-under-load")

        # Then no error banner ever showed, and no two Overview calls were ever in flight at once
        assert tab.evaluate("window.errorBanners") == []
        calls = tab.evaluate("window.overviewCalls")
        assert calls["most"] == 1, calls
        assert calls["started"] >= LOAD_S / 4, calls  # it did refresh, every 2.5 s or so
    # And jobs were enqueued and run all along: the latest batch runs too
    assert len(steady_load) >= LOAD_S / BATCH_EVERY_S * BATCH / 2
    with Client(module_stack.broker_address) as client:
        latest = client.wait(steady_load[-BATCH:], timeout=30)
    assert {job["status"] for job in latest} == {"success"}
