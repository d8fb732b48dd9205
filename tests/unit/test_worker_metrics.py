"""The worker's job duration histogram fits background jobs, up to the default one-hour timeout."""

from __future__ import annotations

import pytest
from prometheus_client import CollectorRegistry

from mrq.v1 import job_pb2
from mrq.v1.worker_service_pb2 import JobOutcome, LeasedJob
from mrq_worker.metrics import WorkerMetrics

#: The broker's default job timeout (BrokerSettings.default_timeout_s).
DEFAULT_TIMEOUT_S = 3600.0


@pytest.mark.parametrize("duration_s", [0.003, 0.4, 45.0, 1500.0, DEFAULT_TIMEOUT_S - 1])
def test_a_job_s_duration_lands_in_a_finite_bucket_within_a_factor_of_2_5(duration_s: float) -> None:
    metrics = WorkerMetrics(CollectorRegistry())

    metrics.job_ended(
        LeasedJob(queue="default", task="tasks.report"), JobOutcome(status=job_pb2.JOB_STATUS_SUCCESS), duration_s
    )

    buckets = {
        float(sample.labels["le"]): sample.value
        for family in metrics.registry.collect()
        for sample in family.samples
        if sample.name == "mrq_job_duration_seconds_bucket"
    }
    smallest = min(le for le, count in buckets.items() if count == 1)
    assert smallest != float("inf") and smallest <= max(2.5 * duration_s, min(buckets))
