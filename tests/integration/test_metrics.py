"""The /metrics endpoints: the broker's and a worker's counters move as jobs flow, queue gauges
follow the queue, and a worker with several processes shows one summed view."""

from __future__ import annotations

import signal
import urllib.request
from pathlib import Path

import pytest
import yaml
from harness import Samples, StackUnderTest, scrape, value, write_config

from mrq import Client, InvalidArgument
from mrq_local import free_port, wait_until

RULE_TESTS = Path(__file__).resolve().parents[2] / "deploy" / "prometheus" / "tests" / "mrq_test.yml"
#: Labels Prometheus adds to every scraped series.
TARGET_LABELS = {"job", "instance"}


def serve_broker_metrics(stack: StackUnderTest, *extra_args: str) -> int:
    """Restarts the test's broker with /metrics on a free port, which it returns.

    The test's only broker: another one would share the work, and count part of it.
    """
    port = free_port()
    stack.restart_broker(extra_args=["--metrics-port", str(port), *extra_args])
    return port


def test_broker_counts_jobs_and_tracks_its_queues(stack: StackUnderTest, client: Client) -> None:
    # Given a broker serving metrics, and no worker yet
    port = serve_broker_metrics(stack)

    # When jobs are enqueued
    job_ids = client.enqueue_many("mrq_test_tasks.add", [{"a": i, "b": 1} for i in range(5)], queue="metered")
    job_ids.append(client.enqueue("mrq_test_tasks.add", {"a": 5, "b": 1}, queue="metered"))

    # Then they are counted, the queue is 6 deep, and its oldest job ages
    samples = wait_until(
        lambda: (s := scrape(port)) and value(s, "mrq_queue_oldest_job_age_seconds", queue="metered") > 0.05 and s,
        timeout_s=10,
    )
    assert value(samples, "mrq_jobs_enqueued_total", queue="metered", task="mrq_test_tasks.add") == 6
    assert value(samples, "mrq_queue_depth", queue="metered") == 6
    assert value(samples, "mrq_grpc_requests_total", method="EnqueueMany", code="OK") == 1
    assert value(samples, "mrq_grpc_request_duration_seconds_count", method="Enqueue") == 1

    # When a worker runs them
    stack.start_worker("metered")
    jobs = client.wait(job_ids, timeout=30)
    assert {job["status"] for job in jobs} == {"success"}

    # Then they count as leased and finished, and the queue is empty again (a request is counted
    # once its handler returns, which may be just after the records it wrote are read)
    samples = wait_until(
        lambda: (
            (s := scrape(port)) and value(s, "mrq_grpc_requests_total", method="ReportOutcomes", code="OK") >= 1 and s
        ),
        timeout_s=10,
        what="the outcomes' report to be counted",
    )
    assert value(samples, "mrq_jobs_dequeued_total", queue="metered") == 6
    assert value(samples, "mrq_jobs_finished_total", status="success") == 6
    assert value(samples, "mrq_queue_depth", queue="metered") == 0
    assert value(samples, "mrq_queue_oldest_job_age_seconds", queue="metered") == 0

    # And a refused call is counted with its status code
    with pytest.raises(InvalidArgument):
        client.get_job("not-a-job-id")
    assert value(scrape(port), "mrq_grpc_requests_total", method="GetJob", code="INVALID_ARGUMENT") == 1


def test_finished_jobs_are_counted_by_root_queue(stack: StackUnderTest, client: Client) -> None:
    # Given a broker serving metrics, jobs on a queue and one of its subqueues, and a failing job
    port = serve_broker_metrics(stack)
    job_ids = [
        client.enqueue("mrq_test_tasks.add", {"a": 1, "b": 1}, queue="billing"),
        client.enqueue("mrq_test_tasks.add", {"a": 1, "b": 2}, queue="billing/eu"),
        client.enqueue("mrq_test_tasks.fail", {}, queue="reports", max_retries=0),
    ]

    # When a worker runs them
    stack.start_worker("billing", "billing/", "reports")
    assert [job["status"] for job in client.wait(job_ids, timeout=30)] == ["success", "success", "failed"]

    # Then the finished jobs are counted under their root queue, which the alert groups by
    samples = scrape(port)
    assert value(samples, "mrq_jobs_finished_total", queue="billing", status="success") == 2
    assert value(samples, "mrq_jobs_finished_total", queue="reports", status="failed") == 1
    assert {labels["queue"] for name, labels, _ in samples if name == "mrq_jobs_finished_total"} == {
        "billing",
        "reports",
    }


def rule_test_shapes() -> dict[str, set[frozenset[str]]]:
    """Each MRQ metric of the Prometheus rule tests' input series → the label names it has there."""
    shapes: dict[str, set[frozenset[str]]] = {}
    for test in yaml.safe_load(RULE_TESTS.read_text())["tests"]:
        for series in test["input_series"]:
            name, _, labels = series["series"].partition("{")
            names = {pair.split("=", 1)[0].strip() for pair in labels.rstrip("}").split(",") if pair.strip()}
            if name.startswith("mrq_"):
                shapes.setdefault(name, set()).add(frozenset(names - TARGET_LABELS))
    return shapes


def test_the_rule_tests_series_are_shaped_like_the_real_output(stack: StackUnderTest, client: Client) -> None:
    # Given a broker and a worker serving metrics, after a job ran
    broker_port, worker_port = serve_broker_metrics(stack), free_port()
    stack.start_worker("default", extra_args=["--metrics-port", str(worker_port)])
    assert client.wait(client.enqueue("mrq_test_tasks.add", {"a": 1, "b": 1}), timeout=30)["status"] == "success"
    real = wait_until(
        lambda: (
            (s := scrape(broker_port) + scrape(worker_port))
            and value(s, "mrq_jobs_finished_total") == 1
            and value(s, "mrq_job_duration_seconds_count") == 1
            and s
        ),
        timeout_s=10,
    )

    # Then every series the rule tests feed Prometheus has the labels the services export
    exported: dict[str, set[frozenset[str]]] = {}
    for name, labels, _ in real:
        exported.setdefault(name, set()).add(frozenset(labels))
    for name, shapes in rule_test_shapes().items():
        assert shapes <= exported.get(name, set()), f"{name}: rule tests {shapes}, exported {exported.get(name)}"


def test_oldest_job_age_grows_while_paused_and_drops_after_resume(stack: StackUnderTest, client: Client) -> None:
    # Given a paused queue with a waiting job, and a worker listening on it
    port = serve_broker_metrics(stack)
    client.queues.pause("lagging")
    job_id = client.enqueue("mrq_test_tasks.add", {"a": 1, "b": 1}, queue="lagging")
    stack.start_worker("lagging")

    def age() -> float:
        return value(scrape(port), "mrq_queue_oldest_job_age_seconds", queue="lagging")

    # Then its oldest-job age grows past a second while it stays paused
    wait_until(lambda: age() > 1.0, timeout_s=10, what="the age to pass 1 s")
    assert client.get_job(job_id)["status"] == "queued"

    # And once resumed, the job runs and the age drops to 0 with the queue empty
    client.queues.resume("lagging")
    assert client.wait(job_id, timeout=30)["status"] == "success"
    assert age() == 0 and value(scrape(port), "mrq_queue_depth", queue="lagging") == 0


def test_broker_counts_failures_interrupts_and_expired_leases(stack: StackUnderTest, client: Client) -> None:
    port = serve_broker_metrics(stack, "--lease-ttl-s", "2")
    fast_heartbeat = ["--heartbeat-interval-s", "0.3"]

    # A failed job is a finished job
    worker = stack.start_worker("default", extra_args=fast_heartbeat)
    job = client.wait(client.enqueue("mrq_test_tasks.fail", {}, max_retries=0), timeout=30)
    assert job["status"] == "failed"
    assert value(scrape(port), "mrq_jobs_finished_total", status="failed") == 1

    # A job interrupted by a worker's forced stop is requeued at once
    slow = client.enqueue("mrq_test_tasks.sleep", {"s": 60})
    wait_until(lambda: value(scrape(port), "mrq_jobs_dequeued_total") == 2, timeout_s=10)
    worker.send_signal(signal.SIGTERM)
    assert worker.wait_exit(timeout_s=20) == 0
    # (a lease call in flight during the stop may get it again and hand it back: also an interrupt)
    samples = scrape(port)
    assert value(samples, "mrq_jobs_requeued_total", reason="interrupt") >= 1
    leased = value(samples, "mrq_jobs_dequeued_total")

    # A job whose worker was killed is requeued once its lease expires
    killed = stack.start_worker("default", extra_args=fast_heartbeat)
    wait_until(lambda: value(scrape(port), "mrq_jobs_dequeued_total") > leased, timeout_s=10)
    killed.kill()
    samples = wait_until(
        lambda: (s := scrape(port)) and value(s, "mrq_jobs_requeued_total", reason="lease_expired") == 1 and s,
        timeout_s=15,
    )
    assert value(samples, "mrq_leases_expired_total") == 1
    assert value(samples, "mrq_queue_depth", queue="default") == 1
    assert client.get_job(slow)["status"] == "queued"


def test_worker_counts_the_jobs_it_runs(stack: StackUnderTest, client: Client) -> None:
    # Given a worker with 3 greenlets serving metrics
    port = free_port()
    stack.start_worker("default", greenlets=3, extra_args=["--metrics-port", str(port)])
    wait_until(lambda: value(scrape_or_empty(port), "mrq_worker_greenlets") == 3, timeout_s=20)

    # When it runs 4 jobs, one of them slow
    job_ids = client.enqueue_many("mrq_test_tasks.add", [{"a": i, "b": 1} for i in range(3)])
    slow = client.enqueue("mrq_test_tasks.sleep", {"s": 1.0})
    busy = wait_until(lambda: (s := scrape(port)) and value(s, "mrq_worker_greenlets_busy") >= 1 and s, timeout_s=10)
    # The pool's size and its busy part are two gauges: summing each over the workers means something
    assert value(busy, "mrq_worker_greenlets") == 3
    jobs = client.wait([*job_ids, slow], timeout=30)
    assert {job["status"] for job in jobs} == {"success"}

    # Then each is counted with its outcome and duration, and no greenlet is busy
    samples = wait_until(lambda: (s := scrape(port)) and value(s, "mrq_worker_jobs_total") == 4 and s, timeout_s=10)
    assert value(samples, "mrq_worker_jobs_total", queue="default", task="mrq_test_tasks.add", status="success") == 3
    assert value(samples, "mrq_job_duration_seconds_count", queue="default", task="mrq_test_tasks.sleep") == 1
    assert value(samples, "mrq_job_duration_seconds_sum", task="mrq_test_tasks.sleep") >= 1.0
    assert value(samples, "mrq_worker_greenlets_busy") == 0


def test_a_supervised_worker_serves_the_sum_of_its_processes(stack: StackUnderTest, client: Client) -> None:
    # Given a worker of 2 processes with 4 greenlets each
    port = free_port()
    stack.start_worker("default", processes=2, greenlets=4, extra_args=["--metrics-port", str(port)])
    wait_until(lambda: value(scrape_or_empty(port), "mrq_worker_greenlets") == 8, timeout_s=20)

    # When it runs 40 jobs
    jobs = client.wait(client.enqueue_many("mrq_test_tasks.add", [{"a": i, "b": 1} for i in range(40)]), timeout=30)
    assert {job["status"] for job in jobs} == {"success"}

    # Then the supervisor's endpoint counts all of them, whichever process ran them
    wait_until(lambda: value(scrape(port), "mrq_worker_jobs_total", status="success") == 40, timeout_s=10)
    assert value(scrape(port), "mrq_job_duration_seconds_count", task="mrq_test_tasks.add") == 40


def scrape_or_empty(port: int) -> Samples:
    """The samples, or none while the endpoint is not up yet."""
    try:
        return scrape(port)
    except OSError:
        return []


def test_scheduler_counts_its_ticks(stack: StackUnderTest, tmp_path: Path) -> None:
    port = free_port()
    config = write_config(
        tmp_path / "config.py", [{"path": "mrq_test_tasks.add", "params": {"a": 1, "b": 2}, "interval": 1}]
    )
    stack.start_scheduler(config, extra_args=["--metrics-port", str(port)])

    wait_until(
        lambda: value(scrape_or_empty(port), "mrq_scheduler_ticks_total", task="mrq_test_tasks.add") >= 2,
        timeout_s=30,
        what="two ticks counted",
    )
    assert value(scrape(port), "mrq_scheduler_errors_total") == 0


def test_dashboard_counts_its_requests(stack: StackUnderTest) -> None:
    dashboard = stack.stack.start_dashboard(auth="")
    before = value(scrape(dashboard.url), "mrq_dashboard_requests_total", method="GET", code="200")
    for _ in range(3):
        with urllib.request.urlopen(f"{dashboard.url}/api/overview", timeout=10) as response:
            assert response.status == 200

    samples = scrape(dashboard.url)
    assert value(samples, "mrq_dashboard_requests_total", method="GET", code="200") >= before + 3
    assert value(samples, "mrq_dashboard_request_duration_seconds_count") >= 3
