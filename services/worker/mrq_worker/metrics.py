"""The worker's Prometheus metrics, served on ``/metrics`` (``--metrics-port``, 0 disables).

A worker on its own serves its registry from a greenlet. With ``--processes P`` the children
don't serve anything: they write their values to files in a directory the supervisor creates
(prometheus-client's multiprocess mode, ``PROMETHEUS_MULTIPROC_DIR``), and the supervisor
serves the sum of all of them, so one container shows one consistent view. Counters and
histograms of children that died are kept; their greenlet gauges are dropped.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile

from gevent.pywsgi import WSGIServer
from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, make_wsgi_app, multiprocess

from mrq.statuses import status_name
from mrq.v1.worker_service_pb2 import JobOutcome, LeasedJob

logger = logging.getLogger(__name__)

MULTIPROC_DIR_ENV = "PROMETHEUS_MULTIPROC_DIR"


#: Upper bounds of mrq_job_duration_seconds: from a trivial job's milliseconds up to the
#: broker's default timeout of an hour, roughly x2.5 apart, so a background job's time has a
#: bucket of its own instead of +Inf.
DURATION_BUCKETS_S = (
    0.005,
    0.01,
    0.025,
    0.05,
    0.1,
    0.25,
    0.5,
    1.0,
    2.5,
    5.0,
    10.0,
    30.0,
    60.0,
    120.0,
    300.0,
    600.0,
    1200.0,
    1800.0,
    3600.0,
    7200.0,
)


class WorkerMetrics:
    """One worker process's metrics, registered in ``registry``."""

    def __init__(self, registry: CollectorRegistry) -> None:
        self.registry = registry
        self.job_duration = Histogram(
            "mrq_job_duration_seconds",
            "Time jobs ran in this worker",
            ["queue", "task"],
            registry=registry,
            buckets=DURATION_BUCKETS_S,
        )
        self.jobs = Counter(
            "mrq_worker_jobs",
            "Jobs this worker ran, by the outcome it reported",
            ["queue", "task", "status"],
            registry=registry,
        )
        self._labelled: dict[tuple[str, str, int], tuple[Histogram, Counter]] = {}
        # Two gauges, not one with a state label: the busy greenlets are a part of the pool, and
        # summing a whole and its part over one label would mean nothing.
        self.greenlets = Gauge(
            "mrq_worker_greenlets",
            "Job greenlets of the pool (its size)",
            registry=registry,
            multiprocess_mode="livesum",
        )
        self._busy = Gauge(
            "mrq_worker_greenlets_busy", "Job greenlets running a job", registry=registry, multiprocess_mode="livesum"
        )

    def pool_size(self, size: int) -> None:
        self.greenlets.set(size)
        self._busy.set(0)

    def job_started(self) -> None:
        self._busy.inc()

    def job_ended(self, job: LeasedJob, outcome: JobOutcome | None, duration_s: float) -> None:
        """Counts a job that left the pool; ``outcome`` is None when its lease was lost."""
        self._busy.dec()
        if outcome is not None:
            duration, count = self._children(job.queue, job.task, outcome.status)
            duration.observe(duration_s)
            count.inc()

    def _children(self, queue: str, task: str, status: int) -> tuple[Histogram, Counter]:
        """The labelled series a job's end updates, looked up once per (queue, task, status):
        ``labels()`` validates and locks on every call, a cost paid per job otherwise."""
        key = (queue, task, status)
        children = self._labelled.get(key)
        if children is None:
            children = self._labelled[key] = (
                self.job_duration.labels(queue=queue, task=task),
                self.jobs.labels(queue=queue, task=task, status=status_name(status)),
            )
        return children


def serve(registry: CollectorRegistry, host: str, port: int) -> WSGIServer | None:
    """Serves ``/metrics`` from a greenlet; returns the server (None if ``port`` is 0)."""
    if port == 0:
        return None
    server = WSGIServer((host, port), make_wsgi_app(registry), log=None)
    try:
        server.start()
    except OSError as exc:
        raise SystemExit(
            f"mrq-worker: cannot serve metrics on {host}:{port} ({exc}); choose another "
            "--metrics-port, or 0 to disable them"
        ) from exc
    logger.info("metrics on http://%s:%d/metrics", host, port)
    return server


class SupervisorMetrics:
    """The supervisor's side of multiprocess mode: the shared directory and the endpoint.

    :meth:`start` must run before the first child starts: children find the directory in
    their environment, which they inherit from this process.
    """

    def __init__(self, host: str, port: int) -> None:
        self.host = host
        self.port = port
        self.directory = ""
        self._server: WSGIServer | None = None

    def start(self) -> None:
        if self.port == 0:
            return
        self.directory = tempfile.mkdtemp(prefix="mrq-worker-metrics-")
        os.environ[MULTIPROC_DIR_ENV] = self.directory
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry, path=self.directory)
        self._server = serve(registry, self.host, self.port)

    def process_dead(self, pid: int) -> None:
        """Drops a dead child's live gauges (its counters stay in the totals)."""
        if self.directory:
            multiprocess.mark_process_dead(pid, self.directory)

    def stop(self) -> None:
        if self._server is not None:
            self._server.stop()
        if self.directory:
            shutil.rmtree(self.directory, ignore_errors=True)
