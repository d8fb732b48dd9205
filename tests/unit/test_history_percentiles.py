"""The history's duration buckets (mrq_broker.jobs.history): a percentile read back from bucket
counts is within ±9% of the true one, over the durations jobs take, from under a millisecond
to hours."""

from __future__ import annotations

import random
import statistics

import pytest

from mrq_broker.jobs.history import bucket_duration_s, duration_bucket, percentile

#: A quarter octave: the geometric middle of a bucket is within 2**(1/8) of any duration in it.
PRECISION = 2 ** (1 / 8)


@pytest.mark.parametrize("duration_s", [0.001, 0.0123, 0.3, 1.0, 4.7, 59.0, 3600.0, 86400.0])
def test_a_duration_reads_back_within_the_bucket_precision(duration_s: float) -> None:
    value = bucket_duration_s(duration_bucket(duration_s))
    assert duration_s / PRECISION <= value <= duration_s * PRECISION


def test_under_a_millisecond_is_one_bucket() -> None:
    assert duration_bucket(0.0) == duration_bucket(0.0009) == 0
    assert bucket_duration_s(0) == 0.0005


def test_p50_and_p95_of_many_durations_are_within_the_precision() -> None:
    rng = random.Random(7)
    durations = [rng.lognormvariate(-1, 1.2) for _ in range(5000)]
    histogram: dict[int, int] = {}
    for d in durations:
        histogram[duration_bucket(d)] = histogram.get(duration_bucket(d), 0) + 1
    cuts = statistics.quantiles(durations, n=100)
    for fraction, true in ((0.5, cuts[49]), (0.95, cuts[94])):
        read = percentile(histogram, fraction)
        assert read is not None and true / PRECISION <= read <= true * PRECISION, (fraction, read, true)


def test_no_job_has_no_percentile() -> None:
    assert percentile({}, 0.5) is None
