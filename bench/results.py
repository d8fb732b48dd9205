"""What a benchmark run measured, the machine it ran on, and the table that shows it.

A run is saved as JSON (:class:`Run`); the same markdown table is printed at the end of
``bench/run.py`` and pasted into ``docs/performance.md`` by ``bench/report.py``.
"""

from __future__ import annotations

import os
import platform
import subprocess
from datetime import UTC, datetime

from pydantic import BaseModel, Field

MRQ = "MRQ"

SCENARIOS = {
    1: "bulk enqueue",
    2: "end to end, regular queue",
    3: "end to end, raw queue",
    4: "IO-bound, 100 ms sleeps",
    5: "enqueue-to-start latency",
    6: "worker scaling",
    7: "worker memory",
    8: "dashboard jobs query",
}


class Result(BaseModel):
    """One measurement of one system in one scenario."""

    scenario: int = Field(description="scenario number, a key of SCENARIOS")
    system: str = Field(description='"MRQ", or a peer with its version, e.g. "Dramatiq 2.2.1"')
    config: str = Field(description="how it ran: processes, threads, queue, options")
    jobs: int = Field(description="jobs (or stored records, for scenario 8) the measurement covers")
    metric: str = Field(description='unit of value: "jobs/s", "ms p50", "MB", "% of ideal"...')
    value: float
    higher_is_better: bool = True
    compared: bool = Field(
        True,
        description="an MRQ row the peers' rows of its scenario and metric are "
        "compared with (one per scenario and metric)",
    )
    target: str = Field("", description="the issue's target for this row, if it has one")
    met: bool | None = Field(None, description="whether the target is met; None without a target")
    note: str = Field("", description="what bounds it, what was left out, how done was detected")


class Machine(BaseModel):
    """Facts that make two runs comparable (or not)."""

    cores: int
    python: str
    redis: str
    platform: str
    load_average_at_start: tuple[float, float, float]
    started_at: datetime

    @classmethod
    def probe(cls) -> Machine:
        redis_version = subprocess.run(
            ["redis-server", "--version"], capture_output=True, text=True, check=True
        ).stdout.split()
        return cls(
            cores=os.cpu_count() or 0,
            python=platform.python_version(),
            redis=next((w.removeprefix("v=") for w in redis_version if w.startswith("v=")), "?"),
            platform=platform.platform(),
            load_average_at_start=os.getloadavg(),
            started_at=datetime.now(UTC),
        )


class Run(BaseModel):
    """A whole ``make bench`` run, as saved to JSON."""

    machine: Machine
    options: dict[str, object]
    wall_s: float = 0.0
    results: list[Result] = []


def ratio(run: Run, row: Result) -> float | None:
    """MRQ's value over this peer row's value, in the same scenario and metric (None for MRQ rows)."""
    if row.system == MRQ or not row.value:
        return None
    ours = [
        r.value
        for r in run.results
        if r.system == MRQ and r.compared and r.scenario == row.scenario and r.metric == row.metric
    ]
    return ours[0] / row.value if ours else None


def markdown(run: Run) -> str:
    """The results as a markdown table, one row per measurement, in scenario order."""
    lines = [
        "| # | scenario | system | configuration | N | result | MRQ/peer | target | met? |",
        "|---|---|---|---|---:|---:|---:|---|---|",
    ]
    for row in sorted(run.results, key=lambda r: (r.scenario, r.system != MRQ)):
        share = ratio(run, row)
        met = {True: "yes", False: "**no**", None: ""}[row.met]
        config = f"{row.config}; {row.note}" if row.note else row.config
        lines.append(
            f"| {row.scenario} | {SCENARIOS[row.scenario]} | {row.system} | {config} | {row.jobs:,} | "
            f"{_number(row.value)} {row.metric} | {'' if share is None else f'{share:.2f}x'} | "
            f"{row.target} | {met} |"
        )
    machine = run.machine
    load = ", ".join(f"{x:.2f}" for x in machine.load_average_at_start)
    lines.append("")
    lines.append(
        f"{machine.cores} cores, Python {machine.python}, Redis {machine.redis}, load average at start "
        f"{load}, {machine.started_at:%Y-%m-%d %H:%M} UTC, whole run {run.wall_s:.0f} s."
    )
    return "\n".join(lines)


def _number(value: float) -> str:
    return f"{value:,.0f}" if abs(value) >= 100 else f"{value:.3g}"
