"""The payload codec (what Redis keeps of a pending job) and the record's public view: every field
survives the round trip, edge values included."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from job_factory import NOW, job, settings

from mrq.v1 import job_pb2
from mrq.v1.job_pb2 import JobOptions
from mrq_broker.jobs.payloads import (
    header_of,
    leased_job,
    new_job_id,
    new_jobs,
    payload,
    queue_entry,
    record_from_payload,
    result_ttl_s,
    taskset_of,
)
from mrq_broker.jobs.validation import resolve_options
from mrq_broker.queueing.queues import enqueued_ms, queue_score
from mrq_broker.storage.records import JOB_FIELDS, HistoryEntry, JobRecord, from_ms, job_id_time, job_proto, to_ms

TASKSET = "0123456789abcdef01234567"
DATES = ("date_enqueued", "date_updated", "date_started", "date_finished", "date_expires", "schedule_tick")


@pytest.mark.parametrize(
    "record",
    [
        job(),
        job(limit_key='tasks.add:"a"', dedupe_key="key with spaces", raw_queue="events_raw", taskset_id=TASKSET),
        job(params_json='{"s":"\u00e9\\n\u2028"}', result_ttl_s=0.0, timeout_s=0.0, retry_count=7, max_retries=0),
        job(result_ttl_s=1e-3, retry_delay_s=10 * 365 * 86400.0, taskset_id="f" * 24),
    ],
)
def test_a_payload_keeps_what_workers_and_the_broker_read(record: JobRecord) -> None:
    for unstored in (False, True):
        raw = payload(record, unstored)
        header = header_of(raw)
        assert (header.task, header.limit_key, header.dedupe_key, header.raw_queue, header.unstored) == (
            record.task,
            record.limit_key,
            record.dedupe_key,
            record.raw_queue,
            unstored,
        )
        leased = leased_job(raw)
        assert (leased.job_id, leased.task, leased.params_json.decode(), leased.queue) == (
            record.id,
            record.task,
            record.params_json,
            record.queue,
        )
        assert (leased.timeout_s, leased.retry_count, leased.max_retries, leased.retry_delay_s) == (
            record.timeout_s,
            record.retry_count,
            record.max_retries,
            record.retry_delay_s,
        )
        assert (result_ttl_s(raw), taskset_of(raw)) == (record.result_ttl_s, record.taskset_id)
        assert not leased.lease_token, "the lease token is added per lease, never stored"


def test_a_record_rebuilt_from_its_payload_keeps_every_field_the_payload_carries() -> None:
    record = job(
        status="started",
        limit_key="k",
        dedupe_key="d",
        raw_queue="events_raw",
        taskset_id=TASKSET,
        retry_count=2,
        date_enqueued=job_id_time(new_job_id()),
    )
    rebuilt = record_from_payload(payload(record, unstored=True))
    # The enqueue time comes from the job id; the priority is spent once the job is leased.
    assert rebuilt == replace(record, date_updated=record.date_enqueued, priority=0)


def test_new_jobs_carry_their_resolved_options_and_their_limit_and_unique_keys() -> None:
    limited = settings(tasks={"tasks.add": {"max_concurrency": 1, "limit_key": "user"}})
    wanted = JobOptions(queue="q", timeout_s=1, max_retries=2, retry_delay_s=3, result_ttl_s=4, priority=5)
    wanted.delay_s, wanted.unique = 1, True
    options = resolve_options("tasks.add", wanted, limited, NOW)
    first, second = new_jobs("tasks.add", ['{"user":1}', '{"user":2}'], options, NOW, taskset_id=TASKSET)
    assert (first.status, first.eta, first.queue, first.priority, first.taskset_id) == (
        "delayed",
        NOW + timedelta(seconds=1),
        "q",
        5,
        TASKSET,
    )
    assert (first.timeout_s, first.max_retries, first.retry_delay_s, first.result_ttl_s) == (1.0, 2, 3.0, 4.0)
    assert (first.limit_key, second.limit_key) == ("tasks.add:1", "tasks.add:2")
    assert first.dedupe_key.startswith("unique:") and first.dedupe_key != second.dedupe_key
    assert first.id != second.id


def test_job_ids_are_24_hex_characters_that_carry_their_creation_second() -> None:
    before = datetime.now(UTC).replace(microsecond=0)
    job_id = new_job_id()
    assert len(job_id) == 24 and int(job_id, 16) >= 0
    assert before <= job_id_time(job_id) <= datetime.now(UTC)


@pytest.mark.parametrize(
    "moment",
    [
        datetime(1970, 1, 1, tzinfo=UTC),
        datetime(1, 1, 1, tzinfo=UTC),
        datetime(9999, 12, 31, 23, 59, 59, 999000, tzinfo=UTC),
        NOW,
    ],
)
def test_milliseconds_round_trip_exactly(moment: datetime) -> None:
    assert from_ms(to_ms(moment)) == moment
    assert to_ms(moment + timedelta(microseconds=999)) == to_ms(moment), "truncated, never rounded up"


def test_queue_scores_put_higher_priority_first_then_oldest_first_or_newest_for_a_reverse_queue() -> None:
    old, new = to_ms(NOW), to_ms(NOW) + 1
    assert queue_score(1, new) < queue_score(0, old) < queue_score(0, new) < queue_score(-1, old)
    assert queue_score(0, new, newest_first=True) < queue_score(0, old, newest_first=True)
    for priority in (-1000, 0, 1000):
        for newest_first in (False, True):
            score = queue_score(priority, old, newest_first)
            assert enqueued_ms(score, newest_first) == old
            assert abs(score) < 2**53, "exact as a double"


def test_a_queue_entry_waits_in_the_delayed_set_until_its_eta_and_a_requeue_goes_behind() -> None:
    record = job(eta=NOW + timedelta(minutes=1))
    entry = queue_entry(record)
    assert entry.delayed_until_ms == to_ms(NOW + timedelta(minutes=1))
    assert queue_entry(job()).delayed_until_ms is None
    later = NOW + timedelta(hours=1)
    assert enqueued_ms(queue_entry(job(), queued_at=later).score) == to_ms(later)
    reverse = queue_entry(job(queue="feed_reverse"))
    assert enqueued_ms(reverse.score, newest_first=True) == to_ms(NOW)
    assert reverse.score == queue_score(0, to_ms(NOW), newest_first=True)


def test_the_public_view_shows_every_field_of_the_record() -> None:
    record = job(
        status="failed",
        retry_count=1,
        requeue_count=2,
        eta=NOW,
        dedupe_key="d",
        raw_queue="r_raw",
        schedule_id="s",
        schedule_tick=NOW,
        worker_id="w",
        date_started=NOW,
        date_finished=NOW,
        date_expires=NOW,
        progress=0.5,
        result_json="[1]",
        exception_type="E",
        error="e",
        traceback="t",
        traceback_history=[HistoryEntry(NOW, "retry", "E", "e", "t", "w")],
        duration_s=1.5,
        cpu_s=0.0,
        switches=0,
        memory_diff_bytes=-5,
        profile="p",
        memory_top="m",
    )
    shown = job_proto(record)
    options = shown.options
    assert (options.queue, options.timeout_s, options.max_retries, options.retry_delay_s) == (
        record.queue,
        record.timeout_s,
        record.max_retries,
        record.retry_delay_s,
    )
    assert (options.result_ttl_s, options.priority, options.dedupe_key) == (
        record.result_ttl_s,
        record.priority,
        record.dedupe_key,
    )
    assert options.eta.ToDatetime(tzinfo=UTC) == NOW
    for name in DATES:
        assert getattr(shown, name).ToDatetime(tzinfo=UTC) == getattr(record, name), name
    for name in ("cpu_s", "switches", "memory_diff_bytes"):
        assert shown.HasField(name) and getattr(shown, name) == getattr(record, name), "0 is shown as measured"
    assert shown.params_json.decode() == record.params_json and shown.result_json == b"[1]"
    assert shown.status == job_pb2.JOB_STATUS_FAILED
    [entry] = shown.traceback_history
    assert (entry.status, entry.exception_type, entry.error, entry.traceback, entry.worker_id) == (
        job_pb2.JOB_STATUS_RETRY,
        "E",
        "e",
        "t",
        "w",
    )
    assert entry.date.ToDatetime(tzinfo=UTC) == NOW
    plain = {f.name for f in shown.DESCRIPTOR.fields} & set(JOB_FIELDS) - set(DATES) - {"params_json", "result_json"}
    for name in plain - {"status", "traceback_history", "cpu_s", "switches", "memory_diff_bytes"}:
        assert getattr(shown, name) == getattr(record, name), name
    # Only the broker's own bookkeeping is left out of the public view: a new record field shows
    # up here, to be added to job_proto or to this list.
    public = {f.name for f in shown.DESCRIPTOR.fields} | {f.name for f in options.DESCRIPTOR.fields}
    assert set(JOB_FIELDS) - public == {"limit_key"}


def test_unmeasured_fields_stay_unset_in_the_public_view() -> None:
    shown = job_proto(job())
    assert not any(shown.HasField(n) for n in ("cpu_s", "switches", "memory_diff_bytes", "date_started"))
    assert not shown.options.HasField("eta")
