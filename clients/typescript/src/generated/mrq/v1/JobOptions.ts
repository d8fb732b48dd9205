// Original file: ../../proto/mrq/v1/job.proto

import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../google/protobuf/Timestamp';

/**
 * Per-job options. Unset optional fields fall back to the task's routing entry
 * in the broker config (TASKS), then to the broker's global defaults.
 */
export interface JobOptions {
  /**
   * Queue name: letters, digits and `_-.:/`, at most 200 characters. Default: the
   * task's routed queue, else "default".
   */
  'queue'?: (string);
  /**
   * Seconds the job may run before it is stopped with status `timeout`. 0 = no timeout.
   */
  'timeoutS'?: (number | string);
  /**
   * How many times the job may be retried before it ends `maxretries`.
   */
  'maxRetries'?: (number);
  /**
   * Seconds to wait before a retry is queued again.
   */
  'retryDelayS'?: (number | string);
  /**
   * Seconds a `success` job's record (and result) is kept.
   */
  'resultTtlS'?: (number | string);
  /**
   * Run no sooner than this many seconds from now. Exclusive with `eta`.
   */
  'delayS'?: (number | string);
  /**
   * Run no sooner than this instant. Exclusive with `delay_s`.
   */
  'eta'?: (_google_protobuf_Timestamp | null);
  /**
   * Higher runs first; FIFO within one priority. Range -1000..1000.
   */
  'priority'?: (number);
  /**
   * While a job with this key is queued or started, enqueuing another with the same
   * key returns the existing job's id instead of creating a new job. Printable text.
   */
  'dedupeKey'?: (string);
  /**
   * Dedupe as above on a key made from the task and params (when dedupe_key is empty).
   */
  'unique'?: (boolean);
  '_timeoutS'?: "timeoutS";
  '_maxRetries'?: "maxRetries";
  '_retryDelayS'?: "retryDelayS";
  '_resultTtlS'?: "resultTtlS";
}

/**
 * Per-job options. Unset optional fields fall back to the task's routing entry
 * in the broker config (TASKS), then to the broker's global defaults.
 */
export interface JobOptions__Output {
  /**
   * Queue name: letters, digits and `_-.:/`, at most 200 characters. Default: the
   * task's routed queue, else "default".
   */
  'queue': (string);
  /**
   * Seconds the job may run before it is stopped with status `timeout`. 0 = no timeout.
   */
  'timeoutS'?: (number);
  /**
   * How many times the job may be retried before it ends `maxretries`.
   */
  'maxRetries'?: (number);
  /**
   * Seconds to wait before a retry is queued again.
   */
  'retryDelayS'?: (number);
  /**
   * Seconds a `success` job's record (and result) is kept.
   */
  'resultTtlS'?: (number);
  /**
   * Run no sooner than this many seconds from now. Exclusive with `eta`.
   */
  'delayS': (number);
  /**
   * Run no sooner than this instant. Exclusive with `delay_s`.
   */
  'eta': (_google_protobuf_Timestamp__Output | null);
  /**
   * Higher runs first; FIFO within one priority. Range -1000..1000.
   */
  'priority': (number);
  /**
   * While a job with this key is queued or started, enqueuing another with the same
   * key returns the existing job's id instead of creating a new job. Printable text.
   */
  'dedupeKey': (string);
  /**
   * Dedupe as above on a key made from the task and params (when dedupe_key is empty).
   */
  'unique': (boolean);
  '_timeoutS'?: "timeoutS";
  '_maxRetries'?: "maxRetries";
  '_retryDelayS'?: "retryDelayS";
  '_resultTtlS'?: "resultTtlS";
}
