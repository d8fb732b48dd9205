"""Scenario 8: how fast the dashboard's jobs list answers with many job records stored.

On a private stack (Redis, the MongoDB-compatible server, one broker, the dashboard, no worker),
stores N job records straight into MongoDB in bulk (shaped as the broker writes them: 20 task
paths, 10 queues under bench/, 90% success, 5% failed with one of two exception types, 3% queued,
2% cancel), then times filtered, paginated queries through the dashboard's HTTP API, end to end
(HTTP, gRPC, MongoDB).

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
import pymongo
from bson import ObjectId
from mrq_scenarios import mrq_stack
from results import MRQ, Result
from settings import Options

TASKS = [f"tasks.t{n}" for n in range(20)]
QUEUES = [f"bench/q{n}" for n in range(10)]
INSERT_BATCH = 10_000
# Record n was enqueued this long before the seeding started, minus n hundredths of a second.
N_SECONDS_BACK = 86_400.0


def job_doc(n: int, now: datetime) -> dict[str, Any]:
    """The n-th record, with the fields and types the broker stores (see mrq_broker.documents)."""
    status = ("failed" if n % 20 == 0 else "queued" if n % 33 == 1 else "cancel" if n % 50 == 2
              else "success")
    enqueued = now - timedelta(seconds=N_SECONDS_BACK - n * 0.01)
    doc: dict[str, Any] = {
        "_id": _object_id(enqueued, n),
        "task": TASKS[n % len(TASKS)], "queue": QUEUES[(n // 3) % len(QUEUES)], "params": f'{{"n":{n}}}',
        "status": status, "priority": 0, "timeout_s": 3600.0, "max_retries": 3, "retry_delay_s": 3.0,
        "result_ttl_s": 604800.0, "retry_count": 0, "requeue_count": 0, "datequeued": enqueued,
        "dateupdated": enqueued, "worker": f"bench-worker-{n % 8}",
    }
    if status != "queued":
        doc |= {"datestarted": enqueued, "dateended": enqueued, "duration_s": 0.01}
    if status == "failed":
        doc |= {"exceptiontype": "builtins.ValueError" if n % 40 == 0 else "builtins.KeyError",
                "error": "bench failure", "traceback": "Traceback (most recent call last):\n  ...\n"}
    if status == "success":
        doc["result"] = str(n)
    return doc


def _object_id(moment: datetime, n: int) -> ObjectId:
    """An id ordered by enqueue time, unique by n (timestamp, then n in the low bytes)."""
    return ObjectId(int(moment.timestamp()).to_bytes(4, "big") + n.to_bytes(8, "big"))


def seed(jobs: pymongo.collection.Collection[dict[str, Any]], count: int) -> tuple[float, str]:
    """Stores ``count`` records; returns the seconds it took and the id of the middle one."""
    now = datetime.now(UTC)
    started = time.perf_counter()
    for start in range(0, count, INSERT_BATCH):
        jobs.insert_many([job_doc(n, now) for n in range(start, min(count, start + INSERT_BATCH))], ordered=False)
    return time.perf_counter() - started, str(job_doc(count // 2, now)["_id"])


def timed(http: httpx.Client, params: dict[str, Any], repeat: int) -> tuple[list[float], dict[str, Any]]:
    times, page = [], {}
    for _ in range(repeat):
        started = time.perf_counter()
        reply = http.get("/api/jobs", params=params)
        times.append(time.perf_counter() - started)
        reply.raise_for_status()
        page = reply.json()
    return times, page


# (name, query string): the default run times the first two and the id lookup; --dashboard-cases all of them.
CASES: list[tuple[str, dict[str, Any]]] = [
    ("newest 50, no filter", {"limit": 50}),
    ("queue + status, page 1", {"queue": "bench/q3", "status": "failed", "limit": 50}),
    ("queue + status, from a cursor", {"queue": "bench/q3", "status": "failed", "limit": 50, "cursor": "{middle}"}),
    ("task, oldest first", {"task": "tasks.t7", "sort": "oldest", "limit": 50}),
    ("exception type", {"exception": "builtins.ValueError", "limit": 50}),
    ("status group error", {"status": "error", "limit": 50}),
    ("queue prefix bench/", {"queue": "bench/", "limit": 50}),
    ("job id", {"id": "{middle}"}),
]
TARGET_MS = 200.0
TARGET_RECORDS = 1_000_000


def jobs_query(root: Path, options: Options) -> list[Result]:
    """(8) Stores ``options.dashboard_jobs`` records, then times each chosen query (median of repeats)."""
    results = []
    with mrq_stack(root, "dashboard", mongodb_url=options.mongodb_url) as (stack, _):
        mongo: pymongo.MongoClient[dict[str, Any]] = pymongo.MongoClient(stack.mongodb_url)
        with mongo:
            jobs = mongo.get_default_database()["jobs"]
            if options.mongodb_url:
                jobs.delete_many({})
            seconds, middle = seed(jobs, options.dashboard_jobs)
        # A scan of a million records on FerretDB takes minutes: give the calls time to finish.
        dashboard = stack.start_dashboard(extra_args=["--rpc-timeout-s", "3600"])
        with httpx.Client(base_url=dashboard.url, timeout=3600) as http:
            for n in options.dashboard_cases:
                name, params = CASES[n - 1]
                params = {key: middle if value == "{middle}" else value for key, value in params.items()}
                times, page = timed(http, params, options.dashboard_repeat)
                median_ms = statistics.median(times) * 1000
                results.append(Result(
                    scenario=8, system=MRQ, config=f"{name} ({len(page['jobs'])} jobs back), HTTP → gRPC → "
                    f"{'MongoDB' if options.mongodb_url else 'FerretDB'}", jobs=options.dashboard_jobs,
                    metric="ms", value=median_ms, higher_is_better=False, target="< 200 ms (at 1,000,000)",
                    met=median_ms < TARGET_MS if options.dashboard_jobs >= TARGET_RECORDS else None,
                    note=f"median of {options.dashboard_repeat}; records stored at "
                         f"{options.dashboard_jobs / seconds:,.0f}/s"
                         + ("" if options.dashboard_jobs >= TARGET_RECORDS else
                            "; target not measured at this N (--dashboard-jobs 1000000)")))
    return results
