"""Where the broker and the worker spend their time: py-spy samples of both while one worker
process drains N trivial jobs, summed per function. Prints the top of each; not a test.

    .venv/bin/python bench/hotspots.py --queue raw --jobs 60000
    .venv/bin/python bench/hotspots.py --queue regular --jobs 20000 --seconds 20

Samples are of threads on the CPU (py-spy leaves idle ones out), at 200 Hz; "self" is the time
in a function's own lines, "total" includes what it calls. A thread blocked in a socket read
still shows there: read those as round trips.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

from mrq_scenarios import QUEUE, RAW_BATCH, RAW_QUEUE, add_params, mrq_stack

PY_SPY = Path(sys.executable).with_name("py-spy")


def summarise(raw_path: Path, top: int) -> str:
    """The ``top`` functions by self and by total samples, from py-spy's raw (collapsed) output."""
    own: Counter[str] = Counter()
    total: Counter[str] = Counter()
    samples = 0
    for line in raw_path.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        frames, n = stack.split(";"), int(count)
        samples += n
        own[frames[-1]] += n
        total.update(dict.fromkeys(set(frames), n))
    lines = [f"{samples} samples"]
    for title, counts in (("self", own), ("total", total)):
        lines.append(f"  by {title}:")
        lines += [f"    {100 * n / samples:5.1f}%  {name}" for name, n in counts.most_common(top)]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--queue", choices=("raw", "regular"), default="raw", help="queue to drain (default: raw)")
    parser.add_argument("--jobs", type=int, default=60_000, help="jobs queued first (default: 60000)")
    parser.add_argument("--greenlets", type=int, default=200, help="worker greenlets (default: 200)")
    parser.add_argument("--seconds", type=int, default=12, help="seconds sampled (default: 12)")
    parser.add_argument("--top", type=int, default=25, help="functions listed per process (default: 25)")
    args = parser.parse_args()
    if not PY_SPY.exists():
        raise SystemExit(f"{PY_SPY} is missing: `make install` installs py-spy")

    with (
        tempfile.TemporaryDirectory(prefix="mrq-profile-") as root,
        mrq_stack(Path(root), "profile") as (stack, client),
    ):
        params = add_params(args.jobs)
        if args.queue == "raw":
            for start in range(0, args.jobs, RAW_BATCH):
                client.queues.enqueue_raw(RAW_QUEUE, params[start : start + RAW_BATCH])
        else:
            client.enqueue_many("bench_tasks.add", params, queue=QUEUE)
        stack.start_worker(RAW_QUEUE if args.queue == "raw" else QUEUE, greenlets=args.greenlets)
        outputs = {process.name: Path(root) / f"{process.name}.txt" for process in stack.services}
        spies = [
            subprocess.Popen(
                [
                    str(PY_SPY),
                    "record",
                    "--pid",
                    str(process.pid),
                    "--rate",
                    "200",
                    "--duration",
                    str(args.seconds),
                    "--format",
                    "raw",
                    "--nonblocking",
                    "--output",
                    str(outputs[process.name]),
                ],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            for process in stack.services
        ]
        for spy in spies:
            spy.wait()
        for name, path in outputs.items():
            print(f"== {name}: {summarise(path, args.top) if path.exists() else 'no samples'}\n", flush=True)


if __name__ == "__main__":
    main()
