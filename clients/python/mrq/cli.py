"""The ``mrq`` command: enqueue jobs, read and wait for them, or run a task inline to debug it.

Every command but ``run`` talks to a broker through :class:`mrq.client.Client`. ``run`` needs
no broker: it runs the task in this process with the same task API a worker provides.
"""

from __future__ import annotations

import argparse
import dataclasses
import logging
import os
import secrets
import sys
import time
import traceback
from collections.abc import Callable, Iterator, Sequence
from datetime import datetime
from typing import Any, cast

import orjson

from mrq.completion import SHELLS, service_parsers
from mrq.config import program_version
from mrq.context import JobContext, current_job
from mrq.errors import (
    ConfigError,
    InvalidArgument,
    JobNotFound,
    MrqError,
    TaskNotFound,
    WaitTimeout,
)
from mrq.interrupts import AbortInterrupt, JobInterrupt, RetryInterrupt
from mrq.options import OPTION_NAMES, EnqueueOptions
from mrq.security import ACCESS_ENV
from mrq.task import resolve_task

# Exit codes, also listed in the --help epilog.
EXIT_OK = 0
EXIT_JOB_FAILED = 1  # a job did not end `success`, timed out waiting, or does not exist
EXIT_USAGE = 2  # bad command line or input (argparse uses 2 as well)
EXIT_BROKER = 3  # the broker is unreachable or failed

#: The BrokerAccess settings the CLI takes as flags: files only, so no secret shows in ps.
_ACCESS_FLAGS = ("auth_token_file", "broker_tls_ca_file", "broker_tls_cert_file", "broker_tls_key_file")

_EPILOG = """\
examples:
  mrq enqueue tasks.add '{"a": 1, "b": 2}'            # prints the job id
  mrq enqueue tasks.add '{"a": 1, "b": 2}' --wait     # prints the finished job
  mrq enqueue tasks.report --queue low --delay 60 --max-retries 0
  seq 1000 | jq -c '{a: ., b: 1}' | mrq enqueue-many tasks.add
  mrq job 65f0c0ffee0123456789abcd
  mrq logs 65f0c0ffee0123456789abcd --follow           # prints lines until the job ends
  mrq wait 65f0c0ffee0123456789abcd 65f0c0ffee0123456789abce --timeout 60
  mrq cancel 65f0c0ffee0123456789abcd
  mrq requeue --queue default --status failed --dry-run   # prints the counts, changes nothing
  mrq retry --task tasks.report --exception-type builtins.TimeoutError
  mrq delete --queue default --param user=42 --dry-run   # params whose "user" is the number 42
  mrq run tasks.add '{"a": 1, "b": 2}'                # no broker: runs the task here

exit codes:
  0 ok; 1 a job did not end success (or is unknown, or the wait timed out);
  2 bad input; 3 broker unreachable or failing
"""

Handler = Callable[[argparse.Namespace], int]


class UsageError(Exception):
    """Bad input on the command line; reported in one line, exit code 2."""


def main(argv: Sequence[str] | None = None) -> int:
    """Runs the ``mrq`` command and returns its exit code (the console script exits with it)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Handler = args.handler
    try:
        return handler(args)
    except WaitTimeout as exc:
        _print_json(exc.jobs[0] if len(exc.jobs) == 1 else exc.jobs)
        return _fail(EXIT_JOB_FAILED, str(exc))
    except (UsageError, InvalidArgument, TaskNotFound, ConfigError) as exc:
        return _fail(EXIT_USAGE, str(exc))
    except JobNotFound as exc:
        return _fail(EXIT_JOB_FAILED, str(exc))
    except MrqError as exc:  # BrokerUnavailable, BrokerError
        return _fail(EXIT_BROKER, str(exc))
    except KeyboardInterrupt:
        return 130


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``mrq`` and its sub-commands."""
    # --broker-address is accepted before or after the sub-command; SUPPRESS keeps a value
    # given before it from being reset by the sub-parser's default.
    address = argparse.ArgumentParser(add_help=False)
    address.add_argument(
        "--broker-address",
        metavar="HOST:PORT",
        default=argparse.SUPPRESS,
        help="broker to talk to (env: MRQ_BROKER_ADDRESS; default 127.0.0.1:50051)",
    )
    for name in _ACCESS_FLAGS:  # the token itself only by env or file: a flag would show in ps
        address.add_argument(
            f"--{name.replace('_', '-')}",
            metavar="FILE",
            default=argparse.SUPPRESS,
            help=f"for a broker with auth or TLS (env: {ACCESS_ENV[name]})",
        )
    parser = argparse.ArgumentParser(
        prog="mrq",
        description="Enqueue MRQ jobs, inspect them, or run a task inline.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        parents=[address],
    )
    parser.add_argument("--version", action="version", version=program_version("mrq"))
    commands = parser.add_subparsers(title="commands", metavar="COMMAND", required=True)
    _add_enqueue(commands, address)
    _add_enqueue_many(commands, address)
    job = _command(commands, "job", _job, [address], "print a job as JSON")
    job.add_argument("job_id", metavar="ID")
    inspect = _command(
        commands, "inspect", _inspect, [address], "print a running job's current stack, elapsed and CPU time"
    )
    inspect.add_argument("job_id", metavar="ID")
    logs = _command(commands, "logs", _logs, [address], "print a job's log")
    logs.add_argument("job_id", metavar="ID")
    logs.add_argument(
        "--follow", "-f", action="store_true", help="keep printing lines as they are shipped, until the job is final"
    )
    wait = _command(
        commands, "wait", _wait, [address], "wait until jobs are final and print them; exit 1 unless all ended success"
    )
    wait.add_argument("job_ids", metavar="ID", nargs="+")
    wait.add_argument("--timeout", type=float, metavar="S", help="give up after S seconds (default: never)")
    for name, summary in _ACTIONS.items():
        _add_action(commands, address, name, summary)
    _add_queue_commands(commands, address)
    _command(
        commands,
        "schedules",
        _schedules,
        [address],
        "print the schedules of recurring jobs (SCHEDULER_TASKS and the API's) with their last tick",
    )
    run = _command(commands, "run", _run, [], "run a task in this process, without a broker (to debug it)")
    run.add_argument("task", metavar="TASK", help="dotted path of the task, e.g. tasks.add")
    run.add_argument(
        "params", metavar="PARAMS_JSON", nargs="?", default="{}", help="the task's params as JSON (default: {})"
    )
    run.add_argument(
        "--log-level",
        default="INFO",
        type=str.upper,
        choices=["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"],
        help="level of the logs written to stderr (default: INFO)",
    )
    completion = _command(
        commands,
        "completion",
        _completion,
        [],
        "print the shell completion of mrq and the installed MRQ services",
        epilog='load it in ~/.bashrc:\n  eval "$(mrq completion bash)"\n'
        "zsh: run `autoload -U +X bashcompinit && bashcompinit` first",
    )
    completion.add_argument("shell", choices=sorted(SHELLS))
    return parser


def _command(
    commands: Any,
    name: str,
    handler: Handler,
    parents: list[argparse.ArgumentParser],
    summary: str,
    epilog: str | None = None,
) -> argparse.ArgumentParser:
    command: argparse.ArgumentParser = commands.add_parser(
        name,
        parents=parents,
        help=summary,
        description=summary,
        epilog=epilog,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    command.set_defaults(handler=handler)
    return command


def _add_enqueue(commands: Any, address: argparse.ArgumentParser) -> None:
    enqueue = _command(
        commands,
        "enqueue",
        _enqueue,
        [address],
        "enqueue one job and print its id",
        epilog='example:\n  mrq enqueue tasks.add \'{"a": 1, "b": 2}\' --queue math --wait',
    )
    enqueue.add_argument("task", metavar="TASK", help="dotted path of the task, e.g. tasks.add")
    enqueue.add_argument(
        "params", metavar="PARAMS_JSON", nargs="?", default=None, help="the job's params as JSON (default: {})"
    )
    _add_job_options(enqueue)
    enqueue.add_argument(
        "--dedupe-key", metavar="K", help="while a queued or started job has key K, print its id instead"
    )
    enqueue.add_argument(
        "--wait", action="store_true", help="wait for the job, print it as JSON, exit 1 unless it ended success"
    )
    enqueue.add_argument(
        "--wait-timeout", type=float, metavar="S", help="with --wait, give up after S seconds (default: never)"
    )


def _add_enqueue_many(commands: Any, address: argparse.ArgumentParser) -> None:
    many = _command(
        commands,
        "enqueue-many",
        _enqueue_many,
        [address],
        "enqueue one job per line of JSON params; print the ids, one per line",
        epilog='example:\n  printf \'{"a": 1}\\n{"a": 2}\\n\' | mrq enqueue-many tasks.add',
    )
    many.add_argument("task", metavar="TASK", help="dotted path of the task, e.g. tasks.add")
    many.add_argument(
        "file",
        metavar="FILE",
        nargs="?",
        default="-",
        help="JSON Lines file, one job's params per line ('-' or none: stdin)",
    )
    _add_job_options(many)
    many.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="progress bar on stderr (default: when stderr is a terminal)",
    )


_ACTIONS = {
    "cancel": "cancel jobs (queued or running) by id or filter; print the counts as JSON",
    "requeue": "queue jobs that are not running again, retry_count reset to 0; print the counts",
    "retry": "like requeue, but keep each job's retry_count; print the counts",
    "delete": "delete jobs that are not running, and their logs, for good; print the counts",
}


def _add_action(commands: Any, address: argparse.ArgumentParser, name: str, summary: str) -> None:
    action = _command(
        commands,
        name,
        _act,
        [address],
        summary,
        epilog=f"examples:\n  mrq {name} 65f0c0ffee0123456789abcd\n"
        f"  mrq {name} --queue default --status failed --dry-run",
    )
    action.set_defaults(action=name)
    action.add_argument("job_ids", metavar="ID", nargs="*", help="job ids; or select jobs with the filter")
    selector = action.add_argument_group("filter (every criterion given must hold)")
    selector.add_argument("--queue", metavar="Q", help="queue name")
    selector.add_argument("--status", metavar="S", help="status name, e.g. failed")
    selector.add_argument("--task", metavar="T", help="task path, e.g. tasks.add")
    selector.add_argument("--worker", dest="worker_id", metavar="W", help="id of the worker that ran the job")
    selector.add_argument("--exception-type", metavar="E", help="e.g. builtins.ValueError")
    selector.add_argument("--params", metavar="JSON", help="params equal to this JSON value")
    selector.add_argument(
        "--param", metavar="KEY=JSON", help="params whose key holds this JSON value: user=42 (a number), user='\"42\"'"
    )
    selector.add_argument("--id-prefix", dest="job_id_prefix", metavar="HEX", help="job ids starting with this")
    selector.add_argument("--taskset", dest="taskset_id", metavar="ID", help="members of this taskset")
    selector.add_argument("--schedule", dest="schedule_id", metavar="ID", help="jobs this schedule enqueued")
    selector.add_argument(
        "--enqueued-after",
        type=_iso_datetime,
        metavar="ISO",
        help="enqueued at or after this instant (no offset = UTC)",
    )
    selector.add_argument(
        "--enqueued-before", type=_iso_datetime, metavar="ISO", help="enqueued before this instant (no offset = UTC)"
    )
    action.add_argument("--dry-run", action="store_true", help="change nothing; print what would change")


def _add_queue_commands(commands: Any, address: argparse.ArgumentParser) -> None:
    queues = _command(
        commands, "queues", _queues, [address], "list known queues with their exact sizes, paused state and oldest job"
    )
    queues.add_argument("prefix", metavar="PREFIX", nargs="?", default="", help="only queues starting with this")
    for name, summary in (
        ("pause", "pause a queue and its subqueues (QUEUE/...)"),
        ("resume", "resume a queue"),
        ("empty", "cancel every job waiting on a queue (raw queues: drop their entries)"),
    ):
        command = _command(commands, name, _queue_action, [address], summary)
        command.add_argument("queue", metavar="QUEUE")
        command.set_defaults(queue_action=name)
        if name == "empty":
            command.add_argument(
                "--progress",
                action=argparse.BooleanOptionalAction,
                default=None,
                help="progress bar on stderr (default: when stderr is a terminal)",
            )
    raw = _command(
        commands,
        "enqueue-raw",
        _enqueue_raw,
        [address],
        "add raw params to a raw queue, one JSON value per line of a file or stdin",
        epilog="example:\n  mrq enqueue-raw events_raw events.jsonl",
    )
    raw.add_argument("queue", metavar="QUEUE")
    raw.add_argument("input", metavar="FILE", help="JSON lines; - reads stdin")


def _add_job_options(command: argparse.ArgumentParser) -> None:
    """The flags of mrq.EnqueueOptions that every enqueue command takes (``enqueue`` adds
    --dedupe-key), each flag's dest the option's name: tests/unit/test_cli_commands.py checks
    that no option is missing."""
    options = command.add_argument_group("job options (default: the task's routing, then the broker's)")
    options.add_argument("--queue", metavar="Q", help="queue name")
    options.add_argument("--timeout", type=float, metavar="S", help="seconds the job may run; 0 = no limit")
    options.add_argument("--max-retries", type=int, metavar="N", help="retries allowed")
    options.add_argument("--retry-delay", type=float, metavar="S", help="seconds before a retry is queued")
    options.add_argument("--result-ttl", type=float, metavar="S", help="seconds a success record is kept")
    options.add_argument("--priority", type=int, metavar="N", help="higher runs first, -1000..1000")
    when = options.add_mutually_exclusive_group()
    when.add_argument("--delay", type=float, metavar="S", help="run no sooner than S seconds from now")
    when.add_argument(
        "--eta",
        type=_iso_datetime,
        metavar="ISO",
        help="run no sooner than this ISO 8601 instant, e.g. 2030-01-01T09:00:00Z (no offset = UTC)",
    )
    options.add_argument("--unique", action="store_true", help="dedupe each job on a key made from its task and params")


def _job_options(args: argparse.Namespace) -> EnqueueOptions:
    """The options the command line gives; a flag left out leaves its option unset."""
    given = {name: getattr(args, name) for name in OPTION_NAMES if getattr(args, name, None) is not None}
    return cast(EnqueueOptions, given)


def _enqueue(args: argparse.Namespace) -> int:
    params = _parse_params(args.params) if args.params is not None else None
    with _client(args) as client:
        job_id = client.enqueue(args.task, params, **_job_options(args))
        if not args.wait:
            print(job_id)
            return EXIT_OK
        job = client.wait(job_id, timeout=args.wait_timeout)
    _print_json(job)
    return EXIT_OK if job["status"] == "success" else EXIT_JOB_FAILED


def _enqueue_many(args: argparse.Namespace) -> int:
    params_list = list(_parse_lines(_read_input(args.file)))
    progress = _progress(args)
    with _client(args) as client:
        job_ids = client.enqueue_many(args.task, params_list, progress=progress, **_job_options(args))
    sys.stdout.write("".join(f"{job_id}\n" for job_id in job_ids))
    return EXIT_OK


def _act(args: argparse.Namespace) -> int:
    filters: dict[str, Any] = {
        name: getattr(args, name)
        for name in (
            "queue",
            "status",
            "task",
            "worker_id",
            "exception_type",
            "job_id_prefix",
            "taskset_id",
            "schedule_id",
            "enqueued_after",
            "enqueued_before",
        )
        if getattr(args, name) is not None
    }
    if args.params is not None:
        filters["params"] = _parse_params(args.params)
    if args.param is not None:
        key, equals, value = args.param.partition("=")
        if not key or not equals:
            raise UsageError(f"--param: give KEY=JSON, e.g. user=42, not {args.param!r}")
        filters["params_key"], filters["params_value"] = key, _parse_params(value)
    if args.job_ids and filters:
        raise UsageError(f"{args.action}: give job ids or a filter, not both")
    if not args.job_ids and not filters:
        raise UsageError(f"{args.action}: give job ids or at least one filter option (see --help)")
    with _client(args) as client:
        act = getattr(client, args.action)
        counts = act(args.job_ids or None, dry_run=args.dry_run, **filters)
    _print_json(
        {"matched": counts.matched, "changed": counts.changed, "skipped": counts.skipped, "dry_run": args.dry_run}
    )
    return EXIT_OK


def _queues(args: argparse.Namespace) -> int:
    with _client(args) as client:
        rows = client.queues.list(args.prefix)
    print(f"{'QUEUE':30} {'TYPE':10} {'QUEUED':>9} {'DELAYED':>9}  OLDEST")
    for q in rows:
        oldest = q["oldest_enqueued"].isoformat(timespec="seconds") if q["oldest_enqueued"] else "-"
        print(
            f"{q['name']:30} {q['type']:10} {q['queued']:>9} {q['delayed']:>9}  {oldest}"
            f"{'  (paused)' if q['paused'] else ''}"
        )
    return EXIT_OK


def _schedules(args: argparse.Namespace) -> int:
    with _client(args) as client:
        _print_json(client.schedules.list())
    return EXIT_OK


def _progress(args: argparse.Namespace) -> bool:
    """--progress, --no-progress, or by default whether stderr is a terminal."""
    return sys.stderr.isatty() if args.progress is None else bool(args.progress)


def _queue_action(args: argparse.Namespace) -> int:
    with _client(args) as client:
        if args.queue_action == "empty":
            _print_json({"removed": client.queues.empty(args.queue, progress=_progress(args))})
        else:
            _print_json({"paused_queues": getattr(client.queues, args.queue_action)(args.queue)})
    return EXIT_OK


def _enqueue_raw(args: argparse.Namespace) -> int:
    entries = list(_parse_lines(_read_input(args.input)))
    with _client(args) as client:
        added = client.queues.enqueue_raw(args.queue, entries)
    _print_json({"added": added, "sent": len(entries)})
    return EXIT_OK


def _job(args: argparse.Namespace) -> int:
    with _client(args) as client:
        _print_json(client.get_job(args.job_id))
    return EXIT_OK


def _inspect(args: argparse.Namespace) -> int:
    with _client(args) as client:
        state = client.inspect(args.job_id)
    cpu = "not traced (run the worker with --trace-greenlets)" if state["cpu_s"] is None else f"{state['cpu_s']:.3f} s"
    print(f"job {state['job_id']} on worker {state['worker_id']}: running for {state['elapsed_s']:.3f} s, CPU {cpu}")
    sys.stdout.write(state["stack"])
    return EXIT_OK


def _logs(args: argparse.Namespace) -> int:
    with _client(args) as client:
        if args.follow:
            for line in client.follow_logs(args.job_id):
                print(line, flush=True)
        else:
            sys.stdout.write(client.get_logs(args.job_id))
    return EXIT_OK


def _wait(args: argparse.Namespace) -> int:
    with _client(args) as client:
        jobs = client.wait(args.job_ids, timeout=args.timeout)
    _print_json(jobs[0] if len(jobs) == 1 else jobs)
    return EXIT_OK if all(job["status"] == "success" for job in jobs) else EXIT_JOB_FAILED


def _completion(args: argparse.Namespace) -> int:
    print(SHELLS[args.shell]({"mrq": build_parser(), **dict(service_parsers())}), end="")
    return EXIT_OK


def _run(args: argparse.Namespace) -> int:
    """Runs the task inline: a fresh job id, the current job set, logs on stderr."""
    params = _parse_params(args.params)
    # Like `python -m`: tasks are importable from the working directory.
    if os.getcwd() not in sys.path and "" not in sys.path:
        sys.path.insert(0, os.getcwd())
    logging.basicConfig(
        stream=sys.stderr, level=args.log_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    task = resolve_task(args.task)
    job_id = new_job_id()
    # Named like a worker's job loggers, so logging config written for workers applies here too.
    job = JobContext(
        id=job_id, task=args.task, params=params, queue="", logger=logging.getLogger("mrq.job").getChild(job_id)
    )
    token = current_job.set(job)
    try:
        result = task(params)
    except JobInterrupt as exc:
        return _fail(EXIT_JOB_FAILED, f"job {job.id} ended {_interrupt_status(exc)}: {exc}")
    except Exception as exc:  # noqa: BLE001 - any task error is reported, like a worker does
        # The traceback starts at the task: this frame is noise.
        traceback.print_exception(type(exc), exc, exc.__traceback__.tb_next if exc.__traceback__ else None)
        return _fail(EXIT_JOB_FAILED, f"job {job.id} failed: {type(exc).__name__}: {exc}")
    finally:
        current_job.reset(token)
    try:
        _print_json(result)
    except TypeError as exc:
        return _fail(EXIT_JOB_FAILED, f"job {job.id}: its result is not JSON-serialisable: {exc}")
    return EXIT_OK


def new_job_id() -> str:
    """A job id for ``mrq run``: 24 hex characters, time-ordered like the broker's."""
    return f"{int(time.time()):08x}{secrets.token_hex(8)}"


def _interrupt_status(exc: JobInterrupt) -> str:
    if isinstance(exc, RetryInterrupt):
        return "retry"
    if isinstance(exc, AbortInterrupt):
        return "abort"
    return "interrupt"


def _client(args: argparse.Namespace) -> Any:
    from mrq.client import Client, ClientSettings  # gRPC loads only for the commands that need a broker

    settings = ClientSettings.from_env()
    flags = {name: getattr(args, name) for name in _ACCESS_FLAGS if hasattr(args, name)}
    settings = dataclasses.replace(settings, access=dataclasses.replace(settings.access, **flags))
    return Client(getattr(args, "broker_address", None), settings=settings)


def _parse_params(text: str) -> Any:
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError as exc:
        raise UsageError(f"invalid JSON params {_shorten(text)}: {exc}") from None


def _parse_lines(text: str) -> Iterator[Any]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            yield orjson.loads(line)
        except orjson.JSONDecodeError as exc:
            raise UsageError(f"invalid JSON params on line {number}: {exc}") from None


def _read_input(path: str) -> str:
    if path == "-":
        return sys.stdin.read()
    try:
        with open(path, encoding="utf-8") as file:
            return file.read()
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc.strerror}") from None


def _iso_datetime(text: str) -> datetime:
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO 8601 date-time: {text!r}") from None


def _print_json(value: Any) -> None:
    """Pretty JSON on stdout; datetimes as ISO 8601."""
    sys.stdout.write(orjson.dumps(value, option=orjson.OPT_INDENT_2).decode() + "\n")


def _shorten(text: str, limit: int = 60) -> str:
    return repr(text if len(text) <= limit else text[:limit] + "...")


def _fail(code: int, message: str) -> int:
    sys.stderr.write(f"mrq: error: {message}\n")
    return code
