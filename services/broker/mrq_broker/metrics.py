"""The broker's Prometheus metrics, served on ``/metrics`` (``--metrics-port``, 0 disables).

Every metric lives in the broker's own registry (:class:`BrokerMetrics`), built at start-up.
They are counted in three places, each where the fact is known without extra reads:

- the gRPC interceptor (:class:`GrpcMetrics`): requests and their latency, jobs enqueued (from
  the request and the queue its options resolve to) and jobs leased (from the response);
- the committer: jobs finished, by status and by the root of their queue (read from the job's
  payload, which the committer has in hand: ``emails/eu`` counts under ``emails``, so the label
  has one value per root queue however many subqueues come and go), and jobs requeued by a
  retry or an interrupt;
- maintenance: expired leases, and the jobs they sent back to their queue.

Queue depth and the age of the oldest queued job are read from Redis at scrape time
(:class:`QueueCollector`), so they are the same whichever broker is scraped.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from typing import Any

import grpc
import redis
from prometheus_client import CollectorRegistry, Counter, Histogram, start_http_server
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector

from mrq.v1 import worker_service_pb2
from mrq_broker.queue_names import queue_type, root
from mrq_broker.queueing.queues import RedisQueues

log = logging.getLogger(__name__)

#: Requeue reasons, the values of the ``reason`` label of mrq_jobs_requeued_total.
LEASE_EXPIRED = "lease_expired"
INTERRUPT = "interrupt"
RETRY = "retry"
ORPHANED = "orphaned"


class BrokerMetrics:
    """The broker's counters and histograms, registered in ``registry``."""

    def __init__(self, registry: CollectorRegistry) -> None:
        self.registry = registry
        self.jobs_enqueued = Counter(
            "mrq_jobs_enqueued", "Jobs enqueued through this broker", ["queue", "task"], registry=registry
        )
        self.jobs_dequeued = Counter(
            "mrq_jobs_dequeued", "Jobs leased to workers by this broker", ["queue"], registry=registry
        )
        self.jobs_finished = Counter(
            "mrq_jobs_finished",
            "Jobs whose final outcome this broker committed, "
            "by status and root queue (subqueues counted under their root)",
            ["queue", "status"],
            registry=registry,
        )
        self.jobs_requeued = Counter(
            "mrq_jobs_requeued", "Jobs this broker put back on a queue", ["reason"], registry=registry
        )
        self.leases_expired = Counter("mrq_leases_expired", "Expired leases this broker claimed", registry=registry)
        self.grpc_requests = Counter(
            "mrq_grpc_requests",
            "gRPC requests handled, by method and status code",
            ["method", "code"],
            registry=registry,
        )
        self.grpc_duration = Histogram(
            "mrq_grpc_request_duration_seconds", "gRPC request handling time", ["method"], registry=registry
        )

    def finished(self, status: str, queue: str, count: int = 1) -> None:
        """Counts ``count`` jobs of ``queue`` that ended ``status``, under the queue's root."""
        self.jobs_finished.labels(queue=root(queue), status=status).inc(count)

    def requeued(self, reason: str, count: int = 1) -> None:
        if count:
            self.jobs_requeued.labels(reason=reason).inc(count)


class QueueCollector(Collector):
    """mrq_queue_depth and mrq_queue_oldest_job_age_seconds, read from Redis at scrape time, for
    every known queue (the same exact sizes as ListQueues).

    The age is that of the next job in line (RedisQueues.sizes): without priorities the oldest
    job; with them the oldest of the highest priority present, so an older job of lower priority
    waiting behind it is not seen and the age can be under-reported. Raw queues' entries carry no
    date: their age is 0.
    """

    def __init__(self, queues: RedisQueues) -> None:
        self.queues = queues

    def collect(self) -> Iterator[GaugeMetricFamily]:
        depth = GaugeMetricFamily(
            "mrq_queue_depth", "Jobs ready to run in the queue (delayed jobs excluded)", labels=["queue"]
        )
        age = GaugeMetricFamily(
            "mrq_queue_oldest_job_age_seconds",
            "Seconds the next job of the queue has been waiting; 0 when empty",
            labels=["queue"],
        )
        now_ms = int(time.time() * 1000)
        try:
            names = sorted(self.queues.queue_names()[0])
            sizes = self.queues.sizes([(n, queue_type(n)) for n in names], now_ms)
        except redis.RedisError as exc:  # the other metrics are still worth serving
            log.warning("queue metrics unavailable: %s", exc)
            return
        for name, size in zip(names, sizes, strict=True):
            depth.add_metric([name], size.queued)
            oldest_ms = now_ms if size.oldest_enqueued_ms is None else size.oldest_enqueued_ms
            age.add_metric([name], max(0.0, now_ms - oldest_ms) / 1000)
        yield depth
        yield age

    def describe(self) -> Iterator[GaugeMetricFamily]:
        return iter(())  # collected at scrape time only, never at registration


class GrpcMetrics(grpc.ServerInterceptor):
    """Counts and times every unary RPC, and counts the jobs LeaseJobs hands out. (Enqueued
    jobs are counted where every enqueue goes through: mrq_broker.jobs.submission.)"""

    def __init__(self, metrics: BrokerMetrics) -> None:
        self.metrics = metrics

    def intercept_service(self, continuation: Callable[[Any], Any], details: grpc.HandlerCallDetails) -> Any:
        handler = continuation(details)
        if handler is None or handler.unary_unary is None:
            return handler  # streaming RPCs (reflection) are not measured
        method = details.method.rsplit("/", 1)[-1]
        behaviour = handler.unary_unary

        def measured(request: Any, context: grpc.ServicerContext) -> Any:
            started = time.perf_counter()
            code = grpc.StatusCode.UNKNOWN
            try:
                response = behaviour(request, context)
                # ServicerContext.code() exists since grpcio 1.38; types-grpcio lacks it.
                code = context.code() or grpc.StatusCode.OK  # type: ignore[attr-defined]
                if code == grpc.StatusCode.OK:
                    self._count_leased(response)
                return response
            except BaseException:
                code = context.code() or grpc.StatusCode.UNKNOWN  # type: ignore[attr-defined]  # as above
                raise
            finally:
                self.metrics.grpc_requests.labels(method=method, code=code.name).inc()
                self.metrics.grpc_duration.labels(method=method).observe(time.perf_counter() - started)

        return grpc.unary_unary_rpc_method_handler(
            measured, request_deserializer=handler.request_deserializer, response_serializer=handler.response_serializer
        )

    def _count_leased(self, response: Any) -> None:
        if not isinstance(response, worker_service_pb2.LeaseJobsResponse):
            return
        by_queue: dict[str, int] = {}
        for job in response.jobs:
            by_queue[job.queue] = by_queue.get(job.queue, 0) + 1
        for queue, count in by_queue.items():
            self.metrics.jobs_dequeued.labels(queue=queue).inc(count)


def serve(registry: CollectorRegistry, host: str, port: int) -> Callable[[], None] | None:
    """Serves ``/metrics`` on a daemon thread; returns a function stopping it (None if port is 0)."""
    if port == 0:
        return None
    try:
        server, thread = start_http_server(port, addr=host, registry=registry)
    except OSError as exc:
        raise OSError(
            f"cannot serve metrics on {host}:{port} ({exc}); choose another --metrics-port, or 0 to disable them"
        ) from exc
    log.info("metrics on http://%s:%d/metrics", host, port)

    def stop() -> None:
        server.shutdown()
        server.server_close()
        thread.join()

    return stop
