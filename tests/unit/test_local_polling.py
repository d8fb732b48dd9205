"""mrq_local.polling.wait_until: returns the first truthy result, or times out."""

from __future__ import annotations

import itertools

import pytest

from mrq_local import wait_until


def test_returns_the_first_truthy_result() -> None:
    results = iter([None, 0, "", "ready", "later"])

    assert wait_until(lambda: next(results), timeout_s=5, interval_s=0) == "ready"


def test_times_out_naming_what_it_waited_for() -> None:
    calls = itertools.count()

    with pytest.raises(TimeoutError, match="the moon"):
        wait_until(lambda: next(calls) < 0, timeout_s=0.05, interval_s=0.01, what="the moon")

    assert next(calls) >= 2, "polled at least at the start and at the deadline"


def test_exceptions_from_the_predicate_propagate() -> None:
    def broken() -> bool:
        raise RuntimeError("gave up")

    with pytest.raises(RuntimeError, match="gave up"):
        wait_until(broken, timeout_s=5)
