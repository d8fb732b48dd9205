"""Fault injection: MRQ loses no job while its processes and servers fail under it.

Jobs of ``mrq_test_tasks.record_completion`` flow through two workers and a broker of two processes on
one address (``--processes``, as ``make up`` runs it on two cores) while, one after another: a
worker is SIGKILLed (twice), a worker is SIGTERMed, the broker is SIGKILLed (in the middle of its
commits) and restarted, Redis is SIGKILLed and restarted from its append-only file, the store
fails, and the broker's connections to Redis are cut for 5 s. The store's failures: on MongoDB,
FerretDB is restarted; on SQLite, the broker is SIGKILLed in the middle of a commit, and the
disk under the store (a small tmpfs) fills up, then is freed. The scenario runs once per store.
At the end every job is ``success``, each ran at least once, and every job that ran twice is
explained by a fault. The numbers are printed and written to ``test-artifacts/faults/summary-<store>.json``.

``make test`` runs 5,000 jobs through one round of faults; ``make test-faults`` runs more jobs
and rounds (``--fault-jobs``, ``--fault-rounds``). Each test runs Redis (and MongoDB) of its own.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import pytest
from harness import BlockingJob, IsolatedStack, StackUnderTest, log_line, pid_of, scrape, value
from small_disk import MountRefused, SmallDisk, small_disk

from mrq import Client
from mrq.errors import BrokerUnavailable
from mrq.jobs import JobDict
from mrq_broker.queueing.keys import Keys
from mrq_broker.queueing.queues import COMMITTING
from mrq_broker.storage import SQLITE_FILE
from mrq_local import ManagedProcess, free_port, wait_until

pytestmark = pytest.mark.faults

WORKERS = 2
BROKER_PROCESSES = 2
GREENLETS = 5
#: Long enough for every outage injected here (the 5 s cut, a broker or Redis restart) to end
#: before a lease held through it expires: only the leases of killed workers expire.
LEASE_TTL_S = 10.0
#: Each job's work. Longer than a report's round trip, which bounds the duplicates (see below).
TASK_S = 0.03
CUT_S = 5.0
#: Deadline for the effects of one fault: a restart, jobs succeeding again.
FAULT_WAIT_S = 60.0
FINAL_WAIT_S = 180.0
#: How long before a broker or Redis fault a run may have finished and still have its outcome on
#: the way (reported every 10 ms, in a commit that the fault cuts short): generous for a loaded
#: machine.
OUTCOME_IN_FLIGHT_S = 5.0
#: SQLite's word for a write that found no room, in the broker's log of the calls it failed.
DISK_FULL = "database or disk is full"
SUMMARY_DIR = Path(__file__).resolve().parents[2] / "test-artifacts" / "faults"


@dataclass
class Fault:
    """One fault injected, and what it cost.

    Attributes:
        name: What was done.
        runs_before: Runs recorded when it was injected.
        outage_s: From injection until the component served again (a restart, the cut's end).
        recovery_s: From then until the count of successful jobs next rose.
        duplicates: Jobs that ran twice because of it.
    """

    name: str
    runs_before: int
    outage_s: float = 0.0
    recovery_s: float = 0.0
    duplicates: int = field(default=0, repr=False)  # known at the end only
    started_at: float = field(default=0.0, repr=False)  # UNIX times, to match runs to faults
    back_at: float = field(default=0.0, repr=False)
    worker_pids: list[int] = field(default_factory=list, repr=False)


@dataclass(frozen=True)
class Run:
    """One line of the runs file: a job's work done once."""

    job_id: str
    pid: int
    at: float


class FaultRun:
    """The scenario's moving parts: the stack, its current workers, and the faults to inject.

    ``disk``: where the SQLite store goes, a small disk to fill up (None: in the stack's data
    directory, and the disk is not filled).
    """

    def __init__(self, isolated: IsolatedStack, runs_path: Path, disk: SmallDisk | None = None) -> None:
        self.isolated = isolated
        self.runs_path = runs_path
        self.disk = disk
        # The broker's /metrics count the successes it committed: a cheap poll (counting them in
        # the store would read every record, each time), summed over its processes.
        self.metrics_port = free_port()
        data_dir = disk.path if disk else isolated.under_test.stack.config.data_dir
        self.store_path = data_dir / SQLITE_FILE
        isolated.under_test.restart_broker(
            extra_args=[
                "--metrics-port",
                str(self.metrics_port),
                "--processes",
                str(BROKER_PROCESSES),
                "--data-dir",
                str(data_dir),
            ]
        )
        self.workers = [self._start_worker() for _ in range(WORKERS)]

    def faults(self) -> list[tuple[str, Callable[[], list[int]]]]:
        """Each fault, as (name, inject); inject returns once the component is back, with the pids
        of the workers it killed."""
        if self.isolated.mongodb:
            store_faults = [("restart MongoDB", self.restart_mongodb)]
        else:
            store_faults = [("SIGKILL the broker mid-commit", self.crash_broker_mid_commit)]
            store_faults += [("fill the disk, free it", self.fill_disk)] if self.disk else []
        return [
            ("SIGKILL a worker", self.kill_worker),
            ("SIGKILL a worker", self.kill_worker),
            ("SIGTERM a worker", self.terminate_worker),
            ("SIGKILL the broker, restart it", self.crash_broker),
            ("SIGKILL Redis, restart it (AOF)", self.crash_redis),
            *store_faults,
            (f"cut Redis off for {CUT_S:g} s", self.cut_redis),
        ]

    def committed(self) -> float | None:
        """Successes the broker committed since it started; None while it does not answer."""
        try:
            return value(scrape(self.metrics_port), "mrq_jobs_finished_total", status="success")
        except OSError:
            return None

    def kill_worker(self) -> list[int]:
        worker = self.workers.pop(0)
        worker.kill()
        self.workers.append(self._start_worker())  # as an orchestrator would
        return [worker.pid]

    def terminate_worker(self) -> list[int]:
        worker = self.workers.pop(0)
        worker.stop(grace_s=FAULT_WAIT_S)  # SIGTERM: interrupts and hands back its jobs, then exits
        self.workers.append(self._start_worker())
        return [worker.pid]

    def crash_broker(self) -> list[int]:
        self.isolated.under_test.stack.restart_broker(crash=True)
        return []

    def crash_redis(self) -> list[int]:
        self.isolated.servers.redis.restart(FAULT_WAIT_S, crash=True)
        return []

    def restart_mongodb(self) -> list[int]:
        assert self.isolated.mongodb is not None
        self.isolated.mongodb.server.restart(FAULT_WAIT_S)
        return []

    def crash_broker_mid_commit(self) -> list[int]:
        """SIGKILLs the broker while a commit of outcomes is surely in flight. This process takes
        SQLite's write lock, so the committer's commit stops halfway: it has taken the reported
        jobs' leases in Redis (their owner becomes COMMITTING) and waits for the lock to write the
        store (up to --sqlite-busy-timeout-s). The kill lands once Redis shows such a lease on a
        job that ran, i.e. an outcome, not only a started mark, is in the commit."""
        under_test = self.isolated.under_test
        lease_owners = Keys(under_test.redis_prefix).lease_owners

        def outcome_committing() -> bool:
            committing = {
                job_id for job_id, owner in under_test.redis.hgetall(lease_owners).items() if owner == COMMITTING
            }
            return bool(committing) and any(r.job_id in committing for r in self.runs())

        lock = sqlite3.connect(self.store_path, isolation_level=None)
        try:
            lock.execute("BEGIN IMMEDIATE")
            wait_until(outcome_committing, FAULT_WAIT_S, interval_s=0.01, what="a commit of outcomes in flight")
            under_test.broker.kill()
        finally:
            lock.close()  # rolls back, releasing the lock for the restarted broker
        under_test.stack.restart_broker(crash=True)
        return []

    def fill_disk(self) -> list[int]:
        """Fills the store's disk until a call fails on it (the broker logs the cause), then frees it."""
        assert self.disk is not None
        log_path = self.isolated.under_test.broker.log_path
        failures = log_path.read_text().count(DISK_FULL)
        self.disk.fill()
        try:
            wait_until(
                lambda: log_path.read_text().count(DISK_FULL) > failures,
                FAULT_WAIT_S,
                interval_s=0.05,
                what=f"{DISK_FULL!r} in the broker's log",
            )
        finally:
            self.disk.free()
        return []

    def cut_redis(self) -> list[int]:
        self.isolated.redis_proxy.cut()
        time.sleep(CUT_S)  # the outage itself, not a wait for something to happen
        self.isolated.redis_proxy.restore()
        return []

    def run_count(self) -> int:
        """Runs recorded so far (cheaper than asking the store)."""
        with self.runs_path.open("rb") as runs:
            return sum(chunk.count(b"\n") for chunk in iter(lambda: runs.read(1 << 16), b""))

    def runs(self) -> list[Run]:
        lines = self.runs_path.read_text().splitlines()
        return [Run(job_id, int(pid), float(at)) for job_id, pid, at in (line.split() for line in lines)]

    def _start_worker(self) -> ManagedProcess:
        return self.isolated.under_test.start_worker("default", greenlets=GREENLETS)


def inject(run: FaultRun, name: str, action: Callable[[], list[int]]) -> Fault:
    """Injects one fault and measures how long MRQ took to succeed at jobs again."""
    fault = Fault(name, run.run_count(), started_at=time.time())
    began = time.monotonic()
    fault.worker_pids = action()
    back = time.monotonic()
    fault.back_at = time.time()
    fault.outage_s = back - began
    wait_until(lambda: run.committed() is not None, FAULT_WAIT_S, interval_s=0.05, what="the broker's /metrics")
    baseline = run.committed() or 0.0  # a restarted broker counts from 0 again
    wait_until(
        lambda: (run.committed() or 0.0) > baseline,
        FAULT_WAIT_S,
        interval_s=0.05,
        what=f"jobs to succeed again after: {name}",
    )
    fault.recovery_s = time.monotonic() - back
    print(fault)  # as it happens: a failure later still shows the faults before it
    return fault


def attribute(runs: list[Run], faults: list[Fault]) -> tuple[dict[str, int], list[str]]:
    """Which fault each duplicated job's extra runs come from; returns (runs per job, unexplained).

    A job runs twice only if a finished run's outcome never reached the store: it was held by a
    worker that was then killed (the run's pid is that worker's), or it was in a commit that a
    broker or Redis fault cut short (the run finished shortly before that fault).
    """
    by_job: dict[str, list[Run]] = defaultdict(list)
    for r in runs:
        by_job[r.job_id].append(r)
    unexplained = []
    for job_id, job_runs in by_job.items():
        if len(job_runs) < 2:
            continue
        first = min(job_runs, key=lambda r: r.at)
        cause = next((f for f in faults if first.pid in f.worker_pids), None) or next(
            (f for f in faults if not f.worker_pids and f.started_at - OUTCOME_IN_FLIGHT_S <= first.at <= f.back_at),
            None,
        )
        if cause is None:
            unexplained.append(job_id)
        else:
            cause.duplicates += len(job_runs) - 1
    return {job_id: len(job_runs) for job_id, job_runs in by_job.items()}, unexplained


def duplicate_bound(faults: list[Fault]) -> int:
    """The most jobs the faults can have caught with their work done but not yet recorded.

    A job's run is recorded when its work is done, and lost only if its outcome never reaches
    the store. A worker holds at most GREENLETS running jobs, plus those finished whose outcome
    awaits acknowledgement; a finished job frees its slot, but a report goes out every 10 ms and
    returns faster than a task (TASK_S), so at most one more slotful finishes meanwhile: 2 x
    GREENLETS per worker. A killed worker loses its own; a broker or Redis crash can cut short
    the commit of every worker's outcomes. The cut and a store restart lose none (the worker
    resends the report), but are counted as a broker fault to stay on the safe side.
    """
    per_worker = 2 * GREENLETS
    return sum(per_worker if f.worker_pids else WORKERS * per_worker for f in faults)


def write_summary(summary: dict[str, Any]) -> None:
    """Writes the summary to SUMMARY_DIR, and prints it as a table."""
    path = SUMMARY_DIR / f"summary-{summary['store']}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(summary, indent=2) + "\n")
    print(
        f"\nfault injection on the {summary['store']} store: {summary['jobs']} jobs, "
        f"{len(summary['faults'])} faults, "
        f"{summary['duplicates']} duplicates (bound {summary['duplicate_bound']}), {summary['total_s']:.1f} s"
    )
    print(f"{'fault':<36} {'runs before':>11} {'outage s':>9} {'recovery s':>10} {'duplicates':>10}")
    for f in summary["faults"]:
        print(
            f"{f['name']:<36} {f['runs_before']:>11} {f['outage_s']:>9.2f} {f['recovery_s']:>10.2f} "
            f"{f['duplicates']:>10}"
        )
    print(f"(also in {path})")


def run_through_faults(
    run: FaultRun,
    broker_address: str,
    jobs: int,
    rounds: int,
) -> tuple[list[Fault], list[str], list[JobDict]]:
    """Enqueues ``jobs``, injects every fault ``rounds`` times, spaced out over the run while jobs
    flow, and waits for every job to be final; returns (the faults, the job ids, the final jobs)."""
    with Client(broker_address) as client:
        ids = client.enqueue_many(
            "mrq_test_tasks.record_completion", ({"runs": str(run.runs_path), "s": TASK_S} for _ in range(jobs))
        )
        planned = run.faults() * rounds
        faults = []
        for n, (name, action) in enumerate(planned, start=1):
            threshold = jobs * n // (len(planned) + 1)
            wait_until(
                lambda t=threshold: run.run_count() >= t,
                FINAL_WAIT_S,
                interval_s=0.1,
                what=f"{threshold} jobs run before: {name}",
            )
            assert run.run_count() < jobs, f"every job ran before: {name}"
            faults.append(inject(run, name, action))
        final = client.wait(ids, timeout=FINAL_WAIT_S)
    return faults, ids, final


@pytest.mark.broker_args("--lease-ttl-s", str(LEASE_TTL_S))
def test_no_job_is_lost_through_faults(
    isolated_stack: IsolatedStack, tmp_path: Path, request: pytest.FixtureRequest, capsys: pytest.CaptureFixture[str]
) -> None:
    jobs, rounds = request.config.getoption("--fault-jobs"), request.config.getoption("--fault-rounds")
    runs_path = tmp_path / "runs"
    runs_path.touch()
    began = time.monotonic()
    with contextlib.ExitStack() as mounted:
        disk: SmallDisk | None = None
        skipped: list[str] = []
        if not isolated_stack.mongodb:
            try:
                disk = mounted.enter_context(small_disk(tmp_path / "disk"))
            except MountRefused as exc:
                skipped.append(f"fill the disk: {exc}")
                print(f"skipped: {skipped[-1]}")
        # Given two workers, and jobs enqueued; when each fault is injected in turn
        run = FaultRun(isolated_stack, runs_path, disk)
        faults, ids, final = run_through_faults(run, isolated_stack.under_test.broker_address, jobs, rounds)
        # The broker goes before its disk (the fixture would stop it only after the unmount)
        isolated_stack.under_test.broker.stop()
    runs = run.runs()
    # Then every job succeeds
    assert Counter(job["status"] for job in final) == {"success": jobs}
    # And each ran at least once, and only for jobs in flight on what failed, more than once
    per_job, unexplained = attribute(runs, faults)
    assert set(per_job) == set(ids)
    duplicates = sum(count - 1 for count in per_job.values())
    summary = {
        "store": "mongodb" if isolated_stack.mongodb else "sqlite",
        "jobs": jobs,
        "workers": WORKERS,
        "greenlets": GREENLETS,
        "lease_ttl_s": LEASE_TTL_S,
        "task_s": TASK_S,
        "skipped": skipped,
        "duplicates": duplicates,
        "duplicate_bound": duplicate_bound(faults),
        "total_s": round(time.monotonic() - began, 2),
        "faults": [
            {
                k: round(v, 2) if isinstance(v, float) else v
                for k, v in asdict(f).items()
                if k in ("name", "runs_before", "outage_s", "recovery_s", "duplicates")
            }
            for f in faults
        ],
    }
    with capsys.disabled():  # on the terminal even when the test passes
        write_summary(summary)
    assert not unexplained, f"jobs ran twice with no fault to explain it: {unexplained[:10]}"
    assert duplicates <= summary["duplicate_bound"]


@pytest.mark.broker_args("--lease-ttl-s", str(LEASE_TTL_S))
@pytest.mark.parametrize("isolated_stack", ["sqlite"], indirect=True)
def test_a_worker_consumes_again_after_redis_and_the_broker_come_back(isolated_stack: IsolatedStack) -> None:
    under_test = isolated_stack.under_test
    worker = under_test.start_worker("default", greenlets=2)

    def jobs_done_by_the_same_worker(client: Client) -> None:
        ids = client.enqueue_many("mrq_test_tasks.add", [{"a": i, "b": 1} for i in range(5)])
        done = client.wait(ids, timeout=FAULT_WAIT_S)
        assert [(job["status"], job["result"]) for job in done] == [("success", i + 1) for i in range(5)]
        assert {pid_of(job["worker_id"]) for job in done} == {worker.pid}

    with Client(under_test.broker_address) as client:
        # Given a worker that ran jobs
        jobs_done_by_the_same_worker(client)
        # When Redis crashes and comes back, then the same worker process runs new jobs
        isolated_stack.servers.redis.restart(FAULT_WAIT_S, crash=True)
        jobs_done_by_the_same_worker(client)
        # When the broker crashes and comes back, then too
        under_test.stack.restart_broker(crash=True)
        jobs_done_by_the_same_worker(client)
    # And its log says it lost the broker and found it again
    log_line(worker, "broker reachable again")


@pytest.mark.broker_args("--lease-ttl-s", "1", "--cleanup-interval-s", "1")
def test_a_job_whose_redis_entry_was_lost_runs_anyway(stack: StackUnderTest, client: Client) -> None:
    # Given a queued job whose Redis entry is gone, as after a Redis crash that lost its last
    # second of writes: its record in the store is all that is left
    job_id = client.enqueue("mrq_test_tasks.add", {"a": 2, "b": 3})
    keys = Keys(stack.redis_prefix)
    stack.redis.zrem(keys.queue("default"), job_id)
    stack.redis.hdel(keys.payloads, job_id)
    # When a worker runs, then the broker queues it again and it succeeds
    stack.start_worker("default")
    job = client.wait(job_id, timeout=FAULT_WAIT_S)
    assert (job["status"], job["result"]) == ("success", 5)


def test_a_client_wait_rides_through_a_broker_restart(stack: StackUnderTest, client: Client, tmp_path: Path) -> None:
    # Given a client waiting for a running job
    stack.start_worker("default")
    blocking = BlockingJob(tmp_path, "job", result="done")
    job_id = client.enqueue("mrq_test_tasks.block_until_file", blocking.params)
    blocking.wait_running()
    with ThreadPoolExecutor(max_workers=1) as pool:
        waiting = pool.submit(client.wait, job_id, timeout=FAULT_WAIT_S)
        # When the broker crashes and comes back, and then the job finishes
        stack.stack.restart_broker(crash=True)
        blocking.release()
        # Then the wait returns the finished job, having retried while the broker was down
        assert waiting.result()["status"] == "success"


@pytest.mark.broker_args("--mongodb-timeout-s", "1")
@pytest.mark.parametrize("isolated_stack", ["mongodb"], indirect=True)
def test_a_unique_job_refused_while_mongodb_is_down_can_be_enqueued_again(isolated_stack: IsolatedStack) -> None:
    under_test = isolated_stack.under_test
    assert isolated_stack.mongodb is not None
    with Client(under_test.broker_address) as client:
        # Given MongoDB down: an enqueue with a dedupe key fails, and nothing is recorded
        isolated_stack.mongodb.server.stop()
        with pytest.raises(BrokerUnavailable):
            client.enqueue("mrq_test_tasks.add", {"a": 1, "b": 1}, dedupe_key="nightly")
        # When MongoDB is back and the client enqueues it again, with the same key (as
        # Client.enqueue's documentation advises)
        isolated_stack.mongodb.server.start(FAULT_WAIT_S)
        job_id = client.enqueue("mrq_test_tasks.add", {"a": 1, "b": 1}, dedupe_key="nightly")
        # Then that is a job of its own, which runs (not the id of the one never recorded)
        under_test.start_worker("default")
        assert client.wait(job_id, timeout=FAULT_WAIT_S)["status"] == "success"
