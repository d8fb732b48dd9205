"""The dashboard UI in a real browser (Debian's chromium, driven by Playwright) on the real stack.

A user filters jobs, opens one, watches its logs arrive, cancels a running job, requeues a
failed one, pauses a queue and confirms a bulk action. Every page is saved as a screenshot under
test-artifacts/dashboard/, to be looked at. A JavaScript error on any page fails the test.
"""

from __future__ import annotations

import json
import re
import signal
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import dashboard_browser
import pytest
from dashboard_browser import (
    CLIPPED_CONTROLS,
    COUNT_OVERVIEW_CALLS,
    EXPECT_TIMEOUT_MS,
    NARROWEST,
    Page,
    expect,
    open_tab,
    playwright_sync,
    screenshot,
)
from harness import BlockingJob, ScheduleDriver, StackUnderTest

from mrq import Client
from mrq_local import wait_until

RUN_TIMEOUT_S = 60.0
browser = dashboard_browser.browser  # the module's fixture


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
        done = client.enqueue_many("mrq_test_tasks.add", [{"a": i, "b": 1} for i in range(12)], queue="ui/fast")
        failed = client.enqueue_many("mrq_test_tasks.fail", [{"n": i} for i in range(3)], queue="ui/fast")
        idle = client.enqueue_many("mrq_test_tasks.add", [{"a": i, "b": 2} for i in range(25)], queue="ui/idle")
        module_stack.start_worker("ui/fast", "ui/slow", greenlets=4)
        client.wait([*done, *failed], timeout=RUN_TIMEOUT_S)
        yield Site(dashboard.url, client, module_stack, failed, idle)


@pytest.fixture
def page(browser: object, site: Site) -> Iterator[Page]:
    """A fresh page with auto-refresh off (tests wait for what they expect, never for a timer)."""
    with open_tab(browser, site.url, viewport={"width": 1440, "height": 900}) as tab:
        yield tab


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

    pages = {
        "queues": "ui/idle",
        "jobs": "mrq_test_tasks.add",
        "workers": "ui/fast",
        "tasks": "mrq_test_tasks.fail",
        "exceptions": "builtins.ValueError",
    }
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
    page.fill("input[name=task]", "mrq_test_tasks.fail")
    page.select_option("select[name=status]", "error")
    page.click("text=Apply filters")

    expect(page).to_have_url(re.compile(r"#jobs\?.*task=mrq_test_tasks.fail"))
    expect(page.locator("tbody tr")).to_have_count(3)
    screenshot(page, "jobs-filtered")
    page.locator("tbody tr a.mono").first.click()

    expect(page.locator(".detail-head")).to_contain_text("failed")
    expect(page.locator("[data-panel=traceback]")).to_contain_text("fail was asked to fail")
    screenshot(page, "job-failed")


def test_watch_the_logs_of_a_running_job(page: Page, site: Site, tmp_path: Path) -> None:
    gate = tmp_path / "gate"
    job_id = site.client.enqueue(
        "mrq_test_tasks.log_lines", {"lines": ["first line", "second line"], "gate": str(gate)}, queue="ui/slow"
    )
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
    job_id = site.client.enqueue(
        "mrq_test_tasks.progress_then_block", {"progress": 0.4, "marker": str(marker)}, queue="ui/slow"
    )
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
    wait_until(
        lambda: len(site.client.get_job(job_id)["traceback_history"]) == 2,
        RUN_TIMEOUT_S,
        what="the requeued job to fail again",
    )
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
    ids = site.client.enqueue_many("mrq_test_tasks.echo", [{"bulk": i} for i in range(7)], queue="ui/bulk")
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
    nightly = create(
        {"path": "mrq_test_tasks.add", "params": {"a": 1, "b": 2}, "dailytime": "02:30", "queue": "ui/fast"}
    )
    create({"path": "mrq_test_tasks.echo", "interval": 900, "queue": "ui/slow"})
    create(
        {"path": "mrq_test_tasks.echo", "cron": "*/15 9-17 * * 1-5", "timezone": "America/New_York", "catchup": True}
    )
    driver = ScheduleDriver(site.stack.broker_address)
    driver.sync_config(
        [
            {
                "path": "mrq_test_tasks.add",
                "params": {"a": 7, "b": 0},
                "dailytime": "09:00",
                "weekday": 0,
                "timezone": "Europe/Paris",
            }
        ]
    )
    driver.fire_now(nightly["id"])
    page.reload()
    schedule = row(page, "daily at 02:30 UTC")
    expect(schedule).to_contain_text("mrq_test_tasks.add")
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


# Counts the page's /api/overview calls, and the most that were in flight at once.
def test_auto_refresh_waits_for_each_answer_and_backs_off_while_the_broker_is_down(browser: object, site: Site) -> None:
    # Given a dashboard on a broker of its own, refreshing every second, on a clock the test moves
    broker = site.stack.start_broker()
    dashboard = site.stack.stack.start_dashboard(broker=broker)
    with open_tab(browser, dashboard.url, viewport=NARROWEST, refresh_s=1, init_script=COUNT_OVERVIEW_CALLS) as tab:
        tab.clock.install()
        held: list[object] = []
        tab.route("**/api/overview*", lambda route: held.append(route))
        tab.goto("/#overview")
        tab.wait_for_function("overviewCalls.started === 1")

        # When the broker takes ten seconds to answer
        tab.clock.run_for(10_000)

        # Then no other call started meanwhile
        assert tab.evaluate("overviewCalls.started") == 1
        held[0].continue_()  # type: ignore[attr-defined]
        tab.unroute("**/api/overview*")
        expect(tab.locator("#updated")).to_contain_text("Updated")
        updated = tab.locator("#updated").inner_text()

        # When the broker goes down for 30 s
        broker.process.stop()
        for _ in range(30):
            tab.clock.run_for(1000)
            tab.wait_for_function("overviewCalls.active === 0")

        # Then the page says so in a sentence, the raw gRPC text folded away, and keeps the time
        # of the last success; it tried after 1, 2, 4, 8 and 16 s, not every second
        banner = tab.locator(".error-state")
        expect(banner).to_contain_text(f"The broker at {broker.address} is unreachable; retrying.")
        expect(banner.locator("details pre")).not_to_be_visible()
        assert tab.locator("#updated").inner_text() == updated
        screenshot(tab, "overview-broker-down")
        assert tab.evaluate("overviewCalls.most") == 1
        assert tab.evaluate("overviewCalls.started") <= 7
    dashboard.process.stop()


def test_the_live_stack_outlives_a_refresh_and_a_cancelled_job_shows_its_last_line(page: Page, site: Site) -> None:
    job_id = site.client.enqueue("mrq_test_tasks.log_until_stopped", {}, queue="ui/slow")
    page.goto(f"/#jobs/{job_id}")
    expect(page.locator("[data-logs]")).to_contain_text("working", timeout=RUN_TIMEOUT_S * 1000)
    page.click("[data-stack]")
    expect(page.locator(".stack-slot")).to_contain_text("log_until_stopped")

    # When two auto-refreshes reload the job
    def job_reloaded(response: object) -> bool:
        return f"/api/jobs/{job_id}?" in response.url  # type: ignore[attr-defined]

    with page.expect_response(job_reloaded):
        page.select_option("#refresh", "1")
    with page.expect_response(job_reloaded):
        pass

    # Then the stack is still shown
    expect(page.locator(".stack-slot")).to_contain_text("log_until_stopped")
    screenshot(page, "job-stack")

    # When the job is cancelled: its worker logs a last line on the way out
    page.click(".detail-head [data-job-action=cancel]")

    expect(page.locator(".detail-head")).to_contain_text("cancel")
    expect(page.locator("[data-logs]")).to_contain_text("stopped by JobCancelled")
    expect(page.locator("dt:text-is('Took') + dd")).to_have_text(re.compile(r"\d"))
    screenshot(page, "job-cancelled")


def test_queue_size_and_task_speed_sparklines_draw(page: Page, site: Site) -> None:
    page.goto("/#queues")
    page.select_option("#refresh", "1")
    page.wait_for_function("MRQ.history.get('queue:ui/idle').length >= 2")
    expect(row(page, "ui/idle").locator("svg.spark polyline")).to_have_count(1)

    page.goto("/#tasks")
    page.wait_for_function("MRQ.history.get('task:mrq_test_tasks.add').length >= 2")
    expect(row(page, "mrq_test_tasks.add").locator("svg.spark polyline")).to_have_count(1)
    screenshot(page, "tasks-sparklines")


def test_every_page_at_1280_px_shows_every_control_whole(browser: object, site: Site) -> None:
    long_params = {"note": "a long parameter that an operator did not expect " * 6}
    failed = site.client.enqueue("mrq_test_tasks.fail", long_params, queue="ui/fast")
    site.client.wait([failed], timeout=RUN_TIMEOUT_S)
    site.client.enqueue(
        "mrq_test_tasks.echo", long_params, queue="ui/a-long-queue-name-for-a-narrow-window", delay=3600
    )
    schedule = site.client.schedules.create({"path": "mrq_test_tasks.echo", "params": long_params, "interval": 3600})
    site.client.enqueue_taskset(
        "mrq_test_tasks.fail", [long_params] * 3, queue="ui/fast", callback="mrq_test_tasks.echo"
    )
    pages = [
        ("overview", "Jobs by status", "overview"),
        ("queues", "ui/idle", "queues"),
        ("jobs", "mrq_test_tasks.fail", "jobs"),
        ("jobs?queue=ui/fast&task=mrq_test_tasks.fail", "mrq_test_tasks.fail", "jobs-filtered"),
        (f"jobs/{failed}", "fail was asked to fail", "job-failed"),
        ("workers", "ui/fast", "workers"),
        ("tasks", "mrq_test_tasks.fail", "tasks"),
        ("exceptions", "builtins.ValueError", "exceptions"),
        ("scheduled", "Fires", "scheduled"),
        ("tasksets", "Final by status", "tasksets"),
    ]
    with open_tab(browser, site.url, viewport=NARROWEST) as tab:
        for path, text, name in pages:
            tab.goto(f"/#{path}")
            expect(tab.locator("#page")).to_contain_text(text)
            screenshot(tab, f"{name}-1280")
            assert tab.evaluate(CLIPPED_CONTROLS) == [], path
            assert tab.evaluate("document.documentElement.scrollWidth <= innerWidth"), f"{path} scrolls sideways"
    site.client.schedules.delete(schedule["id"])


def workers_by_id(url: str) -> dict[str, dict[str, object]]:
    with urllib.request.urlopen(f"{url}/api/workers", timeout=10) as answer:
        return {w["id"]: w for w in json.load(answer)}


def test_workers_keep_their_order_show_their_jobs_and_confirm_quiet_and_stop(
    page: Page, site: Site, tmp_path: Path
) -> None:
    # Given a worker running five jobs, beside the site's worker
    before = set(workers_by_id(site.url))
    site.stack.start_worker("ui/held", greenlets=5)
    blocking = BlockingJob(tmp_path, "held")
    ids = site.client.enqueue_many(
        "mrq_test_tasks.block_until_file", [{**blocking.params, "n": i} for i in range(5)], queue="ui/held"
    )
    blocking.wait_running(times=5)
    (worker_id,) = set(workers_by_id(site.url)) - before
    wait_until(
        lambda: len(workers_by_id(site.url)[worker_id]["job_ids"]) == 5,
        RUN_TIMEOUT_S,  # type: ignore[arg-type]
        what="a heartbeat listing the five jobs",
    )
    page.goto("/#workers")
    worker = page.locator(f'tr[data-worker="{worker_id}"]')

    # Then the rows are in order of id, refresh after refresh
    for _ in range(3):
        expect(page.locator(f'tr[data-worker="{worker_id}"] .current-job')).to_have_count(3)
        shown = page.locator("tbody tr").evaluate_all("rows => rows.map((r) => r.dataset.worker)")
        assert shown == sorted(shown) and worker_id in shown
        page.reload()
    # And three current jobs show their task, params and runtime, linked; "+2 more" lists them all
    first = worker.locator(".current-job").first
    expect(first).to_contain_text("mrq_test_tasks.block_until_file")
    expect(first).to_contain_text('"marker"')
    expect(first).to_contain_text(re.compile(r"\d+(\.\d)? s"))
    assert first.get_attribute("href").removeprefix("#jobs/") in ids
    screenshot(page, "workers-busy")
    worker.get_by_role("link", name="+2 more").click()
    expect(page.locator("tbody tr")).to_have_count(5)

    # When "Quiet" is clicked, it asks first
    page.goto("/#workers")
    worker.locator("[data-worker-action=quiet]").click()
    page.get_by_role("dialog").get_by_text("Keep as is").click()
    assert workers_by_id(site.url)[worker_id]["quiet"] is False
    worker.locator("[data-worker-action=quiet]").click()
    page.get_by_role("dialog").get_by_text("Quiet the worker").click()
    expect(page.locator("#flash")).to_contain_text("quieted")

    # When it is stopped, after a confirmation, and exits cleanly
    blocking.release()
    site.client.wait(ids, timeout=RUN_TIMEOUT_S)
    worker.locator("[data-worker-action=stop]").click()
    page.get_by_role("dialog").get_by_text("Stop the worker").click()
    page.select_option("#refresh", "1")

    # Then its badge is a grey "stopped", not a red one
    expect(worker.locator(".badge")).to_have_text("stopped", timeout=RUN_TIMEOUT_S * 1000)
    expect(worker.locator(".badge")).to_have_class("badge s-stopped")
    screenshot(page, "workers-stopped")


def test_a_worker_that_stops_heartbeating_gets_a_red_lost_badge(browser: object, site: Site) -> None:
    broker = site.stack.start_broker(extra_args=["--lease-ttl-s", "2"])
    dashboard = site.stack.stack.start_dashboard(broker=broker)
    before = set(workers_by_id(dashboard.url))
    process = site.stack.start_worker("ui/lost", broker=broker)
    wait_until(lambda: set(workers_by_id(dashboard.url)) - before, RUN_TIMEOUT_S, what="the new worker")
    (worker_id,) = set(workers_by_id(dashboard.url)) - before
    with open_tab(browser, dashboard.url, viewport=NARROWEST, refresh_s=1) as tab:
        tab.goto("/#workers")
        expect(tab.locator(f'tr[data-worker="{worker_id}"] .badge')).to_have_text("running")

        process.send_signal(signal.SIGKILL)

        badge = tab.locator(f'tr[data-worker="{worker_id}"] .badge')
        expect(badge).to_have_text("lost", timeout=RUN_TIMEOUT_S * 1000)
        expect(badge).to_have_class("badge s-lost")
    dashboard.process.stop()


def test_an_unknown_job_says_it_does_not_exist(page: Page, site: Site) -> None:
    page.goto(f"/#jobs/{'0' * 24}")

    expect(page.locator(".job-summary")).to_contain_text("doesn't exist")
    expect(page.locator("[data-logs]")).to_contain_text("doesn't exist, so it has no logs")


def test_times_read_the_same_everywhere(page: Page, site: Site) -> None:
    page.goto("/#overview")
    formatted = page.evaluate("""() => {
      const ago = (s) => MRQ.fmt.ago(new Date(Date.now() - s * 1000).toISOString());
      return [MRQ.fmt.duration(600), MRQ.fmt.duration(605), MRQ.fmt.duration(59.7), MRQ.fmt.duration(3725),
              ago(59.7), ago(60.2), ago(7300)];
    }""")
    assert formatted == ["10 min", "10 min 5 s", "59 s", "1 h 2 min", "59 s ago", "1 min ago", "2 h ago"]


def test_tasksets_show_their_counts_and_link_both_ways_with_their_jobs(page: Page, site: Site) -> None:
    # Given a finished taskset whose callback ran, and one still waiting on ui/idle's jobs
    done, members = site.client.enqueue_taskset(
        "mrq_test_tasks.add", [{"a": i, "b": 3} for i in range(4)], queue="ui/fast", callback="mrq_test_tasks.echo"
    )
    callback_job_id = site.client.wait_taskset(done, timeout=RUN_TIMEOUT_S)["callback_job_id"]
    waiting, _ = site.client.enqueue_taskset("mrq_test_tasks.add", [{"a": 1, "b": 1}] * 2, queue="ui/idle")

    # Then the Tasksets page lists the newest first, with counts, progress and callback
    page.goto("/#tasksets")
    expect(page.locator("tbody tr").first).to_contain_text(waiting)
    expect(row(page, waiting)).to_contain_text("0 / 2 final · 0%")
    finished = row(page, done)
    expect(finished).to_contain_text("4 / 4 final · 100%")
    expect(finished).to_contain_text("4 success")
    expect(finished.locator("a", has_text="its job")).to_have_attribute("href", f"#jobs/{callback_job_id}")
    expect(finished.locator(f'a[href="#jobs?taskset={done}"]')).to_have_text(done)
    screenshot(page, "tasksets")

    # And a member's page names its taskset, linked to it alone and to its jobs
    page.goto(f"/#jobs/{members[0]}")
    expect(page.locator("dt:text-is('Taskset') + dd a[href='#jobs?taskset=" + done + "']")).to_be_visible()
    screenshot(page, "job-in-taskset")
    page.click(f"a[href='#tasksets/{done}']")
    expect(page.locator("tbody tr")).to_have_count(1)
    expect(page.locator("tbody tr")).to_contain_text("4 / 4 final")
    expect(page.locator(".sidebar a[data-page=tasksets]")).to_have_class(re.compile("active"))


def test_an_unknown_taskset_says_it_does_not_exist(page: Page, site: Site) -> None:
    page.goto("/#tasksets/0123456789abcdef01234567")
    expect(page.locator(".error-state")).to_contain_text("no taskset 0123456789abcdef01234567")


def test_a_delayed_job_shows_when_it_runs_and_a_scheduled_job_links_to_its_schedule(page: Page, site: Site) -> None:
    delayed = site.client.enqueue("mrq_test_tasks.echo", {"later": True}, queue="ui/later", delay=3600)
    page.goto(f"/#jobs?id={delayed}")
    expect(row(page, delayed)).to_contain_text(re.compile(r"runs in (59 min|1 h)"))
    page.goto(f"/#jobs/{delayed}")
    expect(page.locator("dt:text-is('Runs at') + dd")).to_contain_text("(in ")

    schedule = site.client.schedules.create({"path": "mrq_test_tasks.echo", "interval": 3600, "queue": "ui/later"})
    driver = ScheduleDriver(site.stack.broker_address)
    job_id = driver.fire_now(schedule["id"])
    page.goto(f"/#jobs/{job_id}")
    expect(page.locator("dt:text-is('Schedule') + dd a", has_text="its jobs")).to_have_attribute(
        "href", f"#jobs?schedule={schedule['id']}"
    )
    page.locator("dt:text-is('Schedule') + dd a", has_text="its schedule").click()

    expect(page.locator("tr.highlight")).to_contain_text("every 1 h")
    screenshot(page, "scheduled-highlight")
    site.client.schedules.delete(schedule["id"])
    driver.close()


def test_a_bulk_retry_shows_in_the_rows_at_once(page: Page, site: Site) -> None:
    # Given three failed jobs on a queue whose worker is gone, so retried jobs stay queued
    worker = site.stack.start_worker("ui/retry")
    ids = site.client.enqueue_many(
        "mrq_test_tasks.fail", [{"retry": i} for i in range(3)], queue="ui/retry", max_retries=0
    )
    site.client.wait(ids, timeout=RUN_TIMEOUT_S)
    worker.stop()
    page.goto("/#jobs?queue=ui/retry")
    expect(page.locator("tbody .badge", has_text="failed")).to_have_count(3)
    # And an auto-refresh under way, whose answer (three failed jobs) is slow to arrive
    slow: list[tuple[object, object]] = []

    def hold_the_first(route: object) -> None:
        if slow:
            route.continue_()  # type: ignore[attr-defined]
        else:
            slow.append((route, route.fetch()))  # type: ignore[attr-defined]

    page.route("**/api/jobs?*", hold_the_first)
    page.select_option("#refresh", "1")

    def refresh_held() -> bool:
        page.evaluate("0")  # a round trip, during which Playwright runs the route handler
        return bool(slow)

    wait_until(refresh_held, RUN_TIMEOUT_S, what="an auto-refresh under way")
    page.select_option("#refresh", "0")

    # When they are retried in bulk, and the slow answer arrives after the action
    page.click("[data-bulk=retry]")
    page.get_by_role("dialog").get_by_text("Retry 3 jobs", exact=True).click()
    expect(page.locator("#flash")).to_contain_text("3 jobs retried")
    ((route, answer),) = slow
    with page.expect_event("requestfinished", lambda request: request.url == route.request.url):  # type: ignore[attr-defined]
        route.fulfill(response=answer)  # type: ignore[attr-defined]

    # Then the rows show the retried jobs, not the older answer
    expect(page.locator("tbody .badge", has_text="queued")).to_have_count(3)
    expect(page.locator("tbody .badge", has_text="failed")).to_have_count(0)
    assert {site.client.get_job(i)["status"] for i in ids} == {"queued"}


def test_search_by_params_key_and_id_prefix_with_a_total_then_bulk_delete(page: Page, site: Site) -> None:
    ids = site.client.enqueue_many("mrq_test_tasks.echo", [{"user": n % 3} for n in range(6)], queue="ui/search")
    page.goto("/#jobs?queue=ui/search")
    expect(page.locator("[data-total]")).to_have_text("6 jobs")

    # When the params are searched by one key's value, the search is kept in the URL
    page.fill("input[name=param]", "user=2")
    page.click("text=Apply filters")
    expect(page).to_have_url(re.compile(r"#jobs\?.*param=user%3D2"))
    expect(page.locator("tbody tr")).to_have_count(2)
    expect(page.locator("[data-total]")).to_have_text("2 jobs")
    # and an id prefix narrows it to one job
    page.fill("input[name=id_prefix]", ids[5])
    page.click("text=Apply filters")
    expect(page.locator("tbody tr")).to_have_count(1)
    screenshot(page, "jobs-search")

    # When the matching jobs are deleted, after a confirmation
    page.fill("input[name=id_prefix]", "")
    page.click("text=Apply filters")
    expect(page.locator("tbody tr")).to_have_count(2)
    page.click("[data-bulk=delete]")
    dialog = page.get_by_role("dialog")
    expect(dialog).to_contain_text("Delete 2 jobs?")
    dialog.get_by_text("Delete 2 jobs", exact=True).click()

    # Then the rows are gone at once, and so are the jobs
    expect(page.locator("#flash")).to_contain_text("2 jobs deleted")
    expect(page.locator(".empty")).to_contain_text("No job matches")
    page.goto("/#jobs?queue=ui/search")
    expect(page.locator("[data-total]")).to_have_text("4 jobs")


def test_delete_a_job_from_its_page(page: Page, site: Site) -> None:
    job_id = site.client.enqueue("mrq_test_tasks.echo", {"doomed": True}, queue="ui/doomed")
    page.goto(f"/#jobs/{job_id}")
    page.click("[data-job-delete]")
    dialog = page.get_by_role("dialog")
    expect(dialog).to_contain_text("it will never run")
    screenshot(page, "job-delete-confirm")
    dialog.get_by_text("Delete the job", exact=True).click()

    expect(page.locator("#flash")).to_contain_text(f"Job {job_id} deleted")
    expect(page).to_have_url(re.compile(r"#jobs\?queue=ui%2Fdoomed$"))
    expect(page.locator(".empty")).to_contain_text("No job matches")


def test_the_jobs_of_a_taskset_and_of_a_schedule_are_linked_by_url(page: Page, site: Site) -> None:
    taskset_id, members = site.client.enqueue_taskset("mrq_test_tasks.echo", [{"m": 1}, {"m": 2}], queue="ui/ts")
    page.goto(f"/#jobs?taskset={taskset_id}")
    expect(page.locator("input[name=taskset]")).to_have_value(taskset_id)
    expect(page.locator("tbody tr")).to_have_count(2)
    for member in members:
        expect(row(page, member)).to_be_visible()

    schedule = site.client.schedules.create({"path": "mrq_test_tasks.echo", "interval": 3600, "queue": "ui/ts"})
    driver = ScheduleDriver(site.stack.broker_address)
    job_id = driver.fire_now(schedule["id"])
    driver.close()
    page.goto("/#scheduled")
    page.locator(f"tr[data-schedule='{schedule['id']}']").get_by_text("its jobs").click()
    expect(page).to_have_url(re.compile(r"#jobs\?schedule="))
    expect(page.locator("tbody tr")).to_have_count(1)
    expect(row(page, job_id)).to_be_visible()
    site.client.schedules.delete(schedule["id"])
