"""The one place that turns failures into HTTP answers: a JSON body ``{"detail", "field"}``
naming the bad field (as the HTTP API spells it) whenever one is to blame. Never a 500 for bad
input: the broker's INVALID_ARGUMENT becomes 400, FastAPI's own validation 422. When the broker
itself is at fault (unreachable, too slow, failing), ``detail`` is a sentence for an operator
and ``cause`` keeps the broker's raw words."""

from __future__ import annotations

import logging
import re

import grpc
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel

from mrq.errors import InvalidArgument
from mrq.rpc import translate_error

log = logging.getLogger(__name__)

HTTP_BY_CODE = {
    grpc.StatusCode.INVALID_ARGUMENT: 400,
    grpc.StatusCode.NOT_FOUND: 404,
    grpc.StatusCode.FAILED_PRECONDITION: 409,
    grpc.StatusCode.ALREADY_EXISTS: 409,
    grpc.StatusCode.UNIMPLEMENTED: 501,
    grpc.StatusCode.UNAVAILABLE: 503,
    grpc.StatusCode.DEADLINE_EXCEEDED: 504,
}
# Codes whose broker message starts with the field to blame ("job_id: ...", "schedule_id: ...").
FIELD_NAMING_CODES = frozenset(
    {grpc.StatusCode.NOT_FOUND, grpc.StatusCode.FAILED_PRECONDITION, grpc.StatusCode.ALREADY_EXISTS}
)
FIELD_PREFIX = re.compile(r"^([A-Za-z_][A-Za-z0-9_.\[\]]*): ")
# The broker's field names (JobQuery, requests) -> the HTTP API's parameter names. A JobQuery is
# named "filter" in ListJobs and "query" in ActOnJobs.
_QUERY_FIELDS = {
    "job_id": "id",
    "job_id_prefix": "id_prefix",
    "queue": "queue",
    "task": "task",
    "worker_id": "worker",
    "exception_type": "exception",
    "params_json": "params",
    "params_key": "param",
    "params_value_json": "param",
    "taskset_id": "taskset",
    "schedule_id": "schedule",
    "enqueued_after": "after",
    "enqueued_before": "before",
    "status_group": "status",
}
HTTP_FIELDS = {
    **{f"{query}.{name}": http for query in ("filter", "query") for name, http in _QUERY_FIELDS.items()},
    "filter": "filter",
    "query": "filter",
}


class ErrorBody(BaseModel):
    """Every error answer's body (see :func:`error_body`)."""

    detail: str
    field: str | None = None
    #: The broker's own words, when ``detail`` rephrases them (for a person debugging).
    cause: str | None = None


#: Documented on every operation, in place of FastAPI's default 422 body, which this API never sends.
ERROR_RESPONSES: dict[int | str, dict[str, object]] = {
    status: {"model": ErrorBody, "description": description}
    for status, description in (
        (400, "Invalid input; `field` names it"),
        (401, "Authentication required"),
        (403, "Missing CSRF header or forbidden"),
        (404, "No such job, worker or schedule"),
        (409, "Conflicts with the current state"),
        (422, "Malformed request; `field` names it"),
        (502, "The broker failed"),
        (503, "The broker is unavailable"),
        (504, "The broker did not answer in time"),
    )
}


class ApiError(Exception):
    """A request the dashboard refuses itself, before asking the broker."""

    def __init__(self, status: int, field: str | None, detail: str) -> None:
        super().__init__(detail)
        self.status = status
        self.field = field
        self.detail = detail


def http_field(broker_field: str) -> str:
    if broker_field.startswith(("filter.statuses[", "query.statuses[")):
        return "status"
    return HTTP_FIELDS.get(broker_field, broker_field)


def error_body(detail: str, field: str | None, cause: str | None = None) -> dict[str, str | None]:
    return {"detail": detail, "field": field, "cause": cause}


def broker_trouble(code: grpc.StatusCode, address: str, timeout_s: float) -> str | None:
    """A sentence for an operator when the broker, not the request, is at fault; else None."""
    if code is grpc.StatusCode.UNAVAILABLE:
        return f"The broker at {address} is unreachable."
    if code is grpc.StatusCode.DEADLINE_EXCEEDED:
        return f"The broker at {address} did not answer within {timeout_s:g} s."
    if code not in HTTP_BY_CODE:
        return f"The broker at {address} failed ({code.name})."
    return None


def install(app: FastAPI) -> None:
    """Registers the exception handlers on ``app``."""

    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError) -> JSONResponse:
        return JSONResponse(error_body(exc.detail, exc.field), status_code=exc.status)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0]
        # ("query", "limit") -> "limit"; ("body", "filter", "task") -> "filter.task"
        field = ".".join(str(part) for part in first["loc"][1:]) or str(first["loc"][0])
        return JSONResponse(error_body(f"{field}: {first['msg']}", field), status_code=422)

    @app.exception_handler(grpc.RpcError)
    async def broker_error(request: Request, exc: grpc.RpcError) -> JSONResponse:
        code = exc.code() if hasattr(exc, "code") else grpc.StatusCode.UNKNOWN
        details = exc.details() if hasattr(exc, "details") else str(exc)
        status = HTTP_BY_CODE.get(code, 502)
        broker = request.app.state.broker
        sentence = broker_trouble(code, broker.address, broker.timeout_s)
        if sentence is not None:
            if status == 502:
                log.warning("broker call failed with %s: %s", code, details)
            return JSONResponse(error_body(sentence, None, cause=details), status_code=status)
        field = None
        details = details or ""  # details() may return None; the string operations below need a str
        translated = translate_error(exc, address=broker.address)
        if isinstance(translated, InvalidArgument) and translated.field:
            field = http_field(translated.field)
            details = f"{field}: {details.split(': ', 1)[-1]}"
        elif code in FIELD_NAMING_CODES and (match := FIELD_PREFIX.match(details)):
            field = http_field(match.group(1))  # e.g. "schedule_id: no schedule ..."
        return JSONResponse(error_body(details, field), status_code=status)
