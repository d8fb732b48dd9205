"""`make bench`'s harness at tiny N, MRQ's side only, so it does not rot between benchmark runs.

The peers need their own venvs (.venv-bench, installed by `make bench`): they are left out here.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parents[2] / "bench"
SCENARIOS = {1, 2, 3, 5, 7}


def test_bench_runs_mrq_scenarios_and_saves_sane_results(tmp_path: Path) -> None:
    # Given the harness at tiny N, without peers
    output = tmp_path / "results.json"
    argv = [
        sys.executable,
        "run.py",
        "--quick",
        "--peers",
        "",
        "--scenarios",
        ",".join(map(str, sorted(SCENARIOS))),
        "--jobs",
        "50",
        "--raw-jobs",
        "60",
        "--enqueue-jobs",
        "50",
        "--latency-samples",
        "10",
        "--output",
        str(output),
    ]

    # When it runs (it exits non-zero if a job failed, had a wrong result, or never finished)
    done = subprocess.run(argv, cwd=BENCH_DIR, capture_output=True, text=True, timeout=240, check=False)

    # Then every scenario has MRQ rows with positive values, saved as JSON and printed as a table
    assert done.returncode == 0, done.stdout + done.stderr
    run = json.loads(output.read_text())
    rows = run["results"]
    assert {row["scenario"] for row in rows} == SCENARIOS
    assert all(row["system"] == "MRQ" and row["value"] > 0 for row in rows)
    throughput = {row["scenario"]: row for row in rows if row["metric"] == "jobs/s"}
    assert {n: throughput[n]["jobs"] for n in (1, 2, 3)} == {1: 50, 2: 50, 3: 60}
    latencies = {row["metric"]: row["value"] for row in rows if row["scenario"] == 5}
    assert 0 < latencies["ms p50"] <= latencies["ms p99"]
    assert run["machine"]["cores"] >= 1 and run["machine"]["redis"]
    assert "| 2 | end to end, regular queue | MRQ |" in done.stdout
