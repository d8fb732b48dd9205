"""JobService: thin servicer for clients. Validate, call one operation, return."""

from __future__ import annotations

from collections.abc import Iterator

import grpc
import orjson

from mrq.statuses import FINAL
from mrq.v1 import job_service_pb2, job_service_pb2_grpc
from mrq_broker import __version__
from mrq_broker.errors import STORE_OUTAGES, InvalidField, NoSuchJob, grpc_errors, outage_message
from mrq_broker.jobs.actions import JobActions
from mrq_broker.jobs.operations import Operations
from mrq_broker.jobs.searches import filter_query
from mrq_broker.jobs.tasksets import Callback, Tasksets, TasksetView
from mrq_broker.jobs.validation import (
    canonical_params,
    check_job_id,
    check_params_list,
    check_queue,
    check_seconds,
    check_task,
)
from mrq_broker.storage.records import job_proto

FEATURES = ["priorities", "delays", "retries", "leases", "wait", "actions", "logs", "tasksets", "delete", "job_query"]


class JobServicer(job_service_pb2_grpc.JobServiceServicer):
    def __init__(self, operations: Operations, actions: JobActions, tasksets: Tasksets) -> None:
        self.operations = operations
        self.actions = actions
        self.tasksets = tasksets

    @grpc_errors
    def Enqueue(
        self, request: job_service_pb2.EnqueueRequest, context: grpc.ServicerContext
    ) -> job_service_pb2.EnqueueResponse:
        task = check_task(request.task)
        params = canonical_params(request.params_json, self.operations.settings.max_params_bytes)
        [job] = self.operations.enqueue(task, [params], request.options)
        return job_service_pb2.EnqueueResponse(job_id=job.job_id, deduplicated=job.deduplicated)

    @grpc_errors
    def EnqueueMany(
        self, request: job_service_pb2.EnqueueManyRequest, context: grpc.ServicerContext
    ) -> job_service_pb2.EnqueueManyResponse:
        task = check_task(request.task)
        if request.options.dedupe_key:
            raise InvalidField("options.dedupe_key", "not allowed in EnqueueMany; use Enqueue")
        params = check_params_list(request.params_json, self.operations.settings)
        jobs = self.operations.enqueue(task, params, request.options)
        return job_service_pb2.EnqueueManyResponse(job_ids=[job.job_id for job in jobs])

    @grpc_errors
    def GetJob(
        self, request: job_service_pb2.GetJobRequest, context: grpc.ServicerContext
    ) -> job_service_pb2.GetJobResponse:
        job = self.operations.store.get_job(check_job_id(request.job_id))
        if job is None:
            raise NoSuchJob(request.job_id)
        return job_service_pb2.GetJobResponse(job=job_proto(job))

    @grpc_errors
    def WaitJobs(
        self, request: job_service_pb2.WaitJobsRequest, context: grpc.ServicerContext
    ) -> job_service_pb2.WaitJobsResponse:
        settings = self.operations.settings
        if len(request.job_ids) > settings.max_batch_size:
            raise InvalidField("job_ids", f"at most {settings.max_batch_size} ids per call")
        check_seconds(request.timeout_s, "timeout_s")
        ids = [check_job_id(i, f"job_ids[{n}]") for n, i in enumerate(request.job_ids)]
        docs = self.operations.wait(ids, request.timeout_s)
        if len(docs) < len(ids):
            found = {d.id for d in docs}
            raise NoSuchJob(next(i for i in ids if i not in found))
        jobs = [job_proto(d) for d in docs]
        return job_service_pb2.WaitJobsResponse(jobs=jobs, all_final=all(d.status in FINAL for d in docs))

    @grpc_errors
    def ActOnJobs(
        self, request: job_service_pb2.ActOnJobsRequest, context: grpc.ServicerContext
    ) -> job_service_pb2.ActOnJobsResponse:
        if request.HasField("query") and request.HasField("filter"):
            raise InvalidField("query", "give query or filter (deprecated), not both")
        if request.HasField("filter"):
            counts = self.actions.act(
                request.action, request.job_ids, filter_query(request.filter), request.dry_run, "filter"
            )
        else:
            query = request.query if request.HasField("query") else None
            counts = self.actions.act(request.action, request.job_ids, query, request.dry_run)
        return job_service_pb2.ActOnJobsResponse(matched=counts.matched, changed=counts.changed, skipped=counts.skipped)

    @grpc_errors
    def GetJobLogs(
        self, request: job_service_pb2.GetJobLogsRequest, context: grpc.ServicerContext
    ) -> job_service_pb2.GetJobLogsResponse:
        job_id = self._check_logs_request(request.job_id, request.from_offset)
        page = self.operations.read_logs(job_id, request.from_offset)
        return job_service_pb2.GetJobLogsResponse(text=page.text, next_offset=page.next_offset, complete=page.complete)

    @grpc_errors
    def FollowJobLogs(
        self, request: job_service_pb2.FollowJobLogsRequest, context: grpc.ServicerContext
    ) -> Iterator[job_service_pb2.FollowJobLogsResponse]:
        # Validated here, eagerly; the stream itself runs later, outside grpc_errors.
        job_id = self._check_logs_request(request.job_id, request.from_offset)
        return self._follow(job_id, request.from_offset, context)

    def _follow(
        self, job_id: str, from_offset: int, context: grpc.ServicerContext
    ) -> Iterator[job_service_pb2.FollowJobLogsResponse]:
        try:
            for page in self.operations.follow_logs(job_id, from_offset, context.is_active):
                yield job_service_pb2.FollowJobLogsResponse(text=page.text, next_offset=page.next_offset)
        except STORE_OUTAGES as exc:
            context.abort(grpc.StatusCode.UNAVAILABLE, outage_message(exc))

    def _check_logs_request(self, job_id: str, from_offset: int) -> str:
        checked = check_job_id(job_id)
        if from_offset < 0:
            raise InvalidField("from_offset", "must be >= 0")
        if self.operations.store.get_job(checked) is None:
            raise NoSuchJob(checked)
        return checked

    @grpc_errors
    def CreateTaskset(
        self, request: job_service_pb2.CreateTasksetRequest, context: grpc.ServicerContext
    ) -> job_service_pb2.CreateTasksetResponse:
        task = check_task(request.task)
        if request.options.dedupe_key:
            raise InvalidField("options.dedupe_key", "not allowed in a taskset")
        if request.options.unique:
            raise InvalidField(
                "options.unique", "not allowed in a taskset: every member is counted, so none may be deduplicated"
            )
        if not request.params_json:
            raise InvalidField("params_json", "a taskset needs at least one job")
        params = check_params_list(request.params_json, self.operations.settings)
        taskset_id, job_ids = self.tasksets.create(task, params, request.options, self._callback(request))
        return job_service_pb2.CreateTasksetResponse(taskset_id=taskset_id, job_ids=job_ids)

    def _callback(self, request: job_service_pb2.CreateTasksetRequest) -> Callback | None:
        if not request.callback_task:
            if request.callback_params_json or request.callback_queue:
                raise InvalidField("callback_task", "required with callback_params_json or callback_queue")
            return None
        task = check_task(request.callback_task, "callback_task")
        raw = canonical_params(
            request.callback_params_json, self.operations.settings.max_params_bytes, "callback_params_json"
        )
        params = orjson.loads(raw)
        if not isinstance(params, dict):
            raise InvalidField("callback_params_json", "must be a JSON object")
        if request.callback_queue:
            check_queue(request.callback_queue, "callback_queue")
        return Callback(task, params, request.callback_queue)

    @grpc_errors
    def GetTaskset(
        self, request: job_service_pb2.GetTasksetRequest, context: grpc.ServicerContext
    ) -> job_service_pb2.GetTasksetResponse:
        view = self.tasksets.get(check_job_id(request.taskset_id, "taskset_id"))
        return job_service_pb2.GetTasksetResponse(taskset=taskset_proto(view))

    @grpc_errors
    def InspectJob(
        self, request: job_service_pb2.InspectJobRequest, context: grpc.ServicerContext
    ) -> job_service_pb2.InspectJobResponse:
        check_seconds(request.timeout_s, "timeout_s")
        worker_id, inspection = self.operations.inspect(check_job_id(request.job_id), request.timeout_s)
        return job_service_pb2.InspectJobResponse(worker_id=worker_id, inspection=inspection)

    @grpc_errors
    def GetServerInfo(
        self, request: job_service_pb2.GetServerInfoRequest, context: grpc.ServicerContext
    ) -> job_service_pb2.GetServerInfoResponse:
        s = self.operations.settings
        return job_service_pb2.GetServerInfoResponse(
            version=__version__,
            max_params_bytes=s.max_params_bytes,
            max_batch_size=s.max_batch_size,
            max_wait_s=s.max_wait_s,
            lease_ttl_s=s.lease_ttl_s,
            features=FEATURES,
        )

    @grpc_errors
    def ListTasksets(
        self, request: job_service_pb2.ListTasksetsRequest, context: grpc.ServicerContext
    ) -> job_service_pb2.ListTasksetsResponse:
        page = self.tasksets.page(request.limit, request.cursor)
        return job_service_pb2.ListTasksetsResponse(
            tasksets=[taskset_proto(t) for t in page.tasksets], next_cursor=page.next_cursor
        )


def taskset_proto(view: TasksetView) -> job_service_pb2.Taskset:
    taskset = job_service_pb2.Taskset(
        id=view.id,
        task=view.task,
        total=view.total,
        final=view.final,
        counts=view.counts,
        progress=view.final / view.total if view.total else 1.0,
        job_ids=view.job_ids,
        callback_task=view.callback_task,
        callback_job_id=view.callback_job_id,
    )
    taskset.date_created.FromDatetime(view.date_created)
    return taskset
