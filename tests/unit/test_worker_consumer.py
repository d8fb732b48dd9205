"""The consumer against a fake broker: how much its lease loop asks for and when it ends, and
when its report loop sends outcomes."""

from __future__ import annotations

import sys
import time
import types
from collections.abc import Callable, Iterator
from typing import Any

import gevent
import pytest
from gevent.event import AsyncResult, Event

from mrq.v1.worker_service_pb2 import (
    LeasedJob,
    LeaseJobsRequest,
    LeaseJobsResponse,
    ReportOutcomesRequest,
    ReportOutcomesResponse,
)
from mrq_worker.consumer import Consumer
from mrq_worker.executor import Executor

WAIT_S = 0.05
GATED = "mrq_worker_unit_gated"


class FakeBroker:
    """Leases from one queue of ``jobs`` jobs of a task that succeeds at once, and acknowledges
    every report."""

    def __init__(self, jobs: int, task: str = "json.dumps") -> None:
        self.queued = [LeasedJob(job_id=f"j{i}", task=task, params_json=b"{}") for i in range(jobs)]
        self.requests: list[LeaseJobsRequest] = []
        #: The job ids of each report, in the order they came.
        self.reports: list[list[str]] = []

    def LeaseJobs(self, request: LeaseJobsRequest, timeout: float) -> LeaseJobsResponse:
        self.requests.append(request)
        jobs, self.queued = self.queued[: request.max_jobs], self.queued[request.max_jobs :]
        if not jobs:
            time.sleep(request.wait_s)  # a native thread (call_in_thread), as the real call's wait
        return LeaseJobsResponse(jobs=jobs, lease_ttl_s=30)

    def ReportOutcomes(self, request: ReportOutcomesRequest, timeout: float) -> ReportOutcomesResponse:
        self.reports.append([outcome.job_id for outcome in request.outcomes])
        return ReportOutcomesResponse(accepted=len(request.outcomes))


@pytest.fixture
def gate() -> Iterator[Event]:
    """An event the task ``GATED.wait`` waits for."""
    event = Event()
    module = types.ModuleType(GATED)
    module.__dict__["wait"] = lambda params: event.wait()
    sys.modules[GATED] = module
    yield event
    del sys.modules[GATED]


def within(timeout_s: float, predicate: Callable[[], bool]) -> None:
    """Lets the consumer's greenlets run until ``predicate`` holds; fails past ``timeout_s``."""
    deadline = time.monotonic() + timeout_s
    while not predicate():
        assert time.monotonic() < deadline, "not within the deadline"
        gevent.sleep(0.01)


def consume(broker: FakeBroker, *, slots: int, **options: Any) -> str:
    """Runs a consumer until its lease loop ends on its own; returns the reason it gives."""
    ended: AsyncResult = AsyncResult()
    consumer: Consumer
    executor = Executor(size=slots, on_outcome=lambda outcome: consumer.add_outcome(outcome))
    lease = LeaseJobsRequest(worker_id="w", queues=["q"], wait_s=WAIT_S)
    consumer = Consumer(
        stub=broker,
        lease=lease,
        executor=executor,
        report_interval_s=0.0,
        accepting=lambda: not ended.ready(),
        **options,
    )
    consumer.start(on_crash=lambda greenlet: ended.set_exception(greenlet.exception), on_exhausted=ended.set)
    try:
        return str(ended.get(timeout=10))
    finally:
        consumer.flush(timeout_s=5)


def test_max_jobs_caps_every_lease_by_what_is_left() -> None:
    broker = FakeBroker(jobs=5)

    reason = consume(broker, slots=2, max_jobs=3)

    assert reason == "max-jobs: leased 3 jobs"
    assert [request.max_jobs for request in broker.requests] == [2, 1]
    assert [job.job_id for job in broker.queued] == ["j3", "j4"]


def test_burst_looks_without_waiting_once_every_job_is_reported() -> None:
    broker = FakeBroker(jobs=3)

    reason = consume(broker, slots=2, burst=True)

    assert reason == "burst: no job left, 3 done"
    # Only with nothing held does a lease skip the wait: the first, and the last, which found nothing
    waits = [request.wait_s for request in broker.requests]
    assert waits[0] == waits[-1] == 0.0 and set(waits[1:-1]) == {WAIT_S}
    assert broker.queued == []


def test_outcomes_wait_for_a_batch_only_while_other_jobs_run(gate: Event) -> None:
    # Given a consumer that lets outcomes wait up to 30 s for a batch, and two jobs: j0 ends at
    # once, j1 waits for the gate
    broker = FakeBroker(jobs=1)
    broker.queued.append(LeasedJob(job_id="j1", task=f"{GATED}.wait", params_json=b"{}"))
    executor = Executor(size=2, on_outcome=lambda outcome: consumer.add_outcome(outcome))
    consumer = Consumer(
        stub=broker,
        lease=LeaseJobsRequest(worker_id="w", queues=["q"], wait_s=WAIT_S),
        executor=executor,
        report_interval_s=30.0,
        accepting=lambda: True,
    )
    consumer.start(on_crash=lambda greenlet: None, on_exhausted=lambda reason: None)
    try:
        within(5, lambda: consumer.unacknowledged_count == 1 and "j1" in executor.running)

        # When j1 ends while j0's outcome waits
        gate.set()

        # Then both go out at once, in one report: none is left running to wait for
        within(5, lambda: sum(map(len, broker.reports)) == 2)
        assert broker.reports == [["j0", "j1"]]
    finally:
        consumer.flush(timeout_s=5)
