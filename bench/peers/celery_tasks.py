"""Celery's side of the benchmark: the trivial task, Redis as broker and result backend."""

import os

from celery import Celery

app = Celery("celery_tasks", broker=os.environ["BENCH_REDIS_URL"], backend=os.environ["BENCH_REDIS_URL"])
# A deep prefetch keeps the single pool process fed; results stay on, as MRQ's do.
app.conf.update(worker_prefetch_multiplier=100, task_ignore_result=False, worker_hijack_root_logger=False)


@app.task
def add(x):
    return x + 1


def enqueue(jobs, task="add"):
    for i in range(jobs):
        add.apply_async((i,), task_id=f"t{i}")
