"""Enqueues N trivial jobs for one peer, from that peer's own venv, and prints how long it took.

Run by bench/peers.py as ``.venv-bench/PEER/bin/python bench/peers/enqueue.py PEER N`` with
BENCH_REDIS_URL set; prints one JSON object: {"version": "...", "enqueue_s": ...}.
"""

import importlib
import importlib.metadata
import json
import sys
import time


def main():
    peer, jobs = sys.argv[1], int(sys.argv[2])
    tasks = importlib.import_module(f"{peer}_tasks")  # imports, connections: before the clock starts
    started = time.perf_counter()
    tasks.enqueue(jobs)
    elapsed_s = time.perf_counter() - started
    print(json.dumps({"version": importlib.metadata.version(peer), "enqueue_s": elapsed_s}))


if __name__ == "__main__":
    main()
