"""The scheduler's Prometheus metrics, served on ``/metrics`` (``--metrics-port``, 0 disables).

Every replica fires every due tick, so one tick shows as ``enqueued`` on one replica and as
``duplicate`` or ``stale`` on the others: sum ``enqueued`` over replicas to count jobs.
"""

from __future__ import annotations

import logging

from prometheus_client import CollectorRegistry, Counter, start_http_server

log = logging.getLogger(__name__)


class SchedulerMetrics:
    """One scheduler's metrics, registered in ``registry``."""

    def __init__(self, registry: CollectorRegistry) -> None:
        self.registry = registry
        self.ticks = Counter(
            "mrq_scheduler_ticks",
            "Ticks this replica fired, by schedule id, task and what the "
            "broker did: enqueued, duplicate or stale (another replica was first), skipped "
            "(missed or paused)",
            ["schedule", "task", "outcome"],
            registry=registry,
        )
        self.errors = Counter("mrq_scheduler_errors", "Failed calls to the broker", registry=registry)


def serve(registry: CollectorRegistry, host: str, port: int) -> None:
    """Serves ``/metrics`` on a daemon thread, which ends with the process (port 0: not at all)."""
    if port == 0:
        return
    try:
        start_http_server(port, addr=host, registry=registry)
    except OSError as exc:
        raise SystemExit(
            f"mrq-scheduler: cannot serve metrics on {host}:{port} ({exc}); choose another "
            "--metrics-port, or 0 to disable them"
        ) from exc
    log.info("metrics on http://%s:%d/metrics", host, port)
