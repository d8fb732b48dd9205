"""The consumer's lease loop against a fake broker: how much it asks for, and when it ends."""

from __future__ import annotations

import time
from typing import Any

from gevent.event import AsyncResult

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


class FakeBroker:
    """Leases from one queue of ``jobs`` jobs of a task that succeeds at once, and acknowledges
    every report."""

    def __init__(self, jobs: int) -> None:
        self.queued = [LeasedJob(job_id=f"j{i}", task="json.dumps", params_json=b"{}") for i in range(jobs)]
        self.requests: list[LeaseJobsRequest] = []

    def LeaseJobs(self, request: LeaseJobsRequest, timeout: float) -> LeaseJobsResponse:
        self.requests.append(request)
        jobs, self.queued = self.queued[: request.max_jobs], self.queued[request.max_jobs :]
        if not jobs:
            time.sleep(request.wait_s)  # a native thread (call_in_thread), as the real call's wait
        return LeaseJobsResponse(jobs=jobs, lease_ttl_s=30)

    def ReportOutcomes(self, request: ReportOutcomesRequest, timeout: float) -> ReportOutcomesResponse:
        return ReportOutcomesResponse(accepted=len(request.outcomes))


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
