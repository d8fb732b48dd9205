"""The options of a benchmark run: what to run, and how many jobs each scenario uses."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, Field

ALL_SCENARIOS = (1, 2, 3, 4, 5, 6, 7, 8)
ALL_PEERS = ("dramatiq", "arq", "celery", "rq", "rq-fork")
DEFAULT_OUTPUT = Path(__file__).resolve().parent / "results" / "latest.json"


class Options(BaseModel):
    """Defaults are the issue's numbers where they fit the 15-minute budget of `make bench`."""

    scenarios: tuple[int, ...] = ALL_SCENARIOS
    peers: tuple[str, ...] = ALL_PEERS
    enqueue_jobs: int = Field(100_000, gt=0, description="jobs of the bulk enqueue (1)")
    jobs: int = Field(10_000, gt=0, description="jobs of the end-to-end runs (2, 7)")
    raw_jobs: int = Field(
        100_000, gt=0, description="jobs of the raw-queue runs (3, 6): at ~10,000 jobs/s, worker start-up is ~4%"
    )
    rq_fork_jobs: int = Field(1_000, gt=0, description="jobs for RQ's forking worker, ~100 jobs/s")
    greenlets: int = Field(
        200, gt=0, description="greenlets of MRQ's worker for trivial jobs (more: bigger lease and report batches)"
    )
    io_jobs: int = Field(10_000, gt=0, description="100 ms jobs of the IO-bound run (4)")
    io_greenlets: int = Field(500, gt=0, description="greenlets (or peer concurrency) of the IO-bound run (4)")
    latency_samples: int = Field(200, gt=1, description="jobs timed one at a time (5)")
    scaling_processes: tuple[int, ...] = (1, 2, 4)
    dashboard_jobs: int = Field(1_000_000, gt=0, description="job records stored for the dashboard query (8)")
    dashboard_cases: tuple[int, ...] = Field(tuple(range(1, 17)), description="dashboard.CASES to time, from 1 (8)")
    dashboard_repeat: int = Field(1, gt=0, description="times each dashboard query runs (8)")
    mongodb_url: str | None = Field(None, description="a running MongoDB for (8), database in the path (an empty one)")
    output: Path = DEFAULT_OUTPUT

    @classmethod
    def quick(cls) -> dict[str, int]:
        """Tiny numbers, to check the harness runs (seconds, not minutes)."""
        return {
            "enqueue_jobs": 500,
            "jobs": 200,
            "raw_jobs": 200,
            "rq_fork_jobs": 50,
            "io_jobs": 500,
            "io_greenlets": 50,
            "latency_samples": 20,
            "dashboard_jobs": 1_000,
        }
