"""The store's time limit, end to end: a dashboard query that would read too many jobs is stopped
by the broker (--store-query-timeout-s) and answered with a 4xx naming the filter to add; the
queries that read few jobs, and the counts, still answer."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import httpx
import pytest
from harness import StackUnderTest

from mrq_broker.storage.records import JobRecord

#: Enough jobs that reading them all takes far more than the limit below.
JOBS = 50_000


def stored_jobs(count: int) -> list[JobRecord]:
    """``count`` finished jobs, one second apart, the newest a minute ago."""
    start = datetime.now(UTC) - timedelta(seconds=count + 60)
    records = []
    for n in range(count):
        moment = start + timedelta(seconds=n)
        records.append(
            JobRecord(
                id=f"{int(moment.timestamp()):08x}{n:016x}",
                task="tasks.add",
                params_json=f'{{"n": {n}}}',
                queue="limits",
                status="success",
                priority=0,
                timeout_s=60.0,
                max_retries=0,
                retry_delay_s=1.0,
                result_ttl_s=3600.0,
                date_enqueued=moment,
                date_updated=moment,
                date_finished=moment,
            )
        )
    return records


@pytest.mark.broker_args("--store-query-timeout-s", "0.001")
def test_a_query_that_would_read_every_job_gets_a_4xx_naming_the_filter(stack: StackUnderTest) -> None:
    # Given many jobs stored, and a broker whose store queries may run 1 ms
    records = stored_jobs(JOBS)
    store = stack.open_store()
    try:
        store.insert_jobs(records)
    finally:
        store.close()
    dashboard = stack.stack.start_dashboard()
    with httpx.Client(base_url=dashboard.url, timeout=30) as http:
        # When the jobs are filtered by params alone, which no index serves
        reply = http.get("/api/jobs", params={"params": '{"n": -1}'})

        # Then the answer comes at once: a 409 whose JSON body names the filter to add
        assert reply.status_code == 409, reply.text
        body = reply.json()
        assert body["field"] == "filter"
        assert "time limit of 0.001 s" in body["detail"]
        assert "add a filter on queue, task or status" in body["detail"]

        # and so is a search by one params key, which reads the params of every job
        by_key = http.get("/api/jobs", params={"param": "n=-1"})
        assert (by_key.status_code, by_key.json()["field"]) == (409, "filter"), by_key.text

        # And the indexed queries and the counts still answer within the limit
        middle = records[JOBS // 2].id
        assert [job["id"] for job in http.get("/api/jobs", params={"id": middle}).json()["jobs"]] == [middle]
        # (ids are made one second apart: the first 8 characters are the second)
        by_prefix = http.get("/api/jobs", params={"id_prefix": middle[:8]}).json()
        assert ([job["id"] for job in by_prefix["jobs"]], by_prefix["total"]) == ([middle], 1)
        page = http.get("/api/jobs", params={"queue": "limits", "limit": 5}).json()
        # counting 10,000 jobs takes more than 1 ms: the total is then "more than" the page's
        assert (len(page["jobs"]), page["total"], page["total_is_lower_bound"]) == (5, 5, True)
        by_status = http.get("/api/jobs", params={"status": "success", "limit": 5}).json()
        assert (by_status["total"], by_status["total_is_lower_bound"]) == (10_000, True)
        overview = http.get("/api/overview")
        assert overview.status_code == 200, overview.text
        assert overview.json()["counts"] == {"success": JOBS}
