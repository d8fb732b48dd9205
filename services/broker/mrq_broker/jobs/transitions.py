"""What each reported outcome does to a job: the one table of status transitions.

Changes are by exact id: the guard is the lease in Redis, which the committer takes
(compare-and-set) before it writes, so only the attempt that holds the lease can move the job on.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from mrq.statuses import status_name
from mrq.v1 import job_pb2, worker_service_pb2
from mrq_broker.settings import BrokerSettings
from mrq_broker.storage.records import HistoryEntry, JobChange, JobRecord


@dataclass(frozen=True)
class Transition:
    """``stored``: the status written. ``requeue``: None (job done), "now" or "delayed"."""

    stored: str
    requeue: str | None = None
    history: bool = True


TRANSITIONS: dict[int, Transition] = {
    job_pb2.JOB_STATUS_SUCCESS: Transition("success", history=False),
    job_pb2.JOB_STATUS_FAILED: Transition("failed"),
    job_pb2.JOB_STATUS_TIMEOUT: Transition("timeout"),
    job_pb2.JOB_STATUS_ABORT: Transition("abort"),
    job_pb2.JOB_STATUS_CANCEL: Transition("cancel", history=False),
    job_pb2.JOB_STATUS_INTERRUPT: Transition("queued", requeue="now"),
    job_pb2.JOB_STATUS_RETRY: Transition("retry", requeue="delayed"),
    job_pb2.JOB_STATUS_MAXCONCURRENCY: Transition("maxconcurrency"),
}
MAXRETRIES = Transition("maxretries")


def transition_for(outcome: worker_service_pb2.JobOutcome, job: JobRecord | None) -> Transition:
    """The transition for an outcome. A retry past the job's max_retries ends ``maxretries``."""
    transition = TRANSITIONS[outcome.status]
    if outcome.status == job_pb2.JOB_STATUS_RETRY and job is not None:
        limit = outcome.max_retries if outcome.HasField("max_retries") else job.max_retries
        if job.retry_count >= limit:
            return MAXRETRIES
    return transition


def _history_status(outcome: worker_service_pb2.JobOutcome, transition: Transition) -> str:
    """A history entry's status: what the attempt reported, or ``maxretries`` for the last retry."""
    return MAXRETRIES.stored if transition is MAXRETRIES else status_name(outcome.status)


def ttl_s(status: str, task: str, result_ttl_s: float | None, settings: BrokerSettings) -> float:
    """Seconds a job's record is kept in a final ``status``: a success keeps its own result TTL;
    the others follow the task's TASKS entry (``abort_ttl_s`` for cancel and abort,
    ``final_ttl_s`` for the rest), else the broker's defaults."""
    if status == "success":
        return settings.default_result_ttl_s if result_ttl_s is None else result_ttl_s
    routed = settings.tasks.get(task, {})
    if status in ("cancel", "abort"):
        return float(routed.get("abort_ttl_s", settings.abort_ttl_s))
    return float(routed.get("final_ttl_s", settings.final_ttl_s))


@dataclass(frozen=True)
class Plan:
    """One outcome turned into a change of the job's record, plus what to do in Redis after:
    ``eta`` and ``queue`` say where a retried job waits."""

    job_id: str
    transition: Transition
    change: JobChange
    eta: datetime | None = None
    queue: str | None = None


def plan(
    outcome: worker_service_pb2.JobOutcome,
    worker_id: str,
    job: JobRecord | None,
    settings: BrokerSettings,
    now: datetime,
    result_ttl_s: float | None = None,
    task: str = "",
    unstored: bool = False,
    started: dict[str, Any] | None = None,
) -> Plan:
    """Builds the change for one outcome. ``job`` is needed only for requeueing transitions,
    ``result_ttl_s`` (the job's own, else the broker's default) only for success. ``unstored``:
    the job has no record yet (a raw job), so the change creates it from ``job``. ``started``:
    the attempt's started mark, not written yet (see committer), to write along.

    A retry with no delay is queued at once, on its retry queue; with a delay, it waits in status
    ``retry`` until its ``eta``."""
    transition = transition_for(outcome, job)
    fields: dict[str, Any] = {
        **(started or {}),
        "status": transition.stored,
        "date_updated": now,
        **measurements(outcome),
    }
    increment: dict[str, int] = {}
    history = None
    eta = queue = None
    if transition.requeue is None:
        fields["date_finished"] = now
        fields["date_expires"] = now + timedelta(seconds=ttl_s(transition.stored, task, result_ttl_s, settings))
    if transition.stored == "success":
        fields["result_json"] = outcome.result_json.decode() if outcome.result_json else "null"
        fields["progress"] = 1.0
    elif transition.history:
        fields.update(exception_type=outcome.exception_type, error=outcome.error, traceback=outcome.traceback)
        history = HistoryEntry(
            date=now,
            status=_history_status(outcome, transition),
            exception_type=outcome.exception_type,
            error=outcome.error,
            traceback=outcome.traceback,
            worker_id=worker_id,
        )
    if transition.requeue == "delayed" and job is not None:
        delay_s = outcome.retry_delay_s if outcome.HasField("retry_delay_s") else job.retry_delay_s
        eta = now + timedelta(seconds=delay_s) if delay_s > 0 else None
        queue = outcome.retry_queue or job.queue
        fields.update(queue=queue, eta=eta, status=transition.stored if eta else "queued")
        increment["retry_count"] = 1
    change = JobChange(outcome.job_id, fields, increment, history, create=job if unstored else None)
    return Plan(outcome.job_id, transition, change, eta, queue)


def measurements(outcome: worker_service_pb2.JobOutcome) -> dict[str, Any]:
    """The attempt's duration and whatever the worker traced (see mrq_worker.tracing).

    Every field is set, empty when not measured, so an attempt doesn't show its predecessor's.
    """
    return {
        "duration_s": outcome.duration_s,
        "cpu_s": outcome.cpu_s if outcome.HasField("cpu_s") else None,
        "switches": outcome.switches if outcome.HasField("switches") else None,
        "profile": outcome.profile,
        "memory_diff_bytes": outcome.memory_diff_bytes if outcome.HasField("memory_diff_bytes") else None,
        "memory_top": outcome.memory_top,
    }


def requeued_record(job: JobRecord, plan_: Plan) -> JobRecord:
    """The record as it stands after a requeueing plan, to build its new payload from."""
    if plan_.transition.requeue != "delayed":
        return replace(job, eta=None)
    return replace(job, retry_count=job.retry_count + 1, queue=plan_.queue or job.queue, eta=plan_.eta)
