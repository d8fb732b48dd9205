"""What idling costs a round trip, and so scenario (5)'s latency: each call made after the
machine sat idle for G ms, for a few G. Not a test.

    .venv/bin/python bench/idle_wake.py --samples 100 --idle-ms 0,1,20,100

For each G it prints the median of three round trips, each made G ms after the last one ended:
a Redis PING, a gRPC health check of the broker (the cheapest call there is), and an MRQ job's
enqueue-to-start time on an idle worker (scenario 5's measure, whose loop waits for each job's
outcome: about 15 ms of idling already). On a machine whose sleeping processes wake at once,
the rows barely differ.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import redis
from grpc_health.v1 import health_pb2, health_pb2_grpc
from mrq_scenarios import QUEUE, mrq_stack, one_job_at_a_time

from mrq.rpc import open_channel


def round_trips_ms(call: Callable[[], Any], samples: int, idle_s: float) -> list[float]:
    """``samples`` calls, each ``idle_s`` after the last one ended; each one's time in ms."""
    took_ms = []
    for _ in range(samples):
        time.sleep(idle_s)
        started = time.perf_counter()
        call()
        took_ms.append((time.perf_counter() - started) * 1000)
    return took_ms


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--samples", type=int, default=100, help="calls per measure and idle time (default: 100)")
    parser.add_argument(
        "--idle-ms", default="0,1,20,100", help="idle times to try, comma-separated (default: 0,1,20,100)"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="mrq-wake-") as root, mrq_stack(Path(root), "wake") as (stack, client):
        stack.start_worker(QUEUE)
        client.wait(client.enqueue("bench_tasks.now", {}, queue=QUEUE), timeout=60)  # warm up
        ping = redis.Redis.from_url(stack.redis_url).ping
        with open_channel(stack.broker_address) as channel:
            health: Any = health_pb2_grpc.HealthStub(channel)  # its stubs declare no methods
            check = lambda: health.Check(health_pb2.HealthCheckRequest(), timeout=5)  # noqa: E731
            print("idle before each | Redis PING | gRPC health check | enqueue to start (p50)")
            for idle_ms in (float(g) for g in args.idle_ms.split(",")):
                idle_s = idle_ms / 1000
                medians = [
                    statistics.median(round_trips_ms(ping, args.samples, idle_s)),
                    statistics.median(round_trips_ms(check, args.samples, idle_s)),
                    statistics.median(one_job_at_a_time(client, args.samples, idle_s).start_ms),
                ]
                print(f"{idle_ms:13.0f} ms | " + " | ".join(f"{m:.2f} ms" for m in medians), flush=True)


if __name__ == "__main__":
    main()
