"""Tasks the integration tests enqueue, as ``mrq_test_tasks.<name>``.

Workers import this module because the test fixtures put tests/integration on their PYTHONPATH.
Each task takes the job's params, as every MRQ task does: a function, or a ``Task`` subclass.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

from mrq import Task, get_current_job, retry_current_job


def add(params: dict[str, Any]) -> Any:
    """Returns ``params["a"] + params["b"]``."""
    return params["a"] + params["b"]


def fail(params: Any) -> None:
    """Always raises ValueError, with the params in its message."""
    raise ValueError(f"fail was asked to fail: {params!r}")


def log_lines(params: dict[str, Any]) -> int:
    """Logs each of ``params["lines"]`` through the job's logger (or, with ``params["logger"]``,
    through ``logging.getLogger`` of that name, as a library would), and prints
    ``params["print"]`` if given. After line i it waits for the file ``<params["gate"]>.<i>``
    (if ``gate`` is given) before going on, so a test sees the lines arrive one by one. Gives up
    with TimeoutError after 60 s. Returns how many lines it logged."""
    import logging
    from pathlib import Path

    from mrq import get_logger

    log = logging.getLogger(params["logger"]) if "logger" in params else get_logger()
    if params.get("print"):
        print(params["print"])
    for n, line in enumerate(params["lines"]):
        log.info("%s", line)
        if "gate" in params and n < len(params["lines"]) - 1:
            gate = Path(f"{params['gate']}.{n}")
            deadline = time.monotonic() + 60.0
            while not gate.exists():
                if time.monotonic() > deadline:
                    raise TimeoutError(f"{gate} did not appear")
                time.sleep(0.02)
    return len(params["lines"])


def sleep(params: dict[str, Any]) -> float:
    """Sleeps ``params["s"]`` seconds, yielding to other greenlets (the worker patches time.sleep),
    and returns the duration."""
    time.sleep(params["s"])
    return float(params["s"])


def burn_cpu(params: dict[str, Any]) -> int:
    """Keeps the CPU busy without yielding for ``params["s"]`` seconds of wall time, or, with
    ``params["cpu_s"]``, until the thread has used that much CPU time (whatever else the machine
    runs); returns the loop count.

    For tests of what must keep working while a task hogs its process (heartbeats, timeouts).
    """
    loops = 0
    if "cpu_s" in params:
        cpu_deadline = time.thread_time() + params["cpu_s"]
        while time.thread_time() < cpu_deadline:
            loops += 1
        return loops
    deadline = time.monotonic() + params["s"]
    while time.monotonic() < deadline:
        loops += 1
    return loops


def echo(params: Any) -> Any:
    """Returns the params unchanged."""
    return params


class Multiply(Task):
    """A class-based task: returns ``params["a"] * params["b"]``.

    It also counts its own calls, which must always be 1: every job gets a fresh instance.
    """

    def __init__(self) -> None:
        self.calls = 0

    def run(self, params: dict[str, Any]) -> dict[str, int]:
        self.calls += 1
        return {"product": params["a"] * params["b"], "calls": self.calls}


def block_until_file(params: dict[str, Any]) -> Any:
    """Records this run, then waits until the file ``params["marker"]`` exists; returns
    ``params["result"]``.

    Each run appends the job's id as one line to ``params["runs"]``: a test counts deliveries
    by counting lines, and knows the job is running once its line is there. The wait yields to
    other greenlets (the worker patches time.sleep), so the job can be interrupted. Past
    ``params["max_wait_s"]`` (default 60) it gives up with TimeoutError, so a test that forgot
    the marker fails instead of hanging.
    """
    job = get_current_job()
    with open(params["runs"], "a", encoding="utf-8") as runs:
        runs.write(f"{job.id if job else '?'}\n")
    marker = Path(params["marker"])
    deadline = time.monotonic() + params.get("max_wait_s", 60.0)
    while not marker.exists():
        if time.monotonic() > deadline:
            raise TimeoutError(f"{marker} did not appear")
        time.sleep(0.02)
    return params.get("result")


def unserialisable(params: Any) -> set[int]:
    """Returns a set, which JSON can't represent."""
    return {1, 2}


def record_run(params: dict[str, Any]) -> Any:
    """Appends the job's id as one line to the file ``params["runs"]`` and returns
    ``params["result"]``: a test counts each job's deliveries by counting its lines."""
    job = get_current_job()
    with open(params["runs"], "a", encoding="utf-8") as runs:
        runs.write(f"{job.id if job else '?'}\n")
    return params.get("result")


def fail_until_file(params: dict[str, Any]) -> Any:
    """Raises ValueError until the file ``params["marker"]`` exists, then returns
    ``params["result"]``: a job that fails, then succeeds once requeued."""
    try:
        open(params["marker"], encoding="utf-8").close()
    except FileNotFoundError:
        raise ValueError(f"{params['marker']} does not exist yet") from None
    return params.get("result")


def swallow_errors(params: dict[str, Any]) -> str:
    """Sleeps ``params["s"]`` seconds inside ``except Exception``, as careless task code does."""
    try:
        time.sleep(params["s"])
    except Exception:  # noqa: BLE001 - the point: a timeout must get through anyway
        return "swallowed"
    return "slept"


def exit_process(params: Any) -> None:
    """Calls sys.exit, as a script turned into a task might."""
    sys.exit(3)


def fan_out_sleeping(params: dict[str, Any]) -> Any:
    """Sleeps in ``params["n"]`` sub-greenlets (subpool_map); each one that is killed appends a
    line to ``params["killed_log"]`` as it dies."""
    from mrq import subpool_map

    def sleep_forever(i: int) -> int:
        try:
            time.sleep(3600)
        finally:
            with open(params["killed_log"], "a") as log:
                log.write(f"{i}\n")
        return i

    return subpool_map(params["n"], sleep_forever, range(params["n"]))


def spin(params: Any) -> None:
    """Loops forever without ever yielding: only recycling the worker process stops it."""
    while True:
        pass


def flaky(params: dict[str, Any]) -> None:
    """Appends the job's id as one line to ``params["runs"]``, then raises ConnectionError: a task
    whose TASKS entry retries on it."""
    job = get_current_job()
    with open(params["runs"], "a", encoding="utf-8") as runs:
        runs.write(f"{job.id if job else '?'}\n")
    raise ConnectionError(f"flaky attempt {job.retry_count if job else '?'}")


def move_to_queue(params: dict[str, Any]) -> str:
    """Retries itself on the queue ``params["queue"]`` at once, unless it runs there already;
    returns the queue it finished on."""
    job = get_current_job()
    assert job is not None
    if job.queue != params["queue"]:
        retry_current_job(queue=params["queue"], delay=0)
    return job.queue


def retry_after_error(params: Any) -> int:
    """On its first run, retries itself from inside ``except KeyError``; returns the retry count."""
    job = get_current_job()
    assert job is not None
    if job.retry_count == 0:
        try:
            {}["missing key"]  # raises KeyError, as a lookup in task code would
        except KeyError:
            retry_current_job(delay=0)
    return job.retry_count


def log_until_stopped(params: dict[str, Any]) -> None:
    """Logs "working", waits until it is stopped (cancelled, interrupted; 60 s at most), and
    logs "stopped by <the interrupt>" on its way out: a last line logged after the cancel."""
    from mrq import get_logger

    log = get_logger()
    log.info("working")
    try:
        time.sleep(60)
    finally:
        log.info("stopped by %s", type(sys.exc_info()[1]).__name__)


def progress_then_block(params: dict[str, Any]) -> str:
    """Reports ``params["progress"]``, then waits until the file ``params["marker"]`` exists."""
    from mrq import set_current_job_progress

    set_current_job_progress(params["progress"])
    while not Path(params["marker"]).exists():
        time.sleep(0.05)
    return "done"


def enqueue_and_wait_child(params: dict[str, Any]) -> Any:
    """Enqueues ``mrq_test_tasks.add`` through the client, waits for it, and returns its result."""
    from mrq import Client

    with Client(params["broker"]) as client:
        child = client.enqueue("mrq_test_tasks.add", {"a": params["a"], "b": 1})
        return client.wait(child, timeout=20)["result"]


def abort_after_error(params: Any) -> None:
    """Aborts itself from inside ``except ValueError``."""
    from mrq import abort_current_job

    try:
        int("not a number")
    except ValueError:
        abort_current_job()


#: What mrq_test_tasks.leak_memory keeps alive: a module-level leak, as tests of --trace-memory need.
LEAKED: list[Any] = []


def leak_memory(params: dict[str, Any]) -> int:
    """Appends ``params["n"]`` distinct strings to a module-level list that is never emptied."""
    LEAKED.append([f"leaked-{i}" for i in range(params["n"])])
    return len(LEAKED)


def sleep_briefly(params: dict[str, Any]) -> int:
    """Yields to the hub ``params["times"]`` times; returns how many."""
    for _ in range(params["times"]):
        time.sleep(0.001)
    return int(params["times"])


def gated_value(params: dict[str, Any]) -> Any:
    """Waits for the file ``params["gate"]`` (if given; gives up after 60 s), then raises
    ValueError if ``params["fail"]`` is true, else returns ``params["value"]``."""
    if params.get("gate"):
        gate, deadline = Path(params["gate"]), time.monotonic() + 60.0
        while not gate.exists():
            if time.monotonic() > deadline:
                raise TimeoutError(f"{gate} did not appear")
            time.sleep(0.02)
    if params.get("fail"):
        raise ValueError(f"gated_value was asked to fail: {params['value']!r}")
    return params["value"]


def record_params(params: dict[str, Any]) -> int:
    """Appends the job's params as one JSON line to the file ``params["path"]``; returns how many
    results they hold (a taskset callback's params)."""
    import json

    with open(params["path"], "a", encoding="utf-8") as out:
        out.write(json.dumps(params) + "\n")
    return len(params.get("results", []))


def record_interval(params: dict[str, Any]) -> float:
    """Holds for ``params["hold_s"]`` (default 0), then appends "<start> <end>" (UNIX times) as one
    line to the file ``params["path"]``: a test reads which runs overlapped, and when each began."""
    start = time.time()
    time.sleep(params.get("hold_s", 0.0))
    end = time.time()
    with open(params["path"], "a", encoding="utf-8") as out:
        out.write(f"{start} {end}\n")
    return end - start


def check_ratelimit(params: dict[str, Any]) -> int:
    """Calls ``mrq.ratelimit`` with the params' key, limit and per; returns its answer."""
    from mrq import ratelimit

    return ratelimit(params["key"], params["limit"], params["per"])


def record_completion(params: dict[str, Any]) -> None:
    """Sleeps ``params["s"]`` seconds, then appends "<job id> <pid> <UNIX time>" as one line to the
    file ``params["runs"]``: a run counts once its work is done, as a task's side effect would.

    One ``write`` on a file opened with O_APPEND: lines from concurrent processes never interleave,
    and they survive any crash of Redis, MongoDB, the broker or the worker after the call.
    """
    import os

    time.sleep(params["s"])
    job = get_current_job()
    line = f"{job.id if job else '?'} {os.getpid()} {time.time():.3f}\n".encode()
    fd = os.open(params["runs"], os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        os.write(fd, line)
    finally:
        os.close(fd)


def swallow_timeout(params: dict[str, Any]) -> str:
    """Sleeps ``params["s"]`` seconds inside ``except BaseException``, so it catches its own
    timeout, then returns; with ``params["loop"]``, catches it and sleeps again, forever."""
    while True:
        try:
            time.sleep(params["s"])
        except BaseException:  # noqa: BLE001 - the point: the timeout must hold anyway
            if not params.get("loop"):
                return "late"


def log_block_then_fail(params: dict[str, Any]) -> None:
    """Logs each of ``params["lines"]``, waits as ``block_until_file`` does (for the file
    ``params["marker"]``, its run recorded in ``params["runs"]``), then raises ValueError with the
    lines in its message: text, such as markup, that a page must show and never run."""
    from mrq import get_logger

    log = get_logger()
    for line in params["lines"]:
        log.info("%s", line)
    block_until_file(params)
    raise ValueError(" | ".join(params["lines"]))
