"""How long bulk job management takes on this machine: cancel, then requeue, N queued jobs by filter.

Starts a private stack (Redis, the MongoDB-compatible server, one broker, no worker), enqueues N
trivial jobs on one queue, then times a dry run, a bulk cancel (queue + status=queued) and a bulk
requeue (queue + status=cancel) of all of them, and checks the counts and the queue's length in
Redis. Prints the timings; not a test.

    .venv/bin/python bench/actions.py --jobs 10000
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import redis

from mrq import Client
from mrq_local import Stack, StackConfig

TASKS_DIR = Path(__file__).resolve().parent / "tasks"
#: The workers may run the bench's tasks (their default allows only tasks.*).
WORKER_ENV = {"MRQ_WORKER_TASK_PACKAGES": "bench_tasks"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--jobs", type=int, default=10_000, help="queued jobs to act on (default: 10000)")
    args = parser.parse_args()

    with (
        tempfile.TemporaryDirectory(prefix="mrq-bench-") as data_dir,
        Stack(StackConfig(data_dir=Path(data_dir), pythonpath=[TASKS_DIR], env=WORKER_ENV)) as stack,
    ):
        client = Client(stack.broker_address)
        queue_key = "mrq:queue:bench"  # the broker's default prefix
        store = redis.Redis.from_url(stack.redis_url)
        client.enqueue_many("bench_tasks.add", [{"a": i, "b": 1} for i in range(args.jobs)], queue="bench")

        for what, act, filters, dry_run, expect_queued in [
            ("dry-run cancel", client.cancel, {"status": "queued"}, True, args.jobs),
            ("bulk cancel", client.cancel, {"status": "queued"}, False, 0),
            ("bulk requeue", client.requeue, {"status": "cancel"}, False, args.jobs),
        ]:
            started = time.perf_counter()
            counts = act(queue="bench", dry_run=dry_run, **filters)
            elapsed_s = time.perf_counter() - started
            queued = store.zcard(queue_key)
            print(
                f"{what:15} {counts.matched} matched, {counts.changed} changed in {elapsed_s:.2f} s "
                f"= {counts.matched / elapsed_s:,.0f} jobs/s"
            )
            if counts.changed != args.jobs or queued != expect_queued:
                raise SystemExit(
                    f"{what}: expected {args.jobs} changed and {expect_queued} queued, got {counts} and {queued}"
                )


if __name__ == "__main__":
    main()
