"""The tasks MRQ's benchmarks run (the peers' equivalents live in bench/peers/)."""

import time


def add(params):
    """The trivial task every throughput scenario runs."""
    return params["a"] + params["b"]


def sleep(params):
    """IO-bound work: the worker's gevent patching turns this into a greenlet switch."""
    time.sleep(params["s"])


def now(params):
    """When the task started, for enqueue-to-start latency (same machine, same clock)."""
    return time.time()
