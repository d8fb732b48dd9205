"""Wake-ups across brokers, through Redis pub/sub: one subscriber thread per broker process.

``enqueued`` wakes LeaseJobs calls that wait for work; ``finished`` wakes WaitJobs calls;
``logs`` (and ``finished``) wake FollowJobLogs calls of the jobs named. A
missed message (Redis restart) costs latency, not correctness: every waiter also re-checks the
stores at least every ``max_sleep_s``.
"""

from __future__ import annotations

import logging
import threading
from collections import defaultdict
from collections.abc import Iterable

import redis

from mrq_broker.queueing.keys import Keys

log = logging.getLogger(__name__)


class JobWaiter:
    """Waits until every id in ``pending`` was announced finished (see :class:`Events`)."""

    def __init__(self, job_ids: Iterable[str]) -> None:
        self.pending = set(job_ids)
        self.event = threading.Event()

    def discard(self, job_ids: Iterable[str]) -> None:
        self.pending.difference_update(job_ids)
        if not self.pending:
            self.event.set()


class Events:
    """The subscriber thread, and the registries of waiters it wakes."""

    def __init__(self, client: redis.Redis, keys: Keys) -> None:
        self.client = client
        self.keys = keys
        self.enqueued = threading.Condition()
        #: Counts "enqueued" messages, so a waiter can tell one arrived since it last looked.
        self._enqueues = 0
        self._waiters: dict[str, set[JobWaiter]] = defaultdict(set)
        self._log_watchers: dict[str, set[threading.Event]] = defaultdict(set)
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._run, name="events", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stopping.set()

    def enqueues(self) -> int:
        """A mark to pass to :meth:`wait_for_enqueue`, taken before looking for jobs."""
        return self._enqueues

    def wait_for_enqueue(self, timeout_s: float, since: int) -> None:
        """Blocks until some job is enqueued anywhere after the mark ``since`` was taken (at
        once if one was already), or ``timeout_s`` passes."""
        with self.enqueued:
            self.enqueued.wait_for(lambda: self._enqueues != since, timeout_s)

    def register(self, waiter: JobWaiter) -> None:
        with self._lock:
            for job_id in waiter.pending:
                self._waiters[job_id].add(waiter)

    def unregister(self, waiter: JobWaiter, job_ids: Iterable[str]) -> None:
        with self._lock:
            for job_id in job_ids:
                waiters = self._waiters.get(job_id)
                if waiters is not None:
                    waiters.discard(waiter)
                    if not waiters:
                        del self._waiters[job_id]

    def watch_logs(self, job_id: str) -> threading.Event:
        """An event set whenever the job gets log chunks or becomes final; clear it before
        looking, and pass it to :meth:`unwatch_logs` when done."""
        event = threading.Event()
        with self._lock:
            self._log_watchers[job_id].add(event)
        return event

    def unwatch_logs(self, job_id: str, event: threading.Event) -> None:
        with self._lock:
            watchers = self._log_watchers.get(job_id)
            if watchers is not None:
                watchers.discard(event)
                if not watchers:
                    del self._log_watchers[job_id]

    def _logged(self, job_ids: list[str]) -> None:
        with self._lock:
            woken = [e for i in job_ids for e in self._log_watchers.get(i, ())]
        for event in woken:
            event.set()

    def _finished(self, job_ids: list[str]) -> None:
        with self._lock:
            woken = {w for i in job_ids for w in self._waiters.get(i, ())}
        for waiter in woken:
            waiter.discard(job_ids)
        self._logged(job_ids)

    def _run(self) -> None:
        backoff_s = 0.1
        while not self._stopping.is_set():
            try:
                pubsub = self.client.pubsub(ignore_subscribe_messages=True)
                pubsub.subscribe(self.keys.enqueued_channel, self.keys.finished_channel, self.keys.logs_channel)
                backoff_s = 0.1
                while not self._stopping.is_set():
                    message = pubsub.get_message(timeout=1.0)
                    if message is not None:
                        self._dispatch(message["channel"].decode(), message["data"].decode())
            except redis.exceptions.RedisError as exc:
                log.warning("event subscription lost (%s); reconnecting in %.1fs", exc, backoff_s)
                self._stopping.wait(backoff_s)
                backoff_s = min(backoff_s * 2, 5.0)

    def announce_enqueue(self) -> None:
        """Wakes this process's waiting leases at once after an enqueue here, without waiting for
        the Redis message (which wakes every broker, this one again: a look that finds nothing)."""
        with self.enqueued:
            self._enqueues += 1
            self.enqueued.notify_all()

    def _dispatch(self, channel: str, data: str) -> None:
        if channel == self.keys.enqueued_channel:
            self.announce_enqueue()
        elif channel == self.keys.logs_channel:
            self._logged(data.split())
        else:
            self._finished(data.split())
