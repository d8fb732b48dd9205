"""Schedules: the ``schedules`` collection, and firing a tick so that its job is queued once.

A schedule document: ``_id`` (the definition's hash, see ``mrq.schedule_spec``), ``spec`` (the
definition, params as JSON text), ``source`` ("config" or "api"), ``paused``, ``datecreated``,
``last_tick`` (None until the first tick) and ``last_job``. Every write is by exact ``_id``.

Firing one tick, called by any number of scheduler replicas at once, in this order:

1. Read the schedule. If its last tick is no longer the caller's ``previous_tick``, another
   caller moved it on: STALE, nothing written.
2. Insert the tick's job record. Its ``_id`` is derived from (schedule, tick), so a second
   insert of the same tick fails on the unique ``_id`` and changes nothing.
3. Queue it in Redis with ``push_tick.lua``, which records the tick in the schedule's tick set
   in the same atomic step: only the first caller queues it (ENQUEUED), the others get
   DUPLICATE.
4. Move the schedule's last tick from ``previous_tick`` to the tick (compare-and-set by
   ``_id`` and ``last_tick``).

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
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import orjson
import pymongo
import pymongo.errors
from bson import ObjectId

from mrq.schedule_spec import ScheduleSpec
from mrq.v1 import job_pb2, schedule_service_pb2
from mrq.v1.schedule_service_pb2 import (
    FIRE_OUTCOME_DUPLICATE,
    FIRE_OUTCOME_ENQUEUED,
    FIRE_OUTCOME_SKIPPED,
    FIRE_OUTCOME_STALE,
)
from mrq_broker.documents import Doc, new_job_docs, queue_entry
from mrq_broker.errors import ScheduleExists, ScheduleFromConfig, ScheduleNotFound
from mrq_broker.metrics import BrokerMetrics
from mrq_broker.queues import RedisQueues
from mrq_broker.settings import BrokerSettings
from mrq_broker.store import JobStore
from mrq_broker.validation import resolve_options

CONFIG = "config"
API = "api"

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def from_ms(ms: int) -> datetime:
    """A UTC datetime at millisecond precision, as MongoDB stores them (exact, no float)."""
    return EPOCH + timedelta(milliseconds=ms)


def to_ms(moment: datetime) -> int:
    return (moment - EPOCH) // timedelta(milliseconds=1)


#: The ticks a job id can hold: 4 bytes of seconds from the epoch, 1970 to 2106.
TICK_RANGE_MS = range(0, 2**32 * 1000)


def tick_job_id(schedule_id: str, tick_ms: int) -> ObjectId:
    """The job id of one tick: its time in the leading 4 bytes (so ids sort by tick, as
    ObjectIds sort by creation), then 8 bytes of a hash of (schedule, tick)."""
    digest = hashlib.sha256(f"{schedule_id}:{tick_ms}".encode()).digest()
    return ObjectId((tick_ms // 1000).to_bytes(4, "big") + digest[:8])


def spec_of(doc: Doc) -> ScheduleSpec:
    return ScheduleSpec.model_validate({**doc["spec"], "params": orjson.loads(doc["spec"]["params"])})


@dataclass(frozen=True)
class SyncResult:
    created: list[str]
    deleted: list[str]
    kept: list[str]


@dataclass
class Schedules:
    """Stored schedules (create, read, update, delete, pause, sync) and firing their ticks."""

    database: pymongo.database.Database[Doc]
    store: JobStore
    queues: RedisQueues
    settings: BrokerSettings
    metrics: BrokerMetrics

    @property
    def collection(self) -> pymongo.collection.Collection[Doc]:
        return self.database["schedules"]

    def create(self, spec: ScheduleSpec, source: str, now: datetime, paused: bool = False) -> Doc:
        # Stored at MongoDB's precision now, so the document returned is the one read back later.
        doc: Doc = {"_id": spec.identity(), "spec": {**spec.model_dump(mode="json"),
                                                     "params": orjson.dumps(spec.params).decode()},
                    "source": source, "paused": paused, "datecreated": from_ms(to_ms(now)),
                    "last_tick": None, "last_job": ""}
        try:
            self.collection.insert_one(doc)
        except pymongo.errors.DuplicateKeyError as exc:
            raise ScheduleExists(doc["_id"]) from exc
        return doc

    def get(self, schedule_id: str) -> Doc:
        doc = self.collection.find_one({"_id": schedule_id})
        if doc is None:
            raise ScheduleNotFound(schedule_id)
        return doc

    def list(self) -> list[Doc]:
        return list(self.collection.find({}, sort=[("datecreated", 1), ("_id", 1)]))

    def update(self, schedule_id: str, spec: ScheduleSpec, now: datetime) -> Doc:
        """Replaces an API schedule by a new one (a new id); keeps it paused if it was."""
        old = self._api_schedule(schedule_id)
        if spec.identity() == schedule_id:
            return old
        new = self.create(spec, API, now, paused=old["paused"])
        self.delete(schedule_id)
        return new

    def delete(self, schedule_id: str) -> None:
        self._api_schedule(schedule_id)
        self._remove(schedule_id)

    def pause(self, schedule_id: str, paused: bool) -> Doc:
        self.get(schedule_id)
        self.collection.update_one({"_id": schedule_id}, {"$set": {"paused": paused}})
        return self.get(schedule_id)

    def sync(self, specs: Sequence[ScheduleSpec], now: datetime) -> SyncResult:
        """Makes the config schedules exactly ``specs``; existing ones keep their state."""
        existing = {d["_id"]: d["source"] for d in self.collection.find({}, {"source": 1})}
        wanted = {spec.identity(): spec for spec in specs}
        created = [i for i in wanted if i not in existing]
        for schedule_id in created:
            with contextlib.suppress(ScheduleExists):  # another replica synced it first
                self.create(wanted[schedule_id], CONFIG, now)
        deleted = [i for i, source in existing.items() if source == CONFIG and i not in wanted]
        for schedule_id in deleted:
            self._remove(schedule_id)
        return SyncResult(created, deleted, [i for i in wanted if i in existing])

    def fire(self, schedule_id: str, tick_ms: int, previous: datetime | None, skip: bool
             ) -> tuple[int, str]:
        """Fires one tick (see the module's docstring); returns the outcome and the job id."""
        doc = self.get(schedule_id)
        if doc["last_tick"] != previous:
            return FIRE_OUTCOME_STALE, ""
        outcome, job_id = FIRE_OUTCOME_SKIPPED, ""
        if not skip:
            job = self._tick_job(schedule_id, spec_of(doc), tick_ms)
            job_id = str(job["_id"])
            self.store.insert_once(job)
            outcome = FIRE_OUTCOME_DUPLICATE
            if self.queues.push_tick(queue_entry(job), schedule_id, tick_ms):
                outcome = FIRE_OUTCOME_ENQUEUED
                self.metrics.jobs_enqueued.labels(queue=job["queue"], task=job["task"]).inc()
        self.collection.update_one({"_id": schedule_id, "last_tick": previous},
                                   {"$set": {"last_tick": from_ms(tick_ms), "last_job": job_id or doc["last_job"]}})
        return outcome, job_id

    def _tick_job(self, schedule_id: str, spec: ScheduleSpec, tick_ms: int) -> Doc:
        """The job of one tick. Its dedupe key names the schedule and the tick, so GetJob shows
        where a scheduled job came from (and no other job can take that key)."""
        now = datetime.now(UTC)
        options = job_pb2.JobOptions(queue=spec.queue, dedupe_key=f"schedule:{schedule_id}:{tick_ms}")
        resolved = resolve_options(spec.path, options, self.settings, now)
        params = orjson.dumps(spec.params, option=orjson.OPT_SORT_KEYS).decode()
        [job] = new_job_docs(spec.path, [params], resolved, now)
        job.update(_id=tick_job_id(schedule_id, tick_ms), schedule=schedule_id, scheduletick=from_ms(tick_ms))
        return job

    def _api_schedule(self, schedule_id: str) -> Doc:
        doc = self.get(schedule_id)
        if doc["source"] == CONFIG:
            raise ScheduleFromConfig(schedule_id)
        return doc

    def _remove(self, schedule_id: str) -> None:
        self.collection.delete_one({"_id": schedule_id})
        self.queues.forget_ticks(schedule_id)




def to_proto(doc: Doc) -> schedule_service_pb2.Schedule:
    """The public view of a schedule document."""
    schedule = schedule_service_pb2.Schedule(
        id=doc["_id"], definition=spec_of(doc).to_proto(), paused=doc["paused"], last_job_id=doc["last_job"],
        source=schedule_service_pb2.SCHEDULE_SOURCE_CONFIG if doc["source"] == CONFIG
        else schedule_service_pb2.SCHEDULE_SOURCE_API,
        date_created=doc["datecreated"])
    if doc["last_tick"] is not None:
        schedule.last_tick.FromDatetime(doc["last_tick"])
    return schedule
