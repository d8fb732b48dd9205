"""`make bench`: MRQ against its Python peers, side by side on this machine, in one run.

Runs the chosen scenarios for MRQ (each on a private stack) and for the chosen peers (each on a
fresh Redis, from .venv-bench/PEER, which `make bench` installs), prints one markdown table of
the results with the ratio MRQ/peer and the issue's targets, and saves the run as JSON.

    make bench                                    # everything, the default numbers
    make bench BENCH_ARGS="--quick"               # tiny numbers: checks the harness in a minute
    .venv/bin/python bench/run.py --scenarios 2,3 --peers dramatiq,arq --jobs 5000
    .venv/bin/python bench/run.py --scenarios 8 --peers '' --dashboard-jobs 1000000

See docs/performance.md for what each scenario measures.
"""

from __future__ import annotations

import argparse
import logging
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import dashboard
import mrq_scenarios
import peer_scenarios
from results import MRQ, SCENARIOS, Machine, Result, Run, markdown
from settings import ALL_PEERS, Options

MRQ_SCENARIOS: dict[int, Callable[[Path, Options], list[Result]]] = {
    1: mrq_scenarios.bulk_enqueue,
    2: mrq_scenarios.end_to_end,
    3: mrq_scenarios.raw_queue,
    4: mrq_scenarios.io_bound,
    5: mrq_scenarios.latency,
    6: mrq_scenarios.scaling,
    7: mrq_scenarios.memory,
    8: dashboard.jobs_query,
}
PEER_SCENARIOS = {1, 2, 4, 7}
END_TO_END_TARGET = 2.0  # scenario 2: at least twice the best peer


def parse_options(argv: list[str] | None = None) -> Options:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    numbers = ", ".join(f"{n} {name}" for n, name in SCENARIOS.items())
    parser.add_argument("--scenarios", type=_ints, help=f"comma-separated, default all: {numbers}")
    parser.add_argument(
        "--peers", type=_names, help=f"comma-separated, '' for none; default all: {','.join(ALL_PEERS)}"
    )
    parser.add_argument("--quick", action="store_true", help=f"tiny numbers: {Options.quick()}")
    parser.add_argument("--output", type=Path, help="JSON file to write (default: bench/results/latest.json)")
    parser.add_argument("--scaling-processes", type=_ints, help="worker processes of (6) (default: 1,2,4)")
    parser.add_argument("--dashboard-cases", type=_ints, help="dashboard.CASES to time in (8) (default: every one)")
    parser.add_argument("--mongodb-url", help="a running MongoDB for (8), database in the path (an empty one)")
    for name, field in Options.model_fields.items():
        if field.annotation is int:
            parser.add_argument(
                f"--{name.replace('_', '-')}", type=int, help=f"{field.description} (default: {field.default})"
            )
    args = parser.parse_args(argv)
    given = {key: value for key, value in vars(args).items() if value is not None and key != "quick"}
    return Options.model_validate({**(Options.quick() if args.quick else {}), **given})


def main() -> None:
    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(name)s %(message)s")
    options = parse_options()
    if set(options.peers) - set(peer_scenarios.PEERS) or set(options.scenarios) - set(SCENARIOS):
        raise SystemExit(f"choose peers among {list(peer_scenarios.PEERS)} and scenarios among {list(SCENARIOS)}")
    run = Run(machine=Machine.probe(), options=options.model_dump(mode="json"))
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="mrq-bench-") as tmp:
        root = Path(tmp)
        for scenario in options.scenarios:
            _progress(f"MRQ, scenario {scenario}: {SCENARIOS[scenario]}")
            run.results += MRQ_SCENARIOS[scenario](root, options)
        if PEER_SCENARIOS & set(options.scenarios):
            for name in options.peers:
                _progress(f"{name}, scenarios {sorted(PEER_SCENARIOS & set(options.scenarios))}")
                run.results += peer_scenarios.run_peer(root, peer_scenarios.PEERS[name], options)
    judge_end_to_end(run)
    run.wall_s = time.perf_counter() - started
    options.output.parent.mkdir(parents=True, exist_ok=True)
    options.output.write_text(run.model_dump_json(indent=2) + "\n")
    print(markdown(run))
    print(f"\nsaved {options.output}")


def judge_end_to_end(run: Run) -> None:
    """Scenario 2's target is relative: MRQ at least twice the best peer measured in this run."""
    ours = [r for r in run.results if r.scenario == 2 and r.system == MRQ]
    peers = [r.value for r in run.results if r.scenario == 2 and r.system != MRQ]
    for row in ours:
        row.met = row.value >= END_TO_END_TARGET * max(peers) if peers else None


def _progress(message: str) -> None:
    print(f"{time.strftime('%H:%M:%S')} {message}", flush=True)


def _ints(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split(",") if part.strip())


def _names(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(",") if part.strip())


if __name__ == "__main__":
    main()
