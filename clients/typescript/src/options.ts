/** Per-job options of enqueue, enqueueMany and enqueueTaskset. */
import type { JobOptions } from './generated/mrq/v1/JobOptions';
import { dateToWire } from './job';

/**
 * Per-job options. Unset ones fall back to the task's routing entry in the broker's config,
 * then to the broker's defaults. The broker validates them: a bad value is refused with an
 * InvalidArgumentError naming the field.
 */
export interface EnqueueOptions {
  /** Queue name; default: the task's routed queue, else "default". */
  queue?: string;
  /** Seconds the job may run before it ends "timeout"; 0 means no timeout at all. */
  timeoutS?: number;
  /** Higher runs first, FIFO within one priority; -1000..1000. */
  priority?: number;
  /** Queue the job only after this many seconds. Exclusive with `eta`. */
  delayS?: number;
  /** Queue the job only after this instant. Exclusive with `delayS`. */
  eta?: Date;
  /** Retries allowed before the job ends "maxretries". */
  maxRetries?: number;
  /** Seconds a retried job waits before it is queued again. */
  retryDelayS?: number;
  /** Seconds a successful job's record and result are kept. */
  resultTtlS?: number;
  /**
   * While a job with this key is queued or started, enqueue returns its id instead of
   * creating a job. enqueue only: enqueueMany refuses it.
   */
  dedupeKey?: string;
  /**
   * Dedupes as `dedupeKey` does, on a key the broker makes from the task and params: the same
   * call made twice while the first job is queued or started returns its id.
   */
  unique?: boolean;
}

/** The wire JobOptions for `opts`; unset options stay unset. */
export function optionsToWire(opts: EnqueueOptions = {}): JobOptions {
  const wire: JobOptions = {};
  if (opts.queue !== undefined) wire.queue = opts.queue;
  if (opts.timeoutS !== undefined) wire.timeoutS = opts.timeoutS;
  if (opts.priority !== undefined) wire.priority = opts.priority;
  if (opts.delayS !== undefined) wire.delayS = opts.delayS;
  if (opts.eta !== undefined) wire.eta = dateToWire(opts.eta);
  if (opts.maxRetries !== undefined) wire.maxRetries = opts.maxRetries;
  if (opts.retryDelayS !== undefined) wire.retryDelayS = opts.retryDelayS;
  if (opts.resultTtlS !== undefined) wire.resultTtlS = opts.resultTtlS;
  if (opts.dedupeKey !== undefined) wire.dedupeKey = opts.dedupeKey;
  if (opts.unique !== undefined) wire.unique = opts.unique;
  return wire;
}
