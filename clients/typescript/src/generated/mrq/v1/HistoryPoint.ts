// Original file: ../../proto/mrq/v1/monitor_service.proto

import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../google/protobuf/Timestamp';
import type { Long } from '@grpc/proto-loader';

/**
 * One step of a series.
 */
export interface HistoryPoint {
  /**
   * The step's first minute. Steps are aligned on multiples of step_s since the epoch.
   */
  'start'?: (_google_protobuf_Timestamp | null);
  /**
   * Jobs whose worker reported a final outcome within the step (a job cancelled while waiting
   * never ran, and is not counted).
   */
  'finished'?: (number | string | Long);
  /**
   * Of those, jobs that ended failed, maxretries, maxconcurrency or timeout.
   */
  'failed'?: (number | string | Long);
  /**
   * The queue's ready jobs at the step's last sample (taken once a minute). Unset for a task,
   * for every job's series before the first sample, and for a minute no broker sampled.
   */
  'queueSize'?: (number | string | Long);
  /**
   * Median duration of the finished jobs, in seconds, within ±9% (log-scale buckets). Unset
   * when none finished.
   */
  'p50DurationS'?: (number | string);
  /**
   * 95th percentile duration of the finished jobs, in seconds, within ±9%. Unset when none finished.
   */
  'p95DurationS'?: (number | string);
  '_queueSize'?: "queueSize";
  '_p50DurationS'?: "p50DurationS";
  '_p95DurationS'?: "p95DurationS";
}

/**
 * One step of a series.
 */
export interface HistoryPoint__Output {
  /**
   * The step's first minute. Steps are aligned on multiples of step_s since the epoch.
   */
  'start': (_google_protobuf_Timestamp__Output | null);
  /**
   * Jobs whose worker reported a final outcome within the step (a job cancelled while waiting
   * never ran, and is not counted).
   */
  'finished': (string);
  /**
   * Of those, jobs that ended failed, maxretries, maxconcurrency or timeout.
   */
  'failed': (string);
  /**
   * The queue's ready jobs at the step's last sample (taken once a minute). Unset for a task,
   * for every job's series before the first sample, and for a minute no broker sampled.
   */
  'queueSize'?: (string);
  /**
   * Median duration of the finished jobs, in seconds, within ±9% (log-scale buckets). Unset
   * when none finished.
   */
  'p50DurationS'?: (number);
  /**
   * 95th percentile duration of the finished jobs, in seconds, within ±9%. Unset when none finished.
   */
  'p95DurationS'?: (number);
  '_queueSize'?: "queueSize";
  '_p50DurationS'?: "p50DurationS";
  '_p95DurationS'?: "p95DurationS";
}
