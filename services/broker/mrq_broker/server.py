"""Assembles the broker: connections, background threads, and the gRPC server with its services."""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent import futures
from dataclasses import dataclass

import grpc
import redis
from grpc_health.v1 import health, health_pb2, health_pb2_grpc
from grpc_reflection.v1alpha import reflection
from prometheus_client import CollectorRegistry
from redis.connection import parse_url
from redis.sentinel import Sentinel

from mrq.rpc import MAX_MESSAGE_BYTES
from mrq.security import redact_url
from mrq.v1 import (
    job_service_pb2,
    job_service_pb2_grpc,
    monitor_service_pb2,
    monitor_service_pb2_grpc,
    queue_service_pb2,
    queue_service_pb2_grpc,
    schedule_service_pb2,
    schedule_service_pb2_grpc,
    worker_service_pb2,
    worker_service_pb2_grpc,
)
from mrq_broker.api import auth
from mrq_broker.api.job_service import JobServicer
from mrq_broker.api.monitor_service import MonitorServicer
from mrq_broker.api.queue_service import QueueServicer
from mrq_broker.api.schedule_service import ScheduleServicer
from mrq_broker.api.worker_service import WorkerServicer
from mrq_broker.jobs.actions import JobActions
from mrq_broker.jobs.committer import OutcomeCommitter
from mrq_broker.jobs.history import History
from mrq_broker.jobs.logs import JobLogs
from mrq_broker.jobs.maintenance import Maintenance
from mrq_broker.jobs.monitoring import Monitor
from mrq_broker.jobs.operations import Operations
from mrq_broker.jobs.queue_admin import QueueAdmin
from mrq_broker.jobs.raw_jobs import RawJobs
from mrq_broker.jobs.schedules import Schedules
from mrq_broker.jobs.tasksets import Tasksets
from mrq_broker.metrics import BrokerMetrics, GrpcMetrics, QueueCollector, serve
from mrq_broker.queueing.events import Events
from mrq_broker.queueing.keys import Keys
from mrq_broker.queueing.queues import RedisQueues
from mrq_broker.settings import BrokerSettings
from mrq_broker.storage import Store, open_store

log = logging.getLogger(__name__)


@dataclass
class BrokerServer:
    """A running broker; :meth:`stop` shuts it down in the reverse order of :func:`start`."""

    server: grpc.Server
    store: Store
    committer: OutcomeCommitter
    events: Events
    maintenance: Maintenance
    health: health.HealthServicer
    port: int
    stop_metrics: Callable[[], None] | None = None

    def stop(self, grace_s: float = 5.0) -> None:
        # Refuse new calls and let running ones finish first: they may be waiting on the
        # committer, which must still be running to answer them.
        self.health.enter_graceful_shutdown()
        self.server.stop(grace_s).wait()
        self.maintenance.stop()
        self.committer.stop()
        self.events.stop()
        self.store.close()
        if self.stop_metrics is not None:
            self.stop_metrics()


def connect_redis(settings: BrokerSettings) -> redis.Redis:
    """A client of the Redis at --redis-url, or of the master the Sentinels name (it finds the new
    master by itself after a failover)."""
    if not settings.redis_sentinels:
        return redis.Redis.from_url(settings.redis_url, health_check_interval=30)
    url = parse_url(settings.redis_url)
    sentinels = [(host, int(port)) for host, _, port in (s.rpartition(":") for s in settings.redis_sentinels)]
    sentinel = Sentinel(sentinels, socket_timeout=5.0)
    master: redis.Redis = sentinel.master_for(
        settings.redis_sentinel_master,
        db=url.get("db", 0),
        password=url.get("password"),
        username=url.get("username"),
        health_check_interval=30,
    )
    return master


def start(settings: BrokerSettings) -> BrokerServer:
    """Connects to Redis and opens the store, starts the threads and the server."""
    redis_client = connect_redis(settings)
    keys = Keys(settings.redis_prefix)
    store = open_store(settings)
    queues = RedisQueues(redis_client, keys)
    events = Events(redis_client, keys)
    logs = JobLogs(
        store,
        redis_client,
        keys,
        seq_ttl_s=max(settings.final_ttl_s, settings.default_result_ttl_s),
        max_bytes_per_job=settings.max_log_bytes_per_job,
    )
    metrics = BrokerMetrics(CollectorRegistry())
    metrics.registry.register(QueueCollector(queues))
    # The one place that builds the broker's objects: each is built once and handed to its users.
    tasksets = Tasksets(store, queues, settings, metrics)
    history = History(queues, settings)
    committer = OutcomeCommitter(store, queues, settings, metrics, tasksets, history)
    raw = RawJobs(store, queues, settings)
    operations = Operations(settings, store, queues, events, logs, metrics, committer, raw)
    maintenance = Maintenance(store, queues, raw, settings, metrics, history)
    actions = JobActions(store, queues, settings, tasksets)
    schedules = Schedules(store, queues, settings, metrics)

    server = grpc.server(
        futures.ThreadPoolExecutor(max_workers=settings.grpc_threads, thread_name_prefix="grpc"),
        options=[
            ("grpc.max_receive_message_length", MAX_MESSAGE_BYTES),
            ("grpc.max_send_message_length", MAX_MESSAGE_BYTES),
        ],
        interceptors=[GrpcMetrics(metrics), *auth.interceptors(settings)],
    )
    job_service_pb2_grpc.add_JobServiceServicer_to_server(JobServicer(operations, actions, tasksets), server)
    queue_service_pb2_grpc.add_QueueServiceServicer_to_server(
        QueueServicer(QueueAdmin(queues, raw, actions), settings.max_batch_size), server
    )
    worker_service_pb2_grpc.add_WorkerServiceServicer_to_server(WorkerServicer(operations, committer), server)
    monitor_service_pb2_grpc.add_MonitorServiceServicer_to_server(
        MonitorServicer(operations, Monitor(store, queues, settings), actions, history), server
    )
    schedule_service_pb2_grpc.add_ScheduleServiceServicer_to_server(ScheduleServicer(schedules), server)
    health_servicer = health.HealthServicer()
    health_pb2_grpc.add_HealthServicer_to_server(health_servicer, server)
    reflection.enable_server_reflection(
        [
            job_service_pb2.DESCRIPTOR.services_by_name["JobService"].full_name,
            queue_service_pb2.DESCRIPTOR.services_by_name["QueueService"].full_name,
            worker_service_pb2.DESCRIPTOR.services_by_name["WorkerService"].full_name,
            monitor_service_pb2.DESCRIPTOR.services_by_name["MonitorService"].full_name,
            schedule_service_pb2.DESCRIPTOR.services_by_name["ScheduleService"].full_name,
            health.SERVICE_NAME,
            reflection.SERVICE_NAME,
        ],
        server,
    )
    credentials = auth.server_credentials(settings)
    port = (
        server.add_insecure_port(settings.broker_address)
        if credentials is None
        else server.add_secure_port(settings.broker_address, credentials)
    )
    if port == 0:
        raise OSError(f"cannot listen on {settings.broker_address}")

    stop_metrics = serve(metrics.registry, settings.metrics_host, settings.metrics_port)
    events.start()
    committer.start()
    maintenance.start()
    server.start()
    health_servicer.set("", health_pb2.HealthCheckResponse.SERVING)
    log.info(
        "broker listening on %s (%s%s; redis %s, prefix %r; store: %s; lease %.0fs)",
        settings.broker_address,
        "TLS" if credentials else "plaintext",
        ", mTLS" if settings.tls_client_ca_file else "",
        redact_url(settings.redis_url),
        settings.redis_prefix,
        store.describe(),
        settings.lease_ttl_s,
    )
    return BrokerServer(server, store, committer, events, maintenance, health_servicer, port, stop_metrics)
