"""mrq-broker: the gRPC service that alone owns the Redis queues and the MongoDB job store."""

__version__ = "0.1.0"
