"""One router per resource of the HTTP API, all under /api."""
