"""/api/exceptions: failed jobs grouped by task path and exception type."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends

from mrq.v1 import monitor_service_pb2
from mrq_dashboard import translation
from mrq_dashboard.broker import Broker, get_broker

router = APIRouter(prefix="/api/exceptions", tags=["exceptions"])


@router.get("", response_model=list[translation.ExceptionGroup], summary="Failures by task and exception type")
def list_exceptions(broker: Annotated[Broker, Depends(get_broker)]) -> list[translation.ExceptionGroup]:
    response = broker.monitor.ListExceptionGroups(
        monitor_service_pb2.ListExceptionGroupsRequest(), timeout=broker.timeout_s
    )
    return translation.exception_groups(response)
