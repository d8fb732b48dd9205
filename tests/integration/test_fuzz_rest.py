"""Property-based fuzzing of the dashboard's HTTP API with schemathesis, from its /openapi.json.

A real mrq-dashboard over real HTTP, on a real broker, with jobs seeded before: every
operation gets requests generated from the schema, valid and not. No answer is a 5xx, and
every answer matches the schema (status code, content type, body). Destructive operations
(cancel or requeue by filter, empty a queue, delete a schedule) run too, so afterwards the
seeded jobs must only still be readable, with their task and params, whatever their status.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import schemathesis
from harness import StackUnderTest
from hypothesis import HealthCheck, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from mrq import Client
from mrq_local import Dashboard

#: The dashboard's CSRF guard on actions (see docs/dashboard.md).
ACTION_HEADERS = {"X-Requested-With": "mrq-dashboard"}
#: Examples per operation; FUZZ_EXAMPLES=500 runs a longer search with a random seed.
EXAMPLES_PER_OPERATION = int(os.environ.get("FUZZ_EXAMPLES", "25"))
DERANDOMIZE = "FUZZ_EXAMPLES" not in os.environ
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
SEEDED = [{"a": n, "b": 1} for n in range(5)]


@pytest.fixture(scope="module")
def seeded(module_stack: StackUnderTest) -> Iterator[dict[str, Any]]:
    """Jobs of the module, by id: queued, and run to success and failure by a worker."""
    with Client(module_stack.broker_address) as client:
        ids = client.enqueue_many("mrq_test_tasks.add", SEEDED, queue="rest/idle")
        done = client.enqueue_many("mrq_test_tasks.add", SEEDED, queue="rest/run")
        failed = client.enqueue_many("mrq_test_tasks.fail", [{"n": 1}], queue="rest/run")
        module_stack.start_worker("rest/run", greenlets=2)
        client.wait([*done, *failed], timeout=60)
        yield {job_id: params for job_id, params in zip([*ids, *done], SEEDED * 2, strict=True)}


@pytest.fixture(scope="module")
def dashboard(module_stack: StackUnderTest, seeded: dict[str, Any]) -> Dashboard:
    return module_stack.stack.start_dashboard()


@pytest.fixture(scope="module")
def api_schema(dashboard: Dashboard) -> Any:
    return schemathesis.openapi.from_url(f"{dashboard.url}/openapi.json")


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(
    max_examples=EXAMPLES_PER_OPERATION,
    deadline=None,
    derandomize=DERANDOMIZE,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_every_operation_answers_within_its_schema(case: Any, dashboard: Dashboard) -> None:
    case.call_and_validate(base_url=dashboard.url, headers=ACTION_HEADERS, checks=CHECKS, timeout=30)


def test_seeded_jobs_survive_the_fuzzing(module_stack: StackUnderTest, seeded: dict[str, Any]) -> None:
    # Runs after the fuzzing (same module): the jobs may be cancelled or requeued, never corrupted.
    with Client(module_stack.broker_address) as client:
        for job_id, params in seeded.items():
            job = client.get_job(job_id)
            assert (job["task"], job["params"]) == ("mrq_test_tasks.add", params), job_id
        # And every job record, whatever the fuzzing did to it, still reads back through the broker
        for listed in module_stack.list_jobs():
            assert client.get_job(listed["id"])["status"]


@pytest.mark.parametrize("path", ["logs", "logs/follow"])
def test_a_log_offset_past_int64_is_refused_not_a_500(dashboard: Dashboard, seeded: dict[str, Any], path: str) -> None:
    # Found by the fuzzer: the offset overflowed the broker's int64 cursor, a 500.
    job_id = next(iter(seeded))
    with httpx.Client(base_url=dashboard.url, timeout=30) as http:
        reply = http.get(f"/api/jobs/{job_id}/{path}", params={"offset": 2**70})
    assert reply.status_code == 422
    assert reply.json()["field"] == "offset"
