"""The dashboard UI in a real browser (Debian's chromium, driven by Playwright) on the real stack.

A user filters jobs, opens one, watches its logs arrive, cancels a running job, requeues a
failed one, pauses a queue and confirms a bulk action. Every page is saved as a screenshot under
test-artifacts/dashboard/, to be looked at. A JavaScript error on any page fails the test.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from harness import ScheduleDriver, StackUnderTest

from mrq import Client
from mrq_local import wait_until

playwright_sync = pytest.importorskip("playwright.sync_api")
expect = playwright_sync.expect
Page = playwright_sync.Page

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "dashboard"
RUN_TIMEOUT_S = 60.0
EXPECT_TIMEOUT_MS = 15_000


@dataclass(frozen=True)
class Site:
    url: str
    client: Client
    stack: StackUnderTest
    failed: list[str]
    idle: list[str]


@pytest.fixture(scope="module")
def site(module_stack: StackUnderTest) -> Iterator[Site]:
    """A dashboard over 12 successes and 3 failures on ui/fast, and 25 jobs queued on ui/idle."""
    dashboard = module_stack.stack.start_dashboard()
    with Client(module_stack.broker_address) as client:
        done = client.enqueue_many("tasks.add", [{"a": i, "b": 1} for i in range(12)], queue="ui/fast")
        failed = client.enqueue_many("tasks.fail", [{"n": i} for i in range(3)], queue="ui/fast")
        idle = client.enqueue_many("tasks.add", [{"a": i, "b": 2} for i in range(25)], queue="ui/idle")
        module_stack.start_worker("ui/fast", "ui/slow", greenlets=4)
        client.wait([*done, *failed], timeout=RUN_TIMEOUT_S)
        yield Site(dashboard.url, client, module_stack, failed, idle)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: `make install` installs it (scripts/install-system.sh)")
    with playwright_sync.sync_playwright() as driver:
        instance = driver.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser: object, site: Site) -> Iterator[Page]:
    """A fresh page with auto-refresh off (tests wait for what they expect, never for a timer)."""
    context = browser.new_context(base_url=site.url, viewport={"width": 1440, "height": 900})  # type: ignore[attr-defined]
    context.add_init_script("localStorage.setItem('mrq.refresh_s', '0')")
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


def row(page: Page, text: str) -> object:
    return page.locator("tbody tr", has_text=text)


def test_every_page_renders_with_data(page: Page, site: Site) -> None:
    page.goto("/#overview")
    expect(page.locator(".card").first).to_contain_text("Finished")
    expect(page.locator(".panel", has_text="Jobs by status")).to_contain_text("success")
    # A few samples, so the sparklines have a shape: 1 s refresh, until four were taken.
    page.select_option("#refresh", "1")
    page.wait_for_function("MRQ.history.get('finished').length >= 4", timeout=EXPECT_TIMEOUT_MS)
    page.select_option("#refresh", "0")
    screenshot(page, "overview")

    pages = {"queues": "ui/idle", "jobs": "tasks.add", "workers": "ui/fast", "tasks": "tasks.fail",
             "exceptions": "builtins.ValueError"}
    for name, text in pages.items():
        page.goto(f"/#{name}")
        expect(page.locator("#page")).to_contain_text(text)
        expect(page.locator(f'.sidebar a[data-page="{name}"]')).to_have_class(re.compile("active"))
        screenshot(page, name)

    # The API's interactive docs, from the vendored Swagger UI (no CDN).
    page.goto("/docs")
    expect(page.locator(".swagger-ui")).to_contain_text("/api/jobs/actions")


def test_filter_jobs_then_open_one(page: Page, site: Site) -> None:
    page.goto("/#jobs")
    page.fill("input[name=task]", "tasks.fail")
    page.select_option("select[name=status]", "error")
    page.click("text=Apply filters")

    expect(page).to_have_url(re.compile(r"#jobs\?.*task=tasks.fail"))
    expect(page.locator("tbody tr")).to_have_count(3)
    screenshot(page, "jobs-filtered")
    page.locator("tbody tr a.mono").first.click()

    expect(page.locator(".detail-head")).to_contain_text("failed")
    expect(page.locator("[data-panel=traceback]")).to_contain_text("fail was asked to fail")
    screenshot(page, "job-failed")


def test_watch_the_logs_of_a_running_job(page: Page, site: Site, tmp_path: Path) -> None:
    gate = tmp_path / "gate"
    job_id = site.client.enqueue("tasks.log_lines", {"lines": ["first line", "second line"], "gate": str(gate)},
                                 queue="ui/slow")
    page.goto(f"/#jobs/{job_id}")
    logs = page.locator("[data-logs]")
    expect(logs).to_contain_text("first line", timeout=RUN_TIMEOUT_S * 1000)
    expect(page.locator(".log-state")).to_contain_text("following")
    expect(logs).not_to_contain_text("second line")

    # When the job logs its next line, it shows up by itself, then the job ends.
    Path(f"{gate}.0").touch()

    expect(logs).to_contain_text("second line")
    expect(page.locator(".log-state")).to_contain_text("job finished")
    expect(page.locator(".detail-head")).to_contain_text("success")
    screenshot(page, "job-logs")


def test_cancel_a_running_job(page: Page, site: Site, tmp_path: Path) -> None:
    runs, marker = tmp_path / "runs", tmp_path / "marker"
    job_id = site.client.enqueue("tasks.progress_then_block", {"progress": 0.4, "marker": str(marker)},
                                 queue="ui/slow")
    wait_until(lambda: site.client.get_job(job_id)["progress"] == 0.4, RUN_TIMEOUT_S, what="the job's progress")
    page.goto(f"/#jobs/{job_id}")
    expect(page.locator(".detail-head")).to_contain_text("started")
    expect(page.locator(".panel .progress")).to_be_visible()
    page.click("[data-stack]")
    expect(page.locator(".stack-slot")).to_contain_text("progress_then_block")
    screenshot(page, "job-running")

    page.click(".detail-head [data-job-action=cancel]")

    expect(page.locator("#flash")).to_contain_text("cancelled")
    expect(page.locator(".detail-head")).to_contain_text("cancel")
    assert site.client.get_job(job_id)["status"] == "cancel"
    assert not runs.exists()


def test_requeue_a_failed_job_from_the_list(page: Page, site: Site) -> None:
    job_id = site.failed[0]
    page.goto(f"/#jobs?id={job_id}")
    expect(page.locator("tbody tr")).to_have_count(1)

    page.click(f'tr[data-job="{job_id}"] [data-job-action=requeue]')

    expect(page.locator("#flash")).to_contain_text("requeued")
    wait_until(lambda: len(site.client.get_job(job_id)["traceback_history"]) == 2, RUN_TIMEOUT_S,
               what="the requeued job to fail again")
    assert site.client.get_job(job_id)["status"] == "failed"


def test_pause_and_resume_a_queue(page: Page, site: Site) -> None:
    page.goto("/#queues")
    queue = row(page, "ui/idle")
    expect(queue).to_contain_text("active")

    queue.locator("[data-queue-action=pause]").click()

    expect(page.locator("#flash")).to_contain_text("paused")
    expect(queue.locator(".badge", has_text="paused")).to_be_visible()
    screenshot(page, "queues-paused")
    queue.locator("[data-queue-action=resume]").click()
    expect(queue).to_contain_text("active")


def test_a_queue_shows_its_failed_jobs_linked_to_the_list(page: Page, site: Site) -> None:
    page.goto("/#queues")
    errors = row(page, "ui/fast").locator('a[href="#jobs?status=error&queue=ui%2Ffast"]')
    expect(errors).to_have_text(str(len(site.failed)))

    errors.click()

    expect(page.locator("tbody tr")).to_have_count(len(site.failed))


def test_a_bulk_cancel_shows_the_count_and_needs_confirmation(page: Page, site: Site) -> None:
    ids = site.client.enqueue_many("tasks.echo", [{"bulk": i} for i in range(7)], queue="ui/bulk")
    page.goto("/#jobs?queue=ui/bulk")
    expect(page.locator("tbody tr")).to_have_count(7)

    page.click("[data-bulk=cancel]")
    dialog = page.get_by_role("dialog")
    expect(dialog).to_contain_text("Cancel 7 jobs?")
    screenshot(page, "bulk-confirm")
    dialog.get_by_text("Keep as is").click()
    assert all(site.client.get_job(i)["status"] == "queued" for i in ids)

    page.click("[data-bulk=cancel]")
    page.get_by_role("dialog").get_by_text("Cancel 7 jobs", exact=True).click()

    expect(page.locator("#flash")).to_contain_text("7 jobs cancelled")
    expect(page.locator("tbody .badge", has_text="cancel")).to_have_count(7)
    assert all(site.client.get_job(i)["status"] == "cancel" for i in ids)


def test_with_auth_the_ui_answers_401_without_credentials(browser: object, site: Site) -> None:
    dashboard = site.stack.stack.start_dashboard(auth="admin:s3cret")
    try:
        anonymous = browser.new_context()  # type: ignore[attr-defined]
        tab = anonymous.new_page()
        # Headless chromium has no login prompt: it ends the navigation on the 401 itself.
        with tab.expect_response(dashboard.url + "/") as answer, pytest.raises(playwright_sync.Error):
            tab.goto(dashboard.url + "/")
        assert answer.value.status == 401
        anonymous.close()
        member = browser.new_context(http_credentials={"username": "admin", "password": "s3cret"})  # type: ignore[attr-defined]
        tab = member.new_page()
        assert tab.goto(dashboard.url + "/#workers").status == 200
        expect(tab.locator("#page")).to_contain_text("ui/fast", timeout=EXPECT_TIMEOUT_MS)
        member.close()
    finally:
        dashboard.process.stop()


def test_pause_then_delete_a_schedule(page: Page, site: Site) -> None:
    page.goto("/#scheduled")
    expect(page.locator("#page")).to_contain_text("No scheduled jobs")
    expect(page.locator('.sidebar a[data-page="scheduled"]')).to_have_class(re.compile("active"))
    screenshot(page, "scheduled-empty")

    # Given schedules of each kind, one from SCHEDULER_TASKS, and one tick fired
    create = site.client.schedules.create
    nightly = create({"path": "tasks.add", "params": {"a": 1, "b": 2}, "dailytime": "02:30", "queue": "ui/fast"})
    create({"path": "tasks.echo", "interval": 900, "queue": "ui/slow"})
    create({"path": "tasks.echo", "cron": "*/15 9-17 * * 1-5", "timezone": "America/New_York", "catchup": True})
    driver = ScheduleDriver(site.stack.broker_address)
    driver.sync_config([{"path": "tasks.add", "params": {"a": 7, "b": 0}, "dailytime": "09:00", "weekday": 0,
                         "timezone": "Europe/Paris"}])
    driver.fire_now(nightly["id"])
    page.reload()
    schedule = row(page, "daily at 02:30 UTC")
    expect(schedule).to_contain_text("tasks.add")
    expect(schedule).to_contain_text("active")
    expect(schedule.locator("a[href^='#jobs/']")).to_be_visible()
    expect(row(page, "Mondays at 09:00 Europe/Paris")).to_contain_text("config")
    expect(row(page, "every 15 min")).to_contain_text("ui/slow")

    # When it is paused from the page
    schedule.locator("[data-schedule-action=pause]").click()

    expect(page.locator("#flash")).to_contain_text("paused")
    expect(schedule.locator(".badge", has_text="paused")).to_be_visible()
    assert site.client.schedules.get(nightly["id"])["paused"] is True
    screenshot(page, "scheduled")

    # When it is deleted, after a confirmation
    schedule.locator("[data-schedule-action=delete]").click()
    page.get_by_role("dialog").get_by_text("Delete the schedule", exact=True).click()

    expect(page.locator("#flash")).to_contain_text("deleted")
    expect(schedule).to_have_count(0)
    assert nightly["id"] not in {s["id"] for s in site.client.schedules.list()}
    driver.sync_config([])
    driver.close()
