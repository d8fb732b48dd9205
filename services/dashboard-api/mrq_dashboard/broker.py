"""The dashboard's connection to a broker: one channel, a stub per gRPC service."""

from __future__ import annotations

from dataclasses import dataclass

import grpc
from fastapi import Request

from mrq.rpc import open_channel
from mrq.security import BrokerAccess
from mrq.v1 import job_service_pb2_grpc, monitor_service_pb2_grpc, queue_service_pb2_grpc, schedule_service_pb2_grpc


@dataclass(frozen=True)
class Broker:
    """Stubs of the broker's services; every call passes ``timeout_s`` as its deadline."""

    address: str
    channel: grpc.Channel
    jobs: job_service_pb2_grpc.JobServiceStub
    queues: queue_service_pb2_grpc.QueueServiceStub
    monitor: monitor_service_pb2_grpc.MonitorServiceStub
    schedules: schedule_service_pb2_grpc.ScheduleServiceStub
    timeout_s: float

    @classmethod
    def connect(cls, address: str, timeout_s: float, access: BrokerAccess | None = None) -> Broker:
        channel = open_channel(address, access=access, retry_reads=True)
        return cls(
            address,
            channel,
            job_service_pb2_grpc.JobServiceStub(channel),
            queue_service_pb2_grpc.QueueServiceStub(channel),
            monitor_service_pb2_grpc.MonitorServiceStub(channel),
            schedule_service_pb2_grpc.ScheduleServiceStub(channel),
            timeout_s,
        )

    def close(self) -> None:
        self.channel.close()


def get_broker(request: Request) -> Broker:
    """FastAPI dependency: the app's broker connection (see app.create_app)."""
    broker: Broker = request.app.state.broker
    return broker
