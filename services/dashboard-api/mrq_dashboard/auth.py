"""Who may use the dashboard, and CSRF protection of its actions.

Auth (``MRQ_DASHBOARD_AUTH``): "user:password" asks for HTTP Basic with exactly those; any other
value is a token, sent as ``Authorization: Bearer <token>`` or as the Basic password (so a
browser's own login prompt works with a token too). Every path but /healthz and /metrics needs
it: the API, the docs and the UI's files alike.

CSRF: a browser sends Basic credentials with any request to the site, even one a foreign page
triggers. So every request that changes something (any method but GET, HEAD, OPTIONS) must carry
the header ``X-Requested-With: mrq-dashboard``. A foreign page cannot add a custom header
without a CORS preflight, which this server never approves (it sends no CORS headers), and a
plain HTML form cannot add one at all. Actions also take JSON bodies only.
"""

from __future__ import annotations

import base64
import binascii
import hmac
from collections.abc import Awaitable, Callable

from fastapi import FastAPI, Request, Response
from fastapi.responses import JSONResponse

from mrq_dashboard.errors import error_body

OPEN_PATHS = frozenset({"/healthz", "/metrics"})
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
CSRF_HEADER = "X-Requested-With"
CSRF_VALUE = "mrq-dashboard"


class Credentials:
    """The configured secret, and the check of an Authorization header against it."""

    def __init__(self, auth: str) -> None:
        user, sep, password = auth.partition(":")
        self.required = bool(auth)
        self.basic = (user, password) if sep else None
        self.token = "" if sep else auth

    def allow(self, header: str | None) -> bool:
        if not self.required:
            return True
        scheme, _, value = (header or "").partition(" ")
        if scheme.lower() == "bearer" and self.token:
            return hmac.compare_digest(value.strip().encode(), self.token.encode())
        if scheme.lower() != "basic":
            return False
        try:
            user, _, password = base64.b64decode(value.strip(), validate=True).decode().partition(":")
        except (binascii.Error, UnicodeDecodeError):
            return False
        if self.basic is None:
            return hmac.compare_digest(password.encode(), self.token.encode())
        # Both compared, whatever the first gives, so the time taken tells nothing.
        user_ok = hmac.compare_digest(user.encode(), self.basic[0].encode())
        return hmac.compare_digest(password.encode(), self.basic[1].encode()) and user_ok


def install(app: FastAPI, credentials: Credentials) -> None:
    """Adds the auth and CSRF checks in front of every route of ``app``."""

    @app.middleware("http")
    async def guard(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        if request.url.path in OPEN_PATHS:
            return await call_next(request)
        if not credentials.allow(request.headers.get("authorization")):
            return JSONResponse(
                error_body("authentication required", "Authorization"),
                status_code=401,
                headers={"WWW-Authenticate": 'Basic realm="MRQ dashboard", charset="UTF-8"'},
            )
        if request.method not in SAFE_METHODS and request.headers.get(CSRF_HEADER) != CSRF_VALUE:
            return JSONResponse(
                error_body(f"actions need the header {CSRF_HEADER}: {CSRF_VALUE} (CSRF protection)", CSRF_HEADER),
                status_code=403,
            )
        return await call_next(request)
