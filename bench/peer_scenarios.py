"""The peers' side of the benchmark: Dramatiq, arq, Celery and RQ, each from a venv of its own.

``make bench`` installs each peer, pinned by ``bench/peers/requirements/PEER.txt``, into
``.venv-bench/PEER`` (they cannot share one: arq needs redis-py < 6, Celery's kombu >= 6.4).
For each peer and scenario: a fresh Redis (the same ``redis-server`` binary and settings as
MRQ's), N trivial jobs ``add(x) -> x + 1`` enqueued first by ``bench/peers/enqueue.py`` in the
peer's venv, then one worker process started in its fastest honest configuration, timed until
the peer's own Redis structures say every job is done (polled, with a deadline).
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import redis
from memory import PeakRss
from results import Result
from settings import Options

from mrq_local import ManagedProcess, RedisServer, wait_until

BENCH_DIR = Path(__file__).resolve().parent
PEERS_DIR = BENCH_DIR / "peers"
VENVS_DIR = BENCH_DIR.parent / ".venv-bench"
WAIT_TIMEOUT_S = 600.0
POLL_S = 0.02
EXISTS_BATCH = 10_000

DoneProbe = Callable[[redis.Redis, int], int]


def _dramatiq_done(store: redis.Redis, jobs: int) -> int:
    # A message stays in the queue's .msgs hash until acked; failures move to the .XQ one.
    return jobs - int(store.hlen("dramatiq:default.msgs"))


def _arq_done(store: redis.Redis, jobs: int) -> int:
    # A job stays in the queue's sorted set until it finished and its result is stored.
    return jobs - int(store.zcard("arq:queue"))


def _celery_done(store: redis.Redis, jobs: int) -> int:
    # Results are stored under celery-task-meta-ID; the ids were set by the enqueuer (t0, t1...).
    if store.llen("celery"):
        return 0
    return _count_existing(store, [f"celery-task-meta-t{i}" for i in range(jobs)])


def _rq_done(store: redis.Redis, jobs: int) -> int:
    return int(store.zcard("rq:finished:default"))


def _count_existing(store: redis.Redis, keys: Sequence[str]) -> int:
    return sum(int(store.exists(*keys[start : start + EXISTS_BATCH])) for start in range(0, len(keys), EXISTS_BATCH))


@dataclass(frozen=True)
class Peer:
    """One peer configuration: how its worker runs and how to tell its jobs are done."""

    name: str
    venv: str
    label: str
    config: str
    worker: Callable[[Path, str, int], list[str]]  # (venv bin, Redis URL, concurrency) -> argv
    done: DoneProbe
    concurrency: int = 1  # threads, greenlets or coroutines of its one worker process, for trivial jobs
    io: str = ""  # its configuration for scenario 4 (IO-bound, concurrency = --io-greenlets); "" = none
    failed_key: str = ""  # a Redis key whose size counts failed jobs (hash, list or sorted set)
    enqueue: str = ""  # how bench/peers/PEER_tasks.py enqueues; "" = no row of its own in scenario 1
    note: str = ""


PEERS = {
    peer.name: peer
    for peer in [
        Peer(
            "dramatiq",
            "dramatiq",
            "Dramatiq",
            "1 process x 8 threads (dramatiq -p 1 -t 8)",
            lambda bin_, _, threads: [str(bin_ / "dramatiq"), "-p", "1", "-t", str(threads), "dramatiq_tasks"],
            _dramatiq_done,
            concurrency=8,
            io="1 process, a thread per concurrent job (dramatiq -t)",
            failed_key="dramatiq:default.XQ.msgs",
            enqueue="actor.send, one call per job",
            note="no result stored (no Results middleware)",
        ),
        Peer(
            "arq",
            "arq",
            "arq",
            "1 process, asyncio, poll_delay=0.01, max_jobs=50",
            lambda bin_, _, __: [str(bin_ / "arq"), "arq_tasks.WorkerSettings"],
            _arq_done,
            concurrency=50,
            io="1 process, asyncio.sleep, max_jobs = concurrency",
            enqueue="enqueue_job, 200 calls in flight (asyncio.gather)",
            note="results kept",
        ),
        Peer(
            "celery",
            "celery",
            "Celery",
            "prefork -c 1, -O fair, prefetch x100, no gossip/mingle/heartbeat",
            lambda bin_, _, __: [
                str(bin_ / "celery"),
                "-A",
                "celery_tasks",
                "worker",
                "-P",
                "prefork",
                "-c",
                "1",
                "-O",
                "fair",
                "--without-gossip",
                "--without-mingle",
                "--without-heartbeat",
                "-l",
                "WARNING",
            ],
            _celery_done,
            enqueue="apply_async, one call per job",
            note="results in Redis",
        ),
        Peer(
            "rq",
            "rq",
            "RQ",
            "SimpleWorker --burst, enqueue_many",
            lambda bin_, url, _: [str(bin_ / "rq"), "worker", "-w", "rq.worker.SimpleWorker", "--burst", "-u", url],
            _rq_done,
            failed_key="rq:failed:default",
            enqueue="Queue.enqueue_many, 10,000 per call",
            note="results kept",
        ),
        Peer(
            "rq-fork",
            "rq",
            "RQ",
            "default forking worker --burst",
            lambda bin_, url, _: [str(bin_ / "rq"), "worker", "--burst", "-u", url],
            _rq_done,
            failed_key="rq:failed:default",
            note="one fork per job: smaller N",
        ),
    ]
}


def run_peer(root: Path, peer: Peer, options: Options) -> list[Result]:
    """The peer's rows for the chosen scenarios among 1 (enqueue), 2 (end to end), 4 (IO-bound) and
    7 (busy RSS)."""
    results = []
    if 1 in options.scenarios and peer.enqueue:
        with _fresh_redis(root / f"{peer.name}-enqueue") as url:
            version, _, enqueue_s = _enqueue(peer, url, options.enqueue_jobs)
        results.append(
            Result(
                scenario=1,
                system=f"{peer.label} {version}",
                config=peer.enqueue,
                jobs=options.enqueue_jobs,
                metric="jobs/s",
                value=options.enqueue_jobs / enqueue_s,
            )
        )
    if {2, 7} & set(options.scenarios):
        jobs = options.rq_fork_jobs if peer.name == "rq-fork" else options.jobs
        with _fresh_redis(root / f"{peer.name}-process") as url:
            version, _, _ = _enqueue(peer, url, jobs)
            rate, peak_mb = _process(root, peer, url, jobs)
        system = f"{peer.label} {version}"
        if 2 in options.scenarios:
            results.append(
                Result(
                    scenario=2,
                    system=system,
                    config=peer.config,
                    jobs=jobs,
                    metric="jobs/s",
                    value=rate,
                    note=f"incl. worker start-up; {peer.note}",
                )
            )
        if 7 in options.scenarios:
            results.append(
                Result(
                    scenario=7,
                    system=system,
                    config=f"{peer.config}, peak while busy",
                    jobs=jobs,
                    metric="MB",
                    value=peak_mb,
                    higher_is_better=False,
                    note="VmRSS of the worker's process group",
                )
            )
    if 4 in options.scenarios and peer.io:
        results.append(_io_bound(root, peer, options))
    return results


def _io_bound(root: Path, peer: Peer, options: Options) -> Result:
    """(4) On an idle, warmed-up worker: from the start of the enqueue of N 100 ms jobs until all
    are done, against the ideal N x 100 ms / concurrency (the same measure as MRQ's note)."""
    with _fresh_redis(root / f"{peer.name}-io") as url:
        worker = _worker(root / f"{peer.name}-io", peer, url, options.io_greenlets)
        try:
            worker.start()
            store = redis.Redis.from_url(url)
            _enqueue(peer, url, 1)
            wait_until(lambda: peer.done(store, 1) >= 1, WAIT_TIMEOUT_S, interval_s=POLL_S, what="a warm-up job")
            version, started_at, _ = _enqueue(peer, url, options.io_jobs, task="sleep")
            wait_until(
                lambda: peer.done(store, options.io_jobs) >= options.io_jobs,
                WAIT_TIMEOUT_S,
                interval_s=POLL_S,
                what=f"{options.io_jobs} sleeping {peer.name} jobs done",
            )
            elapsed_s = time.time() - started_at
        finally:
            worker.stop()
    ideal_s = options.io_jobs * 0.1 / options.io_greenlets
    return Result(
        scenario=4,
        system=f"{peer.label} {version}",
        config=f"{peer.io}, concurrency {options.io_greenlets}",
        jobs=options.io_jobs,
        metric="% of ideal",
        value=100 * ideal_s / elapsed_s,
        note=f"enqueue start to last end {elapsed_s:.2f} s (ideal {ideal_s:.1f} s)",
    )


def _bin(peer: Peer) -> Path:
    return VENVS_DIR / peer.venv / "bin"


def _env(url: str) -> dict[str, str]:
    return {"BENCH_REDIS_URL": url, "PYTHONPATH": str(PEERS_DIR)}


def _worker(data_dir: Path, peer: Peer, url: str, concurrency: int) -> ManagedProcess:
    """The peer's worker process (not started), logging to ``data_dir/logs/worker.log``."""
    env = {**_env(url), "BENCH_CONCURRENCY": str(concurrency), "PATH": f"{_bin(peer)}:{os.environ.get('PATH', '')}"}
    return ManagedProcess(
        f"{peer.name}-worker",
        peer.worker(_bin(peer), url, concurrency),
        log_path=data_dir / "logs" / "worker.log",
        env=env,
        cwd=PEERS_DIR,
    )


@contextlib.contextmanager
def _fresh_redis(data_dir: Path) -> Iterator[str]:
    """A Redis of its own for one measurement, stopped afterwards; yields its URL."""
    server = RedisServer(data_dir / "redis", data_dir / "logs" / "redis.log")
    try:
        server.start()
        yield server.url
    finally:
        server.stop()


def _enqueue(peer: Peer, url: str, jobs: int, task: str = "add") -> tuple[str, float, float]:
    """Runs the peer's enqueuer in its venv; returns the peer's version, when the enqueue started
    (epoch seconds) and how many seconds it took."""
    done = subprocess.run(
        [str(_bin(peer) / "python"), str(PEERS_DIR / "enqueue.py"), peer.venv, str(jobs), task],
        env={**os.environ, **_env(url)},
        cwd=PEERS_DIR,
        capture_output=True,
        text=True,
        timeout=WAIT_TIMEOUT_S,
        check=False,
    )
    if done.returncode:
        raise SystemExit(f"{peer.name}: enqueue failed (exit {done.returncode}):\n{done.stderr[-3000:]}")
    reply = json.loads(done.stdout.splitlines()[-1])
    return reply["version"], float(reply["started_at"]), float(reply["enqueue_s"])


def _process(root: Path, peer: Peer, url: str, jobs: int) -> tuple[float, float]:
    """Starts the peer's worker on ``jobs`` queued jobs; returns jobs/s and its peak RSS in MiB."""
    store = redis.Redis.from_url(url)
    worker = _worker(root / f"{peer.name}-process", peer, url, peer.concurrency)
    try:
        started = time.perf_counter()
        worker.start()
        with PeakRss(worker.pid) as rss:
            wait_until(
                lambda: peer.done(store, jobs) >= jobs,
                WAIT_TIMEOUT_S,
                interval_s=POLL_S,
                what=f"{jobs} {peer.name} jobs done (worker log: {worker.log_path})",
            )
        elapsed_s = time.perf_counter() - started
    finally:
        worker.stop()
    failed = _size(store, peer.failed_key) if peer.failed_key else 0
    if failed:
        raise SystemExit(f"{peer.name}: {failed} jobs failed; see {worker.log_path}")
    return jobs / elapsed_s, rss.peak_mb


def _size(store: redis.Redis, key: str) -> int:
    kind = store.type(key).decode()
    sizes = {"hash": store.hlen, "list": store.llen, "zset": store.zcard, "none": lambda _: 0}
    return int(sizes[kind](key))
