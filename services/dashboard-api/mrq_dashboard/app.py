"""Builds the dashboard's ASGI app: auth and CSRF checks, metrics, the API routers, the error
handlers, and the UI's static files at /."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles

from mrq.security import BrokerAccess
from mrq_dashboard import __version__, auth, errors, metrics
from mrq_dashboard.broker import Broker
from mrq_dashboard.routers import exceptions, history, jobs, overview, queues, schedules, tasks, tasksets, workers
from mrq_dashboard.settings import DashboardSettings

# Where `npm run build` writes the UI, seen from this file in a source checkout.
SOURCE_UI_DIR = Path(__file__).resolve().parents[2] / "dashboard-ui" / "dist"


def ui_dir(settings: DashboardSettings) -> Path | None:
    """The UI build to serve, or None when there is none (e.g. nginx serves it)."""
    path = Path(settings.ui_dir) if settings.ui_dir else SOURCE_UI_DIR
    return path if (path / "index.html").is_file() else None


def create_app(settings: DashboardSettings) -> FastAPI:
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.broker = Broker.connect(settings.broker_address, settings.rpc_timeout_s, BrokerAccess.of(settings))
        try:
            yield
        finally:
            app.state.broker.close()

    app = FastAPI(
        title="MRQ dashboard",
        version=__version__,
        lifespan=lifespan,
        docs_url=None,
        responses=errors.ERROR_RESPONSES,
        description="Visibility and control over MRQ's jobs, queues and workers. Actions need "
        f"the header `{auth.CSRF_HEADER}: {auth.CSRF_VALUE}`.",
    )
    metrics.install(app)
    auth.install(app, auth.Credentials(settings.auth))  # added last: runs first
    errors.install(app)
    for module in (overview, queues, jobs, workers, tasks, exceptions, schedules, tasksets, history):
        app.include_router(module.router)

    @app.get("/healthz", include_in_schema=False)
    def healthz() -> JSONResponse:
        return JSONResponse({"ok": True})

    # Swagger UI from the UI's build (vendor/), relative to /docs, never from a CDN: served by
    # this app under `make up`, by nginx beside the API in the container images.
    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url="openapi.json",
            title="MRQ dashboard API",
            swagger_js_url="vendor/swagger-ui/swagger-ui-bundle.js",
            swagger_css_url="vendor/swagger-ui/swagger-ui.css",
            swagger_favicon_url="vendor/swagger-ui/favicon-32x32.png",
        )

    # 200 once the auth check passed: nginx asks it whether a request may see the UI's files.
    @app.get("/api/session", include_in_schema=False)
    def session() -> JSONResponse:
        return JSONResponse({"ok": True})

    static = ui_dir(settings)
    if static is not None:
        app.mount("/", StaticFiles(directory=static, html=True), name="ui")
    return app
