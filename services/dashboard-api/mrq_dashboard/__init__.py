"""mrq-dashboard: the dashboard's HTTP API, a gRPC client of the broker, and the UI's server."""

__version__ = "0.1.0"  # the project's version: mrq.__version__ (tests/unit/test_versions.py)
