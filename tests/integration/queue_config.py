"""The broker config file of the queue tests (``--config``): raw queues, limits, queue defaults."""

RAW_QUEUES = {
    # Each entry is the params of mrq_test_tasks.record_params: {"path": ..., "n": ...}.
    "log_raw": {"task": "mrq_test_tasks.record_params", "retry_queue": "log_retry"},
    "log_set": {"task": "mrq_test_tasks.record_params"},
    "log_sorted_set": {"task": "mrq_test_tasks.record_params"},
    "log_timed_set": {"task": "mrq_test_tasks.record_params"},
    # Entries of mrq_test_tasks.block_until_file; only "started" goes unstored, so the success is visible.
    "hold_raw": {"task": "mrq_test_tasks.block_until_file", "statuses_no_storage": ["started"]},
    # The same, every status stored: a job whose lease expires is requeued from its record.
    "held_raw": {"task": "mrq_test_tasks.block_until_file", "retry_queue": "held_retry"},
    # The fast path: nothing stored unless a job fails.
    "fast_raw": {"task": "mrq_test_tasks.add", "statuses_no_storage": ["started", "success"]},
}

TASKS = {
    "mrq_test_tasks.record_interval": {"max_concurrency": 2},
    "mrq_test_tasks.sleep_briefly": {"rate_limit": 5, "rate_limit_per_s": 1.0},
    "mrq_test_tasks.record_run": {"max_concurrency": 1, "limit_key": "user"},
    "mrq_test_tasks.echo": {"unique": True},
    "mrq_test_tasks.gated_value": {"max_concurrency": 1, "on_limit": "fail"},
}

QUEUES_CONFIG = {
    "slow": {"timeout_s": 7200, "max_retries": 0, "priority": 5},
}
