"""Throughput of MRQ's core pipeline on this machine: bulk enqueue, then end-to-end processing.

Starts a private stack (Redis, the MongoDB-compatible server, one broker, one worker process),
enqueues N trivial jobs (``tasks.add``) with ``enqueue_many``, and times until all are ``success``
with correct results. Prints jobs/s; not a test.

    .venv/bin/python bench/pipeline.py --jobs 10000 --greenlets 50
    .venv/bin/python bench/pipeline.py --jobs 10000 --worker-arg=--trace-greenlets   # tracing overhead
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from mrq import Client
from mrq_local import Stack, StackConfig

TASKS_DIR = Path(__file__).resolve().parent / "tasks"
#: The workers may run the bench's tasks (their default allows only tasks.*).
WORKER_ENV = {"MRQ_WORKER_TASK_PACKAGES": "bench_tasks"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--jobs", type=int, default=10_000, help="jobs to run (default: 10000)")
    parser.add_argument("--greenlets", type=int, default=50, help="worker greenlets (default: 50)")
    parser.add_argument("--worker-arg", action="append", default=[], dest="worker_args",
                        help="extra mrq-worker argument, e.g. --worker-arg=--trace-greenlets (repeatable)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="mrq-bench-") as data_dir, \
            Stack(StackConfig(data_dir=Path(data_dir), pythonpath=[TASKS_DIR], env=WORKER_ENV)) as stack:
        client = Client(stack.broker_address)
        params = [{"a": i, "b": 1} for i in range(args.jobs)]

        started = time.perf_counter()
        job_ids = client.enqueue_many("bench_tasks.add", params, queue="bench")
        enqueue_s = time.perf_counter() - started

        stack.start_worker("bench", greenlets=args.greenlets, extra_args=args.worker_args)
        started = time.perf_counter()
        jobs = client.wait(job_ids, timeout=3600)
        process_s = time.perf_counter() - started

        wrong = [j for j in jobs if j["status"] != "success" or j["result"] != j["params"]["a"] + 1]
        print(f"bulk enqueue: {args.jobs} jobs in {enqueue_s:.2f} s = {args.jobs / enqueue_s:,.0f} jobs/s")
        print(f"end to end:   {args.jobs} jobs in {process_s:.2f} s = {args.jobs / process_s:,.0f} jobs/s "
              f"(1 worker process, {args.greenlets} greenlets{''.join(' ' + a for a in args.worker_args)}, "
              "including worker start-up)")
        if wrong:
            raise SystemExit(f"{len(wrong)} jobs did not succeed with the right result, e.g. {wrong[0]}")


if __name__ == "__main__":
    main()
