"""WorkerService: thin servicer for the worker protocol (see proto/mrq/v1/worker_service.proto)."""

from __future__ import annotations

from collections.abc import Sized

import grpc

from mrq.v1 import job_pb2, worker_service_pb2, worker_service_pb2_grpc
from mrq_broker.errors import InvalidField, grpc_errors
from mrq_broker.jobs.committer import OutcomeCommitter
from mrq_broker.jobs.operations import Operations
from mrq_broker.jobs.transitions import TRANSITIONS
from mrq_broker.jobs.validation import check_job_id, check_json, check_queue, check_seconds, check_task

#: Most jobs per worker call (lease, report, heartbeat, logs). Fixed rather than the clients'
#: max_batch_size: a worker does not read that, and a refused report would be retried forever.
MAX_LEASE_BATCH = 10_000


def _check_worker_id(worker_id: str) -> str:
    if not worker_id or len(worker_id) > 200:
        raise InvalidField("worker_id", "required, at most 200 characters")
    return worker_id


def _check_batch(items: Sized, field: str) -> None:
    if len(items) > MAX_LEASE_BATCH:
        raise InvalidField(field, f"{len(items)} items, over the limit of {MAX_LEASE_BATCH}")


def _check_outcome(outcome: worker_service_pb2.JobOutcome) -> None:
    """What an outcome stores must be valid: JSON, a queue name, numbers that are not NaN."""
    check_job_id(outcome.job_id)
    if outcome.status not in TRANSITIONS:
        name = (
            job_pb2.JobStatus.Name(outcome.status)
            if outcome.status in job_pb2.JobStatus.values()
            else str(outcome.status)
        )
        raise InvalidField("status", f"{name} is not a reportable outcome")
    if outcome.result_json:
        check_json(outcome.result_json, "result_json")
    if outcome.retry_queue:
        check_queue(outcome.retry_queue, "retry_queue")
    check_seconds(outcome.retry_delay_s, "retry_delay_s")
    check_seconds(outcome.duration_s, "duration_s")
    check_seconds(outcome.cpu_s, "cpu_s")


class WorkerServicer(worker_service_pb2_grpc.WorkerServiceServicer):
    def __init__(self, operations: Operations, committer: OutcomeCommitter) -> None:
        self.operations = operations
        self.committer = committer

    @grpc_errors
    def LeaseJobs(
        self, request: worker_service_pb2.LeaseJobsRequest, context: grpc.ServicerContext
    ) -> worker_service_pb2.LeaseJobsResponse:
        _check_worker_id(request.worker_id)
        if not request.queues:
            raise InvalidField("queues", "at least one queue")
        _check_batch(request.queues, "queues")
        for n, queue in enumerate(request.queues):
            check_queue(queue, f"queues[{n}]")
        if not 0 < request.max_jobs <= MAX_LEASE_BATCH:
            raise InvalidField("max_jobs", f"must be between 1 and {MAX_LEASE_BATCH}")
        check_seconds(request.wait_s, "wait_s")
        for field in ("task_whitelist", "task_blacklist"):
            tasks = getattr(request, field)
            _check_batch(tasks, field)
            for n, task in enumerate(tasks):
                check_task(task, f"{field}[{n}]")
        return worker_service_pb2.LeaseJobsResponse(
            jobs=self.operations.lease(request), lease_ttl_s=self.operations.settings.lease_ttl_s
        )

    @grpc_errors
    def ReportOutcomes(
        self, request: worker_service_pb2.ReportOutcomesRequest, context: grpc.ServicerContext
    ) -> worker_service_pb2.ReportOutcomesResponse:
        _check_worker_id(request.worker_id)
        _check_batch(request.outcomes, "outcomes")
        for n, outcome in enumerate(request.outcomes):
            try:
                _check_outcome(outcome)
            except InvalidField as exc:
                raise exc.within(f"outcomes[{n}]") from None
        accepted, stale = self.committer.submit(
            request.worker_id, request.outcomes, self.operations.settings.report_timeout_s
        )
        return worker_service_pb2.ReportOutcomesResponse(accepted=accepted, stale=stale)

    @grpc_errors
    def ShipLogs(
        self, request: worker_service_pb2.ShipLogsRequest, context: grpc.ServicerContext
    ) -> worker_service_pb2.ShipLogsResponse:
        _check_worker_id(request.worker_id)
        _check_batch(request.chunks, "chunks")
        seen: set[str] = set()
        for n, chunk in enumerate(request.chunks):
            check_job_id(chunk.job_id, f"chunks[{n}].job_id")
            if chunk.job_id in seen:
                raise InvalidField(f"chunks[{n}].job_id", "at most one chunk per job")
            seen.add(chunk.job_id)
        stored = self.operations.logs.append([(c.job_id, c.text) for c in request.chunks])
        return worker_service_pb2.ShipLogsResponse(stored=stored)

    @grpc_errors
    def Heartbeat(
        self, request: worker_service_pb2.HeartbeatRequest, context: grpc.ServicerContext
    ) -> worker_service_pb2.HeartbeatResponse:
        _check_worker_id(request.worker_id)
        _check_batch(request.job_ids, "job_ids")
        _check_batch(request.progress, "progress")
        for n, job_id in enumerate(request.job_ids):
            check_job_id(job_id, f"job_ids[{n}]")
        for n, progress in enumerate(request.progress):
            check_job_id(progress.job_id, f"progress[{n}].job_id")
            if not 0 <= progress.progress <= 1:
                raise InvalidField(f"progress[{n}].progress", "must be between 0 and 1")
        lost = self.operations.heartbeat(request)
        controls = self.operations.take_controls(request.worker_id)
        return worker_service_pb2.HeartbeatResponse(
            controls=controls, lost_job_ids=lost, lease_ttl_s=self.operations.settings.lease_ttl_s
        )
