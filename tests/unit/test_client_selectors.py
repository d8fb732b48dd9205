"""The request of Client.cancel, requeue, retry and delete: ids, or a JobQuery built from the
filter arguments."""

from __future__ import annotations

import pytest

from mrq.errors import InvalidArgument
from mrq.selectors import action_request
from mrq.v1 import job_pb2, job_service_pb2


def test_filter_arguments_become_a_job_query() -> None:
    request = action_request(
        "delete",
        None,
        queue="q",
        status="failed",
        params_key="user",
        params_value={"b": 1, "a": "42"},
        job_id_prefix="65f0",
        taskset_id="65f0c0ffee0123456789abcd",
        dry_run=True,
    )

    assert request.action == job_service_pb2.JOB_ACTION_DELETE and request.dry_run
    assert not request.HasField("filter")
    query = request.query
    assert (query.queue, list(query.statuses)) == ("q", [job_pb2.JOB_STATUS_FAILED])
    assert (query.params_key, query.params_value_json) == ("user", b'{"a":"42","b":1}')
    assert (query.job_id_prefix, query.taskset_id) == ("65f0", "65f0c0ffee0123456789abcd")


def test_a_params_value_of_none_is_json_null_and_ids_exclude_filters() -> None:
    assert action_request("cancel", None, params_key="k", params_value=None).query.params_value_json == b"null"
    assert list(action_request("retry", "65f0c0ffee0123456789abcd").job_ids) == ["65f0c0ffee0123456789abcd"]
    with pytest.raises(TypeError, match="not both"):
        action_request("cancel", ["65f0c0ffee0123456789abcd"], taskset_id="65f0c0ffee0123456789abcd")
    with pytest.raises(TypeError, match="params_value"):
        action_request("cancel", None, params_key="k", params_value={1, 2})
    with pytest.raises(InvalidArgument):
        action_request("cancel", None, status="finished")
