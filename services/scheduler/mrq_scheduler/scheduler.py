"""The scheduler: syncs the config's schedules once, then looks at every schedule each poll and
fires its due tick through the broker.

Replicas do not coordinate. Each fires every due tick, and the broker enqueues each tick once
(see ``mrq_broker.jobs.schedules``), so a replica that dies hands over at once: the others were
firing the same ticks all along. Ticks are wall-clock (UTC) times every replica agrees on;
the pause between two looks is measured on the monotonic clock.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TypeVar

import grpc

from mrq.errors import BrokerUnavailable, MrqError
from mrq.rpc import call
from mrq.schedule_spec import ScheduleSpec
from mrq.v1 import schedule_service_pb2, schedule_service_pb2_grpc
from mrq_scheduler.metrics import SchedulerMetrics
from mrq_scheduler.settings import SchedulerSettings
from mrq_scheduler.ticks import firing

log = logging.getLogger(__name__)

Response = TypeVar("Response")

# Seconds between two tries of the start-up sync while the broker is unreachable.
SYNC_RETRY_S = 1.0

OUTCOME_NAMES = {
    schedule_service_pb2.FIRE_OUTCOME_ENQUEUED: "enqueued",
    schedule_service_pb2.FIRE_OUTCOME_DUPLICATE: "duplicate",
    schedule_service_pb2.FIRE_OUTCOME_STALE: "stale",
    schedule_service_pb2.FIRE_OUTCOME_SKIPPED: "skipped",
}


@dataclass(frozen=True)
class Fired:
    """One tick this replica fired, and what the broker did with it (an OUTCOME_NAMES value)."""

    schedule_id: str
    tick: datetime
    outcome: str
    job_id: str


class Scheduler:
    """One replica: :meth:`sync` once, then :meth:`loop` every poll (or :meth:`run` for both)."""

    def __init__(
        self,
        channel: grpc.Channel,
        specs: Sequence[ScheduleSpec],
        settings: SchedulerSettings,
        metrics: SchedulerMetrics,
    ) -> None:
        self.stub = schedule_service_pb2_grpc.ScheduleServiceStub(channel)
        self.specs = list(specs)
        self.settings = settings
        self.metrics = metrics

    def _call(self, method: Callable[..., Response], request: object) -> Response:
        return call(method, request, timeout_s=self.settings.rpc_timeout_s, address=self.settings.broker_address)

    def sync(self, now: datetime | None = None) -> schedule_service_pb2.SyncSchedulesResponse:
        """Makes the broker's config schedules those of SCHEDULER_TASKS. New ones count their
        ticks from ``now``; unchanged ones keep their last tick; removed ones are deleted."""
        request = schedule_service_pb2.SyncSchedulesRequest(
            definitions=[s.to_proto() for s in self.specs], now=now or datetime.now(UTC)
        )
        response: schedule_service_pb2.SyncSchedulesResponse = self._call(self.stub.SyncSchedules, request)
        log.info(
            "synced SCHEDULER_TASKS: %d created, %d deleted, %d kept",
            len(response.created),
            len(response.deleted),
            len(response.kept),
        )
        return response

    def loop(self, now: datetime | None = None) -> list[Fired]:
        """Fires every schedule's due tick as of ``now`` (default: the clock); returns them.

        A schedule whose fire fails is counted and tried again next time; the others go on.
        """
        now = now or datetime.now(UTC)
        request = schedule_service_pb2.ListSchedulesRequest()
        listed: schedule_service_pb2.ListSchedulesResponse = self._call(self.stub.ListSchedules, request)
        fired = []
        for schedule in listed.schedules:
            try:
                result = self._fire_due(schedule, now)
            except MrqError as exc:
                self.metrics.errors.inc()
                log.warning("schedule %s: %s", schedule.id, exc)
                continue
            if result is not None:
                self.metrics.ticks.labels(
                    schedule=schedule.id, task=schedule.definition.task, outcome=result.outcome
                ).inc()
                fired.append(result)
        return fired

    def _fire_due(self, schedule: schedule_service_pb2.Schedule, now: datetime) -> Fired | None:
        last_tick = schedule.last_tick.ToDatetime(tzinfo=UTC) if schedule.HasField("last_tick") else None
        due = firing(
            ScheduleSpec.from_proto(schedule.definition),
            schedule.date_created.ToDatetime(tzinfo=UTC),
            last_tick,
            schedule.paused,
            now,
            self.settings.misfire_grace_s,
        )
        if due is None:
            return None
        request = schedule_service_pb2.FireScheduleRequest(schedule_id=schedule.id, tick=due.tick, skip=due.skip)
        if last_tick is not None:
            request.previous_tick.FromDatetime(last_tick)
        response: schedule_service_pb2.FireScheduleResponse = self._call(self.stub.FireSchedule, request)
        outcome = OUTCOME_NAMES[response.outcome]
        if outcome == "enqueued":
            log.info(
                "schedule %s (%s): tick %s enqueued job %s",
                schedule.id,
                schedule.definition.task,
                due.tick.isoformat(),
                response.job_id,
            )
        return Fired(schedule.id, due.tick, outcome, response.job_id)

    def run(self, stop: threading.Event) -> None:
        """Syncs (waiting for the broker), then loops every poll until ``stop`` is set.

        Raises:
            MrqError: the broker refused the config (e.g. InvalidArgument naming the entry).
        """
        while not stop.is_set():
            try:
                self.sync()
                break
            except BrokerUnavailable as exc:
                log.warning("waiting for the broker: %s", exc)
                stop.wait(SYNC_RETRY_S)
        while not stop.is_set():
            started = time.monotonic()
            try:
                self.loop()
            except MrqError as exc:
                self.metrics.errors.inc()
                log.warning("cannot list the schedules: %s", exc)
            stop.wait(max(0.0, self.settings.poll_interval_s - (time.monotonic() - started)))
