"""mrq-broker: the gRPC service that alone owns the Redis queues and the MongoDB job store."""

__version__ = "0.1.0"  # the project's version: mrq.__version__ (tests/unit/test_versions.py)
