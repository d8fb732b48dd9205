"""The conformance scenario, run by the Python, Go and TypeScript clients alike against a real
stack: a broker that requires a token (sent over plaintext), with a batch limit of 20 and a wait
cap of 1 s so that splitting and looping show, and a worker on the "default" queue.

Each client: sets every JobOptions field of the proto (so a new option fails here until every
client has it), enqueues one job, a bulk over the batch limit and a unique job (twice, while the
queue is paused), waits past the broker's cap, cancels a running job and requeues it, follows a
job's logs, enqueues a taskset whose members carry its id, creates and deletes a schedule, and
gets its typed errors for bad input, a missing job and a bad token. The Go and TypeScript
scenarios live in their suites (clients/go/mrq/conformance_test.go,
clients/typescript/test/conformance.test.ts), which clients/test.sh runs with their unit tests.
"""

from __future__ import annotations

import os
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from harness import StackUnderTest

from mrq import Client, InvalidArgument, JobNotFound, ScheduleNotFound, Unauthenticated
from mrq.client import ClientSettings
from mrq.options import OPTION_NAMES
from mrq.security import BrokerAccess
from mrq.v1 import job_pb2
from mrq_local import wait_until

CLIENTS_TEST = Path(__file__).resolve().parents[2] / "clients" / "test.sh"
TOKEN = "conformance-token"
BROKER_ARGS = ("--max-batch-size", "20", "--max-wait-s", "1")
MISSING_JOB = "0" * 24


def _client(address: str, token: str) -> Client:
    return Client(
        settings=ClientSettings(broker_address=address, rpc_timeout_s=10.0, access=BrokerAccess(auth_token=token))
    )


def _python_scenario(address: str) -> None:
    # Every JobOptions field is an enqueue option (durations drop their "_s")
    options = {field.name.removesuffix("_s") for field in job_pb2.JobOptions.DESCRIPTOR.fields}
    assert options <= OPTION_NAMES, options

    with _client(address, TOKEN) as client:
        job = client.wait(client.enqueue("mrq_test_tasks.add", {"a": 1, "b": 2}), timeout=30)
        assert (job["status"], job["result"]) == ("success", 3)

        ids = client.enqueue_many("mrq_test_tasks.add", [{"a": i, "b": 1} for i in range(45)])
        assert [job["result"] for job in client.wait(ids, timeout=30)] == [i + 1 for i in range(45)]

        assert "default" in client.queues.pause("default")
        first = client.enqueue("mrq_test_tasks.add", {"a": 5, "b": 5}, unique=True)
        assert client.enqueue("mrq_test_tasks.add", {"a": 5, "b": 5}, unique=True) == first
        assert [q["paused"] for q in client.queues.list("default") if q["name"] == "default"] == [True]
        client.queues.resume("default")

        sleeper = client.enqueue("mrq_test_tasks.sleep", {"s": 1.5})
        assert [j["status"] for j in client.wait([first, sleeper], timeout=20)] == ["success", "success"]

        running = client.enqueue("mrq_test_tasks.sleep", {"s": 60})
        wait_until(lambda: client.get_job(running)["status"] == "started", timeout_s=30)
        assert client.cancel(running).changed == 1
        wait_until(lambda: client.get_job(running)["status"] == "cancel", timeout_s=30)
        assert client.requeue(running).changed == 1
        client.cancel(running)
        assert client.delete(job_id_prefix=running, params_key="s", params_value=60).changed == 1
        with pytest.raises(JobNotFound):
            client.get_job(running)

        logged = client.enqueue("mrq_test_tasks.log_lines", {"lines": ["first line", "second line"]})
        lines = list(client.follow_logs(logged))
        assert len(lines) == 2 and lines[0].endswith("first line") and lines[1].endswith("second line"), lines

        taskset_id, member_ids = client.enqueue_taskset("mrq_test_tasks.add", [{"a": 1, "b": 1}, {"a": 2, "b": 2}])
        members = client.wait(member_ids, timeout=30)
        assert [(m["taskset_id"], m["result"]) for m in members] == [(taskset_id, 2), (taskset_id, 4)]
        assert client.get_taskset(taskset_id)["final"] == 2

        schedule = client.schedules.create({"path": "mrq_test_tasks.add", "params": {"a": 1, "b": 1}, "interval": 3600})
        client.schedules.delete(schedule["id"])
        with pytest.raises(ScheduleNotFound):
            client.schedules.get(schedule["id"])

        with pytest.raises(InvalidArgument) as invalid:
            client.enqueue("", {})
        assert invalid.value.field == "task"
        with pytest.raises(JobNotFound):
            client.get_job(MISSING_JOB)
    with _client(address, "wrong-token") as refused, pytest.raises(Unauthenticated):
        refused.get_job(MISSING_JOB)


def _run_suite(language: str) -> Callable[[str], None]:
    def run(address: str) -> None:
        env = {**os.environ, "MRQ_TEST_BROKER_ADDRESS": address, "MRQ_TEST_QUEUE": "default", "MRQ_TEST_TOKEN": TOKEN}
        started = time.monotonic()
        result = subprocess.run(
            [str(CLIENTS_TEST), language], env=env, capture_output=True, text=True, timeout=600, check=False
        )
        output = result.stdout + result.stderr
        assert result.returncode == 0, output[-6000:]
        assert "integration tests use the broker" in output, output[-2000:]
        print(f"{language} suite: {time.monotonic() - started:.1f}s")

    return run


SCENARIOS: dict[str, Callable[[str], None]] = {
    "python": _python_scenario,
    "go": _run_suite("go"),
    "typescript": _run_suite("typescript"),
}


@pytest.mark.parametrize("language", SCENARIOS)
def test_conformance_scenario(make_stack: Callable[..., StackUnderTest], language: str) -> None:
    # Given a broker that requires a token, and a worker that has it
    stack = make_stack(broker_args=BROKER_ARGS, access=BrokerAccess(auth_token=TOKEN))
    stack.start_worker("default")
    # When the client runs the scenario, then every step holds
    SCENARIOS[language](stack.broker_address)
