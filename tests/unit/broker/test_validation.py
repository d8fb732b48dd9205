"""The checks every request goes through: each bad field is refused with its name, and the good
values come out as stored (canonical params JSON, UTC timestamps)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from google.protobuf.timestamp_pb2 import Timestamp
from job_factory import settings

from mrq.v1.job_query_pb2 import JobQuery
from mrq.v1.job_service_pb2 import JobFilter
from mrq_broker.errors import InvalidField
from mrq_broker.jobs.searches import filter_query, query_selection, require_criterion
from mrq_broker.jobs.validation import (
    canonical_params,
    check_job_id,
    check_params_list,
    check_task,
    check_timestamp,
)
from mrq_broker.storage.records import JobSelection


def refused_field(call: object, *args: object) -> str:
    with pytest.raises(InvalidField) as refused:
        call(*args)  # type: ignore[operator]
    return refused.value.field


@pytest.mark.parametrize("task", ["", "add", "tasks.", ".add", "tasks add", "tasks.1add", "t." + "a" * 200])
def test_a_task_must_be_a_dotted_path(task: str) -> None:
    assert refused_field(check_task, task) == "task"


def test_a_good_task_passes_and_the_field_name_is_the_callers() -> None:
    assert check_task("pkg.tasks.add_2") == "pkg.tasks.add_2"
    assert refused_field(check_task, "nope", "callback.task") == "callback.task"


@pytest.mark.parametrize("job_id", ["", "0" * 23, "0" * 25, "G" * 24, "ABCDEF" * 4])
def test_a_job_id_is_24_lowercase_hex_characters(job_id: str) -> None:
    assert refused_field(check_job_id, job_id) == "job_id"


def test_params_are_stored_canonical_and_empty_means_an_empty_object() -> None:
    assert canonical_params(b'{"b": 1, "a": [1, 2]}', 100) == '{"a":[1,2],"b":1}'
    assert canonical_params(b"", 100) == "{}"
    assert canonical_params('{"s": "\u00e9"}'.encode(), 100) == '{"s":"\u00e9"}'


@pytest.mark.parametrize("raw", [b"{", b"not json", b"\xff\xfe", b'{"a": NaN}'])
def test_params_that_are_not_json_are_refused(raw: bytes) -> None:
    assert refused_field(canonical_params, raw, 100) == "params_json"


def test_params_over_the_size_limit_are_refused_and_at_it_accepted() -> None:
    at_limit = b"[" + b"1," * 48 + b"1]"
    assert len(at_limit) == 99 and canonical_params(at_limit + b" ", 100) == at_limit.decode()
    assert refused_field(canonical_params, at_limit + b"  ", 100) == "params_json"


def test_a_batch_names_the_entry_that_is_bad_and_refuses_too_many() -> None:
    config = settings(max_batch_size=3)
    assert check_params_list([b"{}", b""], config) == ["{}", "{}"]
    assert refused_field(check_params_list, [b"{}", b"{", b"{}"], config) == "params_json[1]"
    assert refused_field(check_params_list, [b"{}"] * 4, config) == "params_json"


@pytest.mark.parametrize(
    ("seconds", "nanos"), [(-62_135_596_801, 0), (253_402_300_800, 0), (0, 1_000_000_000), (0, -1)]
)
def test_a_timestamp_outside_years_1_to_9999_is_refused(seconds: int, nanos: int) -> None:
    assert refused_field(check_timestamp, Timestamp(seconds=seconds, nanos=nanos), "options.eta") == "options.eta"


def test_a_timestamp_comes_back_in_utc() -> None:
    assert check_timestamp(Timestamp(seconds=0), "f") == datetime(1970, 1, 1, tzinfo=UTC)
    assert check_timestamp(Timestamp(seconds=253_402_300_799), "f").year == 9999


def acted_on(query: JobQuery) -> JobSelection:
    """The selection a bulk action takes from ``query`` (one that selects every job is refused)."""
    return require_criterion(query_selection(query, settings()), "filter")


@pytest.mark.parametrize(
    ("query", "field"),
    [
        (JobQuery(), "filter"),
        (JobQuery(statuses=[1, 99]), "filter.statuses[1]"),
        (JobQuery(status_group=99), "filter.status_group"),
        (JobQuery(queue="bad queue"), "filter.queue"),
        (JobQuery(task="nodots"), "filter.task"),
        (JobQuery(job_id="nothex"), "filter.job_id"),
        (JobQuery(job_id_prefix="xyz"), "filter.job_id_prefix"),
        (JobQuery(worker_id="w" * 501), "filter.worker_id"),
        (JobQuery(exception_type="E" * 501), "filter.exception_type"),
        (JobQuery(params_json=b"{"), "filter.params_json"),
        (JobQuery(params_key="user", params_value_json=b"{"), "filter.params_value_json"),
        (JobQuery(enqueued_after=Timestamp(seconds=253_402_300_800)), "filter.enqueued_after"),
        (JobQuery(enqueued_before=Timestamp(nanos=-5)), "filter.enqueued_before"),
    ],
)
def test_a_bad_query_is_refused_naming_its_field(query: JobQuery, field: str) -> None:
    assert refused_field(acted_on, query) == field


def test_a_query_selects_by_what_it_sets() -> None:
    selection = acted_on(JobQuery(queue="q", statuses=[1], params_json=b'{"b":1,"a":2}'))
    assert (selection.queue, selection.statuses, selection.params_json) == ("q", {"queued"}, '{"a":2,"b":1}')


def test_a_deprecated_filter_means_the_same_query() -> None:
    assert refused_field(filter_query, JobFilter(status=99)) == "filter.status"
    query = filter_query(JobFilter(queue="q", status=1, params_json=b'{"a":2}', enqueued_after=Timestamp(seconds=5)))
    assert query == JobQuery(queue="q", statuses=[1], params_json=b'{"a":2}', enqueued_after=Timestamp(seconds=5))
