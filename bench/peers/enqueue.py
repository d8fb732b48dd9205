"""Enqueues N jobs for one peer, from that peer's own venv, and prints how long it took.

Run by bench/peer_scenarios.py as ``.venv-bench/PEER/bin/python bench/peers/enqueue.py PEER N
[TASK]`` with BENCH_REDIS_URL set. TASK is "add" (the trivial task, the default) or "sleep"
(100 ms, for the peers that run it). Prints one JSON object:
{"version": "...", "started_at": <epoch seconds>, "enqueue_s": ...}.
"""

import importlib
import importlib.metadata
import json
import sys
import time


def main():
    peer, jobs, task = sys.argv[1], int(sys.argv[2]), sys.argv[3] if len(sys.argv) > 3 else "add"
    tasks = importlib.import_module(f"{peer}_tasks")  # imports, connections: before the clock starts
    started_at = time.time()
    started = time.perf_counter()
    tasks.enqueue(jobs, task)
    elapsed_s = time.perf_counter() - started
    print(json.dumps({"version": importlib.metadata.version(peer), "started_at": started_at, "enqueue_s": elapsed_s}))


if __name__ == "__main__":
    main()
