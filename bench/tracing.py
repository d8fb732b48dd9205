"""Cost of ``mrq-worker --trace-greenlets`` on greenlet switches, the only thing it slows down.

Runs 100 greenlets that each yield 2,000 times (gevent.sleep(0)), as jobs of a traced executor
would, with and without the tracer, and prints switches/s and the cost per switch. Not a test.

    .venv/bin/python bench/tracing.py
"""

from __future__ import annotations

import time

import gevent
import greenlet

from mrq.v1.worker_service_pb2 import JobOutcome
from mrq_worker.tracing import Tracer

GREENLETS = 100
YIELDS = 2_000


def job(tracer: Tracer | None) -> None:
    trace = tracer.begin() if tracer is not None else None
    for _ in range(YIELDS):
        gevent.sleep(0)
    if tracer is not None and trace is not None:
        tracer.end(trace, JobOutcome())


def run(tracer: Tracer | None) -> float:
    started = time.perf_counter()
    gevent.joinall([gevent.spawn(job, tracer) for _ in range(GREENLETS)])
    return time.perf_counter() - started


def main() -> None:
    # Each gevent.sleep(0) is two switches: job -> hub -> next job.
    switches = 2 * GREENLETS * YIELDS
    plain = min(run(None) for _ in range(3))
    tracer = Tracer(greenlets=True)
    traced = min(run(tracer) for _ in range(3))
    greenlet.settrace(None)
    print(f"untraced: {switches / plain:,.0f} switches/s")
    print(
        f"traced:   {switches / traced:,.0f} switches/s "
        f"(+{(traced - plain) / switches * 1e6:.2f} µs per switch, {traced / plain - 1:+.0%})"
    )


if __name__ == "__main__":
    main()
