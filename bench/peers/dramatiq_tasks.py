"""Dramatiq's side of the benchmark: the trivial task, on the Redis broker at BENCH_REDIS_URL.

No Results middleware: Dramatiq stores no result unless one is configured, and its fastest
configuration has none (the table says so).
"""

import os

import dramatiq
from dramatiq.brokers.redis import RedisBroker

dramatiq.set_broker(RedisBroker(url=os.environ["BENCH_REDIS_URL"]))


@dramatiq.actor
def add(x):
    return x + 1


def enqueue(jobs):
    for i in range(jobs):
        add.send(i)
