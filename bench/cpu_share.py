"""Where the cores go while ``mrq-worker --processes K`` drains the raw queue: CPU seconds of
the broker (one process per core, as `make up` runs it), Redis and the worker, each with its
child processes, per job and as cores used; and the whole machine's. Not a test.

    .venv/bin/python bench/cpu_share.py --processes 1,2 --jobs 100000

With C cores and a job costing the three processes B + R + W of CPU, no number of worker
processes drains more than C / (B + R + W) jobs/s, and Redis, one thread, no more than 1 / R.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import psutil
from mrq_scenarios import RAW_BATCH, RAW_QUEUE, add_params, mrq_stack, wait_drained


def cpu_s(pid: int) -> float:
    """CPU seconds of a process and its children, 0 once gone."""
    try:
        root = psutil.Process(pid)
        processes = [root, *root.children(recursive=True)]
    except psutil.Error:
        return 0.0
    total = 0.0
    for process in processes:
        try:
            times = process.cpu_times()
        except psutil.Error:
            continue
        total += times.user + times.system
    return total


def redis_pid(port: str) -> int:
    for process in psutil.process_iter(["name", "cmdline"]):
        if process.info["name"] == "redis-server" and port in " ".join(process.info["cmdline"] or []):
            return int(process.pid)
    raise SystemExit(f"no redis-server on port {port}")


def machine_busy_s() -> float:
    times = psutil.cpu_times()
    return float(times.user + times.system + times.irq + times.softirq)


def measure(root: Path, processes: int, jobs: int, greenlets: int) -> str:
    with mrq_stack(root, f"cpu-{processes}", broker_processes=0) as (stack, client):
        params = add_params(jobs)
        for start in range(0, jobs, RAW_BATCH):
            client.queues.enqueue_raw(RAW_QUEUE, params[start : start + RAW_BATCH])
        pids = {service.name: service.pid for service in stack.services}
        pids["redis"] = redis_pid(stack.redis_url.rsplit(":", 1)[1].split("/")[0])
        before = {name: cpu_s(pid) for name, pid in pids.items()}
        busy, started = machine_busy_s(), time.perf_counter()
        worker = stack.start_worker(RAW_QUEUE, greenlets=greenlets, processes=processes)
        pids["worker"], before["worker"] = worker.pid, 0.0
        wait_drained(stack, client, RAW_QUEUE)
        elapsed_s = time.perf_counter() - started
        used = {name: cpu_s(pid) - before[name] for name, pid in pids.items()}
        busy = machine_busy_s() - busy
    cores = ", ".join(f"{name} {s / elapsed_s:.2f}" for name, s in sorted(used.items()))
    per_job = ", ".join(f"{name} {s / jobs * 1e6:.0f} µs" for name, s in sorted(used.items()))
    return (
        f"--processes {processes}: {jobs / elapsed_s:,.0f} jobs/s in {elapsed_s:.1f} s\n"
        f"  cores used: {cores}; the machine {busy / elapsed_s:.2f} of {psutil.cpu_count()}\n"
        f"  CPU per job: {per_job}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--processes", default="1,2", help="worker processes to try, comma-separated (default: 1,2)")
    parser.add_argument("--jobs", type=int, default=100_000, help="raw jobs drained per run (default: 100000)")
    parser.add_argument("--greenlets", type=int, default=200, help="greenlets per worker process (default: 200)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="mrq-cpu-") as root:
        for processes in (int(p) for p in args.processes.split(",")):
            print(measure(Path(root), processes, args.jobs, args.greenlets), flush=True)


if __name__ == "__main__":
    main()
