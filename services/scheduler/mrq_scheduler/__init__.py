"""mrq-scheduler: enqueues recurring jobs (SCHEDULER_TASKS and schedules made through the API)
through the broker. Run several replicas: each tick is enqueued once whichever fires it."""

__version__ = "0.1.0"  # the project's version: mrq.__version__ (tests/unit/test_versions.py)
