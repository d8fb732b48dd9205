"""MonitorService: thin servicer for operators and the dashboard (see monitoring.py)."""

from __future__ import annotations

from datetime import datetime

import grpc
from google.protobuf.timestamp_pb2 import Timestamp

from mrq.v1 import monitor_service_pb2, monitor_service_pb2_grpc, worker_service_pb2
from mrq_broker.errors import InvalidField, grpc_errors
from mrq_broker.jobs.actions import JobActions
from mrq_broker.jobs.history import MINUTE_S, RETENTION_S, History, Point, check_series, check_step
from mrq_broker.jobs.monitoring import Monitor, check_window
from mrq_broker.jobs.operations import Operations
from mrq_broker.jobs.searches import query_selection
from mrq_broker.jobs.validation import check_seconds
from mrq_broker.storage.records import WorkerRecord, job_proto

pb = monitor_service_pb2
WORKER_ACTIONS = (pb.WORKER_ACTION_STOP, pb.WORKER_ACTION_QUIET, pb.WORKER_ACTION_RESUME)


def _timestamp(moment: datetime | None) -> Timestamp | None:
    if moment is None:
        return None
    ts = Timestamp()
    ts.FromDatetime(moment)
    return ts


def _history_point(point: Point) -> pb.HistoryPoint:
    return pb.HistoryPoint(
        start=Timestamp(seconds=point.minute * MINUTE_S),
        finished=point.finished,
        failed=point.failed,
        queue_size=point.queue_size,
        p50_duration_s=point.p50_duration_s,
        p95_duration_s=point.p95_duration_s,
    )


def _worker_info(worker: WorkerRecord, alive: bool, quiet: bool) -> pb.WorkerInfo:
    state = worker_service_pb2.WorkerState(
        hostname=worker.hostname,
        pid=worker.pid,
        queues=worker.queues,
        concurrency=worker.concurrency,
        status=worker.status,
        done_jobs=worker.done_jobs,
        memory_bytes=worker.memory_bytes,
        cpu_s=worker.cpu_s,
    )
    return pb.WorkerInfo(
        worker_id=worker.id,
        state=state,
        job_ids=worker.job_ids,
        alive=alive,
        quiet=quiet,
        last_heartbeat=_timestamp(worker.date_heartbeat),
    )


class MonitorServicer(monitor_service_pb2_grpc.MonitorServiceServicer):
    def __init__(self, operations: Operations, monitor: Monitor, actions: JobActions, history: History) -> None:
        self.operations = operations
        self.monitor = monitor
        self.actions = actions
        self.history = history

    @grpc_errors
    def GetOverview(self, request: pb.GetOverviewRequest, context: grpc.ServicerContext) -> pb.GetOverviewResponse:
        window_s = check_window(request.window_s)
        view = self.monitor.overview(window_s)
        return pb.GetOverviewResponse(
            counts=view.counts,
            workers_alive=view.workers_alive,
            pool_size=view.pool_size,
            pool_busy=view.pool_busy,
            enqueued_in_window=view.enqueued,
            finished_in_window=view.finished,
            window_s=window_s,
        )

    @grpc_errors
    def ListJobs(self, request: pb.ListJobsRequest, context: grpc.ServicerContext) -> pb.ListJobsResponse:
        if request.order not in pb.JobOrder.values():
            raise InvalidField("order", f"{request.order} is not a JobOrder")
        selection = query_selection(request.filter, self.operations.settings)
        page = self.monitor.list_jobs(selection, request.order, request.limit, request.cursor)
        return pb.ListJobsResponse(
            jobs=[job_proto(j) for j in page.jobs],
            next_cursor=page.next_cursor,
            total=page.total,
            total_is_lower_bound=page.total_is_lower_bound,
        )

    @grpc_errors
    def ActOnMatchingJobs(
        self, request: pb.ActOnMatchingJobsRequest, context: grpc.ServicerContext
    ) -> pb.ActOnMatchingJobsResponse:
        counts = self.actions.act(request.action, [], request.filter, request.dry_run, "filter")
        return pb.ActOnMatchingJobsResponse(matched=counts.matched, changed=counts.changed, skipped=counts.skipped)

    @grpc_errors
    def ListWorkers(self, request: pb.ListWorkersRequest, context: grpc.ServicerContext) -> pb.ListWorkersResponse:
        rows = self.monitor.workers(check_seconds(request.seen_within_s, "seen_within_s"))
        return pb.ListWorkersResponse(workers=[_worker_info(*row) for row in rows])

    @grpc_errors
    def ControlWorker(
        self, request: pb.ControlWorkerRequest, context: grpc.ServicerContext
    ) -> pb.ControlWorkerResponse:
        if not request.worker_id or len(request.worker_id) > 200:
            raise InvalidField("worker_id", "required, at most 200 characters")
        if request.action not in WORKER_ACTIONS:
            raise InvalidField("action", f"{request.action} is not a WorkerAction (STOP, QUIET or RESUME)")
        self.monitor.control_worker(request.worker_id, request.action)
        return pb.ControlWorkerResponse()

    @grpc_errors
    def ListQueueRates(
        self, request: pb.ListQueueRatesRequest, context: grpc.ServicerContext
    ) -> pb.ListQueueRatesResponse:
        window_s = check_window(request.window_s)
        rates = [
            pb.QueueRate(queue=q, enqueued=e, finished=f, counts=c) for q, e, f, c in self.monitor.queue_rates(window_s)
        ]
        return pb.ListQueueRatesResponse(queues=rates, window_s=window_s)

    @grpc_errors
    def ListTaskStats(
        self, request: pb.ListTaskStatsRequest, context: grpc.ServicerContext
    ) -> pb.ListTaskStatsResponse:
        window_s = check_window(request.window_s)
        tasks = [pb.TaskStats(task=t, counts=c, finished_in_window=f) for t, c, f in self.monitor.task_stats(window_s)]
        return pb.ListTaskStatsResponse(tasks=tasks, window_s=window_s)

    @grpc_errors
    def ListExceptionGroups(
        self, request: pb.ListExceptionGroupsRequest, context: grpc.ServicerContext
    ) -> pb.ListExceptionGroupsResponse:
        groups = [
            pb.ExceptionGroup(
                task=g.task,
                exception_type=g.exception_type,
                count=g.count,
                last_seen=_timestamp(g.last_failed),
                example_error=g.example_error,
            )
            for g in self.monitor.exception_groups()
        ]
        return pb.ListExceptionGroupsResponse(groups=groups)

    @grpc_errors
    def GetHistory(self, request: pb.GetHistoryRequest, context: grpc.ServicerContext) -> pb.GetHistoryResponse:
        series = check_series(request.queue, request.task)
        window_min, step_min = check_step(request.window_s, request.step_s)
        return pb.GetHistoryResponse(
            points=[_history_point(p) for p in self.history.read(series, window_min, step_min)],
            window_s=window_min * MINUTE_S,
            step_s=step_min * MINUTE_S,
            retention_s=RETENTION_S,
            max_series=self.operations.settings.history_max_series,
        )
