"""mrq-scheduler: enqueues recurring jobs (SCHEDULER_TASKS and schedules made through the API)
through the broker. Run several replicas: each tick is enqueued once whichever fires it."""
