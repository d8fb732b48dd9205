"""Dramatiq's side of the benchmark: the trivial task, on the Redis broker at BENCH_REDIS_URL.

No Results middleware: Dramatiq stores no result unless one is configured, and its fastest
configuration has none (the table says so).
"""

import os
import time

import dramatiq
from dramatiq.brokers.redis import RedisBroker

dramatiq.set_broker(RedisBroker(url=os.environ["BENCH_REDIS_URL"]))


@dramatiq.actor
def add(x):
    return x + 1


@dramatiq.actor
def sleep(seconds):
    time.sleep(seconds)


def enqueue(jobs, task="add"):
    for i in range(jobs):
        if task == "add":
            add.send(i)
        else:
            sleep.send(0.1)
