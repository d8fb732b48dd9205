"""History kept by the broker (MonitorService.GetHistory, /api/history, the Metrics page) on the
real stack: real jobs run by a real worker are counted per queue, per task and overall, with their
durations' percentiles and the queues' sampled sizes; bad requests name their field; the memory
bound (a TTL on every minute, a cap on the series) holds; the page draws it in a real browser.

The module's broker samples queue sizes every second, so a test sees a size without waiting for
the minute's sample.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import dashboard_browser as ui
import httpx
import pytest
from harness import StackUnderTest

from mrq import Client, InvalidArgument
from mrq_local import wait_until

# The browser (a module-scoped fixture) and its helpers, shared by the dashboard's UI tests.
browser = ui.browser
expect = ui.expect

pytestmark = pytest.mark.broker_args("--history-sample-interval-s", "1")

RUN_TIMEOUT_S = 60.0
SLEEP_S = 0.3
#: A day and an hour (jobs/history.py RETENTION_S).
RETENTION_S = 90_000


@dataclass(frozen=True)
class Seeded:
    """6 successes and 2 failures on hfast/a, 5 sleeps of SLEEP_S on hslow, 4 jobs waiting on
    hidle (no worker), all run (or left) by one worker."""

    client: Client
    http: httpx.Client
    stack: StackUnderTest
    url: str


@pytest.fixture(scope="module")
def seeded(module_stack: StackUnderTest) -> Iterator[Seeded]:
    dashboard = module_stack.stack.start_dashboard()
    with Client(module_stack.broker_address) as client, httpx.Client(base_url=dashboard.url, timeout=30) as http:
        done = client.enqueue_many("mrq_test_tasks.add", [{"a": i, "b": 1} for i in range(6)], queue="hfast/a")
        failed = client.enqueue_many("mrq_test_tasks.fail", [{"n": i} for i in range(2)], queue="hfast/a")
        slow = client.enqueue_many("mrq_test_tasks.sleep", [{"s": SLEEP_S}] * 5, queue="hslow")
        client.enqueue_many("mrq_test_tasks.echo", [{"k": i} for i in range(4)], queue="hidle")
        module_stack.start_worker("hfast/a", "hslow", greenlets=5)
        client.wait([*done, *failed, *slow], timeout=RUN_TIMEOUT_S)
        # The broker adds its tally of outcomes to Redis within a second.
        wait_until(lambda: totals(client.history.get(window_s=600)) == (13, 2), timeout_s=10, what="13 jobs counted")
        yield Seeded(client, http, module_stack, dashboard.url)


def totals(points: list[dict[str, Any]]) -> tuple[int, int]:
    """(finished, failed) over every point: the jobs may have finished across a minute's end."""
    return sum(p["finished"] for p in points), sum(p["failed"] for p in points)


def test_finished_and_failed_jobs_count_under_their_root_queue_their_task_and_every_job(seeded: Seeded) -> None:
    history = seeded.client.history
    assert totals(history.get(queue="hfast", window_s=600)) == (8, 2)
    assert totals(history.get(task="mrq_test_tasks.fail", window_s=600)) == (2, 2)
    assert totals(history.get(task="mrq_test_tasks.sleep", window_s=600)) == (5, 0)
    assert totals(history.get(window_s=600)) == (13, 2)
    assert totals(history.get(queue="hidle", window_s=600)) == (0, 0)


def test_durations_read_back_as_p50_and_p95_within_the_buckets_precision(seeded: Seeded) -> None:
    points = [p for p in seeded.client.history.get(task="mrq_test_tasks.sleep", window_s=600) if p["finished"]]
    assert points
    for point in points:
        # Each job slept SLEEP_S; the worker's own overhead adds a little, a bucket ±9%.
        assert SLEEP_S * 0.9 <= point["p50_duration_s"] <= point["p95_duration_s"] <= SLEEP_S * 1.5, point
        assert point["queue_size"] is None  # a task has no queue


def test_queue_sizes_are_sampled_into_the_history(seeded: Seeded) -> None:
    def last_size(queue: str) -> int | None:
        size: int | None = seeded.client.history.get(queue=queue, window_s=60)[-1]["queue_size"]
        return size

    # The broker samples every second, so many times a minute: a sample overwrites the minute's
    # size (as brokers sampling the same minute do), or 4 would have grown.
    wait_until(lambda: last_size("hidle") == 4, timeout_s=10, what="hidle's 4 waiting jobs sampled")
    wait_until(lambda: last_size("hfast") == 0, timeout_s=10, what="hfast sampled empty")
    assert seeded.client.history.get(window_s=60)[-1]["queue_size"] == 4  # every queue's


def test_steps_aggregate_minutes_and_align_on_their_multiples(seeded: Seeded) -> None:
    hourly = seeded.client.history.get(queue="hfast", window_s=86400, step_s=3600)
    assert len(hourly) == 24
    assert all(p["start"].minute == 0 and p["start"].second == 0 for p in hourly)
    assert totals(hourly) == (8, 2)
    assert (hourly[-1]["start"] - hourly[0]["start"]).total_seconds() == 23 * 3600


def test_the_http_api_serves_the_same_history(seeded: Seeded) -> None:
    reply = seeded.http.get("/api/history", params={"task": "mrq_test_tasks.sleep", "window_s": 600, "step_s": 300})
    assert reply.status_code == 200, reply.text
    body = reply.json()
    assert (body["window_s"], body["step_s"], body["retention_s"]) == (600, 300, RETENTION_S)
    assert totals(body["points"]) == (5, 0)
    assert all(SLEEP_S * 0.9 <= p["p50_duration_s"] <= SLEEP_S * 1.5 for p in body["points"] if p["finished"])
    overall = seeded.http.get("/api/history").json()
    assert (overall["window_s"], overall["step_s"], len(overall["points"])) == (3600, 60, 60)


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"queue": "hfast", "task": "mrq_test_tasks.add"}, "task"),
        ({"queue": "hfast/a"}, "queue"),
        ({"queue": "no spaces"}, "queue"),
        ({"task": "not a path"}, "task"),
        ({"window_s": 86401}, "window_s"),
        ({"step_s": 90}, "step_s"),
        ({"window_s": 600, "step_s": 1200}, "step_s"),
    ],
)
def test_bad_requests_name_their_field(seeded: Seeded, params: dict[str, Any], field: str) -> None:
    reply = seeded.http.get("/api/history", params=params)
    assert reply.status_code == 400, reply.text
    assert reply.json()["field"] == field
    with pytest.raises(InvalidArgument) as raised:
        seeded.client.history.get(**params)
    assert raised.value.field == field


def test_every_minute_expires_after_a_day_and_an_hour(seeded: Seeded) -> None:
    assert (
        seeded.client.history.get(window_s=60) and seeded.http.get("/api/history").json()["retention_s"] == RETENTION_S
    )
    keys = list(seeded.stack.redis.scan_iter(match=f"{seeded.stack.redis_prefix}:history*", count=1000))
    assert keys
    assert all(RETENTION_S - 120 < seeded.stack.redis.ttl(k) <= RETENTION_S for k in keys)


@pytest.mark.broker_args("--history-max-series", "2", "--history-sample-interval-s", "3600")
def test_names_past_the_cap_count_under_other(stack: StackUnderTest) -> None:
    # Given a broker keeping 2 queues' and 2 tasks' series, whose first queues are q1 and q2
    with Client(stack.broker_address) as client:
        stack.start_worker("q1", "q2", "q3")
        client.wait(
            client.enqueue_many("mrq_test_tasks.add", [{"a": 1, "b": 1}] * 2, queue="q1"), timeout=RUN_TIMEOUT_S
        )
        client.wait([client.enqueue("mrq_test_tasks.echo", {}, queue="q2")], timeout=RUN_TIMEOUT_S)
        wait_until(lambda: totals(client.history.get(window_s=600)) == (3, 0), timeout_s=10, what="3 jobs counted")
        # When jobs of a third queue and task finish
        client.wait([client.enqueue("mrq_test_tasks.sleep", {"s": 0}, queue="q3")], timeout=RUN_TIMEOUT_S)
        # Then they count under "(other)", and the first ones keep their own series
        history = client.history
        wait_until(lambda: totals(history.get(window_s=600)) == (4, 0), timeout_s=10, what="4 jobs counted")
        assert totals(history.get(queue="q3", window_s=600)) == (0, 0)
        assert totals(history.get(queue="(other)", window_s=600)) == (1, 0)
        assert totals(history.get(task="(other)", window_s=600)) == (1, 0)
        assert totals(history.get(queue="q1", window_s=600)) == (2, 0)
        assert totals(history.get(task="mrq_test_tasks.echo", window_s=600)) == (1, 0)


def test_the_metrics_page_draws_a_queue_and_a_task(browser: object, seeded: Seeded) -> None:
    wait_until(
        lambda: seeded.client.history.get(queue="hfast", window_s=60)[-1]["queue_size"] == 0,
        timeout_s=10,
        what="hfast's size sampled",
    )
    with ui.open_tab(browser, seeded.url, viewport={"width": 1440, "height": 900}) as tab:
        # The Queues page links each queue's chart to its history.
        tab.goto("/#queues")
        tab.locator('tr[data-queue="hfast/a"] a[title="History"]').click()
        expect(tab).to_have_url(re.compile(r"#metrics\?queue=hfast$"))
        charts = tab.locator(".metrics-charts .panel")
        expect(charts).to_have_count(3)
        expect(tab.locator('[data-chart="jobs"] h2')).to_contain_text("8 finished, 2 failed")
        expect(tab.locator('[data-chart="size"] h2')).to_contain_text("0 ready now")
        expect(tab.locator(".metrics-charts canvas")).to_have_count(3)
        expect(tab.locator('select[name="series"]')).to_have_value("queue=hfast")
        ui.screenshot(tab, "metrics-queue")

        # A task: no queue size; its durations drawn; reached from the series selector.
        tab.select_option('select[name="series"]', "task=mrq_test_tasks.sleep")
        expect(tab).to_have_url(re.compile(r"#metrics\?task=mrq_test_tasks.sleep&window_s=3600&step_s=60$"))
        expect(charts).to_have_count(2)
        expect(tab.locator('[data-chart="jobs"] h2')).to_contain_text("5 finished, 0 failed")
        expect(tab.locator('[data-chart="duration"] .u-legend')).to_contain_text("p95")
        expect(tab.locator(".metrics-charts canvas")).to_have_count(2)
        summary = tab.locator('[data-chart="duration"] h2').inner_text()
        p50_ms, p95_ms = (int(n) for n in re.findall(r"p(?:50|95) (\d+) ms", summary))
        assert SLEEP_S * 900 <= p50_ms <= p95_ms <= SLEEP_S * 1500, summary
        ui.screenshot(tab, "metrics-task")

    with ui.open_tab(browser, seeded.url, viewport=ui.NARROWEST) as tab:
        tab.goto("/#metrics?window_s=86400&step_s=3600")
        expect(tab.locator(".metrics-charts canvas")).to_have_count(3)
        expect(tab.locator('[data-chart="jobs"] h2')).to_contain_text("13 finished, 2 failed")
        ui.screenshot(tab, "metrics-all-1280")
        assert tab.evaluate(ui.CLIPPED_CONTROLS) == []
        assert tab.evaluate("document.documentElement.scrollWidth <= innerWidth")
