"""The dashboard's own Prometheus metrics, served at /metrics: requests by route and HTTP code."""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable

from fastapi import FastAPI, Request, Response
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Histogram, generate_latest


def install(app: FastAPI) -> None:
    """Counts and times every request, and serves /metrics, on a registry of the app's own."""
    registry = CollectorRegistry()
    requests = Counter(
        "mrq_dashboard_requests", "HTTP requests handled", ["method", "route", "code"], registry=registry
    )
    duration = Histogram(
        "mrq_dashboard_request_duration_seconds", "HTTP request handling time", ["route"], registry=registry
    )

    @app.middleware("http")
    async def measure(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        started = time.perf_counter()
        response = await call_next(request)
        route = getattr(request.scope.get("route"), "path", "other")  # the template, not the raw path
        requests.labels(method=request.method, route=route, code=str(response.status_code)).inc()
        duration.labels(route=route).observe(time.perf_counter() - started)
        return response

    @app.get("/metrics", include_in_schema=False)
    def metrics() -> Response:
        return Response(generate_latest(registry), media_type=CONTENT_TYPE_LATEST)
