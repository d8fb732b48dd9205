"""The one translation of a wire Job into the dict the client returns."""

from __future__ import annotations

from datetime import UTC, datetime

from google.protobuf.timestamp_pb2 import Timestamp

from mrq.jobs import job_to_dict, options_to_dict
from mrq.v1 import job_pb2

ENQUEUED = datetime(2030, 1, 2, 3, 4, 5, 678_000, tzinfo=UTC)
FAILED = datetime(2030, 1, 2, 3, 4, 6, tzinfo=UTC)


def timestamp(value: datetime) -> Timestamp:
    ts = Timestamp()
    ts.FromDatetime(value)
    return ts


def full_job() -> job_pb2.Job:
    options = job_pb2.JobOptions(queue="math", timeout_s=0, max_retries=3, priority=5, eta=timestamp(FAILED))
    return job_pb2.Job(
        id="65f0c0ffee0123456789abcd",
        task="tasks.add",
        params_json=b'{"a":1,"b":2}',
        queue="math",
        status=job_pb2.JOB_STATUS_SUCCESS,
        result_json=b"3",
        exception_type="",
        error="",
        traceback="",
        traceback_history=[
            job_pb2.TracebackEntry(
                date=timestamp(FAILED),
                status=job_pb2.JOB_STATUS_RETRY,
                exception_type="builtins.ValueError",
                error="boom",
                traceback="Traceback...",
                worker_id="host-1-abc",
            )
        ],
        date_enqueued=timestamp(ENQUEUED),
        date_started=timestamp(ENQUEUED),
        date_finished=timestamp(FAILED),
        date_updated=timestamp(FAILED),
        worker_id="host-1-abc",
        retry_count=1,
        requeue_count=2,
        progress=1.0,
        options=options,
        duration_s=1.5,
        cpu_s=1.25,
        switches=3,
        profile="ncalls...",
        memory_diff_bytes=1024,
        memory_top="tasks.py:3: size=1 KiB",
        raw_queue="events_raw",
        schedule_id="3f2a",
        schedule_tick=timestamp(ENQUEUED),
        taskset_id="65f0c0ffee0123456789abce",
    )


def test_every_field_is_translated() -> None:
    job = job_to_dict(full_job())

    assert job == {
        "id": "65f0c0ffee0123456789abcd",
        "task": "tasks.add",
        "params": {"a": 1, "b": 2},
        "queue": "math",
        "status": "success",
        "result": 3,
        "exception_type": "",
        "error": "",
        "traceback": "",
        "traceback_history": [
            {
                "date": FAILED,
                "status": "retry",
                "exception_type": "builtins.ValueError",
                "error": "boom",
                "traceback": "Traceback...",
                "worker_id": "host-1-abc",
            }
        ],
        "date_enqueued": ENQUEUED,
        "date_started": ENQUEUED,
        "date_finished": FAILED,
        "date_updated": FAILED,
        "date_expires": None,
        "worker_id": "host-1-abc",
        "retry_count": 1,
        "requeue_count": 2,
        "progress": 1.0,
        "options": {"queue": "math", "timeout_s": 0.0, "max_retries": 3, "priority": 5, "eta": FAILED},
        "duration_s": 1.5,
        "cpu_s": 1.25,
        "switches": 3,
        "profile": "ncalls...",
        "memory_diff_bytes": 1024,
        "memory_top": "tasks.py:3: size=1 KiB",
        "raw_queue": "events_raw",
        "schedule_id": "3f2a",
        "schedule_tick": ENQUEUED,
        "taskset_id": "65f0c0ffee0123456789abce",
    }


def test_dates_are_timezone_aware() -> None:
    job = job_to_dict(full_job())

    assert job["date_enqueued"] is not None and job["date_enqueued"].utcoffset() is not None


def test_empty_job_defaults() -> None:
    """Unset timestamps are None, empty params mean {}, an empty result is None."""
    job = job_to_dict(job_pb2.Job(id="x", status=job_pb2.JOB_STATUS_QUEUED))

    assert job["params"] == {}
    assert job["result"] is None
    assert job["status"] == "queued"
    assert job["traceback_history"] == []
    assert [job[k] for k in ("date_enqueued", "date_started", "date_finished", "date_updated", "date_expires")] == [
        None
    ] * 5
    assert job["options"] == {}


def test_any_json_params_and_results() -> None:
    job = job_to_dict(job_pb2.Job(params_json=b"[1, null]", result_json=b"null"))

    assert job["params"] == [1, None]
    assert job["result"] is None


def test_options_keep_only_what_is_set() -> None:
    options = job_pb2.JobOptions(retry_delay_s=2.5, dedupe_key="k")

    assert options_to_dict(options) == {"retry_delay_s": 2.5, "dedupe_key": "k"}


def test_unmeasured_attempts_have_no_cpu_time_switches_or_memory_difference() -> None:
    job = job_to_dict(job_pb2.Job(id="x", status=job_pb2.JOB_STATUS_SUCCESS))

    assert (job["cpu_s"], job["switches"], job["memory_diff_bytes"]) == (None, None, None)
    assert (job["duration_s"], job["profile"], job["memory_top"]) == (0.0, "", "")
