"""Schedules: stored ScheduleRecords, and firing a tick so that its job is queued once.

A schedule's id is its definition's hash (see ``mrq.schedule_spec``); its ``last_tick`` is None
until the first tick. Every write is by exact id.

Firing one tick, called by any number of scheduler replicas at once, in this order:

1. Read the schedule. If its last tick is no longer the caller's ``previous_tick``, another
   caller moved it on: STALE, nothing written.
2. Insert the tick's job record. Its id is derived from (schedule, tick), so a second insert of
   the same tick fails on the unique id and changes nothing.
3. Queue it in Redis with ``push_tick.lua``, which records the tick in the schedule's tick set
   in the same atomic step: only the first caller queues it (ENQUEUED), the others get
   DUPLICATE.
4. Move the schedule's last tick from ``previous_tick`` to the tick (compare-and-set).

A broker that dies anywhere in between leaves the last tick at ``previous_tick``, so the next
loop of any replica computes the same tick again and repeats the steps: step 2 keeps the one
record, step 3 queues the job if and only if no one did, step 4 moves the schedule on. So a
tick's job is queued exactly once, whoever fires it and wherever a broker stops; the record
is written before the job is queued, as for every job (see submission). What is lost with
Redis's data (a failover without the append-only file) is the tick set, and with it this
guarantee for the ticks in flight at that moment.
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime

import orjson

from mrq.schedule_spec import ScheduleSpec
from mrq.v1 import job_pb2, schedule_service_pb2
from mrq.v1.schedule_service_pb2 import (
    FIRE_OUTCOME_DUPLICATE,
    FIRE_OUTCOME_ENQUEUED,
    FIRE_OUTCOME_SKIPPED,
    FIRE_OUTCOME_STALE,
)
from mrq_broker.errors import NoSuchSchedule, ScheduleExists, ScheduleFromConfig
from mrq_broker.jobs.payloads import new_jobs, queue_entry
from mrq_broker.jobs.validation import resolve_options
from mrq_broker.metrics import BrokerMetrics
from mrq_broker.queueing.queues import RedisQueues
from mrq_broker.settings import BrokerSettings
from mrq_broker.storage.base import Store
from mrq_broker.storage.records import JobRecord, ScheduleRecord, from_ms, to_ms

CONFIG = "config"
API = "api"

#: The ticks a job id can hold: 4 bytes of seconds from the epoch, 1970 to 2106.
TICK_RANGE_MS = range(0, 2**32 * 1000)


def tick_job_id(schedule_id: str, tick_ms: int) -> str:
    """The job id of one tick: its time in the leading 4 bytes (so ids sort by tick, as
    ObjectIds sort by creation), then 8 bytes of a hash of (schedule, tick)."""
    digest = hashlib.sha256(f"{schedule_id}:{tick_ms}".encode()).digest()
    return ((tick_ms // 1000).to_bytes(4, "big") + digest[:8]).hex()


def spec_of(schedule: ScheduleRecord) -> ScheduleSpec:
    return ScheduleSpec.model_validate({**schedule.definition, "params": orjson.loads(schedule.definition["params"])})


@dataclass(frozen=True)
class SyncResult:
    created: list[str]
    deleted: list[str]
    kept: list[str]


@dataclass
class Schedules:
    """Stored schedules (create, read, update, delete, pause, sync) and firing their ticks."""

    store: Store
    queues: RedisQueues
    settings: BrokerSettings
    metrics: BrokerMetrics

    def create(self, spec: ScheduleSpec, source: str, now: datetime, paused: bool = False) -> ScheduleRecord:
        # Stored at the stores' precision now, so the record returned is the one read back later.
        definition = {**spec.model_dump(mode="json"), "params": orjson.dumps(spec.params).decode()}
        record = ScheduleRecord(
            id=spec.identity(), definition=definition, source=source, paused=paused, date_created=from_ms(to_ms(now))
        )
        if not self.store.insert_schedule(record):
            raise ScheduleExists(record.id)
        return record

    def get(self, schedule_id: str) -> ScheduleRecord:
        record = self.store.get_schedule(schedule_id)
        if record is None:
            raise NoSuchSchedule(schedule_id)
        return record

    def list(self) -> list[ScheduleRecord]:
        return self.store.list_schedules()

    def update(self, schedule_id: str, spec: ScheduleSpec, now: datetime) -> ScheduleRecord:
        """Replaces an API schedule by a new one (a new id); keeps it paused if it was."""
        old = self._api_schedule(schedule_id)
        if spec.identity() == schedule_id:
            return old
        new = self.create(spec, API, now, paused=old.paused)
        self.delete(schedule_id)
        return new

    def delete(self, schedule_id: str) -> None:
        self._api_schedule(schedule_id)
        self._remove(schedule_id)

    def pause(self, schedule_id: str, paused: bool) -> ScheduleRecord:
        self.get(schedule_id)
        self.store.set_schedule_paused(schedule_id, paused)
        return self.get(schedule_id)

    def sync(self, specs: Sequence[ScheduleSpec], now: datetime) -> SyncResult:
        """Makes the config schedules exactly ``specs``; existing ones keep their state."""
        existing = {s.id: s.source for s in self.store.list_schedules()}
        wanted = {spec.identity(): spec for spec in specs}
        created = [i for i in wanted if i not in existing]
        for schedule_id in created:
            with contextlib.suppress(ScheduleExists):  # another replica synced it first
                self.create(wanted[schedule_id], CONFIG, now)
        deleted = [i for i, source in existing.items() if source == CONFIG and i not in wanted]
        for schedule_id in deleted:
            self._remove(schedule_id)
        return SyncResult(created, deleted, [i for i in wanted if i in existing])

    def fire(
        self, schedule_id: str, tick_ms: int, previous: datetime | None, skip: bool
    ) -> tuple[schedule_service_pb2.FireOutcome, str]:
        """Fires one tick (see the module's docstring); returns the outcome and the job id."""
        schedule = self.get(schedule_id)
        if schedule.last_tick != previous:
            return FIRE_OUTCOME_STALE, ""
        outcome, job_id = FIRE_OUTCOME_SKIPPED, ""
        if not skip:
            job = self._tick_job(schedule_id, spec_of(schedule), tick_ms)
            job_id = job.id
            self.store.insert_job_once(job)
            outcome = FIRE_OUTCOME_DUPLICATE
            if self.queues.push_tick(queue_entry(job), schedule_id, tick_ms):
                outcome = FIRE_OUTCOME_ENQUEUED
                self.metrics.jobs_enqueued.labels(queue=job.queue, task=job.task).inc()
        self.store.advance_schedule(schedule_id, previous, from_ms(tick_ms), job_id or schedule.last_job_id)
        return outcome, job_id

    def _tick_job(self, schedule_id: str, spec: ScheduleSpec, tick_ms: int) -> JobRecord:
        """The job of one tick. Its dedupe key names the schedule and the tick, so GetJob shows
        where a scheduled job came from (and no other job can take that key)."""
        now = datetime.now(UTC)
        options = job_pb2.JobOptions(queue=spec.queue, dedupe_key=f"schedule:{schedule_id}:{tick_ms}")
        resolved = resolve_options(spec.path, options, self.settings, now)
        params = orjson.dumps(spec.params, option=orjson.OPT_SORT_KEYS).decode()
        [job] = new_jobs(spec.path, [params], resolved, now)
        return replace(
            job, id=tick_job_id(schedule_id, tick_ms), schedule_id=schedule_id, schedule_tick=from_ms(tick_ms)
        )

    def _api_schedule(self, schedule_id: str) -> ScheduleRecord:
        schedule = self.get(schedule_id)
        if schedule.source == CONFIG:
            raise ScheduleFromConfig(schedule_id)
        return schedule

    def _remove(self, schedule_id: str) -> None:
        self.store.delete_schedule(schedule_id)
        self.queues.forget_ticks(schedule_id)


def to_proto(record: ScheduleRecord) -> schedule_service_pb2.Schedule:
    """The public view of a schedule."""
    schedule = schedule_service_pb2.Schedule(
        id=record.id,
        definition=spec_of(record).to_proto(),
        paused=record.paused,
        last_job_id=record.last_job_id,
        source=schedule_service_pb2.SCHEDULE_SOURCE_CONFIG
        if record.source == CONFIG
        else schedule_service_pb2.SCHEDULE_SOURCE_API,
        date_created=record.date_created,
    )
    if record.last_tick is not None:
        schedule.last_tick.FromDatetime(record.last_tick)
    return schedule
