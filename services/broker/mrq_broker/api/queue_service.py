"""QueueService: thin servicer for managing queues. Validate, call one operation, return."""

from __future__ import annotations

import grpc

from mrq.v1 import queue_service_pb2, queue_service_pb2_grpc
from mrq_broker.errors import InvalidField, grpc_errors
from mrq_broker.jobs.queue_admin import QueueAdmin


class QueueServicer(queue_service_pb2_grpc.QueueServiceServicer):
    def __init__(self, admin: QueueAdmin, max_batch_size: int) -> None:
        self.admin = admin
        self.max_batch_size = max_batch_size

    @grpc_errors
    def EnqueueRaw(
        self, request: queue_service_pb2.EnqueueRawRequest, context: grpc.ServicerContext
    ) -> queue_service_pb2.EnqueueRawResponse:
        if len(request.params_json) > self.max_batch_size:
            raise InvalidField(
                "params_json", f"{len(request.params_json)} entries, over the batch limit of {self.max_batch_size}"
            )
        added = self.admin.raw.enqueue(request.queue, request.params_json, request.scores)
        return queue_service_pb2.EnqueueRawResponse(added=added)

    @grpc_errors
    def ListQueues(
        self, request: queue_service_pb2.ListQueuesRequest, context: grpc.ServicerContext
    ) -> queue_service_pb2.ListQueuesResponse:
        return queue_service_pb2.ListQueuesResponse(queues=self.admin.list(request.prefix))

    @grpc_errors
    def PauseQueue(
        self, request: queue_service_pb2.PauseQueueRequest, context: grpc.ServicerContext
    ) -> queue_service_pb2.PauseQueueResponse:
        return queue_service_pb2.PauseQueueResponse(paused_queues=self.admin.pause(request.queue, request.paused))

    @grpc_errors
    def EmptyQueue(
        self, request: queue_service_pb2.EmptyQueueRequest, context: grpc.ServicerContext
    ) -> queue_service_pb2.EmptyQueueResponse:
        removed, remaining = self.admin.empty(request.queue, request.max_jobs)
        return queue_service_pb2.EmptyQueueResponse(removed=removed, remaining=remaining)

    @grpc_errors
    def CheckRateLimit(
        self, request: queue_service_pb2.CheckRateLimitRequest, context: grpc.ServicerContext
    ) -> queue_service_pb2.CheckRateLimitResponse:
        allowed, remaining = self.admin.check_rate(request.key, request.limit, request.per_s)
        return queue_service_pb2.CheckRateLimitResponse(allowed=allowed, remaining=remaining)
