"""The one translation from the broker's protobuf messages to the HTTP API's response models.

Jobs go through the client's own translation (mrq.jobs.job_to_dict), so a job reads the same
in Python and over HTTP. Rates are per second, over the broker's window.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, Literal

import orjson
from google.protobuf.timestamp_pb2 import Timestamp
from pydantic import BaseModel

from mrq.jobs import JobDict, job_to_dict
from mrq.v1 import job_pb2, job_service_pb2, monitor_service_pb2, queue_service_pb2, schedule_service_pb2

#: A worker's last heartbeat reports this status when it exits cleanly (mrq_worker.state).
STOPPED = "stopped"
#: How much of a current job's params the Workers page shows.
PARAMS_PREVIEW_CHARS = 60

#: A job record, exactly as the Python client returns it (see proto/mrq/v1/job.proto).
Job = JobDict


class JobPage(BaseModel):
    jobs: list[Job]
    #: Pass as ``cursor`` for the next page; null on the last page.
    next_cursor: str | None
    #: How many jobs the filter matches: exact up to a bound, past it the bound ...
    total: int
    #: ... and then this is true ("more than ``total`` jobs").
    total_is_lower_bound: bool


class ActionCounts(BaseModel):
    matched: int
    changed: int
    skipped: int
    dry_run: bool


class Overview(BaseModel):
    counts: dict[str, int]
    total: int
    workers_alive: int
    pool_size: int
    pool_busy: int
    #: pool_busy / pool_size, 0.0 with no pool.
    utilisation: float
    enqueued_per_s: float
    finished_per_s: float
    window_s: float


class Queue(BaseModel):
    name: str
    type: str
    queued: int
    delayed: int
    paused: bool
    oldest_enqueued: datetime | None
    #: Seconds the oldest ready job has waited.
    lag_s: float | None
    enqueued_per_s: float
    finished_per_s: float
    #: Seconds to drain the ready jobs at the current finished rate; null when nothing drains.
    eta_s: float | None
    #: Its stored jobs by status (statuses with none left out).
    counts: dict[str, int]


class CurrentJob(BaseModel):
    """A job a worker holds, as its row on the Workers page shows it."""

    id: str
    task: str
    #: The params as compact JSON, cut to PARAMS_PREVIEW_CHARS characters.
    params_preview: str
    date_started: datetime | None


class Worker(BaseModel):
    id: str
    hostname: str
    pid: int
    queues: list[str]
    greenlets: int
    status: str
    done_jobs: int
    memory_bytes: int
    cpu_s: float
    job_ids: list[str]
    #: The first of ``job_ids``, with their task, params and start time.
    current_jobs: list[CurrentJob]
    last_heartbeat: datetime | None
    #: Heartbeating, and not stopped: a worker that exited cleanly said so in its last beat.
    alive: bool
    quiet: bool


class TaskStat(BaseModel):
    task: str
    counts: dict[str, int]
    total: int
    finished_per_s: float


class ExceptionGroup(BaseModel):
    task: str
    exception_type: str
    count: int
    last_seen: datetime | None
    example_error: str


class Taskset(BaseModel):
    id: str
    #: Dotted path of the members' task.
    task: str
    date_created: datetime | None
    #: Members, and how many are final.
    total: int
    final: int
    #: Final members by final status ("success", "failed"...).
    counts: dict[str, int]
    #: final / total, 0.0 to 1.0.
    progress: float
    #: The task enqueued once every member is final ("" for none), and that job's id once enqueued.
    callback_task: str
    callback_job_id: str


class TasksetPage(BaseModel):
    tasksets: list[Taskset]
    #: Pass as ``cursor`` for the next page; null on the last page.
    next_cursor: str | None


class LogPage(BaseModel):
    text: str
    next_offset: int
    complete: bool


class Stack(BaseModel):
    worker_id: str
    stack: str
    elapsed_s: float
    cpu_s: float | None


class Emptied(BaseModel):
    removed: int


class Schedule(BaseModel):
    """A schedule: what it runs, when (one kind of timing, with its fields), and its state."""

    id: str
    task: str
    queue: str
    params: dict[str, Any]
    #: Which timing fields are set: interval_s; dailytime (+ weekday or monthday); cron.
    kind: Literal["interval", "daily", "cron"]
    interval_s: float | None
    #: "HH:MM:SS" in ``timezone``.
    dailytime: str | None
    #: 0 = Monday ... 6 = Sunday.
    weekday: int | None
    monthday: int | None
    cron: str | None
    timezone: str
    catchup: bool
    paused: bool
    #: "config" (SCHEDULER_TASKS: changed in the config file) or "api".
    source: Literal["config", "api"]
    date_created: datetime | None
    last_tick: datetime | None
    #: Job of the last fired tick; null until one fired.
    last_job_id: str | None


class Done(BaseModel):
    ok: bool = True


def _datetime(ts: Timestamp, is_set: bool) -> datetime | None:
    return ts.ToDatetime(tzinfo=UTC) if is_set else None


def job(message: job_pb2.Job) -> Job:
    return job_to_dict(message)


def job_page(response: monitor_service_pb2.ListJobsResponse) -> JobPage:
    return JobPage(
        jobs=[job(j) for j in response.jobs],
        next_cursor=response.next_cursor or None,
        total=response.total,
        total_is_lower_bound=response.total_is_lower_bound,
    )


def action_counts(response: job_service_pb2.ActOnJobsResponse, dry_run: bool) -> ActionCounts:
    return ActionCounts(matched=response.matched, changed=response.changed, skipped=response.skipped, dry_run=dry_run)


def overview(response: monitor_service_pb2.GetOverviewResponse) -> Overview:
    window_s = response.window_s or 1.0
    return Overview(
        counts=dict(response.counts),
        total=sum(response.counts.values()),
        workers_alive=response.workers_alive,
        pool_size=response.pool_size,
        pool_busy=response.pool_busy,
        utilisation=response.pool_busy / response.pool_size if response.pool_size else 0.0,
        enqueued_per_s=response.enqueued_in_window / window_s,
        finished_per_s=response.finished_in_window / window_s,
        window_s=response.window_s,
    )


def queues(
    listing: queue_service_pb2.ListQueuesResponse, rates: monitor_service_pb2.ListQueueRatesResponse, now: datetime
) -> list[Queue]:
    window_s = rates.window_s or 1.0
    by_name = {r.queue: r for r in rates.queues}
    result = []
    for info in listing.queues:
        rate = by_name.get(info.name, monitor_service_pb2.QueueRate())
        oldest = _datetime(info.oldest_enqueued, info.HasField("oldest_enqueued"))
        finished_per_s = rate.finished / window_s
        result.append(
            Queue(
                name=info.name,
                type=queue_service_pb2.QueueType.Name(info.type).removeprefix("QUEUE_TYPE_").lower(),
                queued=info.queued,
                delayed=info.delayed,
                paused=info.paused,
                oldest_enqueued=oldest,
                lag_s=max(0.0, (now - oldest).total_seconds()) if oldest else None,
                enqueued_per_s=rate.enqueued / window_s,
                finished_per_s=finished_per_s,
                eta_s=info.queued / finished_per_s if info.queued and finished_per_s else None,
                counts=dict(rate.counts),
            )
        )
    return result


def current_job(message: job_pb2.Job) -> CurrentJob:
    params = message.params_json.decode(errors="replace")
    if len(params) > PARAMS_PREVIEW_CHARS:
        params = params[: PARAMS_PREVIEW_CHARS - 1] + "…"
    return CurrentJob(
        id=message.id,
        task=message.task,
        params_preview=params,
        date_started=_datetime(message.date_started, message.HasField("date_started")),
    )


def worker(info: monitor_service_pb2.WorkerInfo, current_jobs: list[CurrentJob]) -> Worker:
    state = info.state
    alive = info.alive and state.status != STOPPED
    return Worker(
        id=info.worker_id,
        hostname=state.hostname,
        pid=state.pid,
        queues=list(state.queues),
        greenlets=state.concurrency,
        status="quiet" if info.quiet and alive else state.status,
        done_jobs=state.done_jobs,
        memory_bytes=state.memory_bytes,
        cpu_s=state.cpu_s,
        job_ids=list(info.job_ids),
        current_jobs=current_jobs,
        last_heartbeat=_datetime(info.last_heartbeat, info.HasField("last_heartbeat")),
        alive=alive,
        quiet=info.quiet,
    )


def task_stats(response: monitor_service_pb2.ListTaskStatsResponse) -> list[TaskStat]:
    window_s = response.window_s or 1.0
    return [
        TaskStat(
            task=t.task,
            counts=dict(t.counts),
            total=sum(t.counts.values()),
            finished_per_s=t.finished_in_window / window_s,
        )
        for t in response.tasks
    ]


def exception_groups(response: monitor_service_pb2.ListExceptionGroupsResponse) -> list[ExceptionGroup]:
    return [
        ExceptionGroup(
            task=g.task,
            exception_type=g.exception_type,
            count=g.count,
            last_seen=_datetime(g.last_seen, g.HasField("last_seen")),
            example_error=g.example_error,
        )
        for g in response.groups
    ]


def taskset(message: job_service_pb2.Taskset) -> Taskset:
    return Taskset(
        id=message.id,
        task=message.task,
        date_created=_datetime(message.date_created, message.HasField("date_created")),
        total=message.total,
        final=message.final,
        counts=dict(message.counts),
        progress=message.progress,
        callback_task=message.callback_task,
        callback_job_id=message.callback_job_id,
    )


def taskset_page(response: job_service_pb2.ListTasksetsResponse) -> TasksetPage:
    return TasksetPage(tasksets=[taskset(t) for t in response.tasksets], next_cursor=response.next_cursor or None)


def log_page(response: job_service_pb2.GetJobLogsResponse) -> LogPage:
    return LogPage(text=response.text, next_offset=response.next_offset, complete=response.complete)


def stack(response: job_service_pb2.InspectJobResponse) -> Stack:
    inspection = response.inspection
    return Stack(
        worker_id=response.worker_id,
        stack=inspection.stack,
        elapsed_s=inspection.elapsed_s,
        cpu_s=inspection.cpu_s if inspection.HasField("cpu_s") else None,
    )


SCHEDULE_SOURCES: dict[int, Literal["config", "api"]] = {
    schedule_service_pb2.SCHEDULE_SOURCE_CONFIG: "config",
    schedule_service_pb2.SCHEDULE_SOURCE_API: "api",
}


def schedule(message: schedule_service_pb2.Schedule) -> Schedule:
    d = message.definition
    kind: Literal["interval", "daily", "cron"] = "interval" if d.interval_s else "cron" if d.cron else "daily"
    return Schedule(
        id=message.id,
        task=d.task,
        queue=d.queue,
        params=orjson.loads(d.params_json or b"{}"),
        kind=kind,
        interval_s=d.interval_s or None,
        dailytime=d.dailytime or None,
        weekday=d.weekday if d.HasField("weekday") else None,
        monthday=d.monthday if d.HasField("monthday") else None,
        cron=d.cron or None,
        timezone=d.timezone or "UTC",
        catchup=d.catchup,
        paused=message.paused,
        source=SCHEDULE_SOURCES.get(message.source, "api"),
        date_created=_datetime(message.date_created, message.HasField("date_created")),
        last_tick=_datetime(message.last_tick, message.HasField("last_tick")),
        last_job_id=message.last_job_id or None,
    )


class HistoryPoint(BaseModel):
    #: The step's first minute.
    start: datetime
    finished: int
    failed: int
    #: Null for a task, or when no size was sampled in the step.
    queue_size: int | None
    #: Null when no job finished in the step.
    p50_duration_s: float | None
    p95_duration_s: float | None


class History(BaseModel):
    #: One per step, oldest first; the last one is still filling.
    points: list[HistoryPoint]
    window_s: float
    step_s: float
    #: How long the broker keeps each minute.
    retention_s: float
    #: Queues, and separately tasks, with their own series; the others count under "(other)".
    max_series: int


def history(response: monitor_service_pb2.GetHistoryResponse) -> History:
    def optional(point: monitor_service_pb2.HistoryPoint, name: str) -> Any:
        return getattr(point, name) if point.HasField(name) else None

    return History(
        points=[
            HistoryPoint(
                start=p.start.ToDatetime(tzinfo=UTC),
                finished=p.finished,
                failed=p.failed,
                queue_size=optional(p, "queue_size"),
                p50_duration_s=optional(p, "p50_duration_s"),
                p95_duration_s=optional(p, "p95_duration_s"),
            )
            for p in response.points
        ],
        window_s=response.window_s,
        step_s=response.step_s,
        retention_s=response.retention_s,
        max_series=response.max_series,
    )
