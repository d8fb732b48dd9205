"""The SQLite store: one database file embedded in the broker, the default on one machine.

The file is in WAL mode with ``synchronous=NORMAL``: a commit survives the broker's process
crashing (SIGKILL included) at any moment; an operating system crash or power cut may lose the
last commits, as Redis's AOF with ``appendfsync everysec`` may. Several brokers on one machine
share the file: SQLite lets one writer at a time in, and a writer waits up to ``busy_timeout_s``
for another process before giving up with :class:`StoreUnavailable`. Within one broker, threads
take turns on a lock first, so they queue instead of spinning in SQLite's busy handler.

Each thread has its own connection. Every write is one transaction (``BEGIN IMMEDIATE``, so it
never has to upgrade a read lock and fail). A thread of the store's own checkpoints the log into
the database every second: SQLite's automatic checkpoint would run in the committing thread, and
its fsync would add up to hundreds of milliseconds to a commit, under the write lock.

Datetimes are INTEGER milliseconds since the epoch, lists and dicts are JSON text, and a job's
columns are its record's fields (records.JOB_FIELDS). The indexes serve the dashboard's pages
and counts, bulk actions and maintenance. The indexes on columns that a new job leaves unset
(worker, exception type, dates, dedupe key) are partial, so that enqueueing skips them. The counts
by status come from a table of counters that triggers keep exact, so they cost the same at a
million jobs as at ten.
"""

from __future__ import annotations

import contextlib
import heapq
import itertools
import json
import logging
import math
import sqlite3
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, fields, replace
from datetime import UTC, datetime
from operator import attrgetter
from pathlib import Path
from typing import Any

from mrq_broker.storage.base import ExceptionGroup, QueryTimeout, Store, StoreUnavailable
from mrq_broker.storage.records import (
    HEAVY_FIELDS,
    JOB_DEFAULTS,
    JOB_FIELDS,
    HistoryEntry,
    JobChange,
    JobRecord,
    JobSelection,
    LogChunk,
    ScheduleRecord,
    TasksetRecord,
    WorkerRecord,
    from_ms,
    to_ms,
)

log = logging.getLogger(__name__)

#: Bumped whenever the schema below changes; a file of an older version is upgraded at start-up,
#: one of a newer version refused.
SCHEMA_VERSION = 2
#: How often the checkpointer thread copies the write-ahead log into the database file.
CHECKPOINT_INTERVAL_S = 1.0
#: The size the write-ahead log is cut back to after a checkpoint.
WAL_SIZE_LIMIT_BYTES = 64 * 1024 * 1024
#: Rows deleted per transaction by the expiry sweeps, so the committer never waits long for them.
DELETE_BATCH = 5000
CACHE_KIB = 16384
#: SQLite's virtual machine steps between two checks of a read's time limit (about 0.1 ms).
PROGRESS_STEPS = 10_000
#: The most queries a page of jobs is split into (see SQLiteStore.page_jobs).
MAX_PAGE_QUERIES = 200

Row = tuple[Any, ...]

_TYPES = {"str": "TEXT", "int": "INTEGER", "float": "REAL", "datetime": "INTEGER"}
_JOB_TYPES = {f.name: _TYPES.get(str(f.type).split(" ")[0], "TEXT") for f in fields(JobRecord)}
_DATES = frozenset(f.name for f in fields(JobRecord) if "datetime" in str(f.type))
_INTEGERS = frozenset(f.name for f in fields(JobRecord) if str(f.type).startswith("int"))
#: The fields a job gets as it runs, and their defaults. A new job has them at their defaults: it
#: is inserted without them, as their columns' DEFAULT (see _insert_statement).
_RUN_FIELDS = (
    "retry_count",
    "requeue_count",
    "date_finished",
    "date_expires",
    "progress",
    "result_json",
    "exception_type",
    "error",
    "traceback",
    "traceback_history",
    "duration_s",
    "cpu_s",
    "switches",
    "memory_diff_bytes",
    "profile",
    "memory_top",
)
_RUN_DEFAULTS = tuple((JOB_FIELDS.index(name), JOB_DEFAULTS[name]) for name in _RUN_FIELDS)
_NEW_FIELDS = tuple(name for name in JOB_FIELDS if name not in _RUN_FIELDS)
_NEW_INDEXES = tuple(JOB_FIELDS.index(name) for name in _NEW_FIELDS)


def _default_sql(name: str) -> str:
    """The column's DEFAULT: its field's default as stored (an empty history is NULL)."""
    if name not in JOB_DEFAULTS:
        return ""
    value = JOB_DEFAULTS[name]
    if value is None or name == "traceback_history":
        return " DEFAULT NULL"
    return " DEFAULT ''" if value == "" else " DEFAULT 0"


_JOB_COLUMNS = ", ".join(JOB_FIELDS)
#: The columns of a listed job: the heavy ones read as their defaults.
_LIST_COLUMNS = ", ".join(
    ("NULL" if name == "traceback_history" else "''") if name in HEAVY_FIELDS else name for name in JOB_FIELDS
)
_INSERT_JOB = f"INSERT INTO jobs ({_JOB_COLUMNS}) VALUES ({', '.join('?' * len(JOB_FIELDS))})"
_INSERT_NEW_JOB = f"INSERT INTO jobs ({', '.join(_NEW_FIELDS)}) VALUES ({', '.join('?' * len(_NEW_FIELDS))})"
_ALIVE = "(date_expires IS NULL OR date_expires >= ?)"
#: The statuses in which maintenance looks for stale jobs (maintenance.ORPHANABLE), spelled as in
#: the partial index on them: a query uses that index only if it has this very term.
_PENDING_STATUSES = ("delayed", "queued", "retry")
_PENDING = f"status IN {tuple(_PENDING_STATUSES)}"
_APPEND_HISTORY = "traceback_history = json_insert(coalesce(traceback_history, '[]'), '$[#]', json(?))"

_COUNT_NEW = (
    "INSERT INTO job_counts VALUES (new.queue, new.task, new.status, 1) "
    "ON CONFLICT (queue, task, status) DO UPDATE SET n = n + 1;"
)
_UNCOUNT_OLD = "UPDATE job_counts SET n = n - 1 WHERE queue = old.queue AND task = old.task AND status = old.status;"
#: Fills job_counts from the jobs of a file made before it existed (schema version 1).
_RECOUNT = "INSERT INTO job_counts SELECT queue, task, status, count(*) FROM jobs GROUP BY queue, task, status"

_SCHEMA = [
    # WITHOUT ROWID: the rows live in the id's b-tree, one b-tree fewer to write per job (measured:
    # inserts 11 % faster, updates 15 %), and every index ends with the id.
    f"""CREATE TABLE IF NOT EXISTS jobs (
        {
        ", ".join(
            f"{name} {_JOB_TYPES[name]}{_default_sql(name)}" + (" PRIMARY KEY" if name == "id" else "")
            for name in JOB_FIELDS
        )
    }
    ) WITHOUT ROWID""",
    # Each index ending with the id serves "WHERE <its other columns> = ? ORDER BY id DESC LIMIT ?"
    # as a walk down one index range, without a sort.
    "CREATE INDEX IF NOT EXISTS jobs_status_queue ON jobs (status, queue, id)",
    f"CREATE INDEX IF NOT EXISTS jobs_pending_updated ON jobs (status, date_updated) WHERE {_PENDING}",
    "CREATE INDEX IF NOT EXISTS jobs_queue ON jobs (queue, id)",
    "CREATE INDEX IF NOT EXISTS jobs_task ON jobs (task, id)",
    "CREATE INDEX IF NOT EXISTS jobs_task_status ON jobs (task, status, id)",
    "CREATE INDEX IF NOT EXISTS jobs_worker ON jobs (worker_id, id) WHERE worker_id != ''",
    # (task, status) after the id: exception_groups counts from this index alone.
    "CREATE INDEX IF NOT EXISTS jobs_exception ON jobs (exception_type, id, task, status) WHERE exception_type != ''",
    "CREATE INDEX IF NOT EXISTS jobs_expires ON jobs (date_expires) WHERE date_expires IS NOT NULL",
    "CREATE INDEX IF NOT EXISTS jobs_finished ON jobs (date_finished) WHERE date_finished IS NOT NULL",
    "CREATE INDEX IF NOT EXISTS jobs_dedupe ON jobs (dedupe_key) WHERE dedupe_key != ''",
    "CREATE INDEX IF NOT EXISTS jobs_taskset ON jobs (taskset_id, id) WHERE taskset_id != ''",
    "CREATE INDEX IF NOT EXISTS jobs_schedule ON jobs (schedule_id, id) WHERE schedule_id != ''",
    # How many jobs each (queue, task, status) has, kept exact by the triggers below in the
    # transaction that changes the jobs: the dashboard's counts read this, never the jobs. A
    # count that falls to 0 stays as a row (reads skip it): deleting it would cost every change.
    """CREATE TABLE IF NOT EXISTS job_counts (
        queue TEXT, task TEXT, status TEXT, n INTEGER, PRIMARY KEY (queue, task, status)) WITHOUT ROWID""",
    f"""CREATE TRIGGER IF NOT EXISTS jobs_count_insert AFTER INSERT ON jobs BEGIN {_COUNT_NEW} END""",
    f"""CREATE TRIGGER IF NOT EXISTS jobs_count_delete AFTER DELETE ON jobs BEGIN {_UNCOUNT_OLD} END""",
    f"""CREATE TRIGGER IF NOT EXISTS jobs_count_update AFTER UPDATE OF queue, task, status ON jobs
        WHEN old.status != new.status OR old.queue != new.queue OR old.task != new.task
        BEGIN {_UNCOUNT_OLD} {_COUNT_NEW} END""",
    """CREATE TABLE IF NOT EXISTS tasksets (
        id TEXT PRIMARY KEY, task TEXT, job_ids TEXT, date_created INTEGER, callback_task TEXT,
        callback_params_json TEXT, callback_queue TEXT)""",
    """CREATE TABLE IF NOT EXISTS workers (
        id TEXT PRIMARY KEY, hostname TEXT, pid INTEGER, queues TEXT, concurrency INTEGER, status TEXT,
        done_jobs INTEGER, memory_bytes INTEGER, cpu_s REAL, job_ids TEXT, date_heartbeat INTEGER)""",
    "CREATE INDEX IF NOT EXISTS workers_heartbeat ON workers (date_heartbeat)",
    """CREATE TABLE IF NOT EXISTS schedules (
        id TEXT PRIMARY KEY, definition TEXT, source TEXT, paused INTEGER, date_created INTEGER,
        last_tick INTEGER, last_job_id TEXT)""",
    """CREATE TABLE IF NOT EXISTS log_chunks (
        id TEXT PRIMARY KEY, job_id TEXT, text TEXT, date_created INTEGER, date_expires INTEGER)""",
    "CREATE INDEX IF NOT EXISTS log_chunks_expires ON log_chunks (date_expires)",
]

_job_values = attrgetter(*JOB_FIELDS)
_DATE_INDEXES = tuple(n for n, name in enumerate(JOB_FIELDS) if name in _DATES)
_NEW_DATE_INDEXES = tuple(n for n, name in enumerate(_NEW_FIELDS) if name in _DATES)
_NEW_FLOATS = tuple(_JOB_TYPES[name] == "REAL" for name in _NEW_FIELDS)
_HISTORY_INDEX = JOB_FIELDS.index("traceback_history")
_CHANGEABLE = frozenset(JOB_FIELDS[1:])


def _ms(moment: datetime | None) -> int | None:
    return None if moment is None else to_ms(moment)


def _datetime(ms: int | None) -> datetime | None:
    return None if ms is None else from_ms(ms)


def _now_ms() -> int:
    return to_ms(datetime.now(UTC))


def _history_json(entry: HistoryEntry) -> str:
    return json.dumps({**asdict(entry), "date": to_ms(entry.date)})


def _history(data: dict[str, Any]) -> HistoryEntry:
    return HistoryEntry(**{**data, "date": from_ms(data["date"])})


def _column(name: str, value: Any) -> Any:
    """A job field's value as stored."""
    if name in _DATES:
        return _ms(value)
    if name == "traceback_history":
        return json.dumps([{**asdict(e), "date": to_ms(e.date)} for e in value]) if value else None
    return value


def _job_row(record: JobRecord) -> list[Any]:
    """The values of every column."""
    row = list(_job_values(record))
    for n in _DATE_INDEXES:
        if row[n] is not None:
            row[n] = to_ms(row[n])
    history = row[_HISTORY_INDEX]
    row[_HISTORY_INDEX] = _column("traceback_history", history) if history else None
    return row


def _is_shared(column: Sequence[Any]) -> bool:
    return column.count(column[0]) == len(column)


def _dates_ms(column: Sequence[Any]) -> list[Any]:
    if _is_shared(column):
        return [_ms(column[0])] * len(column)
    return [None if moment is None else to_ms(moment) for moment in column]


def _insert_statement(records: Sequence[JobRecord]) -> tuple[str, tuple[Any, ...] | list[Any]]:
    """The statement inserting ``records``, and its parameters (a tuple) or its rows (a list).

    Values are gathered column by column. New jobs (every run field at its default) leave those
    columns to their DEFAULT; jobs enqueued together share most values (task, queue, options,
    dates), which are bound once, and the values that vary (the id, params...) are read from one
    JSON array by json_each: twice as fast as executemany, which binds every value of every row.
    Jobs that JSON would not carry exactly (a float that varies; a NUL character, where SQLite's
    JSON ends a string) and jobs that ran already go through executemany.
    """
    every_column = list(zip(*map(_job_values, records), strict=True))
    if any(every_column[n].count(default) < len(records) for n, default in _RUN_DEFAULTS):
        return _INSERT_JOB, [_job_row(r) for r in records]
    columns: list[Sequence[Any]] = [every_column[n] for n in _NEW_INDEXES]
    for n in _NEW_DATE_INDEXES:
        columns[n] = _dates_ms(columns[n])
    varying = [n for n, column in enumerate(columns) if n == 0 or not _is_shared(column)]
    if any(_NEW_FLOATS[n] for n in varying):
        return _INSERT_NEW_JOB, list(zip(*columns, strict=True))
    array = json.dumps(list(zip(*(columns[n] for n in varying), strict=True)), ensure_ascii=False)
    if "\\u0000" in array:
        return _INSERT_NEW_JOB, list(zip(*columns, strict=True))
    position = {n: k for k, n in enumerate(varying)}
    selected = ", ".join(f"value ->> {position[n]}" if n in position else "?" for n in range(len(_NEW_FIELDS)))
    shared = tuple(column[0] for n, column in enumerate(columns) if n not in position)
    return f"INSERT INTO jobs ({', '.join(_NEW_FIELDS)}) SELECT {selected} FROM json_each(?)", (*shared, array)


def _job(row: Row) -> JobRecord:
    values = list(row)
    for n in _DATE_INDEXES:
        if values[n] is not None:
            values[n] = from_ms(values[n])
    history = values[_HISTORY_INDEX]
    values[_HISTORY_INDEX] = [_history(e) for e in json.loads(history)] if history else []
    return JobRecord(*values)


def _check_change(change: JobChange) -> None:
    """Field names become column names in SQL: only a record's own fields may be named."""
    unknown = (change.set.keys() - _CHANGEABLE) | (change.increment.keys() - _INTEGERS)
    if unknown:
        raise ValueError(f"job {change.job_id}: no such field to change: {', '.join(sorted(unknown))}")


def _shape(change: JobChange) -> tuple[Any, ...]:
    """What decides a change's SQL statement: changes of one shape run in one executemany."""
    if change.delete:
        return ("delete",)
    return (tuple(change.set), tuple(change.increment), change.history is not None, change.create is not None)


def _update_sql(change: JobChange) -> str:
    """The assignments of an UPDATE (or of an upsert's DO UPDATE) applying ``change``."""
    assignments = [f"{name} = ?" for name in change.set]
    assignments += [f"{name} = {name} + ?" for name in change.increment]
    if change.history is not None:
        assignments.append(_APPEND_HISTORY)
    return ", ".join(assignments)


def _update_params(change: JobChange) -> list[Any]:
    params = [_column(name, value) for name, value in change.set.items()]
    params += change.increment.values()
    if change.history is not None:
        params.append(_history_json(change.history))
    return params


def _statement(change: JobChange) -> str:
    if change.delete:
        return "DELETE FROM jobs WHERE id = ?"
    if change.create is None:
        return f"UPDATE jobs SET {_update_sql(change)} WHERE id = ?"
    update = _update_sql(change)
    conflict = f"DO UPDATE SET {update}" if update else "DO NOTHING"
    return f"{_INSERT_JOB} ON CONFLICT(id) {conflict}"


def _created(change: JobChange) -> JobRecord:
    """The record a ``create`` change leaves when the job had none: written first, then changed."""
    assert change.create is not None
    record = JobRecord(*_job_values(change.create))
    record.id = change.job_id
    record.traceback_history = list(record.traceback_history)
    for name, value in change.set.items():
        setattr(record, name, value)
    for name, amount in change.increment.items():
        setattr(record, name, getattr(record, name) + amount)
    if change.history is not None:
        record.traceback_history.append(change.history)
    return record


def _params(change: JobChange) -> list[Any]:
    if change.delete:
        return [change.job_id]
    if change.create is None:
        return [*_update_params(change), change.job_id]
    return [*_job_row(_created(change)), *_update_params(change)]


def _batches(changes: Sequence[JobChange]) -> list[tuple[str, list[list[Any]]]]:
    """The changes as statements, each with the parameters of every change it applies, in an order
    that keeps each job's changes in their order (changes to different jobs commute)."""
    groups: list[tuple[tuple[Any, ...], JobChange, list[JobChange]]] = []
    latest_of_shape: dict[tuple[Any, ...], int] = {}
    group_of_job: dict[str, int] = {}
    for change in changes:
        _check_change(change)
        if not (change.delete or change.set or change.increment or change.history or change.create):
            continue  # changes nothing
        shape = _shape(change)
        n = latest_of_shape.get(shape, -1)
        if n < group_of_job.get(change.job_id, -1) or n < 0:
            n = len(groups)
            groups.append((shape, change, []))
            latest_of_shape[shape] = n
        groups[n][2].append(change)
        group_of_job[change.job_id] = n
    return [(_statement(first), [_params(c) for c in members]) for _, first, members in groups]


def _where(selection: JobSelection, now_ms: int | None) -> tuple[list[str], list[Any]]:
    """The SQL conditions and parameters of a selection, expired jobs left out (unless ``now_ms``
    is None: counts keep them, so that an index alone can answer)."""
    terms: list[str] = [] if now_ms is None else [_ALIVE]
    params: list[Any] = [] if now_ms is None else [now_ms]
    if selection.job_id:
        terms.append("id = ?")
        params.append(selection.job_id)
    if selection.job_id_prefix:  # a range of the primary key, or of any index (they end with the id)
        terms.append("id BETWEEN ? AND ?")
        params += selection.id_range()
    if selection.queue:
        glob = selection.queue_glob()
        terms.append("queue GLOB ?" if glob else "queue = ?")
        params.append(glob or selection.queue)
    if selection.statuses:
        terms.append(f"status IN ({', '.join('?' * len(selection.statuses))})")
        params += sorted(selection.statuses)
    for name in ("task", "worker_id", "exception_type", "taskset_id", "schedule_id", "params_json"):
        if value := getattr(selection, name):
            terms.append(f"{name} = ?")
            params.append(value)
    # The literal terms let the planner use the partial indexes.
    for name in ("worker_id", "exception_type", "taskset_id", "schedule_id"):
        if getattr(selection, name):
            terms.append(f"{name} != ''")
    if selection.params_key:
        terms.append("EXISTS (SELECT 1 FROM json_each(jobs.params_json) WHERE key = ? AND type = ? AND value IS ?)")
        params += [selection.params_key, *_json_atom(selection.params_value_json)]
    if selection.enqueued_after is not None:
        terms.append("date_enqueued >= ?")
        params.append(to_ms(selection.enqueued_after))
    if selection.enqueued_before is not None:
        terms.append("date_enqueued < ?")
        params.append(to_ms(selection.enqueued_before))
    return terms, params


def _json_atom(value_json: str) -> tuple[str, Any]:
    """A JSON value as json_each() describes an element: its type and its SQL value (arrays and
    objects as their JSON text, which stored params hold canonical, like ``value_json``)."""
    value = json.loads(value_json)
    if value is None or isinstance(value, bool):
        return json.dumps(value), None if value is None else int(value)
    if isinstance(value, (list, dict)):
        return ("array" if isinstance(value, list) else "object"), value_json
    kinds = {int: "integer", float: "real", str: "text"}
    return kinds[type(value)], value


def _statuses_only(selection: JobSelection) -> bool:
    return replace(selection, statuses=frozenset()).is_empty()


def _in(values: Sequence[str]) -> str:
    return f"({', '.join('?' * len(values))})"


class SQLiteStore(Store):
    name = "sqlite"

    def __init__(self, path: Path, busy_timeout_s: float = 5.0, query_timeout_s: float = 5.0) -> None:
        """Opens the file, creating it and its folder if missing; StoreUnavailable if it can't be
        written (read-only, corrupt, or of another schema version)."""
        self.path = Path(path)
        self.busy_timeout_s = busy_timeout_s
        self.query_timeout_s = query_timeout_s
        self._local = threading.local()
        self._connections: list[sqlite3.Connection] = []
        self._connections_lock = threading.Lock()
        self._write_lock = threading.Lock()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreUnavailable(f"SQLite file {self.path}: can't create its folder: {exc}") from exc
        self._stopping = threading.Event()
        try:
            with self._failures():
                self._create_schema()
        except BaseException:
            self.close()
            raise
        self._checkpointer = threading.Thread(
            target=self._checkpoint_until_closed, name="sqlite-checkpointer", daemon=True
        )
        self._checkpointer.start()

    def close(self) -> None:
        self._stopping.set()
        if (checkpointer := getattr(self, "_checkpointer", None)) is not None:
            checkpointer.join()
        with self._connections_lock:
            for connection in self._connections:
                connection.close()
            self._connections.clear()
        self._local = threading.local()

    def describe(self) -> str:
        return f"SQLite file {self.path}"

    # Connections, transactions, errors.

    @contextlib.contextmanager
    def _failures(self) -> Iterator[None]:
        """SQLite's failures (locked too long, disk full, I/O error, corrupt or read-only file) as
        StoreUnavailable naming the cause and the file. Integrity and programming errors are bugs
        and pass as they are."""
        try:
            yield
        except sqlite3.OperationalError as exc:
            raise StoreUnavailable(f"SQLite file {self.path}: {exc}") from exc
        except sqlite3.DatabaseError as exc:
            if type(exc) is not sqlite3.DatabaseError:
                raise
            raise StoreUnavailable(f"SQLite file {self.path}: {exc}") from exc

    def _connection(self) -> sqlite3.Connection:
        connection: sqlite3.Connection | None = getattr(self._local, "connection", None)
        if connection is None:
            # check_same_thread=False only so that close() may close every thread's connection.
            connection = sqlite3.connect(
                self.path,
                timeout=self.busy_timeout_s,
                isolation_level=None,
                check_same_thread=False,
                cached_statements=256,
            )
            connection.execute("PRAGMA synchronous = NORMAL")
            connection.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
            connection.execute("PRAGMA temp_store = MEMORY")
            connection.execute("PRAGMA wal_autocheckpoint = 0")  # see _checkpoint_until_closed
            connection.execute(f"PRAGMA journal_size_limit = {WAL_SIZE_LIMIT_BYTES}")
            connection.set_progress_handler(self._past_deadline, PROGRESS_STEPS)
            with self._connections_lock:
                self._connections.append(connection)
            self._local.connection = connection
        return connection

    @contextlib.contextmanager
    def _writing(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, committed when the block ends, rolled back if it raises."""
        with self._failures(), self._write_lock:
            connection = self._connection()
            connection.execute("BEGIN IMMEDIATE")
            try:
                yield connection
                connection.execute("COMMIT")
            except BaseException:
                if connection.in_transaction:
                    with contextlib.suppress(sqlite3.Error):
                        connection.execute("ROLLBACK")
                raise

    def _read(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        """Stopped by SQLite (via _past_deadline) once it has run query_timeout_s."""
        self._local.deadline = deadline = time.monotonic() + self.query_timeout_s
        try:
            with self._failures():
                try:
                    return self._connection().execute(sql, params).fetchall()
                except sqlite3.OperationalError as exc:
                    if str(exc) == "interrupted" and time.monotonic() >= deadline:
                        raise QueryTimeout(self.query_timeout_s) from exc
                    raise
        finally:
            self._local.deadline = math.inf

    def _past_deadline(self) -> bool:
        """SQLite's progress handler: True interrupts the statement. Writes have no deadline."""
        return time.monotonic() >= getattr(self._local, "deadline", math.inf)

    def _checkpoint_until_closed(self) -> None:
        """Copies committed pages from the write-ahead log into the database file, every
        CHECKPOINT_INTERVAL_S. A passive checkpoint waits for no one: writers go on meanwhile."""
        while not self._stopping.wait(CHECKPOINT_INTERVAL_S):
            try:
                with self._failures():
                    self._connection().execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
            except StoreUnavailable as exc:
                log.warning("checkpoint failed, will retry: %s", exc)

    def _create_schema(self) -> None:
        connection = self._connection()
        if connection.execute("PRAGMA journal_mode = WAL").fetchone()[0] != "wal":
            raise StoreUnavailable(f"SQLite file {self.path}: can't switch to WAL mode")
        # BEGIN IMMEDIATE takes the write lock even when nothing is created: a read-only file
        # fails here, at start-up, rather than at the first job.
        with self._writing() as connection:
            version = connection.execute("PRAGMA user_version").fetchone()[0]
            if not 0 <= version <= SCHEMA_VERSION:
                raise StoreUnavailable(
                    f"SQLite file {self.path}: schema version {version}, this broker knows {SCHEMA_VERSION}"
                )
            for statement in _SCHEMA:
                connection.execute(statement)
            if version == 1:  # the jobs were stored before their counts were kept
                connection.execute(_RECOUNT)
            columns = tuple(row[1] for row in connection.execute("PRAGMA table_info(jobs)"))
            if columns != JOB_FIELDS:
                raise StoreUnavailable(
                    f"SQLite file {self.path}: its jobs table has other columns than this broker's job record"
                )
            connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    # Jobs: writes.

    def insert_jobs(self, records: Sequence[JobRecord]) -> None:
        if records:
            sql, params = _insert_statement(records)
            with self._writing() as connection:
                if isinstance(params, tuple):
                    connection.execute(sql, params)
                else:
                    connection.executemany(sql, params)

    def insert_job_once(self, record: JobRecord) -> bool:
        with self._writing() as connection:
            return connection.execute(f"{_INSERT_JOB} ON CONFLICT(id) DO NOTHING", _job_row(record)).rowcount == 1

    def update_jobs(self, changes: Sequence[JobChange]) -> None:
        if changes:
            batches = _batches(changes)
            with self._writing() as connection:
                for sql, params in batches:
                    connection.executemany(sql, params)

    def delete_jobs(self, job_ids: Sequence[str]) -> int:
        """A job's log chunks are the ids between "<job id>-" and "<job id>." ("." follows "-")."""
        if not job_ids:
            return 0
        with self._writing() as connection:
            deleted: int = connection.execute(
                "DELETE FROM jobs WHERE id IN (SELECT value FROM json_each(?))", (json.dumps(list(job_ids)),)
            ).rowcount
            connection.executemany(
                "DELETE FROM log_chunks WHERE id > ? AND id < ?", [(f"{i}-", f"{i}.") for i in job_ids]
            )
        return deleted

    def delete_expired_jobs(self, now: datetime) -> int:
        return self._delete_expired("jobs", now)

    def _delete_expired(self, table: str, now: datetime) -> int:
        """In transactions of DELETE_BATCH rows, so that other writers get their turns."""
        sql = f"DELETE FROM {table} WHERE id IN (SELECT id FROM {table} WHERE date_expires < ? LIMIT {DELETE_BATCH})"
        deleted = 0
        while True:
            with self._writing() as connection:
                count = connection.execute(sql, (to_ms(now),)).rowcount
            deleted += count
            if count < DELETE_BATCH:
                return deleted

    # Jobs: reads.

    def get_jobs(self, job_ids: Sequence[str]) -> dict[str, JobRecord]:
        if not job_ids:
            return {}
        rows = self._read(
            f"SELECT {_JOB_COLUMNS} FROM jobs WHERE id IN (SELECT value FROM json_each(?)) AND {_ALIVE}",
            (json.dumps(list(job_ids)), _now_ms()),
        )
        return {row[0]: _job(row) for row in rows}

    def select_jobs(self, selection: JobSelection) -> list[JobRecord]:
        terms, params = _where(selection, _now_ms())
        return [
            _job(row)
            for row in self._read(f"SELECT {_LIST_COLUMNS} FROM jobs WHERE {' AND '.join(terms)} ORDER BY id", params)
        ]

    def page_jobs(
        self, selection: JobSelection, *, newest_first: bool, limit: int, after_id: str = ""
    ) -> list[JobRecord]:
        """SQLite reads a page in id order from an index range, without sorting, only where the
        index's leading columns are equal to one value each. So a selection of several statuses,
        of a queue pattern, or of statuses alone is split into one query per status and queue,
        each reading up to ``limit`` jobs, and their pages are merged here."""
        parts = self._split(selection)
        if len(parts) == 1:
            return self._page(parts[0], newest_first, limit, after_id)
        pages = [self._page(part, newest_first, limit, after_id) for part in parts]
        return list(itertools.islice(heapq.merge(*pages, key=attrgetter("id"), reverse=newest_first), limit))

    def _split(self, selection: JobSelection) -> list[JobSelection]:
        """``selection`` as selections of one status (if any) and one exact queue (if any) each."""
        statuses = sorted(selection.statuses) or [""]
        queues = [selection.queue]
        glob = selection.queue_glob()
        statuses_alone = bool(selection.statuses) and not (
            selection.queue
            or selection.task
            or selection.worker_id
            or selection.exception_type
            or selection.job_id
            or selection.taskset_id
            or selection.schedule_id
        )
        if glob or statuses_alone:
            found = self._queues(glob or "*")
            if len(found) * len(statuses) <= MAX_PAGE_QUERIES and not any(q.endswith("/") for q in found):
                queues = found
        return [
            replace(selection, queue=queue, statuses=frozenset({status} if status else ()))
            for queue in queues
            for status in statuses
        ]

    def _queues(self, glob: str) -> list[str]:
        """The queues of stored jobs matching ``glob``: a walk from one name to the next on the
        queue index, within the range of the glob's literal prefix, a few reads per queue."""
        prefix = glob.split("*", 1)[0].split("?", 1)[0]
        end = prefix[:-1] + chr(ord(prefix[-1]) + 1) if prefix else None
        rows = self._read(
            "WITH RECURSIVE names(queue) AS ("
            " SELECT min(queue) FROM jobs WHERE queue >= ?1"
            " UNION ALL SELECT (SELECT min(queue) FROM jobs WHERE queue > names.queue) FROM names"
            " WHERE names.queue IS NOT NULL AND (?2 IS NULL OR names.queue < ?2))"
            " SELECT queue FROM names WHERE queue GLOB ?3",
            (prefix, end, glob),
        )
        return [row[0] for row in rows]

    def _page(self, selection: JobSelection, newest_first: bool, limit: int, after_id: str) -> list[JobRecord]:
        terms, params = _where(selection, _now_ms())
        if after_id:
            terms.append("id < ?" if newest_first else "id > ?")
            params.append(after_id)
        order = "DESC" if newest_first else "ASC"
        sql = f"SELECT {_LIST_COLUMNS} FROM jobs WHERE {' AND '.join(terms)} ORDER BY id {order} LIMIT ?"
        return [_job(row) for row in self._read(sql, [*params, limit])]

    def count_jobs(self, selection: JobSelection, limit: int) -> int:
        """From job_counts when the selection is by status alone; else the first ``limit``
        matches, counted as they are read from an index: expired jobs not deleted yet included,
        since leaving them out would read each job's row for its expiry."""
        if _statuses_only(selection):
            wanted = sorted(selection.statuses)
            where = f" AND status IN {_in(wanted)}" if wanted else ""
            total: int = self._read(f"SELECT coalesce(sum(n), 0) FROM job_counts WHERE n > 0{where}", wanted)[0][0]
            return min(total, limit)
        terms, params = _where(selection, None)
        sql = f"SELECT count(*) FROM (SELECT 1 FROM jobs WHERE {' AND '.join(terms) or 'true'} LIMIT ?)"
        counted: int = self._read(sql, [*params, limit])[0][0]
        return counted

    def stale_pending_ids(self, statuses: Iterable[str], updated_before: datetime) -> list[str]:
        wanted = sorted(statuses)
        pending = f" AND {_PENDING}" if set(wanted) <= set(_PENDING_STATUSES) else ""
        rows = self._read(
            f"SELECT id FROM jobs WHERE status IN {_in(wanted)}{pending} AND date_updated < ? ORDER BY id",
            [*wanted, to_ms(updated_before)],
        )
        return [row[0] for row in rows]

    # Jobs: counts.

    def count_by_status(self) -> dict[str, int]:
        """From job_counts (see _SCHEMA), as are the other counts by status."""
        return dict(self._read("SELECT status, sum(n) FROM job_counts WHERE n > 0 GROUP BY status"))

    def count_by_task_and_status(self) -> dict[str, dict[str, int]]:
        return _nested(self._read("SELECT task, status, sum(n) FROM job_counts WHERE n > 0 GROUP BY task, status"))

    def count_by_queue_and_status(self) -> dict[str, dict[str, int]]:
        return _nested(self._read("SELECT queue, status, sum(n) FROM job_counts WHERE n > 0 GROUP BY queue, status"))

    def count_enqueued_since(self, since: datetime) -> dict[str, int]:
        """By job id, which starts with its creation time in seconds (as MongoDB's ObjectId).
        ``+queue``: grouping by the bare column, the planner would rather walk the whole queue
        index, to group without sorting, than read the window's range of ids (measured: 110 ms
        at a million jobs, for a window holding none)."""
        first_id = f"{to_ms(since) // 1000:08x}" + "0" * 16
        return dict(self._read("SELECT queue, count(*) FROM jobs WHERE id >= ? GROUP BY +queue", (first_id,)))

    def count_finished_since(self, since: datetime, by: str) -> dict[str, int]:
        """INDEXED BY: the planner, guessing how many jobs finished since, may rather walk the
        ``by`` index to group without sorting, reading every job."""
        if by not in ("queue", "task"):
            raise ValueError(f"count_finished_since: by must be 'queue' or 'task', not {by!r}")
        return dict(
            self._read(
                f"SELECT {by}, count(*) FROM jobs INDEXED BY jobs_finished WHERE date_finished >= ? GROUP BY {by}",
                (to_ms(since),),
            )
        )

    def exception_groups(self, statuses: Iterable[str]) -> list[ExceptionGroup]:
        """Counted from the exception index alone; then the latest job of each group, max(id),
        is read for its date and error."""
        wanted = sorted(statuses)
        groups = self._read(
            f"SELECT task, exception_type, count(*), max(id) FROM jobs INDEXED BY jobs_exception "
            f"WHERE status IN {_in(wanted)} AND exception_type != '' "
            f"GROUP BY task, exception_type",
            wanted,
        )
        groups.sort(key=lambda row: (-row[2], row[0], row[1]))
        latest = {
            row[0]: row[1:]
            for row in self._read(
                "SELECT id, date_finished, error FROM jobs WHERE id IN (SELECT value FROM json_each(?))",
                (json.dumps([row[3] for row in groups]),),
            )
        }
        return [
            ExceptionGroup(task, exception_type, count, _datetime(finished), error)
            for task, exception_type, count, last_id in groups
            for finished, error in [latest.get(last_id, (None, ""))]
        ]

    # Tasksets.

    def insert_taskset(self, record: TasksetRecord) -> None:
        with self._writing() as connection:
            connection.execute(
                "INSERT INTO tasksets VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    record.id,
                    record.task,
                    json.dumps(record.job_ids),
                    to_ms(record.date_created),
                    record.callback_task,
                    record.callback_params_json,
                    record.callback_queue,
                ),
            )

    def get_taskset(self, taskset_id: str) -> TasksetRecord | None:
        rows = self._read("SELECT * FROM tasksets WHERE id = ?", (taskset_id,))
        if not rows:
            return None
        taskset_id, task, job_ids, created, callback_task, callback_params_json, callback_queue = rows[0]
        return TasksetRecord(
            taskset_id, task, json.loads(job_ids), from_ms(created), callback_task, callback_params_json, callback_queue
        )

    def list_tasksets(self, limit: int, before_id: str = "") -> list[TasksetRecord]:
        rows = self._read(
            "SELECT id, task, date_created, callback_task, callback_params_json, callback_queue FROM tasksets "
            "WHERE ? = '' OR id < ? ORDER BY id DESC LIMIT ?",
            (before_id, before_id, limit),
        )
        return [
            TasksetRecord(taskset_id, task, [], from_ms(created), callback_task, callback_params_json, callback_queue)
            for taskset_id, task, created, callback_task, callback_params_json, callback_queue in rows
        ]

    # Workers.

    def record_worker(self, record: WorkerRecord) -> None:
        with self._writing() as connection:
            connection.execute(
                "INSERT OR REPLACE INTO workers VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    record.id,
                    record.hostname,
                    record.pid,
                    json.dumps(record.queues),
                    record.concurrency,
                    record.status,
                    record.done_jobs,
                    record.memory_bytes,
                    record.cpu_s,
                    json.dumps(record.job_ids),
                    to_ms(record.date_heartbeat),
                ),
            )

    def workers_seen_since(self, since: datetime) -> list[WorkerRecord]:
        rows = self._read(
            "SELECT * FROM workers WHERE date_heartbeat >= ? ORDER BY date_heartbeat DESC, id", (to_ms(since),)
        )
        return [
            WorkerRecord(
                worker_id,
                hostname,
                pid,
                json.loads(queues),
                concurrency,
                status,
                done_jobs,
                memory_bytes,
                cpu_s,
                json.loads(job_ids),
                from_ms(heartbeat),
            )
            for (
                worker_id,
                hostname,
                pid,
                queues,
                concurrency,
                status,
                done_jobs,
                memory_bytes,
                cpu_s,
                job_ids,
                heartbeat,
            ) in rows
        ]

    def worker_exists(self, worker_id: str) -> bool:
        return bool(self._read("SELECT 1 FROM workers WHERE id = ?", (worker_id,)))

    # Job logs.

    def insert_log_chunks(self, chunks: Sequence[LogChunk]) -> None:
        if chunks:
            rows = [(c.id, c.job_id, c.text, to_ms(c.date_created), to_ms(c.date_expires)) for c in chunks]
            with self._writing() as connection:
                connection.executemany("INSERT INTO log_chunks VALUES (?, ?, ?, ?, ?)", rows)

    def log_texts(self, chunk_ids: Sequence[str]) -> dict[str, str]:
        if not chunk_ids:
            return {}
        return dict(
            self._read(
                "SELECT id, text FROM log_chunks WHERE id IN (SELECT value FROM json_each(?))",
                (json.dumps(list(chunk_ids)),),
            )
        )

    def delete_expired_log_chunks(self, now: datetime) -> int:
        return self._delete_expired("log_chunks", now)

    # Schedules.

    def insert_schedule(self, record: ScheduleRecord) -> bool:
        with self._writing() as connection:
            cursor = connection.execute(
                "INSERT INTO schedules VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO NOTHING",
                (
                    record.id,
                    json.dumps(record.definition),
                    record.source,
                    int(record.paused),
                    to_ms(record.date_created),
                    _ms(record.last_tick),
                    record.last_job_id,
                ),
            )
            return cursor.rowcount == 1

    def get_schedule(self, schedule_id: str) -> ScheduleRecord | None:
        rows = self._read("SELECT * FROM schedules WHERE id = ?", (schedule_id,))
        return _schedule(rows[0]) if rows else None

    def list_schedules(self) -> list[ScheduleRecord]:
        return [_schedule(row) for row in self._read("SELECT * FROM schedules ORDER BY date_created, id")]

    def set_schedule_paused(self, schedule_id: str, paused: bool) -> None:
        with self._writing() as connection:
            connection.execute("UPDATE schedules SET paused = ? WHERE id = ?", (int(paused), schedule_id))

    def delete_schedule(self, schedule_id: str) -> None:
        with self._writing() as connection:
            connection.execute("DELETE FROM schedules WHERE id = ?", (schedule_id,))

    def advance_schedule(
        self, schedule_id: str, previous_tick: datetime | None, tick: datetime | None, last_job_id: str
    ) -> bool:
        with self._writing() as connection:
            cursor = connection.execute(
                "UPDATE schedules SET last_tick = ?, last_job_id = ? WHERE id = ? AND last_tick IS ?",
                (_ms(tick), last_job_id, schedule_id, _ms(previous_tick)),
            )
            return cursor.rowcount == 1


def _nested(rows: Iterable[Row]) -> dict[str, dict[str, int]]:
    """(key, status, count) rows as counts by status, by key."""
    counts: dict[str, dict[str, int]] = {}
    for key, status, count in rows:
        counts.setdefault(key, {})[status] = count
    return counts


def _schedule(row: Row) -> ScheduleRecord:
    schedule_id, definition, source, paused, created, last_tick, last_job_id = row
    return ScheduleRecord(
        schedule_id, json.loads(definition), source, bool(paused), from_ms(created), _datetime(last_tick), last_job_id
    )
