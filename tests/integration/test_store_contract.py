"""The store contract: every method of mrq_broker.storage.base.Store, run against each store.

``sqlite`` is a file in the test's tmp_path; ``mongodb`` a fresh database, dropped afterwards, on
the session's MongoDB-compatible server (the ``mongodb`` fixture: FerretDB unless mongod is
installed). Records are written with microseconds and read back at millisecond precision. Expiry
is relative to the real clock, as the stores read it: an expired job expired an hour ago, a live
one expires in an hour.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import secrets
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import fields, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from mrq_broker.storage.base import ExceptionGroup, QueryTimeout, Store, StoreUnavailable
from mrq_broker.storage.records import (
    HEAVY_FIELDS,
    JOB_DEFAULTS,
    HistoryEntry,
    JobChange,
    JobRecord,
    JobSelection,
    LogChunk,
    ScheduleRecord,
    TasksetRecord,
    WorkerRecord,
)
from mrq_broker.storage.sqlite import SQLiteStore

NOW = datetime.now(UTC)
HOUR = timedelta(hours=1)
#: A moment with microseconds, which the stores keep to the millisecond.
T0 = datetime(2026, 3, 4, 5, 6, 7, 891234, tzinfo=UTC)
_numbers = itertools.count(1)


@pytest.fixture(params=["sqlite", "mongodb"])
def open_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Callable[..., Store]]:
    """Opens a store of each kind with ``query_timeout_s``; closed (and dropped) after the test."""
    with contextlib.ExitStack() as opened:

        def open_one(query_timeout_s: float = 5.0) -> Store:
            if request.param == "sqlite":
                store = SQLiteStore(tmp_path / "data" / "mrq.sqlite3", query_timeout_s=query_timeout_s)
                opened.callback(store.close)
                return store
            from mrq_broker.storage.mongo import MongoStore

            mongodb = request.getfixturevalue("mongodb")  # the session's server, started on first use
            name = f"t{secrets.token_hex(6)}"
            opened.callback(mongodb.client.drop_database, name)
            store = MongoStore(mongodb.server.url(name), query_timeout_s=query_timeout_s)
            opened.callback(store.close)
            return store

        yield open_one


@pytest.fixture
def store(open_store: Callable[..., Store]) -> Store:
    return open_store()


def new_id(moment: datetime = T0) -> str:
    """A job id as the broker makes them: its creation time in seconds, then a unique counter."""
    return f"{int(moment.timestamp()):08x}{next(_numbers):016x}"


def job(enqueued: datetime = T0, **values: Any) -> JobRecord:
    """A queued job with the required fields, enqueued at ``enqueued``, and ``values``."""
    record = JobRecord(
        id=new_id(enqueued),
        task="tasks.add",
        params_json='{"a": 1}',
        queue="default",
        status="queued",
        priority=0,
        timeout_s=300.0,
        max_retries=3,
        retry_delay_s=1.5,
        result_ttl_s=3600.0,
        date_enqueued=enqueued,
        date_updated=enqueued,
    )
    return replace(record, **values)


def full_job() -> JobRecord:
    """A job with every field away from its default."""
    history = [
        HistoryEntry(T0, "retry", "ValueError", "bad a", "Traceback 1", "worker-1"),
        HistoryEntry(T0 + HOUR, "failed", "KeyError", "bad b", "Traceback 2", "worker-2"),
    ]
    return job(
        task="tasks.full",
        params_json='{"x": [1, "é", null]}',
        queue="root/sub",
        status="failed",
        priority=-3,
        timeout_s=12.5,
        max_retries=7,
        retry_delay_s=0.25,
        result_ttl_s=60.0,
        date_updated=T0 + 2 * HOUR,
        retry_count=2,
        requeue_count=1,
        eta=T0 + 3 * HOUR,
        dedupe_key="dedupe-1",
        limit_key="limit-1",
        taskset_id=new_id(),
        raw_queue="raw_q",
        schedule_id="sched-1",
        schedule_tick=T0 - HOUR,
        worker_id="worker-3",
        date_started=T0 + HOUR,
        date_finished=T0 + 2 * HOUR,
        date_expires=NOW + HOUR,
        progress=0.5,
        result_json='{"r": 1}',
        exception_type="RuntimeError",
        error="it broke",
        traceback="Traceback 3",
        traceback_history=history,
        duration_s=1.25,
        cpu_s=0.75,
        switches=12,
        memory_diff_bytes=-4096,
        profile="profile text",
        memory_top="memory text",
    )


def to_ms_precision(moment: datetime) -> datetime:
    return moment.replace(microsecond=moment.microsecond // 1000 * 1000)


def as_read(record: JobRecord, *, listed: bool = False) -> JobRecord:
    """``record`` as a store gives it back: datetimes to the millisecond; heavy fields at their
    defaults when ``listed`` (select_jobs, page_jobs)."""
    values = {f.name: to_ms_precision(v) for f in fields(record) if isinstance(v := getattr(record, f.name), datetime)}
    values["traceback_history"] = [replace(e, date=to_ms_precision(e.date)) for e in record.traceback_history]
    if listed:
        values.update({name: JOB_DEFAULTS[name] for name in HEAVY_FIELDS})
    return replace(record, **values)


def ids(records: Iterable[JobRecord | ScheduleRecord]) -> list[str]:
    return [r.id for r in records]


# Jobs: writes and reads back.


def test_jobs_read_back_equal_to_the_millisecond(store: Store) -> None:
    full, minimal = full_job(), job()
    store.insert_jobs([full, minimal])

    assert store.get_jobs([full.id, minimal.id, new_id()]) == {full.id: as_read(full), minimal.id: as_read(minimal)}
    assert store.get_job(minimal.id) == as_read(minimal)
    assert store.get_job(new_id()) is None
    assert store.get_jobs([]) == {}
    assert store.select_jobs(JobSelection()) == [as_read(full, listed=True), as_read(minimal, listed=True)]
    assert store.page_jobs(JobSelection(), newest_first=True, limit=10) == [
        as_read(minimal, listed=True),
        as_read(full, listed=True),
    ]


def test_many_jobs_in_one_batch(store: Store) -> None:
    records = [job(params_json=f'{{"i": {i}}}') for i in range(1500)]
    store.insert_jobs(records)
    store.insert_jobs([])

    assert store.get_jobs(ids(records)) == {r.id: as_read(r) for r in records}
    assert ids(store.select_jobs(JobSelection())) == ids(records)


ODD_TEXTS = [
    '{"s": "\\u0000"}',
    "nul \x00 inside",
    "é ü 😀 \u2028",
    "quotes \" ' and \\ backslashes",
    "lines\n\r\ttabs \x01\x1f\x7f",
    "",
    "   ",
]


def test_any_text_and_number_round_trips(store: Store) -> None:
    """Batches of new jobs, whose values vary or not, and full jobs keep every character and number."""
    texts = [text for text in ODD_TEXTS if "\x00" not in text and "\\u0000" not in text]
    varying = [
        job(params_json=text, dedupe_key=text[:3], priority=n, eta=T0 + n * HOUR) for n, text in enumerate(texts)
    ]
    with_nul = [job(params_json=text, priority=n) for n, text in enumerate(ODD_TEXTS)]
    shared = [
        job(
            params_json=texts[0],
            timeout_s=1 / 3,
            retry_delay_s=2.2250738585072014e-308,
            result_ttl_s=1e300,
            priority=-(2**62),
        )
        for _ in range(3)
    ]
    floats = [job(timeout_s=n / 3, retry_delay_s=0.1 * n) for n in range(3)]
    full = [
        replace(full_job(), error=text, traceback_history=[HistoryEntry(T0, "retry", error=text)]) for text in ODD_TEXTS
    ]
    for batch in (varying, with_nul, shared, floats, full):
        store.insert_jobs(batch)
        assert store.get_jobs(ids(batch)) == {r.id: as_read(r) for r in batch}


def test_insert_job_once_writes_only_the_first(store: Store) -> None:
    first = job(params_json='{"n": 1}')
    assert store.insert_job_once(first) is True
    assert store.insert_job_once(replace(first, params_json='{"n": 2}')) is False
    assert store.get_job(first.id) == as_read(first)


def test_concurrent_writers_from_many_threads(store: Store) -> None:
    batches = [[job() for _ in range(50)] for _ in range(8)]
    threads = [threading.Thread(target=store.insert_jobs, args=(batch,)) for batch in batches]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(store.get_jobs([r.id for batch in batches for r in batch])) == 400


# Jobs: changes.


def test_set_writes_fields_and_a_default_clears_one(store: Store) -> None:
    record = full_job()
    store.insert_jobs([record])

    store.update_jobs(
        [
            JobChange(
                record.id,
                {
                    "status": "queued",
                    "date_updated": T0 + 5 * HOUR,
                    "eta": None,
                    "worker_id": "",
                    "cpu_s": None,
                    "date_finished": None,
                    "progress": 0.0,
                    "exception_type": "",
                    "traceback_history": [],
                    "queue": "other",
                    "retry_count": 0,
                },
            )
        ]
    )

    assert store.get_job(record.id) == as_read(
        replace(
            record,
            status="queued",
            date_updated=T0 + 5 * HOUR,
            eta=None,
            worker_id="",
            cpu_s=None,
            date_finished=None,
            progress=0.0,
            exception_type="",
            traceback_history=[],
            queue="other",
            retry_count=0,
        )
    )


def test_increment_and_history_append(store: Store) -> None:
    plain, with_history = job(), full_job()
    store.insert_jobs([plain, with_history])
    first = HistoryEntry(T0 + HOUR, "retry", "ValueError", "e1", "tb1", "w1")
    second = HistoryEntry(T0 + 2 * HOUR, "timeout")

    store.update_jobs(
        [
            JobChange(plain.id, {"status": "retry"}, increment={"retry_count": 1}, history=first),
            JobChange(plain.id, increment={"retry_count": 2, "requeue_count": 1}, history=second),
            JobChange(with_history.id, increment={"retry_count": 1}, history=second),
        ]
    )

    assert store.get_job(plain.id) == as_read(
        replace(plain, status="retry", retry_count=3, requeue_count=1, traceback_history=[first, second])
    )
    assert store.get_job(with_history.id) == as_read(
        replace(with_history, retry_count=3, traceback_history=[*with_history.traceback_history, second])
    )


def test_create_writes_the_record_first_when_the_job_has_none(store: Store) -> None:
    existing = job(status="started", worker_id="w1")
    store.insert_jobs([existing])
    missing = job(status="started", worker_id="w2", raw_queue="raw")
    entry = HistoryEntry(T0 + HOUR, "retry", "ValueError", "e", "tb", "w2")
    change = {"status": "retry", "date_updated": T0 + HOUR, "worker_id": ""}

    store.update_jobs(
        [
            JobChange(missing.id, change, increment={"retry_count": 1}, history=entry, create=missing),
            JobChange(
                existing.id,
                change,
                increment={"retry_count": 1},
                history=entry,
                create=replace(existing, task="tasks.other"),
            ),
        ]
    )

    expected = {
        "status": "retry",
        "date_updated": T0 + HOUR,
        "worker_id": "",
        "retry_count": 1,
        "traceback_history": [entry],
    }
    assert store.get_job(missing.id) == as_read(replace(missing, **expected))
    assert store.get_job(existing.id) == as_read(replace(existing, **expected))


def test_create_alone_inserts_once(store: Store) -> None:
    record = job(status="started")
    store.update_jobs([JobChange(record.id, create=record)])
    store.update_jobs([JobChange(record.id, create=replace(record, status="queued"))])
    assert store.get_job(record.id) == as_read(record)


def test_delete_and_changes_to_missing_jobs(store: Store) -> None:
    kept, deleted, never = job(), job(), job()
    store.insert_jobs([kept, deleted])

    store.update_jobs(
        [
            JobChange(deleted.id, delete=True),
            JobChange(
                never.id, {"status": "success"}, increment={"retry_count": 1}, history=HistoryEntry(T0, "failed")
            ),
            JobChange(never.id, delete=True),
            JobChange(kept.id),  # changes nothing
        ]
    )

    assert store.get_jobs([kept.id, deleted.id, never.id]) == {kept.id: as_read(kept)}


def test_changes_apply_in_order_within_a_batch(store: Store) -> None:
    # Given two jobs, each changed several times in one batch by changes of different shapes
    a, b = job(), job()
    store.insert_jobs([a, b])
    recreated = job(task="tasks.recreated")

    # When the batch is applied
    store.update_jobs(
        [
            JobChange(a.id, {"status": "started", "worker_id": "w1"}),
            JobChange(b.id, {"status": "started", "worker_id": "w1"}),
            JobChange(a.id, {"status": "success"}),
            JobChange(a.id, {"status": "failed", "worker_id": "w2"}),
            JobChange(b.id, {"status": "success"}),
            JobChange(b.id, delete=True),
            JobChange(b.id, {"status": "failed"}),  # b is gone: nothing
            JobChange(recreated.id, create=recreated),
            JobChange(recreated.id, {"status": "success"}),
            JobChange(recreated.id, delete=True),
            JobChange(recreated.id, create=replace(recreated, status="retry")),
        ]
    )

    # Then each job's changes were applied in their order
    assert store.get_jobs([a.id, b.id, recreated.id]) == {
        a.id: as_read(replace(a, status="failed", worker_id="w2")),
        recreated.id: as_read(replace(recreated, status="retry")),
    }


def test_a_change_naming_no_field_of_the_record_is_refused(store: Store) -> None:
    if store.name != "sqlite":
        pytest.skip("MongoDB stores any field name it is given")
    record = job()
    store.insert_jobs([record])
    with pytest.raises(ValueError, match="nonsense"):
        store.update_jobs([JobChange(record.id, {"nonsense": 1})])
    assert store.get_job(record.id) == as_read(record)


# Jobs: expiry.


def test_an_expired_job_is_gone_for_reads_until_deleted(store: Store) -> None:
    expired = job(date_expires=NOW - HOUR, status="success")
    alive = job(date_expires=NOW + HOUR, status="success")
    lasting = job(status="success")
    store.insert_jobs([expired, alive, lasting])
    everything = JobSelection()

    assert set(store.get_jobs([expired.id, alive.id, lasting.id])) == {alive.id, lasting.id}
    assert store.get_job(expired.id) is None
    assert ids(store.select_jobs(everything)) == [alive.id, lasting.id]
    assert ids(store.page_jobs(everything, newest_first=True, limit=10)) == [lasting.id, alive.id]
    assert ids(store.select_jobs(JobSelection(job_id=expired.id))) == []

    assert store.delete_expired_jobs(NOW) == 1
    assert store.delete_expired_jobs(NOW) == 0
    assert store.delete_expired_jobs(NOW + 2 * HOUR) == 1
    assert ids(store.select_jobs(everything)) == [lasting.id]


# Jobs: selections and pages.


def selection_jobs() -> list[JobRecord]:
    """Jobs that differ in every criterion of a selection, oldest first."""
    spec = [
        ("default", "queued", "tasks.a", "", "", '{"n": 1}'),
        ("default", "success", "tasks.a", "w1", "", '{"n": 2}'),
        ("root", "failed", "tasks.b", "w1", "ValueError", '{"n": 1}'),
        ("root/x", "failed", "tasks.b", "w2", "KeyError", '{"n": 3}'),
        ("root/x/y", "retry", "tasks.a", "w2", "ValueError", '{"n": 1}'),
        ("rootless", "started", "tasks.c", "w1", "", '{"n": 4}'),
        ("ab", "success", "tasks.c", "w3", "", '{"n": 5}'),
        ("a-long-b", "queued", "tasks.a", "", "", '{"n": 6}'),
        ("abc", "failed", "tasks.b", "w3", "ValueError", '{"n": 7}'),
        ("a.x:b", "cancel", "tasks.c", "", "", '{"n": 8}'),
    ]
    return [
        job(
            enqueued=T0 + n * HOUR,
            queue=queue,
            status=status,
            task=task,
            worker_id=worker,
            exception_type=exception,
            params_json=params,
        )
        for n, (queue, status, task, worker, exception, params) in enumerate(spec)
    ]


SELECTIONS: dict[str, tuple[JobSelection, Callable[[JobRecord], bool]]] = {
    "everything": (JobSelection(), lambda r: True),
    "queue exact": (JobSelection(queue="root"), lambda r: r.queue == "root"),
    "queue subqueues": (JobSelection(queue="root/"), lambda r: r.queue.startswith("root/")),
    "queue glob": (JobSelection(queue="a*b"), lambda r: r.queue in ("ab", "a-long-b", "a.x:b")),
    "queue glob prefix": (JobSelection(queue="root*"), lambda r: r.queue.startswith("root")),
    "one status": (JobSelection(statuses=frozenset({"failed"})), lambda r: r.status == "failed"),
    "statuses": (
        JobSelection(statuses=frozenset({"failed", "queued", "retry"})),
        lambda r: r.status in ("failed", "queued", "retry"),
    ),
    "task": (JobSelection(task="tasks.b"), lambda r: r.task == "tasks.b"),
    "worker": (JobSelection(worker_id="w1"), lambda r: r.worker_id == "w1"),
    "exception type": (JobSelection(exception_type="ValueError"), lambda r: r.exception_type == "ValueError"),
    "params": (JobSelection(params_json='{"n": 1}'), lambda r: r.params_json == '{"n": 1}'),
    "enqueued after": (JobSelection(enqueued_after=T0 + 3 * HOUR), lambda r: r.date_enqueued >= T0 + 3 * HOUR),
    "enqueued before": (JobSelection(enqueued_before=T0 + 3 * HOUR), lambda r: r.date_enqueued < T0 + 3 * HOUR),
    "date range": (
        JobSelection(enqueued_after=T0 + 2 * HOUR, enqueued_before=T0 + 5 * HOUR),
        lambda r: T0 + 2 * HOUR <= r.date_enqueued < T0 + 5 * HOUR,
    ),
    "queue and status": (
        JobSelection(queue="root/", statuses=frozenset({"failed", "retry"})),
        lambda r: r.queue.startswith("root/") and r.status in ("failed", "retry"),
    ),
    "task and status": (
        JobSelection(task="tasks.b", statuses=frozenset({"failed"})),
        lambda r: r.task == "tasks.b" and r.status == "failed",
    ),
    "matching nothing": (JobSelection(task="tasks.a", exception_type="KeyError"), lambda r: False),
}


@pytest.mark.parametrize("criteria", SELECTIONS)
def test_selection_criteria(store: Store, criteria: str) -> None:
    selection, matches = SELECTIONS[criteria]
    records = selection_jobs()
    store.insert_jobs(records)
    expected = [as_read(r, listed=True) for r in records if matches(r)]

    assert store.select_jobs(selection) == expected
    assert store.page_jobs(selection, newest_first=False, limit=100) == expected
    assert store.page_jobs(selection, newest_first=True, limit=100) == expected[::-1]
    assert store.page_jobs(selection, newest_first=True, limit=2) == expected[::-1][:2]


def test_selection_by_job_id(store: Store) -> None:
    records = selection_jobs()
    store.insert_jobs(records)
    wanted = records[3]

    assert ids(store.select_jobs(JobSelection(job_id=wanted.id))) == [wanted.id]
    assert ids(store.select_jobs(JobSelection(job_id=wanted.id, queue="default"))) == []


#: Params as the broker stores them (canonical: sorted keys, no spaces), by name.
PARAMS = {
    "number": '{"user":42}',
    "string": '{"user":"42"}',
    "bigger number": '{"user":420}',
    "nested": '{"nested":{"user":42}}',
    "among others": '{"a":"user:42","user":42,"z":[1,2]}',
    "object": '{"user":{"a":1,"b":[1,2]}}',
    "null": '{"user":null}',
    "true": '{"user":true}',
    "array params": "[42]",
}


@pytest.mark.parametrize(
    ("value_json", "expected"),
    [
        ("42", ["number", "among others"]),
        ('"42"', ["string"]),
        ('{"a":1,"b":[1,2]}', ["object"]),
        ("null", ["null"]),
        ("true", ["true"]),
        ("1", []),
    ],
    ids=["number", "string", "object", "null", "true", "none"],
)
def test_selection_by_one_params_key_compares_its_value_as_json(
    store: Store, value_json: str, expected: list[str]
) -> None:
    records = {name: job(enqueued=T0 + n * HOUR, params_json=p) for n, (name, p) in enumerate(PARAMS.items())}
    store.insert_jobs(list(records.values()))
    selection = JobSelection(params_key="user", params_value_json=value_json)
    wanted = [records[name].id for name in expected]

    assert ids(store.select_jobs(selection)) == wanted
    assert ids(store.page_jobs(selection, newest_first=True, limit=1)) == wanted[::-1][:1]
    assert ids(store.page_jobs(selection, newest_first=False, limit=10)) == wanted
    assert store.count_jobs(selection, 100) == len(wanted)
    assert store.count_jobs(replace(selection, statuses=frozenset({"failed"})), 100) == 0


def test_selection_by_id_prefix_taskset_and_schedule(store: Store) -> None:
    taskset_id, other_taskset = new_id(), new_id()
    members = [job(taskset_id=taskset_id) for _ in range(3)]
    scheduled = [job(schedule_id="sched-a"), job(schedule_id="sched-a", status="failed")]
    others = [job(taskset_id=other_taskset), job(schedule_id="sched-b"), job()]
    store.insert_jobs([*members, *scheduled, *others])
    first = members[0].id

    assert ids(store.select_jobs(JobSelection(taskset_id=taskset_id))) == ids(members)
    assert ids(store.page_jobs(JobSelection(schedule_id="sched-a"), newest_first=True, limit=5)) == ids(scheduled)[::-1]
    assert ids(store.select_jobs(JobSelection(schedule_id="sched-a", statuses=frozenset({"failed"})))) == [
        scheduled[1].id
    ]
    assert ids(store.select_jobs(JobSelection(job_id_prefix=first))) == [first]
    # Every job made in T0's second shares its first 8 characters; one made later does not.
    later = job(enqueued=T0 + HOUR)
    store.insert_jobs([later])
    assert store.count_jobs(JobSelection(job_id_prefix=first[:8]), 100) == 8
    assert ids(store.page_jobs(JobSelection(job_id_prefix=later.id[:8]), newest_first=True, limit=5)) == [later.id]


def test_count_jobs_is_exact_up_to_its_limit(store: Store) -> None:
    statuses = itertools.cycle(["failed", "queued", "success"])
    records = [job(enqueued=T0 + n * timedelta(seconds=1), status=next(statuses), queue=f"q{n % 2}") for n in range(12)]
    expired = job(status="failed", date_expires=NOW - HOUR)
    store.insert_jobs([*records, expired])

    assert store.count_jobs(JobSelection(queue="q0"), 100) == 6
    assert store.count_jobs(JobSelection(queue="q0"), 4) == 4
    assert store.count_jobs(JobSelection(queue="q*", statuses=frozenset({"failed", "success"})), 100) == 8
    assert store.count_jobs(JobSelection(task="tasks.nothing"), 100) == 0
    # By status alone, or with no criterion: from the counts by status, which may still count
    # an expired job that is not deleted yet.
    assert store.count_jobs(JobSelection(statuses=frozenset({"queued"})), 100) == 4
    assert store.count_jobs(JobSelection(statuses=frozenset({"failed"})), 100) in (4, 5)
    assert store.count_jobs(JobSelection(), 100) in (12, 13)
    assert store.count_jobs(JobSelection(), 10) == 10


def test_delete_jobs_removes_their_records_their_logs_and_their_counts(store: Store) -> None:
    doomed = [job(status="failed"), job(status="queued")]
    kept = job(status="failed")
    store.insert_jobs([*doomed, kept])
    chunks = [LogChunk(f"{j.id}-{n}", j.id, f"line {n}\n", T0, NOW + HOUR) for j in [*doomed, kept] for n in (1, 2)]
    store.insert_log_chunks(chunks)

    assert store.delete_jobs([d.id for d in doomed]) == 2
    assert store.delete_jobs([doomed[0].id]) == 0
    assert store.delete_jobs([]) == 0

    assert ids(store.get_jobs([*ids(doomed), kept.id]).values()) == [kept.id]
    assert store.log_texts([c.id for c in chunks]) == {c.id: c.text for c in chunks if c.job_id == kept.id}
    assert store.count_by_status() == {"failed": 1}


@pytest.mark.parametrize("newest_first", [True, False], ids=["newest", "oldest"])
@pytest.mark.parametrize(
    "statuses",
    [frozenset(), frozenset({"failed"}), frozenset({"failed", "success", "retry"})],
    ids=["all", "one status", "statuses"],
)
def test_paging_after_id_has_no_gaps_nor_repeats(store: Store, newest_first: bool, statuses: frozenset[str]) -> None:
    cycle = itertools.cycle(["failed", "success", "queued", "retry"])
    records = [job(enqueued=T0 + n * timedelta(seconds=1), status=next(cycle)) for n in range(30)]
    store.insert_jobs(records)
    selection = JobSelection(statuses=statuses)

    pages: list[list[str]] = []
    after_id = ""
    while page := ids(store.page_jobs(selection, newest_first=newest_first, limit=4, after_id=after_id)):
        assert len(page) <= 4
        pages.append(page)
        after_id = page[-1]

    expected = [r.id for r in records if not statuses or r.status in statuses]
    assert [i for page in pages for i in page] == (expected[::-1] if newest_first else expected)
    assert all(len(page) == 4 for page in pages[:-1])


def test_stale_pending_ids(store: Store) -> None:
    old_queued = job(status="queued", date_updated=T0)
    old_retry = job(status="retry", date_updated=T0 + HOUR)
    new_queued = job(status="queued", date_updated=T0 + 3 * HOUR)
    old_started = job(status="started", date_updated=T0)
    store.insert_jobs([old_retry, new_queued, old_started, old_queued])

    stale = store.stale_pending_ids({"queued", "retry", "delayed"}, T0 + 2 * HOUR)

    assert stale == sorted([old_queued.id, old_retry.id])


# Jobs: counts.


def test_counts_by_status_and_task(store: Store) -> None:
    assert store.count_by_status() == {}
    assert store.count_by_task_and_status() == {}
    store.insert_jobs(selection_jobs())

    assert store.count_by_status() == {"queued": 2, "success": 2, "failed": 3, "retry": 1, "started": 1, "cancel": 1}
    assert store.count_by_task_and_status() == {
        "tasks.a": {"queued": 2, "success": 1, "retry": 1},
        "tasks.b": {"failed": 3},
        "tasks.c": {"started": 1, "success": 1, "cancel": 1},
    }


def test_counts_follow_every_change_of_status_queue_and_task(store: Store) -> None:
    # Given jobs inserted in a batch, one by one, and by a change that creates its record
    a, b, c = job(queue="q1", task="tasks.a"), job(queue="q1", task="tasks.a"), job(queue="q2", task="tasks.b")
    once, created = job(queue="q2", task="tasks.b"), job(queue="q1", task="tasks.b", status="started")
    expired = job(queue="q2", task="tasks.a", status="success", date_expires=NOW - HOUR)
    store.insert_jobs([a, b, c, expired])
    store.insert_job_once(once)
    store.insert_job_once(replace(once, status="failed"))  # exists: counts nothing
    store.update_jobs([JobChange(created.id, {"status": "started"}, create=created)])
    assert store.count_by_status() == {"queued": 4, "started": 1, "success": 1}
    assert store.count_by_queue_and_status() == {"q1": {"queued": 2, "started": 1}, "q2": {"queued": 2, "success": 1}}

    # When jobs change status, one is retried on another queue, one changes task, one is deleted
    store.update_jobs(
        [
            JobChange(a.id, {"status": "started"}),
            JobChange(a.id, {"status": "success"}),
            JobChange(b.id, {"status": "retry", "queue": "q3"}),
            JobChange(c.id, {"task": "tasks.c", "date_updated": T0 + HOUR}),
            JobChange(c.id, {"date_updated": T0 + 2 * HOUR}),  # no status, queue nor task: counts as is
            JobChange(once.id, delete=True),
            JobChange(created.id, {"status": "started"}, create=created),  # exists: a change of nothing counted
        ]
    )

    # Then every count follows, and the expired job counts until it is deleted
    assert store.count_by_status() == {"success": 2, "retry": 1, "queued": 1, "started": 1}
    assert store.count_by_queue_and_status() == {
        "q1": {"success": 1, "started": 1},
        "q3": {"retry": 1},
        "q2": {"queued": 1, "success": 1},
    }
    assert store.count_by_task_and_status() == {
        "tasks.a": {"success": 2, "retry": 1},
        "tasks.b": {"started": 1},
        "tasks.c": {"queued": 1},
    }
    assert store.delete_expired_jobs(NOW) == 1
    assert store.count_by_status() == {"success": 1, "retry": 1, "queued": 1, "started": 1}
    assert store.count_by_queue_and_status()["q2"] == {"queued": 1}
    store.update_jobs([JobChange(r.id, delete=True) for r in (a, b, c, created)])
    assert store.count_by_status() == store.count_by_queue_and_status() == store.count_by_task_and_status() == {}


def test_a_read_past_the_time_limit_is_stopped_and_names_the_filter_to_add(open_store: Callable[..., Store]) -> None:
    # Given a store whose reads may run 1 ms, and enough jobs that reading them all takes longer
    store = open_store(query_timeout_s=0.0005)
    store.insert_jobs([job(params_json=f'{{"n": {n}}}') for n in range(5_000)])

    # When a selection reads every job (no index serves params alone), then it is stopped
    with pytest.raises(QueryTimeout, match=r"time limit of .* s .* add a filter on queue, task or status"):
        store.select_jobs(JobSelection(params_json='{"n": -1}'))


def test_counts_since(store: Store) -> None:
    since = T0 + 2 * HOUR
    store.insert_jobs(
        [
            job(enqueued=T0, queue="a", date_finished=since + HOUR, task="tasks.x"),
            job(enqueued=since, queue="a", date_finished=since, task="tasks.x"),
            job(enqueued=since + HOUR, queue="a", date_finished=since - timedelta(milliseconds=1), task="tasks.y"),
            job(enqueued=since + HOUR, queue="b", task="tasks.y"),
            job(enqueued=since - timedelta(seconds=1), queue="c", date_finished=since + HOUR, task="tasks.y"),
        ]
    )

    assert store.count_enqueued_since(since) == {"a": 2, "b": 1}
    assert store.count_finished_since(since, "queue") == {"a": 2, "c": 1}
    assert store.count_finished_since(since, "task") == {"tasks.x": 2, "tasks.y": 1}
    assert store.count_enqueued_since(since + 5 * HOUR) == {}


def test_exception_groups_largest_first_with_their_latest_failure(store: Store) -> None:
    def failed(task: str, exception_type: str, n: int, status: str = "failed") -> JobRecord:
        return job(
            enqueued=T0 + n * HOUR,
            task=task,
            status=status,
            exception_type=exception_type,
            error=f"error {n}",
            date_finished=T0 + n * HOUR,
        )

    store.insert_jobs(
        [
            failed("tasks.b", "KeyError", 0),
            failed("tasks.b", "KeyError", 1),
            failed("tasks.a", "ValueError", 2),
            failed("tasks.a", "ValueError", 3, "maxretries"),
            failed("tasks.a", "KeyError", 4),
            failed("tasks.b", "ValueError", 5),
            failed("tasks.a", "KeyError", 6, "retry"),  # not among the statuses asked for
            job(task="tasks.a", status="failed"),  # no exception type
        ]
    )

    t0 = to_ms_precision(T0)
    assert store.exception_groups(["failed", "maxretries"]) == [
        ExceptionGroup("tasks.a", "ValueError", 2, t0 + 3 * HOUR, "error 3"),
        ExceptionGroup("tasks.b", "KeyError", 2, t0 + HOUR, "error 1"),
        ExceptionGroup("tasks.a", "KeyError", 1, t0 + 4 * HOUR, "error 4"),
        ExceptionGroup("tasks.b", "ValueError", 1, t0 + 5 * HOUR, "error 5"),
    ]
    assert store.exception_groups(["cancel"]) == []


# Tasksets, workers, logs, schedules.


def test_tasksets(store: Store) -> None:
    full = TasksetRecord(new_id(), "tasks.map", [new_id(), new_id()], T0, "tasks.reduce", '{"k": 1}', "callbacks")
    minimal = TasksetRecord(new_id(), "tasks.map", [], T0 + HOUR)
    store.insert_taskset(full)
    store.insert_taskset(minimal)

    assert store.get_taskset(full.id) == replace(full, date_created=to_ms_precision(T0))
    assert store.get_taskset(minimal.id) == replace(minimal, date_created=to_ms_precision(T0 + HOUR))
    assert store.get_taskset(new_id()) is None


def test_list_tasksets_pages_newest_first_without_members(store: Store) -> None:
    tasksets = [TasksetRecord(new_id(), "tasks.map", [new_id()], T0 + i * HOUR, "tasks.reduce") for i in range(5)]
    for taskset in tasksets:
        store.insert_taskset(taskset)
    listed = [replace(t, job_ids=[], date_created=to_ms_precision(t.date_created)) for t in reversed(tasksets)]

    assert store.list_tasksets(2) == listed[:2]
    assert store.list_tasksets(2, before_id=listed[1].id) == listed[2:4]
    assert store.list_tasksets(10, before_id=listed[3].id) == listed[4:]
    assert store.list_tasksets(10, before_id=listed[4].id) == []


def worker(worker_id: str, heartbeat: datetime, **values: Any) -> WorkerRecord:
    record = WorkerRecord(
        worker_id,
        "host-1",
        1234,
        ["default", "root/"],
        50,
        "running",
        10,
        2**31,
        1.5,
        ["65f0a0b0c0d0e0f001020304"],
        heartbeat,
    )
    return replace(record, **values)


def test_workers(store: Store) -> None:
    store.record_worker(worker("w-a", T0, status="starting"))
    store.record_worker(worker("w-a", T0 + 2 * HOUR, done_jobs=11, job_ids=[]))
    store.record_worker(worker("w-c", T0 + HOUR))
    store.record_worker(worker("w-b", T0 + HOUR))
    store.record_worker(worker("w-old", T0 - HOUR))

    assert store.workers_seen_since(T0) == [
        worker("w-a", to_ms_precision(T0 + 2 * HOUR), done_jobs=11, job_ids=[]),
        worker("w-b", to_ms_precision(T0 + HOUR)),
        worker("w-c", to_ms_precision(T0 + HOUR)),
    ]
    assert store.worker_exists("w-old") is True
    assert store.worker_exists("w-none") is False


def test_log_chunks(store: Store) -> None:
    job_id = new_id()
    chunks = [LogChunk(f"{job_id}-{n}", job_id, f"line {n}\n" * 3, T0, NOW + (n - 1) * HOUR) for n in range(3)]
    store.insert_log_chunks(chunks)
    store.insert_log_chunks([])

    wanted = [c.id for c in chunks] + [f"{job_id}-9"]
    assert store.log_texts(wanted) == {c.id: c.text for c in chunks}
    assert store.log_texts([]) == {}

    assert store.delete_expired_log_chunks(NOW) == 1
    assert store.log_texts(wanted) == {c.id: c.text for c in chunks[1:]}


def schedule(schedule_id: str, created: datetime, **values: Any) -> ScheduleRecord:
    definition = {
        "task": "tasks.tick",
        "params_json": '{"n": 1}',
        "interval_s": 60.0,
        "queue": "default",
        "cron": "",
        "timezone": "UTC",
    }
    return replace(ScheduleRecord(schedule_id, definition, "config", False, created), **values)


def test_schedules(store: Store) -> None:
    later, first = schedule("s-later", T0 + HOUR), schedule("s-first", T0, source="api", paused=True)
    tie = schedule("s-tie", T0 + HOUR)
    assert store.insert_schedule(later) is True
    assert store.insert_schedule(first) is True
    assert store.insert_schedule(tie) is True
    assert store.insert_schedule(replace(later, source="api")) is False

    assert store.get_schedule("s-first") == replace(first, date_created=to_ms_precision(T0))
    assert store.get_schedule("s-none") is None
    assert ids(store.list_schedules()) == ["s-first", "s-later", "s-tie"]

    store.set_schedule_paused("s-first", False)
    store.set_schedule_paused("s-later", True)
    assert [s.paused for s in store.list_schedules()] == [False, True, False]

    store.delete_schedule("s-tie")
    store.delete_schedule("s-none")
    assert ids(store.list_schedules()) == ["s-first", "s-later"]


def test_advance_schedule_is_a_compare_and_set(store: Store) -> None:
    store.insert_schedule(schedule("s", T0))
    tick_1, tick_2 = T0 + timedelta(minutes=1), T0 + timedelta(minutes=2)

    assert store.advance_schedule("s", None, tick_1, "job-1") is True
    assert store.advance_schedule("s", None, tick_2, "job-x") is False  # another broker advanced it first
    assert store.advance_schedule("s", T0, tick_2, "job-x") is False
    assert store.advance_schedule("s", tick_1, tick_2, "job-2") is True
    assert store.advance_schedule("s-none", None, tick_1, "job-y") is False

    assert store.get_schedule("s") == replace(
        schedule("s", T0), date_created=to_ms_precision(T0), last_tick=to_ms_precision(tick_2), last_job_id="job-2"
    )


def test_advance_schedule_compares_to_the_millisecond(store: Store) -> None:
    """The previous tick a broker holds was read from the store: it compares equal."""
    store.insert_schedule(schedule("s", T0))
    tick = T0 + timedelta(minutes=1, microseconds=123)
    assert store.advance_schedule("s", None, tick, "job-1") is True
    last_tick = store.get_schedule("s").last_tick  # type: ignore[union-attr]
    assert last_tick == to_ms_precision(tick)
    assert store.advance_schedule("s", last_tick, tick + HOUR, "job-2") is True


# SQLite: a file that can't serve fails with StoreUnavailable naming the cause and the file.


def test_sqlite_creates_missing_folders_and_reopens(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "mrq.sqlite3"
    record = job()
    store = SQLiteStore(path)
    store.insert_jobs([record])
    store.close()

    reopened = SQLiteStore(path)
    assert reopened.get_job(record.id) == as_read(record)
    assert str(path) in reopened.describe()
    reopened.close()


def test_sqlite_unwritable_folder(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(StoreUnavailable, match=r"can't create its folder") as failure:
        SQLiteStore(blocker / "data" / "mrq.sqlite3")
    assert str(blocker / "data" / "mrq.sqlite3") in str(failure.value)


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes read-only files")
def test_sqlite_read_only_file(tmp_path: Path) -> None:
    path = tmp_path / "mrq.sqlite3"
    SQLiteStore(path).close()
    path.chmod(0o444)
    tmp_path.chmod(0o555)
    try:
        with pytest.raises(StoreUnavailable, match=r"readonly|read-only|unable to open"):
            SQLiteStore(path)
    finally:
        tmp_path.chmod(0o755)


def test_sqlite_corrupt_file(tmp_path: Path) -> None:
    path = tmp_path / "mrq.sqlite3"
    path.write_bytes(b"this is not a database, " * 200)
    with pytest.raises(StoreUnavailable, match="not a database") as failure:
        SQLiteStore(path)
    assert str(path) in str(failure.value)


def test_sqlite_file_of_a_newer_schema(tmp_path: Path) -> None:
    path = tmp_path / "mrq.sqlite3"
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA user_version = 999")
    connection.close()
    with pytest.raises(StoreUnavailable, match="schema version 999"):
        SQLiteStore(path)


def test_sqlite_file_of_schema_version_1_gets_its_counts(tmp_path: Path) -> None:
    # Given a file of version 1, whose jobs were stored before their counts were kept
    path = tmp_path / "mrq.sqlite3"
    store = SQLiteStore(path)
    store.insert_jobs([job(queue="q1"), job(queue="q1", status="failed"), job(queue="q2")])
    store.close()
    with sqlite3.connect(path) as connection:
        connection.executescript(
            "DROP TABLE job_counts; DROP TRIGGER jobs_count_insert; "
            "DROP TRIGGER jobs_count_delete; DROP TRIGGER jobs_count_update; "
            "PRAGMA user_version = 1"
        )
    connection.close()

    # When a broker opens it, it counts them once, then keeps counting
    store = SQLiteStore(path)
    store.insert_jobs([job(queue="q2", status="failed")])
    assert store.count_by_queue_and_status() == {"q1": {"queued": 1, "failed": 1}, "q2": {"queued": 1, "failed": 1}}
    store.close()


def test_sqlite_locked_too_long(tmp_path: Path) -> None:
    # Given another process's connection holding the write lock
    path = tmp_path / "mrq.sqlite3"
    store = SQLiteStore(path, busy_timeout_s=0.05)
    record = job()
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")

    # When the store writes, it waits busy_timeout_s, then fails without writing
    with pytest.raises(StoreUnavailable, match="locked") as failure:
        store.insert_jobs([record])
    assert str(path) in str(failure.value)
    assert store.get_job(record.id) is None

    # Then once the lock is released, the same write succeeds
    other.execute("ROLLBACK")
    other.close()
    store.insert_jobs([record])
    assert store.get_job(record.id) == as_read(record)
    store.close()


def test_sqlite_brokers_share_one_file(tmp_path: Path) -> None:
    path = tmp_path / "mrq.sqlite3"
    first, second = SQLiteStore(path), SQLiteStore(path)
    a, b = job(), job()
    first.insert_jobs([a])
    second.insert_jobs([b])
    second.update_jobs([JobChange(a.id, {"status": "success"})])
    assert first.get_jobs([a.id, b.id]) == {a.id: as_read(replace(a, status="success")), b.id: as_read(b)}
    first.close()
    second.close()
