"""Scenario 8: how fast the dashboard's jobs list answers with many job records stored.

On a private stack (Redis, one broker on the default SQLite store, the dashboard, no worker),
stores N job records straight into the broker's store in bulk, through its Store interface
(20 task paths, 10 queues under bench/, 90% success, 5% failed with one of two exception types,
3% queued, 2% cancel), then times filtered, paginated queries and the counts the Queues and
Tasks pages show through the dashboard's HTTP API, end to end (HTTP, gRPC, the store). Every
jobs query also counts its total (exact up to 10,000), as the Jobs page shows it.

    .venv/bin/python bench/run.py --scenarios 8 --peers '' --dashboard-jobs 1000000
    .venv/bin/python bench/run.py --scenarios 8 --peers '' --mongodb-url mongodb://HOST:27017/bench
"""

from __future__ import annotations

import statistics
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
from mrq_scenarios import mrq_stack
from results import MRQ, Result
from settings import Options

from mrq_broker.storage import SQLITE_FILE, MongoStore, SQLiteStore, Store
from mrq_broker.storage.records import JobRecord

TASKS = [f"tasks.t{n}" for n in range(20)]
QUEUES = [f"bench/q{n}" for n in range(10)]
INSERT_BATCH = 10_000
# Record n was enqueued this long before the seeding started, minus n hundredths of a second.
N_SECONDS_BACK = 86_400.0


def job_record(n: int, now: datetime) -> JobRecord:
    """The n-th record."""
    status = "failed" if n % 20 == 0 else "queued" if n % 33 == 1 else "cancel" if n % 50 == 2 else "success"
    enqueued = now - timedelta(seconds=N_SECONDS_BACK - n * 0.01)
    record = JobRecord(
        id=_job_id(enqueued, n),
        task=TASKS[n % len(TASKS)],
        queue=QUEUES[(n // 3) % len(QUEUES)],
        params_json=f'{{"n":{n}}}',
        status=status,
        priority=0,
        timeout_s=3600.0,
        max_retries=3,
        retry_delay_s=3.0,
        result_ttl_s=604800.0,
        date_enqueued=enqueued,
        date_updated=enqueued,
        worker_id=f"bench-worker-{n % 8}",
    )
    if status != "queued":
        record.date_started = record.date_finished = enqueued
        record.duration_s = 0.01
    if status == "failed":
        record.exception_type = "builtins.ValueError" if n % 40 == 0 else "builtins.KeyError"
        record.error = "bench failure"
        record.traceback = "Traceback (most recent call last):\n  ...\n"
    if status == "success":
        record.result_json = str(n)
    return record


def _job_id(moment: datetime, n: int) -> str:
    """An id ordered by enqueue time, unique by n (timestamp, then n in the low bytes)."""
    return (int(moment.timestamp()).to_bytes(4, "big") + n.to_bytes(8, "big")).hex()


def seed(store: Store, count: int) -> tuple[float, str]:
    """Stores ``count`` records; returns the seconds it took and the id of the middle one."""
    now = datetime.now(UTC)
    started = time.perf_counter()
    for start in range(0, count, INSERT_BATCH):
        store.insert_jobs([job_record(n, now) for n in range(start, min(count, start + INSERT_BATCH))])
    return time.perf_counter() - started, job_record(count // 2, now).id


def _total(page: dict[str, Any]) -> str:
    return ("total > " if page["total_is_lower_bound"] else "total ") + f"{page['total']:,}"


def timed(http: httpx.Client, path: str, params: dict[str, Any], repeat: int) -> tuple[list[float], Any]:
    times, page = [], {}
    for _ in range(repeat):
        started = time.perf_counter()
        reply = http.get(path, params=params)
        times.append(time.perf_counter() - started)
        if reply.status_code != 409:  # 409: stopped by the store's time limit, a result too
            reply.raise_for_status()
        page = reply.json()
    return times, page


# (name, API path, query string), numbered from 1 for --dashboard-cases.
CASES: list[tuple[str, str, dict[str, Any]]] = [
    ("jobs: newest 50, no filter", "/api/jobs", {"limit": 50}),
    ("jobs: queue + status, page 1", "/api/jobs", {"queue": "bench/q3", "status": "failed", "limit": 50}),
    (
        "jobs: queue + status, from a cursor",
        "/api/jobs",
        {"queue": "bench/q3", "status": "failed", "limit": 50, "cursor": "{middle}"},
    ),
    ("jobs: task + status", "/api/jobs", {"task": "tasks.t7", "status": "success", "limit": 50}),
    ("jobs: task, oldest first", "/api/jobs", {"task": "tasks.t7", "sort": "oldest", "limit": 50}),
    ("jobs: exception type", "/api/jobs", {"exception": "builtins.ValueError", "limit": 50}),
    ("jobs: status group error", "/api/jobs", {"status": "error", "limit": 50}),
    ("jobs: queue prefix bench/", "/api/jobs", {"queue": "bench/", "limit": 50}),
    ("jobs: job id", "/api/jobs", {"id": "{middle}"}),
    ("counts by queue and status (Queues page)", "/api/queues", {}),
    ("counts by task and status (Tasks page)", "/api/tasks", {}),
    ("overview (counts by status)", "/api/overview", {}),
    ("jobs: job id prefix (10 characters)", "/api/jobs", {"id_prefix": "{middle_prefix}", "limit": 50}),
    ("jobs: queue alone (total past its bound)", "/api/jobs", {"queue": "bench/q3", "limit": 50}),
    (
        "jobs: params key=value within queue + status",
        "/api/jobs",
        {"queue": "bench/q3", "status": "failed", "param": "n=-1", "limit": 50},
    ),
    ("jobs: params key=value alone (reads every job)", "/api/jobs", {"param": "n=-1", "limit": 50}),
]
TARGET_MS = 200.0
TARGET_RECORDS = 1_000_000


def jobs_query(root: Path, options: Options) -> list[Result]:
    """(8) Stores ``options.dashboard_jobs`` records, then times each chosen query (median of repeats)."""
    results = []
    with mrq_stack(root, "dashboard", mongodb_url=options.mongodb_url) as (stack, _):
        store: Store = (
            MongoStore(stack.mongodb_url) if options.mongodb_url else SQLiteStore(stack.config.data_dir / SQLITE_FILE)
        )
        try:
            seconds, middle = seed(store, options.dashboard_jobs)
        finally:
            store.close()
        dashboard = stack.start_dashboard(extra_args=["--rpc-timeout-s", "3600"])
        with httpx.Client(base_url=dashboard.url, timeout=3600) as http:
            for n in options.dashboard_cases:
                name, path, params = CASES[n - 1]
                values = {"{middle}": middle, "{middle_prefix}": middle[:10]}
                params = {key: values.get(value, value) for key, value in params.items()}
                times, page = timed(http, path, params, options.dashboard_repeat)
                median_ms = statistics.median(times) * 1000
                back = f" ({len(page['jobs'])} jobs back, {_total(page)})" if "jobs" in page else ""
                if "detail" in page:
                    back = " (409: stopped by the store's time limit)"
                results.append(
                    Result(
                        scenario=8,
                        system=MRQ,
                        config=f"{name}{back}, HTTP → gRPC → {'MongoDB' if options.mongodb_url else 'SQLite'}",
                        jobs=options.dashboard_jobs,
                        metric="ms",
                        value=median_ms,
                        higher_is_better=False,
                        target="< 200 ms (at 1,000,000)",
                        met=median_ms < TARGET_MS if options.dashboard_jobs >= TARGET_RECORDS else None,
                        note=f"median of {options.dashboard_repeat}; records stored at "
                        f"{options.dashboard_jobs / seconds:,.0f}/s"
                        + (
                            ""
                            if options.dashboard_jobs >= TARGET_RECORDS
                            else "; target not measured at this N (--dashboard-jobs 1000000)"
                        ),
                    )
                )
    return results
