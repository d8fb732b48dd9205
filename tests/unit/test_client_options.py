"""Per-job options: the client's keyword arguments normalised into the wire's JobOptions."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from mrq.options import OPTION_NAMES, job_options, to_seconds
from mrq.v1 import job_pb2


def test_no_options_leaves_every_field_unset() -> None:
    options = job_options()

    assert options.ListFields() == []
    assert not options.HasField("timeout_s")
    assert not options.HasField("eta")


def test_durations_accept_seconds_or_timedelta() -> None:
    options = job_options(timeout=timedelta(minutes=2), retry_delay=1.5, result_ttl=3600, delay=timedelta(0))

    assert options.timeout_s == 120.0
    assert options.retry_delay_s == 1.5
    assert options.result_ttl_s == 3600.0
    assert options.delay_s == 0.0


def test_zero_is_sent_for_optional_fields() -> None:
    """0 is meaningful (no timeout, no retries): it must not be confused with "unset"."""
    options = job_options(timeout=0, max_retries=0)

    assert options.HasField("timeout_s") and options.timeout_s == 0
    assert options.HasField("max_retries") and options.max_retries == 0


def test_plain_fields() -> None:
    options = job_options(queue="math", priority=-5, dedupe_key="report:42", max_retries=7)

    assert (options.queue, options.priority, options.dedupe_key, options.max_retries) == ("math", -5, "report:42", 7)


def test_aware_eta_is_converted_to_utc() -> None:
    paris = timezone(timedelta(hours=2))
    options = job_options(eta=datetime(2030, 1, 1, 12, 0, tzinfo=paris))

    assert options.eta.ToDatetime(tzinfo=UTC) == datetime(2030, 1, 1, 10, 0, tzinfo=UTC)


def test_naive_eta_is_taken_as_utc() -> None:
    options = job_options(eta=datetime(2030, 1, 1, 12, 0, 0, 250_000))

    assert options.eta.ToDatetime(tzinfo=UTC) == datetime(2030, 1, 1, 12, 0, 0, 250_000, tzinfo=UTC)


def test_delay_and_eta_are_exclusive() -> None:
    with pytest.raises(ValueError, match="exclusive"):
        job_options(delay=5, eta=datetime(2030, 1, 1))


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"timeout": "10"}, "timeout must be a number of seconds or a timedelta, not str"),
        ({"delay": True}, "delay must be a number"),
        ({"priority": 1.5}, "priority must be an int, not float"),
        ({"max_retries": "3"}, "max_retries must be an int"),
        ({"queue": 3}, "queue must be a str, not int"),
        ({"eta": "2030-01-01"}, "eta must be a datetime, not str"),
    ],
)
def test_wrong_types_are_refused_with_the_option_named(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(TypeError, match=message):
        job_options(**kwargs)  # type: ignore[arg-type]


def test_to_seconds() -> None:
    assert to_seconds("t", 3) == 3.0
    assert to_seconds("t", timedelta(milliseconds=1500)) == 1.5
    with pytest.raises(TypeError, match=r"^t must be"):
        to_seconds("t", None)


def test_an_unknown_option_is_refused_naming_it() -> None:
    with pytest.raises(TypeError, match="unknown option 'timout'"):
        job_options(timout=5)  # type: ignore[call-arg]


def test_an_option_given_as_none_is_left_unset() -> None:
    assert job_options(timeout=None, queue=None).ListFields() == []  # type: ignore[arg-type]


def test_every_job_options_field_is_an_enqueue_option() -> None:
    # Durations drop their "_s": the keywords take seconds or a timedelta.
    fields = {field.name.removesuffix("_s") for field in job_pb2.JobOptions.DESCRIPTOR.fields}
    assert fields == OPTION_NAMES
