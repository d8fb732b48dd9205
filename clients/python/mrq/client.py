"""The client applications use to enqueue jobs and read them back, over the broker's JobService.

Example:
    >>> from mrq import Client
    >>> with Client("127.0.0.1:50051") as client:
    ...     job_id = client.enqueue("tasks.add", {"a": 1, "b": 2})
    ...     job = client.wait(job_id, timeout=30)
    ...     job["status"], job["result"]
    ('success', 3)

Reads (``get_job``, ``wait``, ``get_logs``, ``follow_logs``, ``server_info``...) are retried on UNAVAILABLE by
gRPC, with the retry policy every MRQ client shares (proto/mrq/v1/service_config.json), and then
``read_retries`` more times, long enough to ride through a broker restart. Enqueues are never
retried automatically: see :meth:`Client.enqueue`.
"""

from __future__ import annotations

import dataclasses
import math
import os
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC
from types import TracebackType
from typing import Any, TypeVar, Unpack, overload

import grpc

from mrq import codec, rpc
from mrq.errors import BrokerError, ConfigError, JobNotFound, MrqError, WaitTimeout
from mrq.history import History
from mrq.jobs import JobDict, job_to_dict
from mrq.options import EnqueueOptions, Seconds, job_options, to_seconds
from mrq.progress import ProgressBar
from mrq.queues import Queues
from mrq.schedules import Schedules
from mrq.security import BrokerAccess
from mrq.selectors import ActionCounts, JobFilterArgs, action_request
from mrq.statuses import FINAL
from mrq.v1 import job_pb2, job_service_pb2, job_service_pb2_grpc

T = TypeVar("T")

DEFAULT_BROKER_ADDRESS = "127.0.0.1:50051"
# Field types of ClientSettings (strings under `from __future__ import annotations`) -> parser.
_CONVERTERS: dict[str, type[int] | type[float]] = {"int": int, "float": float}
# Bytes of framing per params entry in an EnqueueManyRequest (tag + length), rounded up.
_ENTRY_OVERHEAD_BYTES = 8
# A bulk action works through every matching job in one call: give it longer than a read.
ACTION_EXTRA_TIMEOUT_S = 270.0
# How often wait_taskset looks for the callback job once every member is final.
_CALLBACK_POLL_S = 0.02


@dataclass(frozen=True)
class ClientSettings:
    """How a :class:`Client` connects. :meth:`from_env` reads them from ``MRQ_*`` env vars."""

    #: "host:port" of a broker. Env: ``MRQ_BROKER_ADDRESS``.
    broker_address: str = DEFAULT_BROKER_ADDRESS
    #: Deadline of each call; a WaitJobs call gets its wait on top. Env: ``MRQ_CLIENT_RPC_TIMEOUT_S``.
    rpc_timeout_s: float = 30.0
    #: How many more times a read is retried on UNAVAILABLE once gRPC's own retries (the shared
    #: service config: 5 attempts over about 3 s) are spent: by default about 10 s in all, long
    #: enough to ride through a broker restart. Env: ``MRQ_CLIENT_READ_RETRIES``.
    read_retries: int = 2
    #: Wait before the first retry of a read, doubled each time up to 2 s. Env: ``MRQ_CLIENT_RETRY_BACKOFF_S``.
    retry_backoff_s: float = 0.2
    #: Largest message sent or received. Env: ``MRQ_CLIENT_MAX_MESSAGE_BYTES``.
    max_message_bytes: int = rpc.MAX_MESSAGE_BYTES
    #: ``enqueue_many`` keeps each call's params under this many bytes, so brokers still on
    #: gRPC's default 4 MiB receive limit accept it. Env: ``MRQ_CLIENT_MAX_REQUEST_BYTES``.
    max_request_bytes: int = 4 * 1024 * 1024 - 64 * 1024
    #: The token and TLS files for a broker that requires them (see mrq.security.BrokerAccess).
    #: Env: ``MRQ_AUTH_TOKEN``, ``MRQ_AUTH_TOKEN_FILE``, ``MRQ_BROKER_TLS_CA_FILE``,
    #: ``MRQ_BROKER_TLS_CERT_FILE``, ``MRQ_BROKER_TLS_KEY_FILE``.
    access: BrokerAccess = dataclasses.field(default_factory=BrokerAccess)

    @classmethod
    def env_name(cls, field: str) -> str:
        """The env var that sets ``field``."""
        return "MRQ_BROKER_ADDRESS" if field == "broker_address" else f"MRQ_CLIENT_{field.upper()}"

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> ClientSettings:
        """Defaults overridden by whichever ``MRQ_*`` env vars are set.

        Raises:
            ConfigError: an env var does not parse; the message names it.
        """
        environ = os.environ if environ is None else environ
        values: dict[str, Any] = {"access": BrokerAccess.from_env(environ)}
        for field in dataclasses.fields(cls):
            if field.name == "access":
                continue
            raw = environ.get(cls.env_name(field.name))
            if raw is None or raw == "":
                continue
            convert = _CONVERTERS.get(str(field.type), str)
            try:
                values[field.name] = convert(raw)
            except ValueError as exc:
                raise ConfigError(f"{cls.env_name(field.name)}: expected {field.type}, got {raw!r}") from exc
        return cls(**values)


@dataclass(frozen=True)
class ServerInfo:
    """A broker's version, limits and features (GetServerInfo)."""

    version: str
    max_params_bytes: int
    max_batch_size: int
    max_wait_s: float
    lease_ttl_s: float
    features: tuple[str, ...]


class Client:
    """A connection to an MRQ broker. Thread-safe; close it (or use ``with``) when done.

    Args:
        address: "host:port" of the broker. Default: ``settings.broker_address``, which
            :meth:`ClientSettings.from_env` reads from ``MRQ_BROKER_ADDRESS`` (default
            "127.0.0.1:50051").
        settings: connection settings; default :meth:`ClientSettings.from_env`.
        channel: an open channel to use instead of one to ``address`` opened with the
            settings' token and TLS files. The client does not close a channel it was given.
    """

    def __init__(
        self, address: str | None = None, *, settings: ClientSettings | None = None, channel: grpc.Channel | None = None
    ) -> None:
        settings = settings if settings is not None else ClientSettings.from_env()
        if address is not None:
            settings = dataclasses.replace(settings, broker_address=address)
        self.settings = settings
        self._owns_channel = channel is None
        self._channel = (
            channel
            if channel is not None
            else rpc.open_channel(
                settings.broker_address,
                max_message_bytes=settings.max_message_bytes,
                access=settings.access,
                retry_reads=True,
            )
        )
        # The generated stub is untyped; each call below states its response type.
        self._stub: Any = job_service_pb2_grpc.JobServiceStub(self._channel)
        self._server_info: ServerInfo | None = None
        #: Queue management: raw queues, sizes, pause, empty, rate limits (see mrq.queues).
        self.queues = Queues(self._channel, address=settings.broker_address, timeout_s=settings.rpc_timeout_s)
        #: Recurring jobs: create, list, update, delete, pause (see mrq.schedules).
        self.schedules = Schedules(self._channel, address=settings.broker_address, timeout_s=settings.rpc_timeout_s)
        #: Per-minute history of queues and tasks, kept by the broker for a day (see mrq.history).
        self.history = History(self._channel, address=settings.broker_address, timeout_s=settings.rpc_timeout_s)

    def __repr__(self) -> str:
        return f"Client({self.settings.broker_address!r})"

    def __enter__(self) -> Client:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        """Closes the channel (unless it was passed in). Calls in flight are cancelled."""
        if self._owns_channel:
            self._channel.close()

    def enqueue(
        self,
        task: str,
        params: Any = None,
        **options: Unpack[EnqueueOptions],
    ) -> str:
        """Enqueues one job and returns its id.

        Not retried automatically: if the connection drops mid-call the job may or may not have
        been accepted, and a blind retry could enqueue it twice. To retry safely, pass a
        ``dedupe_key`` and call again on BrokerUnavailable: while the first job is queued or
        running, the second call returns its id.

        Args:
            task: dotted path of the task, e.g. "tasks.add".
            params: any JSON value; ``None`` (the default) sends ``{}``.
            **options: the job's options, each described in :class:`mrq.EnqueueOptions`:
                queue, timeout, max_retries, retry_delay, result_ttl, delay, eta, priority,
                dedupe_key, unique.

        Returns:
            The new job's id, or the existing job's id when deduplicated.

        Raises:
            TypeError: ``params`` is not JSON-serialisable, or an option is unknown or has the
                wrong type (raised before anything is sent).
            ValueError: both ``delay`` and ``eta`` are given.
            InvalidArgument: the broker refused the request; ``field`` names the culprit.
            BrokerUnavailable: the broker could not be reached, or did not answer in time.
        """
        request = job_service_pb2.EnqueueRequest(
            task=task,
            params_json=_encode_params(task, params),
            options=job_options(**options),
        )
        response: job_service_pb2.EnqueueResponse = rpc.call(
            self._stub.Enqueue, request, timeout_s=self.settings.rpc_timeout_s, address=self.settings.broker_address
        )
        return response.job_id

    def enqueue_many(
        self,
        task: str,
        params_list: Iterable[Any],
        *,
        progress: bool = False,
        **options: Unpack[EnqueueOptions],
    ) -> list[str]:
        """Enqueues one job of ``task`` per entry of ``params_list``, with shared options.

        The list is sent in batches of at most the broker's ``max_batch_size`` jobs (and about
        ``settings.max_request_bytes``). Each batch is accepted or refused as a whole; if one
        fails, the batches before it stay enqueued and the error's notes say how many jobs that
        is. Like :meth:`enqueue`, nothing is retried automatically. There is no ``dedupe_key``:
        the broker refuses one key shared by many jobs.

        Args:
            task: dotted path of the task, e.g. "tasks.add".
            params_list: one JSON value per job.
            progress: draw a progress bar on stderr.
            **options: as in :meth:`enqueue` (:class:`mrq.EnqueueOptions`), applied to every
                job; ``unique`` gives each job its own key, and ``dedupe_key`` is refused.

        Returns:
            The new jobs' ids, in the order of ``params_list``.

        Raises:
            TypeError: an entry is not JSON-serialisable (raised before anything is sent).
            InvalidArgument, BrokerUnavailable: as in :meth:`enqueue`.
        """
        wire = job_options(**options)
        encoded = [_encode_params(task, params, index=i) for i, params in enumerate(params_list)]
        if not encoded:
            return []
        batches = _batches_by_size(
            encoded, max_count=self.server_info().max_batch_size, max_bytes=self.settings.max_request_bytes
        )
        bar = ProgressBar(len(encoded), label=f"enqueue {task}") if progress else None
        job_ids: list[str] = []
        try:
            for batch in batches:
                job_ids.extend(self._enqueue_batch(task, batch, wire, enqueued=len(job_ids), total=len(encoded)))
                if bar is not None:
                    bar.advance(len(batch))
        finally:
            if bar is not None:
                bar.close()
        return job_ids

    def enqueue_taskset(
        self,
        task: str,
        params_list: Iterable[Any],
        *,
        callback: str | None = None,
        callback_params: Mapping[str, Any] | None = None,
        callback_queue: str | None = None,
        **options: Unpack[EnqueueOptions],
    ) -> tuple[str, list[str]]:
        """Enqueues one job of ``task`` per entry of ``params_list`` as one taskset, in one call
        (at most the broker's ``max_batch_size`` jobs), accepted or refused as a whole.

        Once every member is final, the broker enqueues ``callback`` (if given) exactly once,
        with params ``{"taskset_id": ..., "results": [...], **callback_params}``: ``results``
        holds each member's result in member order, ``None`` for members that did not succeed.
        Not retried automatically, like :meth:`enqueue`.

        Args:
            task: dotted path of the members' task.
            params_list: one JSON value per member; at least one.
            callback: dotted path of the callback task.
            callback_params: extra params of the callback (a JSON object).
            callback_queue: the callback's queue; default: its task's routed queue.
            **options: as in :meth:`enqueue` (:class:`mrq.EnqueueOptions`), applied to every
                member; ``dedupe_key`` is refused.

        Returns:
            (taskset id, the members' job ids in the order of ``params_list``).

        Raises:
            TypeError: an entry is not JSON-serialisable (raised before anything is sent).
            InvalidArgument, BrokerUnavailable: as in :meth:`enqueue`.
        """
        request = job_service_pb2.CreateTasksetRequest(
            task=task,
            params_json=[_encode_params(task, p, index=i) for i, p in enumerate(params_list)],
            options=job_options(**options),
            callback_task=callback or "",
            callback_params_json=b"" if callback_params is None else codec.encode(callback_params),
            callback_queue=callback_queue or "",
        )
        response: job_service_pb2.CreateTasksetResponse = rpc.call(
            self._stub.CreateTaskset,
            request,
            timeout_s=self.settings.rpc_timeout_s,
            address=self.settings.broker_address,
        )
        return response.taskset_id, list(response.job_ids)

    def get_taskset(self, taskset_id: str) -> dict[str, Any]:
        """Reads a taskset: ``id``, ``task``, ``date_created``, ``total``, ``final`` (members
        final so far), ``counts`` (final members by status, e.g. ``{"success": 98, "failed":
        2}``), ``progress`` (final / total), ``job_ids``, ``callback_task`` and
        ``callback_job_id`` (empty until the callback is enqueued).

        Raises:
            JobNotFound: no taskset has that id.
            InvalidArgument, BrokerUnavailable: as in :meth:`get_job`.
        """
        response: job_service_pb2.GetTasksetResponse = self._read(
            self._stub.GetTaskset, job_service_pb2.GetTasksetRequest(taskset_id=taskset_id)
        )
        return _taskset_to_dict(response.taskset)

    def list_tasksets(self, *, limit: int = 20, cursor: str = "") -> tuple[list[dict[str, Any]], str]:
        """One page of tasksets, newest first, each as :meth:`get_taskset` returns it but with
        ``job_ids`` empty.

        Args:
            limit: tasksets per page, 1 to 100.
            cursor: the cursor a previous call returned, to read the page after it.

        Returns:
            (the tasksets, the cursor of the next page: empty after the last page).

        Raises:
            InvalidArgument: ``limit`` out of range, or ``cursor`` not from a previous page.
            BrokerUnavailable: as in :meth:`get_job`.
        """
        response: job_service_pb2.ListTasksetsResponse = self._read(
            self._stub.ListTasksets, job_service_pb2.ListTasksetsRequest(limit=limit, cursor=cursor)
        )
        return [_taskset_to_dict(t) for t in response.tasksets], response.next_cursor

    def wait_taskset(self, taskset_id: str, *, timeout: Seconds | None = None) -> dict[str, Any]:
        """Waits until every member of the taskset is final (and its callback, if any, is
        enqueued), then returns the taskset as :meth:`get_taskset` does.

        Raises:
            WaitTimeout: some members were still not final at the timeout.
            JobNotFound, InvalidArgument, BrokerUnavailable: as in :meth:`get_taskset`.
        """
        timeout_s = None if timeout is None else to_seconds("timeout", timeout)
        deadline = math.inf if timeout_s is None else time.monotonic() + timeout_s
        taskset = self.get_taskset(taskset_id)
        self.wait(taskset["job_ids"], timeout=None if timeout_s is None else max(0.0, deadline - time.monotonic()))
        # The broker counts each member in the same step that makes it final, and enqueues the
        # callback right after the last one: wait out that short gap.
        taskset = self.get_taskset(taskset_id)
        while taskset["callback_task"] and not taskset["callback_job_id"]:
            if time.monotonic() >= deadline:
                raise WaitTimeout(f"taskset {taskset_id}: callback not enqueued after {timeout_s}s", jobs=[])
            time.sleep(_CALLBACK_POLL_S)
            taskset = self.get_taskset(taskset_id)
        return taskset

    def get_job(self, job_id: str) -> JobDict:
        """Reads one job.

        Raises:
            JobNotFound: no job has that id (it never existed, or it expired).
            InvalidArgument: ``job_id`` is malformed.
            BrokerUnavailable: the broker could not be reached, even after retries.
        """
        response: job_service_pb2.GetJobResponse = self._read(
            self._stub.GetJob, job_service_pb2.GetJobRequest(job_id=job_id)
        )
        return job_to_dict(response.job)

    def inspect(self, job_id: str, *, timeout: float = 5.0) -> dict[str, Any]:
        """The live state of a running job, asked of its worker: ``worker_id``, ``stack`` (its
        current Python stack), ``elapsed_s``, and ``cpu_s`` (None unless the worker traces
        greenlets).

        Raises:
            BrokerError: the job is not running (code FAILED_PRECONDITION).
            BrokerUnavailable: its worker did not answer within ``timeout`` seconds.
            JobNotFound: no job has that id.
        """
        response: job_service_pb2.InspectJobResponse = self._read(
            self._stub.InspectJob,
            job_service_pb2.InspectJobRequest(job_id=job_id, timeout_s=timeout),
            extra_timeout_s=timeout,
        )
        inspection = response.inspection
        return {
            "job_id": inspection.job_id,
            "worker_id": response.worker_id,
            "stack": inspection.stack,
            "elapsed_s": inspection.elapsed_s,
            "cpu_s": inspection.cpu_s if inspection.HasField("cpu_s") else None,
        }

    def get_logs(self, job_id: str) -> str:
        """The job's log text so far: what its task logged through its logger (and printed),
        one line per record, each ending in a newline. Empty if it logged nothing yet.

        Raises:
            JobNotFound, InvalidArgument, BrokerUnavailable: as in :meth:`get_job`.
        """
        parts: list[str] = []
        offset = 0
        while True:
            response: job_service_pb2.GetJobLogsResponse = self._read(
                self._stub.GetJobLogs, job_service_pb2.GetJobLogsRequest(job_id=job_id, from_offset=offset)
            )
            parts.append(response.text)
            if response.complete or response.next_offset <= offset:
                return "".join(parts)
            offset = response.next_offset

    def follow_logs(self, job_id: str) -> Iterator[str]:
        """Yields the job's log lines (without their newline) as the worker ships them, from the
        first, until the job is final; at once if it already is. A dropped connection is resumed
        where it left off, retried like a read.

        Raises:
            JobNotFound, InvalidArgument, BrokerUnavailable: as in :meth:`get_job`.
        """
        offset = 0
        failures = 0
        while True:
            request = job_service_pb2.FollowJobLogsRequest(job_id=job_id, from_offset=offset)
            try:
                for response in self._stub.FollowJobLogs(request):
                    failures = 0
                    offset = response.next_offset
                    yield from response.text.splitlines()
                return
            except grpc.RpcError as error:
                failures += 1
                if error.code() is not grpc.StatusCode.UNAVAILABLE or failures > self.settings.read_retries:
                    raise rpc.translate_error(error, address=self.settings.broker_address) from error
            time.sleep(self.settings.retry_backoff_s * 2 ** (failures - 1))

    @overload
    def wait(  # type: ignore[overload-overlap]  # a str is also a Sequence[str]; str is checked first
        self, job_ids: str, *, timeout: Seconds | None = None
    ) -> JobDict: ...

    @overload
    def wait(self, job_ids: Sequence[str], *, timeout: Seconds | None = None) -> list[JobDict]: ...

    def wait(self, job_ids: str | Sequence[str], *, timeout: Seconds | None = None) -> JobDict | list[JobDict]:
        """Waits until the jobs are final (success, failed, cancel, abort, timeout...).

        The broker does the waiting (WaitJobs): nothing polls. Long waits are split into calls
        of at most the broker's ``max_wait_s``, long id lists into batches of ``max_batch_size``.

        Args:
            job_ids: one job id, or a sequence of them.
            timeout: give up after this long (seconds or timedelta); ``None`` waits as long as
                it takes, 0 only looks.

        Returns:
            For one id, its job; for a sequence, the jobs in the same order.

        Raises:
            WaitTimeout: some jobs were still not final at the timeout; its ``jobs`` holds all
                of them as they stood.
            JobNotFound: a job does not exist (or expired while waiting).
            BrokerUnavailable: the broker could not be reached, even after retries.
        """
        ids = [job_ids] if isinstance(job_ids, str) else list(job_ids)
        timeout_s = None if timeout is None else to_seconds("timeout", timeout)
        deadline = math.inf if timeout_s is None else time.monotonic() + timeout_s
        found: dict[str, JobDict] = {}
        if ids:
            info = self.server_info()
            for batch in _slices(list(dict.fromkeys(ids)), info.max_batch_size):
                found.update(self._wait_batch(batch, deadline=deadline, max_wait_s=info.max_wait_s))
        jobs = [found[job_id] for job_id in ids]
        pending = [job for job in jobs if job["status"] not in FINAL]
        if pending:
            raise WaitTimeout(
                f"{len(pending)} of {len(jobs)} jobs not final after {timeout_s}s "
                f"(job {pending[0]['id']} is {pending[0]['status']})",
                jobs=jobs,
            )
        return jobs[0] if isinstance(job_ids, str) else jobs

    def cancel(
        self, job_ids: str | Sequence[str] | None = None, *, dry_run: bool = False, **filters: Unpack[JobFilterArgs]
    ) -> ActionCounts:
        """Cancels jobs, given by id or by filter: they end ``cancel`` and never run (again).

        A queued, delayed or retry job is taken off its queue. A running job is stopped: its
        worker is told to kill it, and whatever outcome it still reports is ignored. Jobs that
        are already final are skipped.

        Args:
            job_ids: one job id, or a sequence of them. Exclusive with the filter arguments.
            dry_run: change nothing; return the counts the call would produce.
            **filters: queue, status, task, worker_id, exception_type, params, params_key and
                params_value, job_id_prefix, taskset_id, schedule_id, enqueued_after,
                enqueued_before (see :class:`mrq.selectors.JobFilterArgs`); all must hold.

        Returns:
            How many jobs matched, were changed, and were skipped.

        Raises:
            JobNotFound: one of ``job_ids`` does not exist (nothing was changed).
            InvalidArgument: a malformed id, an unknown status, no criterion at all...; ``field``
                names it.
            BrokerUnavailable: the broker could not be reached. Not retried automatically; a
                second call is safe (it skips what the first one did).
        """
        return self._act("cancel", job_ids, dry_run, filters)

    def requeue(
        self, job_ids: str | Sequence[str] | None = None, *, dry_run: bool = False, **filters: Unpack[JobFilterArgs]
    ) -> ActionCounts:
        """Queues jobs again from scratch, with ``retry_count`` reset to 0: any job that is not
        running, final or not. Running jobs are skipped.

        Arguments, return value and errors as in :meth:`cancel`.
        """
        return self._act("requeue", job_ids, dry_run, filters)

    def retry(
        self, job_ids: str | Sequence[str] | None = None, *, dry_run: bool = False, **filters: Unpack[JobFilterArgs]
    ) -> ActionCounts:
        """Like :meth:`requeue`, but keeps each job's ``retry_count``.

        Arguments, return value and errors as in :meth:`cancel`.
        """
        return self._act("retry", job_ids, dry_run, filters)

    def delete(
        self, job_ids: str | Sequence[str] | None = None, *, dry_run: bool = False, **filters: Unpack[JobFilterArgs]
    ) -> ActionCounts:
        """Deletes jobs for good, with their logs: any job that is not running. A queued or
        delayed job is taken off its queue first, so no worker gets it. Running jobs are
        skipped (cancel them first).

        Arguments, return value and errors as in :meth:`cancel`.
        """
        return self._act("delete", job_ids, dry_run, filters)

    def server_info(self) -> ServerInfo:
        """The broker's version, limits and features; fetched once, then cached."""
        if self._server_info is None:
            response: job_service_pb2.GetServerInfoResponse = self._read(
                self._stub.GetServerInfo, job_service_pb2.GetServerInfoRequest()
            )
            self._server_info = ServerInfo(
                version=response.version,
                max_params_bytes=response.max_params_bytes,
                max_batch_size=max(1, response.max_batch_size),
                # A broker reporting no limit would make wait() spin; 1 s calls are still cheap.
                max_wait_s=response.max_wait_s if response.max_wait_s > 0 else 1.0,
                lease_ttl_s=response.lease_ttl_s,
                features=tuple(response.features),
            )
        return self._server_info

    def _act(
        self, action: str, job_ids: str | Sequence[str] | None, dry_run: bool, filters: JobFilterArgs
    ) -> ActionCounts:
        request = action_request(action, job_ids, dry_run=dry_run, **filters)
        response: job_service_pb2.ActOnJobsResponse = rpc.call(
            self._stub.ActOnJobs,
            request,
            timeout_s=self.settings.rpc_timeout_s + ACTION_EXTRA_TIMEOUT_S,
            address=self.settings.broker_address,
        )
        return ActionCounts(matched=response.matched, changed=response.changed, skipped=response.skipped)

    def _enqueue_batch(
        self, task: str, batch: list[bytes], options: job_pb2.JobOptions, *, enqueued: int, total: int
    ) -> list[str]:
        request = job_service_pb2.EnqueueManyRequest(task=task, params_json=batch, options=options)
        try:
            response: job_service_pb2.EnqueueManyResponse = rpc.call(
                self._stub.EnqueueMany,
                request,
                timeout_s=self.settings.rpc_timeout_s,
                address=self.settings.broker_address,
            )
        except MrqError as exc:
            if enqueued:
                exc.add_note(f"{enqueued} of {total} jobs were enqueued by earlier batches")
            raise
        if len(response.job_ids) != len(batch):
            raise BrokerError(
                f"EnqueueMany returned {len(response.job_ids)} ids for {len(batch)} jobs", code="INTERNAL"
            )
        return list(response.job_ids)

    def _wait_batch(self, job_ids: list[str], *, deadline: float, max_wait_s: float) -> dict[str, JobDict]:
        """Waits for up to max_batch_size jobs until all are final or ``deadline`` passes.

        Once the deadline has passed it still makes one call with a zero wait, so a WaitTimeout
        can report every job as it stands.
        """
        found: dict[str, JobDict] = {}
        pending = job_ids
        while True:
            wait_s = max(0.0, min(deadline - time.monotonic(), max_wait_s))
            response: job_service_pb2.WaitJobsResponse = self._read(
                self._stub.WaitJobs,
                job_service_pb2.WaitJobsRequest(job_ids=pending, timeout_s=wait_s),
                extra_timeout_s=wait_s,
            )
            found.update((job.id, job_to_dict(job)) for job in response.jobs)
            missing = [job_id for job_id in pending if job_id not in found]
            if missing:
                raise JobNotFound(f"WaitJobs did not return job {missing[0]}")
            pending = [job_id for job_id in pending if found[job_id]["status"] not in FINAL]
            if not pending or time.monotonic() >= deadline:
                return found

    def _read(self, method: Any, request: object, *, extra_timeout_s: float = 0.0) -> Any:
        return rpc.call_with_retry(
            method,
            request,
            timeout_s=self.settings.rpc_timeout_s + extra_timeout_s,
            address=self.settings.broker_address,
            retries=self.settings.read_retries,
            backoff_s=self.settings.retry_backoff_s,
        )


def _encode_params(task: str, params: Any, *, index: int | None = None) -> bytes:
    """JSON bytes of one job's params; ``None`` becomes ``{}``."""
    if params is None:
        return codec.EMPTY_PARAMS
    try:
        return codec.encode(params)
    except TypeError as exc:
        where = "params" if index is None else f"params_list[{index}]"
        raise TypeError(f"{where} for task {task!r}: {exc}") from None


def _batches_by_size(items: list[bytes], *, max_count: int, max_bytes: int) -> Iterator[list[bytes]]:
    """Consecutive batches of at most ``max_count`` items and about ``max_bytes`` (an item larger
    than that goes alone)."""
    batch: list[bytes] = []
    size = 0
    for item in items:
        item_size = len(item) + _ENTRY_OVERHEAD_BYTES
        if batch and (len(batch) == max_count or size + item_size > max_bytes):
            yield batch
            batch, size = [], 0
        batch.append(item)
        size += item_size
    if batch:
        yield batch


def _slices(items: list[T], size: int) -> Iterator[list[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _taskset_to_dict(t: job_service_pb2.Taskset) -> dict[str, Any]:
    return {
        "id": t.id,
        "task": t.task,
        "date_created": t.date_created.ToDatetime(tzinfo=UTC) if t.HasField("date_created") else None,
        "total": t.total,
        "final": t.final,
        "counts": dict(t.counts),
        "progress": t.progress,
        "job_ids": list(t.job_ids),
        "callback_task": t.callback_task,
        "callback_job_id": t.callback_job_id,
    }
