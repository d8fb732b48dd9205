"""MRQ's side of the benchmark: scenarios 1 to 7, each on a private stack of its own.

Every scenario starts a fresh stack (Redis, one broker on the default SQLite store) under
``root``, with the raw queue ``bench_raw`` configured, runs, and stops it again. Workers run
``bench/tasks/bench_tasks.py``. Scenario 8 (the dashboard) lives in ``dashboard.py``.
"""

from __future__ import annotations

import contextlib
import dataclasses
import statistics
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import grpc
import redis
from memory import PeakRss, group_rss_mb
from results import MRQ, Result
from settings import Options

from mrq import Client
from mrq.v1 import monitor_service_pb2, monitor_service_pb2_grpc
from mrq_local import Stack, StackConfig, wait_until

TASKS_DIR = Path(__file__).resolve().parent / "tasks"
RAW_QUEUE = "bench_raw"
RAW_SLEEP_QUEUE = "bench_sleep_raw"
QUEUE = "bench"
# The raw queues' jobs are stored neither when started nor on success: nothing reaches the store.
CONFIG = f"""RAW_QUEUES = {{"{RAW_QUEUE}": {{"task": "bench_tasks.add",
                              "statuses_no_storage": ["started", "success"]}},
              "{RAW_SLEEP_QUEUE}": {{"task": "bench_tasks.sleep",
                                    "statuses_no_storage": ["started", "success"]}}}}
"""
# The services' /metrics endpoints default to fixed ports: several stacks must not collide. The
# workers may run the bench's tasks (their default allows only tasks.*).
SERVICE_ENV = {
    "MRQ_BROKER_METRICS_PORT": "0",
    "MRQ_WORKER_METRICS_PORT": "0",
    "MRQ_SCHEDULER_METRICS_PORT": "0",
    "MRQ_WORKER_TASK_PACKAGES": "bench_tasks",
}
RAW_BATCH = 10_000
WAIT_TIMEOUT_S = 3600.0
# MRQ's own keys: a job is in flight while leased, and a raw job until its claim is gone.
LEASES_KEY = "mrq:leases"
RAW_CLAIMS_KEY = "mrq:raw_claims"


@contextlib.contextmanager
def mrq_stack(
    root: Path, name: str, *, mongodb_url: str | None = None, broker_processes: int = 1
) -> Iterator[tuple[Stack, Client]]:
    """A fresh stack in ``root/name`` and a client of its broker, of ``broker_processes``
    processes (0: one per core, as `make up` runs it)."""
    data_dir = root / name
    data_dir.mkdir(parents=True)
    config = data_dir / "config.py"
    config.write_text(CONFIG)
    stack_config = StackConfig(
        data_dir=data_dir,
        mongodb_url=mongodb_url,
        pythonpath=[TASKS_DIR],
        broker_args=("--config", str(config), "--processes", str(broker_processes)),
        env=SERVICE_ENV,
    )
    with Stack(stack_config) as stack, Client(stack.broker_address) as client:
        yield stack, client


def add_params(jobs: int) -> list[dict[str, int]]:
    return [{"a": i, "b": 1} for i in range(jobs)]


def bulk_enqueue(root: Path, options: Options) -> list[Result]:
    """(1) ``enqueue_many`` of N jobs through gRPC: one insert_many and one Redis pipeline per
    batch; and, to show what bounds it, the same N pushed on a raw queue (Redis only)."""
    with mrq_stack(root, "enqueue") as (_, client):
        params = add_params(options.enqueue_jobs)
        started = time.perf_counter()
        client.enqueue_many("bench_tasks.add", params, queue=QUEUE)
        regular = options.enqueue_jobs / (time.perf_counter() - started)
        started = time.perf_counter()
        for start in range(0, options.enqueue_jobs, RAW_BATCH):
            client.queues.enqueue_raw(RAW_QUEUE, params[start : start + RAW_BATCH])
        raw = options.enqueue_jobs / (time.perf_counter() - started)
    return [
        Result(
            scenario=1,
            system=MRQ,
            config="Client.enqueue_many, one call: records in the store, then Redis",
            jobs=options.enqueue_jobs,
            metric="jobs/s",
            value=regular,
            target="≥ 50,000",
            met=regular >= 50_000,
        ),
        Result(
            scenario=1,
            system=MRQ,
            config=f"Queues.enqueue_raw, {RAW_BATCH:,} per call: Redis only",
            jobs=options.enqueue_jobs,
            metric="jobs/s",
            value=raw,
            compared=False,
            note="no job record: what enqueue costs without the store",
        ),
    ]


def end_to_end(root: Path, options: Options) -> list[Result]:
    """(2) N trivial jobs enqueued first, then one worker process started; timed until none is
    left, each outcome stored; then, off the clock, every job is read back: ``success`` with the
    right result."""
    with mrq_stack(root, "end-to-end") as (stack, client):
        ids = client.enqueue_many("bench_tasks.add", add_params(options.jobs), queue=QUEUE)
        started = time.perf_counter()
        stack.start_worker(QUEUE, greenlets=options.greenlets)
        wait_drained(stack, client, QUEUE)
        elapsed_s = time.perf_counter() - started
        jobs = client.wait(ids, timeout=WAIT_TIMEOUT_S)
    _check_added(jobs)
    config = f"1 process x {options.greenlets} greenlets, regular queue, results stored (SQLite)"
    return [
        Result(
            scenario=2,
            system=MRQ,
            config=config,
            jobs=options.jobs,
            metric="jobs/s",
            value=options.jobs / elapsed_s,
            target="≥ 2x the best peer",
            note="incl. worker start-up",
        )
    ]


def raw_queue(root: Path, options: Options) -> list[Result]:
    """(3) The same through a raw queue whose jobs are never stored."""
    with mrq_stack(root, "raw") as (stack, client):
        rate = _drain_raw(stack, client, options.raw_jobs, options.greenlets, processes=None)
        _check_nothing_stored(stack)
    return [
        Result(
            scenario=3,
            system=MRQ,
            config=f"1 process x {options.greenlets} greenlets, raw queue, no storage",
            jobs=options.raw_jobs,
            metric="jobs/s",
            value=rate,
            target="≥ 10,000",
            met=rate >= 10_000,
            note="incl. worker start-up; done = queue empty and no raw claim left",
        )
    ]


def io_bound(root: Path, options: Options) -> list[Result]:
    """(4) N jobs sleeping 100 ms on one process of many greenlets, against the ideal time
    (N x 100 ms / greenlets), from the first job's start to the last one's end."""
    sleep_s = 0.1
    with mrq_stack(root, "io") as (stack, client):
        stack.start_worker(QUEUE, greenlets=options.io_greenlets)
        client.wait(client.enqueue("bench_tasks.sleep", {"s": 0}, queue=QUEUE), timeout=60)  # warm up
        started = time.time()
        ids = client.enqueue_many("bench_tasks.sleep", [{"s": sleep_s}] * options.io_jobs, queue=QUEUE)
        jobs = client.wait(ids, timeout=WAIT_TIMEOUT_S)
    _check_succeeded(jobs)
    first = min(job["date_started"].timestamp() for job in jobs if job["date_started"])
    last = max(job["date_finished"].timestamp() for job in jobs if job["date_finished"])
    ideal_s = options.io_jobs * sleep_s / options.io_greenlets
    config = f"1 process x {options.io_greenlets} greenlets"
    return [
        Result(
            scenario=4,
            system=MRQ,
            config=f"{config}, first job start to last job end",
            jobs=options.io_jobs,
            metric="% of ideal",
            value=100 * ideal_s / (last - first),
            target="≥ 90%",
            met=ideal_s / (last - first) >= 0.9,
            compared=False,
            note=f"ideal {ideal_s:.1f} s, took {last - first:.2f} s = {options.io_jobs / (last - first):,.0f} "
            "jobs/s: compare with (2) for the storage bound",
        ),
        # The peers' measure: their job records do not all say when each job started.
        Result(
            scenario=4,
            system=MRQ,
            config=f"{config}, enqueue start to last job end",
            jobs=options.io_jobs,
            metric="% of ideal",
            value=100 * ideal_s / (last - started),
            note=f"took {last - started:.2f} s (ideal {ideal_s:.1f} s)",
        ),
        _io_bound_raw(root, options, sleep_s, ideal_s),
    ]


def _io_bound_raw(root: Path, options: Options, sleep_s: float, ideal_s: float) -> Result:
    """(4) again through a raw queue with no storage: the worker's greenlets without the storage
    bound, from the first push to the queue drained (the peers' measure)."""
    with mrq_stack(root, "io-raw") as (stack, client):
        stack.start_worker(RAW_SLEEP_QUEUE, greenlets=options.io_greenlets)
        client.queues.enqueue_raw(RAW_SLEEP_QUEUE, [{"s": 0}])  # warm up
        wait_drained(stack, client, RAW_SLEEP_QUEUE, timeout_s=60)
        started = time.time()
        for start in range(0, options.io_jobs, RAW_BATCH):
            client.queues.enqueue_raw(RAW_SLEEP_QUEUE, [{"s": sleep_s}] * min(RAW_BATCH, options.io_jobs - start))
        wait_drained(stack, client, RAW_SLEEP_QUEUE)
        took_s = time.time() - started
        _check_nothing_stored(stack)
    return Result(
        scenario=4,
        system=MRQ,
        config=f"1 process x {options.io_greenlets} greenlets, raw queue, no storage, enqueue start to last job end",
        jobs=options.io_jobs,
        metric="% of ideal",
        value=100 * ideal_s / took_s,
        compared=False,
        note=f"took {took_s:.2f} s (ideal {ideal_s:.1f} s)",
    )


def latency(root: Path, options: Options) -> list[Result]:
    """(5) One job at a time on an idle worker: from just before the enqueue call (client clock)
    to the moment the task starts (its own clock, the same machine's)."""
    with mrq_stack(root, "latency") as (stack, client):
        stack.start_worker(QUEUE, greenlets=options.greenlets)
        client.wait(client.enqueue("bench_tasks.now", {}, queue=QUEUE), timeout=60)  # warm up
        latencies = one_job_at_a_time(client, options.latency_samples)
    cuts = statistics.quantiles(latencies.start_ms, n=100, method="inclusive")
    config = "idle worker, 1 process, enqueue then wait, one job at a time"
    # What bounds it: the enqueue call itself (store insert, then Redis) is part of the latency.
    note = (
        f"of which the enqueue call: median {statistics.median(latencies.call_ms):.1f} ms; "
        f"outcome read back at {statistics.median(latencies.outcome_ms):.1f} ms"
    )
    return [
        Result(
            scenario=5,
            system=MRQ,
            config=config,
            jobs=options.latency_samples,
            metric="ms p50",
            value=cuts[49],
            higher_is_better=False,
            target="≤ 2 ms",
            met=cuts[49] <= 2,
            note=note,
        ),
        Result(
            scenario=5,
            system=MRQ,
            config=config,
            jobs=options.latency_samples,
            metric="ms p99",
            value=cuts[98],
            higher_is_better=False,
            target="≤ 10 ms",
            met=cuts[98] <= 10,
            note=note,
        ),
    ]


@dataclasses.dataclass
class Latencies:
    """Per job, in ms from just before its enqueue call: the call's return, the task's start,
    and the client's read of its outcome."""

    call_ms: list[float] = dataclasses.field(default_factory=list)
    start_ms: list[float] = dataclasses.field(default_factory=list)
    outcome_ms: list[float] = dataclasses.field(default_factory=list)


def one_job_at_a_time(client: Client, samples: int, idle_s: float = 0.0) -> Latencies:
    """Enqueues ``samples`` jobs one at a time, each once the last is done and ``idle_s`` more
    passed, and times each."""
    latencies = Latencies()
    for _ in range(samples):
        time.sleep(idle_s)
        enqueued = time.time()
        job_id = client.enqueue("bench_tasks.now", {}, queue=QUEUE)
        latencies.call_ms.append((time.time() - enqueued) * 1000)
        started = client.wait(job_id, timeout=60)["result"]
        latencies.outcome_ms.append((time.time() - enqueued) * 1000)
        latencies.start_ms.append((started - enqueued) * 1000)
    return latencies


def scaling(root: Path, options: Options) -> list[Result]:
    """(6) The raw queue drained by one ``mrq-worker --processes K``, K = 1, 2, 4: the raw queue
    keeps the store out of the way, so what changes is the workers' share of the CPU. The broker
    runs one process per core, as `make up` runs it: one broker process is held to one core."""
    results = []
    with mrq_stack(root, "scaling", broker_processes=0) as (stack, client):
        for processes in options.scaling_processes:
            rate = _drain_raw(stack, client, options.raw_jobs, options.greenlets, processes=processes)
            stack.workers[-1].stop(stack.config.stop_grace_s)
            base = results[0].value if results else rate
            results.append(
                Result(
                    scenario=6,
                    system=MRQ,
                    config=f"--processes {processes} x {options.greenlets} "
                    "greenlets, raw queue, broker one process per core",
                    jobs=options.raw_jobs,
                    metric="jobs/s",
                    value=rate,
                    target="≥ 1.6x one process" if processes == 2 else "",
                    met=rate >= 1.6 * base if processes == 2 else None,
                    note=f"{rate / base:.2f}x one process; incl. worker start-up",
                )
            )
    return results


def memory(root: Path, options: Options) -> list[Result]:
    """(7) RSS of one worker process: idle after one job, and at its peak while running N jobs."""
    with mrq_stack(root, "memory") as (stack, client):
        worker = stack.start_worker(QUEUE, greenlets=options.greenlets)
        client.wait(client.enqueue("bench_tasks.add", {"a": 1, "b": 1}, queue=QUEUE), timeout=60)
        idle_mb = group_rss_mb(worker.pid)
        with PeakRss(worker.pid) as busy:
            _check_added(
                client.wait(
                    client.enqueue_many("bench_tasks.add", add_params(options.jobs), queue=QUEUE),
                    timeout=WAIT_TIMEOUT_S,
                )
            )
    config = f"1 process x {options.greenlets} greenlets, VmRSS"
    return [
        Result(
            scenario=7,
            system=MRQ,
            config=f"{config}, idle after one job",
            jobs=1,
            metric="MB",
            value=idle_mb,
            higher_is_better=False,
            compared=False,
        ),
        Result(
            scenario=7,
            system=MRQ,
            config=f"{config}, peak while busy",
            jobs=options.jobs,
            metric="MB",
            value=busy.peak_mb,
            higher_is_better=False,
        ),
    ]


def _drain_raw(stack: Stack, client: Client, jobs: int, greenlets: int, processes: int | None) -> float:
    """Pushes ``jobs`` raw entries, starts a worker, and returns jobs/s until none is left or in flight."""
    params = add_params(jobs)
    for start in range(0, jobs, RAW_BATCH):
        client.queues.enqueue_raw(RAW_QUEUE, params[start : start + RAW_BATCH])
    started = time.perf_counter()
    stack.start_worker(RAW_QUEUE, greenlets=greenlets, processes=processes)
    wait_drained(stack, client, RAW_QUEUE)
    return jobs / (time.perf_counter() - started)


def wait_drained(stack: Stack, client: Client, queue: str, timeout_s: float = WAIT_TIMEOUT_S) -> None:
    """Waits until the queue is empty and none of its jobs is in flight, read from MRQ's own
    Redis keys as the peers' are from theirs: a lease ends once its job's outcome is committed
    (stored, for a regular job), and a raw job's claim with it."""
    keys = redis.Redis.from_url(stack.redis_url)
    wait_until(
        lambda: (
            client.queues.list(queue)[0]["queued"] == 0
            and keys.zcard(LEASES_KEY) == 0
            and keys.hlen(RAW_CLAIMS_KEY) == 0
        ),
        timeout_s=timeout_s,
        interval_s=0.02,  # as the peers are polled (peer_scenarios.POLL_S)
        what=f"{queue} drained",
    )


def _check_succeeded(jobs: Sequence[dict[str, Any]]) -> None:
    failed = [job for job in jobs if job["status"] != "success"]
    if failed:
        raise SystemExit(f"{len(failed)} jobs did not succeed, e.g. {failed[0]}")


def _check_added(jobs: Sequence[dict[str, Any]]) -> None:
    _check_succeeded(jobs)
    wrong = [job for job in jobs if job["result"] != job["params"]["a"] + job["params"]["b"]]
    if wrong:
        raise SystemExit(f"{len(wrong)} jobs have a wrong result, e.g. {wrong[0]}")


def _check_nothing_stored(stack: Stack) -> None:
    """A raw job that failed would have left a record: there must be none."""
    with grpc.insecure_channel(stack.broker_address) as channel:
        overview = monitor_service_pb2_grpc.MonitorServiceStub(channel).GetOverview(
            monitor_service_pb2.GetOverviewRequest(), timeout=60
        )
    stored = sum(overview.counts.values())
    if stored:
        raise SystemExit(f"{stored} raw jobs left a record (failed or retried)")
