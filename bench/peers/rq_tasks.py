"""RQ's side of the benchmark: the trivial task, enqueued in bulk with ``enqueue_many``."""

import os

from redis import Redis
from rq import Queue

BATCH = 10_000


def add(x):
    return x + 1


def enqueue(jobs, task="add"):
    queue = Queue(connection=Redis.from_url(os.environ["BENCH_REDIS_URL"]))
    for start in range(0, jobs, BATCH):
        queue.enqueue_many(
            [Queue.prepare_data(add, (i,), job_id=f"r{i}") for i in range(start, min(jobs, start + BATCH))]
        )
