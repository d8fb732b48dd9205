"""/api/overview: counts by status, the worker pool, overall rates."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from mrq.v1 import monitor_service_pb2
from mrq_dashboard import translation
from mrq_dashboard.broker import Broker, get_broker

router = APIRouter(prefix="/api/overview", tags=["overview"])
WindowS = Annotated[float, Query(gt=0, le=3600, description="seconds the rates look back")]


@router.get("", response_model=translation.Overview, summary="Jobs by status, pool size and use, jobs/s")
def get_overview(broker: Annotated[Broker, Depends(get_broker)], window_s: WindowS = 60.0) -> translation.Overview:
    request = monitor_service_pb2.GetOverviewRequest(window_s=window_s)
    return translation.overview(broker.monitor.GetOverview(request, timeout=broker.timeout_s))
