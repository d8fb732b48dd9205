"""A real browser on the dashboard, for the test_dashboard_ui*.py modules: Debian's chromium
driven by Playwright, a fresh tab per test that fails it on any JavaScript error, and
screenshots saved under test-artifacts/dashboard/ to be looked at."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

playwright_sync = pytest.importorskip("playwright.sync_api")
expect = playwright_sync.expect
Page = playwright_sync.Page

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "dashboard"
EXPECT_TIMEOUT_MS = 15_000
NARROWEST = {"width": 1280, "height": 800}

# An init script that counts the page's /api/overview calls: started, in flight, and the most
# ever in flight at once.
COUNT_OVERVIEW_CALLS = """
window.overviewCalls = {active: 0, most: 0, started: 0};
const realOpen = XMLHttpRequest.prototype.open, realSend = XMLHttpRequest.prototype.send;
XMLHttpRequest.prototype.open = function (method, url) {
  this.isOverview = String(url).includes("api/overview");
  return realOpen.apply(this, arguments);
};
XMLHttpRequest.prototype.send = function () {
  if (this.isOverview) {
    const calls = window.overviewCalls;
    calls.active++; calls.started++; calls.most = Math.max(calls.most, calls.active);
    this.addEventListener("loadend", () => calls.active--);
  }
  return realSend.apply(this, arguments);
};
"""


# Controls cut off by the window or by an ancestor that hides its overflow.
CLIPPED_CONTROLS = """() => {
  const width = document.documentElement.clientWidth;
  const clipped = [];
  for (const control of document.querySelectorAll("button, select, input")) {
    const box = control.getBoundingClientRect();
    if (!box.width) continue;  // not displayed
    let cut = box.left < 0 || box.right > width;
    for (let up = control.parentElement; up && !cut; up = up.parentElement) {
      const style = getComputedStyle(up);
      if (style.overflowX === "visible" && style.overflowY === "visible") continue;
      const frame = up.getBoundingClientRect();
      cut = box.left < frame.left - 0.5 || box.right > frame.right + 0.5;
    }
    if (cut) clipped.push(control.outerHTML.slice(0, 120));
  }
  return clipped;
}"""


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: `make install` installs it (scripts/install-system.sh)")
    with playwright_sync.sync_playwright() as driver:
        instance = driver.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@contextmanager
def open_tab(
    browser: object, url: str, *, viewport: dict[str, int], refresh_s: int = 0, init_script: str = ""
) -> Iterator[Page]:
    """A fresh page on the dashboard at ``url``; a JavaScript error on it fails the test."""
    context = browser.new_context(base_url=url, viewport=viewport)  # type: ignore[attr-defined]
    context.add_init_script(f"localStorage.setItem('mrq.refresh_s', '{refresh_s}')\n{init_script}")
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.set_default_timeout(EXPECT_TIMEOUT_MS)
    yield tab
    context.close()
    assert not errors, f"JavaScript errors: {errors}"


def screenshot(page: Page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
