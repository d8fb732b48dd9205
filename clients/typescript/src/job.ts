/** Job records as the broker returns them, decoded from the wire types. */
import type { Job__Output } from './generated/mrq/v1/Job';
import type { JobStatus } from './generated/mrq/v1/JobStatus';
import type { JobOptions__Output } from './generated/mrq/v1/JobOptions';
import type { Timestamp, Timestamp__Output } from './generated/google/protobuf/Timestamp';
import type { TracebackEntry__Output } from './generated/mrq/v1/TracebackEntry';
import { decodeJson } from './json';

/** A job status name, as stored and shown; "" when the broker sent none (or one unknown here). */
export type Status =
  | ''
  | 'queued'
  | 'started'
  | 'success'
  | 'failed'
  | 'cancel'
  | 'abort'
  | 'interrupt'
  | 'timeout'
  | 'retry'
  | 'maxretries'
  | 'maxconcurrency'
  | 'delayed';

/** Statuses after which a job will not run again unless a user requeues it. */
export const FINAL_STATUSES: ReadonlySet<Status> = new Set<Status>([
  'success', 'failed', 'cancel', 'abort', 'timeout', 'maxretries', 'maxconcurrency',
]);

const STATUS_BY_WIRE_NAME: ReadonlyMap<string, Status> = new Map(
  [...FINAL_STATUSES, 'queued', 'started', 'interrupt', 'retry', 'delayed'].map(
    (s): [string, Status] => [`JOB_STATUS_${s.toUpperCase()}`, s as Status],
  ),
);

/** True for statuses after which the job will not run again. */
export function isFinal(status: Status): boolean {
  return FINAL_STATUSES.has(status);
}

/** Maps "queued" to "JOB_STATUS_QUEUED". */
export function statusToWire(status: Status): JobStatus {
  return (status === '' ? 'JOB_STATUS_UNSPECIFIED' : `JOB_STATUS_${status.toUpperCase()}`) as JobStatus;
}

/** Maps "JOB_STATUS_QUEUED" to "queued". */
export function statusFromWire(value: string | number | undefined): Status {
  return STATUS_BY_WIRE_NAME.get(String(value)) ?? '';
}

/** One failed attempt of a job. */
export interface TracebackEntry {
  date: Date | null;
  status: Status;
  exceptionType: string;
  error: string;
  traceback: string;
  workerId: string;
}

/** The options in force for a job, as resolved by the broker. */
export interface ResolvedOptions {
  queue: string;
  /** 0: no timeout. */
  timeoutS: number;
  maxRetries: number;
  retryDelayS: number;
  resultTtlS: number;
  delayS: number;
  eta: Date | null;
  priority: number;
  dedupeKey: string;
  unique: boolean;
}

/** A job record; `R` is the type of its result. */
export interface Job<R = unknown> {
  /** 24 hexadecimal characters, ordered by creation time. */
  id: string;
  /** The task's dotted path, e.g. "tasks.add". */
  task: string;
  /** The job's params, parsed from JSON. */
  params: unknown;
  queue: string;
  status: Status;
  /** The task's return value parsed from JSON; `undefined` until success. */
  result: R | undefined;
  /** For failures of the latest attempt: exception class, message and traceback. */
  exceptionType: string;
  error: string;
  traceback: string;
  /** Every failed, retried, interrupted or requeued attempt, oldest first. */
  tracebackHistory: TracebackEntry[];
  dateEnqueued: Date | null;
  dateStarted: Date | null;
  dateFinished: Date | null;
  dateUpdated: Date | null;
  dateExpires: Date | null;
  /** The worker running the job, or that ran its latest attempt. */
  workerId: string;
  retryCount: number;
  requeueCount: number;
  /** Progress reported by the task, 0.0 to 1.0. */
  progress: number;
  options: ResolvedOptions;
  /** The taskset the job is a member of; "" for a job enqueued alone. */
  tasksetId: string;
}

/** Converts a wire Job into a {@link Job}. */
export function jobFromWire<R = unknown>(j: Job__Output): Job<R> {
  return {
    id: j.id,
    task: j.task,
    params: decodeJson(j.paramsJson),
    queue: j.queue,
    status: statusFromWire(j.status),
    result: decodeJson(j.resultJson) as R | undefined,
    exceptionType: j.exceptionType,
    error: j.error,
    traceback: j.traceback,
    tracebackHistory: j.tracebackHistory.map(tracebackFromWire),
    dateEnqueued: dateFromWire(j.dateEnqueued),
    dateStarted: dateFromWire(j.dateStarted),
    dateFinished: dateFromWire(j.dateFinished),
    dateUpdated: dateFromWire(j.dateUpdated),
    dateExpires: dateFromWire(j.dateExpires),
    workerId: j.workerId,
    retryCount: j.retryCount,
    requeueCount: j.requeueCount,
    progress: j.progress,
    options: optionsFromWire(j.options),
    tasksetId: j.tasksetId,
  };
}

function tracebackFromWire(t: TracebackEntry__Output): TracebackEntry {
  return {
    date: dateFromWire(t.date),
    status: statusFromWire(t.status),
    exceptionType: t.exceptionType,
    error: t.error,
    traceback: t.traceback,
    workerId: t.workerId,
  };
}

function optionsFromWire(o: JobOptions__Output | null): ResolvedOptions {
  return {
    queue: o?.queue ?? '',
    timeoutS: o?.timeoutS ?? 0,
    maxRetries: o?.maxRetries ?? 0,
    retryDelayS: o?.retryDelayS ?? 0,
    resultTtlS: o?.resultTtlS ?? 0,
    delayS: o?.delayS ?? 0,
    eta: dateFromWire(o?.eta ?? null),
    priority: o?.priority ?? 0,
    dedupeKey: o?.dedupeKey ?? '',
    unique: o?.unique ?? false,
  };
}

/** A Date from a wire Timestamp; null when unset. */
export function dateFromWire(t: Timestamp__Output | null): Date | null {
  if (t === null) {
    return null;
  }
  return new Date(Number(t.seconds) * 1000 + Math.floor(t.nanos / 1e6));
}

/** A wire Timestamp from a Date, exact to the millisecond. */
export function dateToWire(d: Date): Timestamp {
  const ms = d.getTime();
  const seconds = Math.floor(ms / 1000);
  return { seconds: String(seconds), nanos: (ms - seconds * 1000) * 1e6 };
}
