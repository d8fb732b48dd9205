"""The executor on its own: jobs in, outcomes out, no network. Runs under gevent (unpatched)."""

from __future__ import annotations

import sys
import types
from collections.abc import Iterator
from contextvars import ContextVar
from typing import Any

import gevent
import orjson
import pytest

from mrq.context import get_current_job
from mrq.interrupts import JobCancelled, WorkerInterrupted
from mrq.task import Task
from mrq.v1 import job_pb2
from mrq.v1.worker_service_pb2 import JobOutcome, LeasedJob
from mrq_worker.executor import Executor

TASKS = "mrq_worker_unit_tasks"
_VAR: ContextVar[str | None] = ContextVar("unit_var", default=None)


class Mul(Task):
    def run(self, params: Any) -> Any:
        return params["a"] * params["b"]


def _whoami(params: Any) -> Any:
    job = get_current_job()
    assert job is not None
    return {"id": job.id, "logger": job.logger.name, "params": job.params, "queue": job.queue}


def _sleep(params: Any) -> str:
    gevent.sleep(params["s"])
    return "slept"


def _yield_once(params: Any) -> str:
    gevent.sleep(0)
    return "done"


def _set_var(params: Any) -> Any:
    seen = _VAR.get()
    _VAR.set("set by an earlier job")
    return seen


def _fail(params: Any) -> None:
    raise ValueError("boom")


@pytest.fixture(autouse=True)
def tasks_module() -> Iterator[None]:
    module = types.ModuleType(TASKS)
    module.__dict__.update(
        add=lambda p: p["a"] + p["b"],
        whoami=_whoami,
        sleep=_sleep,
        yield_once=_yield_once,
        set_var=_set_var,
        fail=_fail,
        bad=lambda p: object(),
        Mul=Mul,
    )
    sys.modules[TASKS] = module
    yield
    del sys.modules[TASKS]


def _job(job_id: str, task: str, params: Any = None, *, timeout_s: float = 0.0) -> LeasedJob:
    return LeasedJob(
        job_id=job_id,
        task=f"{TASKS}.{task}" if "." not in task else task,
        queue="q1",
        params_json=orjson.dumps(params or {}),
        timeout_s=timeout_s,
        lease_token=f"t-{job_id}",
    )


def _run(*jobs: LeasedJob, size: int = 10, after_start: Any = None) -> dict[str, JobOutcome]:
    outcomes: dict[str, JobOutcome] = {}
    executor = Executor(size=size, on_outcome=lambda o: outcomes.__setitem__(o.job_id, o))
    for job in jobs:
        executor.start(job)
    if after_start is not None:
        after_start(executor)
    assert executor.join(timeout_s=5)
    assert executor.running == {}
    return outcomes


def test_success_results_are_json() -> None:
    outcomes = _run(_job("a", "add", {"a": 1, "b": 2}), _job("m", "Mul", {"a": 3, "b": 4}))

    assert outcomes["a"].status == job_pb2.JOB_STATUS_SUCCESS
    assert orjson.loads(outcomes["a"].result_json) == 3
    assert orjson.loads(outcomes["m"].result_json) == 12
    assert outcomes["a"].lease_token == "t-a"


def test_current_job_is_set_per_greenlet() -> None:
    outcomes = _run(_job("x", "whoami", {"k": 1}), _job("y", "whoami", {"k": 2}))

    assert orjson.loads(outcomes["x"].result_json) == {
        "id": "x",
        "logger": "mrq.job.x",
        "params": {"k": 1},
        "queue": "q1",
    }
    assert orjson.loads(outcomes["y"].result_json)["params"] == {"k": 2}
    assert get_current_job() is None


@pytest.mark.parametrize(
    ("task", "exception_type"),
    [
        ("fail", "builtins.ValueError"),
        ("nothere", "mrq.errors.TaskNotFound"),
        ("no_such_module_xyz.task", "mrq.errors.TaskNotFound"),
        ("bad", "builtins.TypeError"),
    ],
)
def test_failures_are_reported_not_raised(task: str, exception_type: str) -> None:
    outcome = _run(_job("f", task))["f"]

    assert outcome.status == job_pb2.JOB_STATUS_FAILED
    assert outcome.exception_type == exception_type
    assert outcome.error


def test_timeout() -> None:
    outcome = _run(_job("t", "sleep", {"s": 5}, timeout_s=0.05))["t"]

    assert outcome.status == job_pb2.JOB_STATUS_TIMEOUT
    assert 0.04 < outcome.duration_s < 1


def test_cancel_running_and_not_yet_started_jobs() -> None:
    def cancel(executor: Executor) -> None:
        # "late" has not run yet (no switch since start): the interrupt is raised when it does.
        assert executor.kill("late", JobCancelled("cancelled"))
        gevent.sleep(0.05)
        assert executor.kill("running", JobCancelled("cancelled"))
        assert not executor.kill("unknown", JobCancelled("cancelled"))

    outcomes = _run(_job("running", "sleep", {"s": 5}), _job("late", "sleep", {"s": 5}), after_start=cancel)

    assert {o.status for o in outcomes.values()} == {job_pb2.JOB_STATUS_CANCEL}


def test_lost_jobs_are_not_reported() -> None:
    def lose(executor: Executor) -> None:
        gevent.sleep(0.01)
        executor.kill("lost", JobCancelled("lease lost"), lost=True)

    outcomes = _run(_job("lost", "sleep", {"s": 5}), _job("kept", "add", {"a": 1, "b": 1}), after_start=lose)

    assert set(outcomes) == {"kept"}


def test_kill_all_interrupts() -> None:
    def stop(executor: Executor) -> None:
        gevent.sleep(0.01)
        assert executor.kill_all(lambda: WorkerInterrupted("stopping")) == 2

    outcomes = _run(_job("a", "sleep", {"s": 5}), _job("b", "sleep", {"s": 5}), after_start=stop)

    assert {o.status for o in outcomes.values()} == {job_pb2.JOB_STATUS_INTERRUPT}


def test_an_interrupt_for_a_job_that_ended_meanwhile_never_reaches_the_next_job_on_its_slot() -> None:
    def cancel_as_it_ends(executor: Executor) -> None:
        gevent.sleep(0)  # "first" begins, and yields once
        # Delivered from the hub after "first" resumed, ended, and its slot began "next".
        assert executor.kill("first", JobCancelled("cancelled"))

    outcomes = _run(
        _job("first", "yield_once"), _job("next", "sleep", {"s": 0.05}), size=1, after_start=cancel_as_it_ends
    )

    assert {i: o.status for i, o in outcomes.items()} == {
        "first": job_pb2.JOB_STATUS_SUCCESS,
        "next": job_pb2.JOB_STATUS_SUCCESS,
    }


def test_each_job_starts_with_fresh_context_variables_though_slots_are_reused() -> None:
    outcomes = _run(_job("a", "set_var"), _job("b", "set_var"), size=1)

    assert [orjson.loads(outcomes[i].result_json) for i in "ab"] == [None, None]


def test_a_slot_outlives_a_failure_in_handing_an_outcome_over() -> None:
    handed: list[str] = []

    def on_outcome(outcome: JobOutcome) -> None:
        handed.append(outcome.job_id)
        if outcome.job_id == "a":
            raise RuntimeError("a bug in the outcome's callback")

    executor = Executor(size=1, on_outcome=on_outcome)
    executor.start(_job("a", "add", {"a": 1, "b": 1}))
    executor.start(_job("b", "add", {"a": 1, "b": 1}))

    assert executor.join(timeout_s=5)
    assert handed == ["a", "b"] and executor.free_slots() == 1 and executor.running == {}


def test_slots() -> None:
    executor = Executor(size=2, on_outcome=lambda o: None)
    executor.start(_job("a", "sleep", {"s": 0.05}))

    assert executor.free_slots() == 1
    assert executor.join(timeout_s=5)
    assert executor.free_slots() == 2
