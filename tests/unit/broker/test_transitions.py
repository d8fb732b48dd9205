"""The status rules: what each reported outcome does to a job (transitions.plan), and which jobs
each user action applies to (actions.APPLIES_TO)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from job_factory import NOW, job, settings

from mrq.statuses import FINAL, NAME_BY_VALUE, status_value
from mrq.v1 import job_pb2, job_service_pb2
from mrq.v1.worker_service_pb2 import JobOutcome
from mrq_broker.jobs.actions import APPLIES_TO
from mrq_broker.jobs.transitions import TRANSITIONS, plan, requeued_record, ttl_s

S = job_pb2
FINAL_OUTCOMES = {
    S.JOB_STATUS_SUCCESS: "success",
    S.JOB_STATUS_FAILED: "failed",
    S.JOB_STATUS_TIMEOUT: "timeout",
    S.JOB_STATUS_ABORT: "abort",
    S.JOB_STATUS_CANCEL: "cancel",
    S.JOB_STATUS_MAXCONCURRENCY: "maxconcurrency",
}
# The statuses only the broker sets: a worker reporting one is refused (INVALID_ARGUMENT).
NOT_REPORTABLE = {
    S.JOB_STATUS_UNSPECIFIED,
    S.JOB_STATUS_QUEUED,
    S.JOB_STATUS_STARTED,
    S.JOB_STATUS_MAXRETRIES,
    S.JOB_STATUS_DELAYED,
}


def outcome(status: int, **fields: object) -> JobOutcome:
    return JobOutcome(job_id=job().id, status=status, **fields)  # type: ignore[arg-type]


def test_every_status_is_either_reportable_or_refused() -> None:
    reportable = set(FINAL_OUTCOMES) | {S.JOB_STATUS_INTERRUPT, S.JOB_STATUS_RETRY}
    assert set(TRANSITIONS) == reportable
    assert reportable | NOT_REPORTABLE == set(job_pb2.JobStatus.values())


@pytest.mark.parametrize("status", FINAL_OUTCOMES)
def test_a_final_outcome_ends_the_job_and_sets_its_expiry(status: int) -> None:
    record = job(status="started")
    change = plan(outcome(status, duration_s=1.5), "w1", record, settings(), NOW, result_ttl_s=60.0).change
    name = FINAL_OUTCOMES[status]
    assert name in FINAL
    assert change.set["status"] == name
    assert change.set["date_finished"] == NOW
    assert change.set["date_expires"] > NOW
    assert change.set["duration_s"] == 1.5
    assert change.increment == {}


@pytest.mark.parametrize("status", [S.JOB_STATUS_FAILED, S.JOB_STATUS_TIMEOUT, S.JOB_STATUS_ABORT])
def test_a_failure_keeps_its_error_and_a_history_entry(status: int) -> None:
    reported = outcome(status, exception_type="ValueError", error="bad", traceback="Traceback...")
    change = plan(reported, "w1", job(status="started"), settings(), NOW).change
    assert (change.set["exception_type"], change.set["error"], change.set["traceback"]) == (
        "ValueError",
        "bad",
        "Traceback...",
    )
    assert change.history is not None
    assert (change.history.status, change.history.worker_id, change.history.date) == (NAME_BY_VALUE[status], "w1", NOW)


def test_a_success_stores_its_result_full_progress_and_no_history() -> None:
    change = plan(outcome(S.JOB_STATUS_SUCCESS, result_json=b"[1,2]"), "w1", None, settings(), NOW).change
    assert (change.set["result_json"], change.set["progress"], change.history) == ("[1,2]", 1.0, None)
    no_result = plan(outcome(S.JOB_STATUS_SUCCESS), "w1", None, settings(), NOW).change
    assert no_result.set["result_json"] == "null"


def test_a_success_is_kept_for_its_result_ttl_else_the_default() -> None:
    own = plan(outcome(S.JOB_STATUS_SUCCESS), "w", None, settings(), NOW, result_ttl_s=60.0).change
    assert own.set["date_expires"] == NOW + timedelta(seconds=60)
    default = plan(outcome(S.JOB_STATUS_SUCCESS), "w", None, settings(default_result_ttl_s=30.0), NOW).change
    assert default.set["date_expires"] == NOW + timedelta(seconds=30)


def test_other_final_statuses_are_kept_for_abort_or_final_ttl_and_a_task_may_override() -> None:
    config = settings(abort_ttl_s=10.0, final_ttl_s=20.0, tasks={"tasks.slow": {"abort_ttl_s": 1, "final_ttl_s": 2}})
    assert [ttl_s(s, "tasks.add", None, config) for s in ("cancel", "abort", "failed", "timeout")] == [10, 10, 20, 20]
    assert [ttl_s(s, "tasks.slow", None, config) for s in ("cancel", "abort", "failed", "maxretries")] == [1, 1, 2, 2]


def test_an_interrupted_job_is_queued_again_at_once_without_a_history_of_success() -> None:
    record = job(status="started")
    result = plan(outcome(S.JOB_STATUS_INTERRUPT), "w1", record, settings(), NOW)
    assert result.transition.requeue == "now"
    assert result.change.set["status"] == "queued"
    assert "date_finished" not in result.change.set and "date_expires" not in result.change.set
    assert result.change.increment == {}


def test_a_retry_under_its_limit_waits_its_delay_on_its_queue() -> None:
    record = job(status="started", retry_count=1, max_retries=3, retry_delay_s=5.0, queue="q")
    result = plan(outcome(S.JOB_STATUS_RETRY), "w1", record, settings(), NOW)
    assert (result.change.set["status"], result.eta, result.queue) == ("retry", NOW + timedelta(seconds=5), "q")
    assert result.change.increment == {"retry_count": 1}
    assert "date_finished" not in result.change.set
    after = requeued_record(record, result)
    assert (after.retry_count, after.eta, after.queue) == (2, NOW + timedelta(seconds=5), "q")


def test_a_retry_with_no_delay_is_queued_at_once_on_the_retry_queue_the_worker_named() -> None:
    record = job(status="started", retry_delay_s=5.0)
    reported = outcome(S.JOB_STATUS_RETRY, retry_delay_s=0.0, retry_queue="later")
    result = plan(reported, "w1", record, settings(), NOW)
    assert (result.change.set["status"], result.eta, result.queue) == ("queued", None, "later")
    assert result.change.set["queue"] == "later"


@pytest.mark.parametrize(
    ("retry_count", "max_retries", "reported_max", "expected"),
    [
        (2, 3, None, "retry"),
        (3, 3, None, "maxretries"),
        (5, 3, None, "maxretries"),
        (0, 0, None, "maxretries"),
        (3, 3, 10, "retry"),  # the worker's own limit (the task's) wins over the record's
        (1, 3, 1, "maxretries"),
    ],
)
def test_a_retry_past_the_limit_ends_maxretries(
    retry_count: int, max_retries: int, reported_max: int | None, expected: str
) -> None:
    record = job(status="started", retry_count=retry_count, max_retries=max_retries)
    extra = {} if reported_max is None else {"max_retries": reported_max}
    result = plan(outcome(S.JOB_STATUS_RETRY, error="again", **extra), "w1", record, settings(), NOW)
    assert result.change.set["status"] == expected
    assert result.change.history is not None and result.change.history.status == expected
    if expected == "maxretries":
        assert result.transition.requeue is None
        assert result.change.set["date_finished"] == NOW


def test_a_started_mark_not_yet_written_is_written_with_the_outcome() -> None:
    started = {"status": "started", "worker_id": "w1", "date_started": NOW}
    change = plan(outcome(S.JOB_STATUS_FAILED), "w1", job(), settings(), NOW, started=started).change
    assert (change.set["worker_id"], change.set["date_started"], change.set["status"]) == ("w1", NOW, "failed")


def test_an_unstored_raw_job_gets_its_record_created_by_the_change() -> None:
    record = job(status="started", raw_queue="events_raw")
    change = plan(outcome(S.JOB_STATUS_SUCCESS), "w1", record, settings(), NOW, unstored=True).change
    assert change.create is record
    assert plan(outcome(S.JOB_STATUS_SUCCESS), "w1", record, settings(), NOW).change.create is None


def test_unmeasured_fields_are_cleared_so_an_attempt_never_shows_its_predecessors() -> None:
    change = plan(outcome(S.JOB_STATUS_FAILED), "w1", job(), settings(), NOW).change
    assert {k: change.set[k] for k in ("cpu_s", "switches", "memory_diff_bytes", "profile")} == {
        "cpu_s": None,
        "switches": None,
        "memory_diff_bytes": None,
        "profile": "",
    }
    measured = plan(outcome(S.JOB_STATUS_FAILED, cpu_s=0.0, switches=0), "w1", job(), settings(), NOW).change
    assert (measured.set["cpu_s"], measured.set["switches"]) == (0.0, 0)


# Which jobs each action changes, by the status of their record; the others are skipped.
ACTIONS = {
    job_service_pb2.JOB_ACTION_CANCEL: {"queued", "delayed", "retry", "started"},
    job_service_pb2.JOB_ACTION_REQUEUE: {"queued", "delayed", "retry", *FINAL},
    job_service_pb2.JOB_ACTION_RETRY: {"queued", "delayed", "retry", *FINAL},
}


@pytest.mark.parametrize("action", ACTIONS, ids=job_service_pb2.JobAction.Name)
@pytest.mark.parametrize("status", sorted(NAME_BY_VALUE.values()))
def test_each_action_applies_to_its_statuses_only(action: int, status: str) -> None:
    status_value(status)  # a real status name
    assert (status in APPLIES_TO[action]) == (status in ACTIONS[action])


def test_a_running_job_can_be_cancelled_but_not_requeued_and_a_finished_one_the_reverse() -> None:
    assert "started" in APPLIES_TO[job_service_pb2.JOB_ACTION_CANCEL]
    assert "started" not in APPLIES_TO[job_service_pb2.JOB_ACTION_REQUEUE]
    assert not FINAL & APPLIES_TO[job_service_pb2.JOB_ACTION_CANCEL]
    assert set(APPLIES_TO) == set(job_service_pb2.JobAction.values()) - {job_service_pb2.JOB_ACTION_UNSPECIFIED}
