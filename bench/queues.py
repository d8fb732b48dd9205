"""Throughput of a raw queue with no storage (MRQ's fast path) against a regular queue, on one
worker process, side by side in one run. Prints jobs/s; not a test.

Starts a private stack whose broker has the raw queue ``bench_raw`` (task ``bench_tasks.add``,
``statuses_no_storage`` started and success: nothing reaches MongoDB), then times N trivial
jobs through each queue, from the first enqueue until the last job is done:

- raw: entries pushed with ``Client.queues.enqueue_raw``; done once the raw queue is empty and no
  raw job is leased any more (the broker's raw claims, read from Redis: the jobs leave no record);
- regular: jobs enqueued with ``enqueue_many`` and waited for with ``Client.wait``.

    .venv/bin/python bench/queues.py --jobs 100000 --greenlets 50
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import redis

from mrq import Client
from mrq_local import Stack, StackConfig, wait_until

TASKS_DIR = Path(__file__).resolve().parent / "tasks"
#: The workers may run the bench's tasks (their default allows only tasks.*).
WORKER_ENV = {"MRQ_WORKER_TASK_PACKAGES": "bench_tasks"}
BATCH = 10_000
CONFIG = """RAW_QUEUES = {"bench_raw": {"task": "bench_tasks.add",
                            "statuses_no_storage": ["started", "success"]}}
"""


def timed(label: str, jobs: int, run: Callable[[], None]) -> float:
    started = time.perf_counter()
    run()
    elapsed = time.perf_counter() - started
    print(f"{label}: {jobs} jobs in {elapsed:.2f} s = {jobs / elapsed:,.0f} jobs/s", flush=True)
    return jobs / elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--jobs", type=int, default=100_000, help="jobs per queue (default: 100000)")
    parser.add_argument("--greenlets", type=int, default=50, help="worker greenlets (default: 50)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="mrq-bench-") as data_dir:
        config = Path(data_dir) / "config.py"
        config.write_text(CONFIG)
        with Stack(StackConfig(data_dir=Path(data_dir), pythonpath=[TASKS_DIR], env=WORKER_ENV,
                               broker_args=("--config", str(config), "--metrics-port", "0"))) as stack:
            client = Client(stack.broker_address)
            claims = redis.Redis.from_url(stack.redis_url)
            params = [{"a": i, "b": 1} for i in range(args.jobs)]
            stack.start_worker("bench_raw", "bench", greenlets=args.greenlets, extra_args=("--metrics-port", "0"))

            def raw() -> None:
                for start in range(0, args.jobs, BATCH):
                    client.queues.enqueue_raw("bench_raw", params[start:start + BATCH])
                wait_until(lambda: client.queues.list("bench_raw")[0]["queued"] == 0
                           and claims.hlen("mrq:raw_claims") == 0, timeout_s=3600, what="the raw queue drained",
                           interval_s=0.05)

            def regular() -> None:
                ids = client.enqueue_many("bench_tasks.add", params, queue="bench")
                jobs = client.wait(ids, timeout=3600)
                wrong = [j for j in jobs if j["status"] != "success" or j["result"] != j["params"]["a"] + 1]
                if wrong:
                    raise SystemExit(f"{len(wrong)} jobs did not succeed with the right result, e.g. {wrong[0]}")

            raw_rate = timed("raw queue, no storage", args.jobs, raw)
            regular_rate = timed("regular queue       ", args.jobs, regular)
            print(f"raw / regular: {raw_rate / regular_rate:.1f}x (1 worker process, {args.greenlets} greenlets)")


if __name__ == "__main__":
    main()
