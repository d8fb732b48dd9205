// Original file: ../../proto/mrq/v1/worker_service.proto

import type { JobStatus as _mrq_v1_JobStatus, JobStatus__Output as _mrq_v1_JobStatus__Output } from '../../mrq/v1/JobStatus';
import type { Long } from '@grpc/proto-loader';

/**
 * How a leased job ended.
 */
export interface JobOutcome {
  'jobId'?: (string);
  /**
   * The lease_token from LeasedJob.
   */
  'leaseToken'?: (string);
  /**
   * One of SUCCESS, FAILED, TIMEOUT, ABORT, CANCEL, INTERRUPT (requeued at once) or RETRY.
   */
  'status'?: (_mrq_v1_JobStatus);
  /**
   * SUCCESS: the return value as JSON bytes.
   */
  'resultJson'?: (Buffer | Uint8Array | string);
  /**
   * Failures: qualified exception class name, message and formatted traceback.
   */
  'exceptionType'?: (string);
  'error'?: (string);
  'traceback'?: (string);
  /**
   * RETRY: seconds before the retry is queued; unset uses the job's retry_delay_s.
   */
  'retryDelayS'?: (number | string);
  /**
   * RETRY: queue to retry on; empty keeps the job's queue.
   */
  'retryQueue'?: (string);
  /**
   * RETRY: overrides the job's max_retries.
   */
  'maxRetries'?: (number);
  /**
   * Seconds the attempt ran (wall clock).
   */
  'durationS'?: (number | string);
  /**
   * Worker run with --trace-greenlets: CPU seconds spent in the job's greenlet, and how many
   * times it was switched into (its first run included). Unset otherwise.
   */
  'cpuS'?: (number | string);
  'switches'?: (number | string | Long);
  /**
   * Worker run with --profile: the top of the job's cProfile statistics, by cumulative time.
   */
  'profile'?: (string);
  /**
   * Worker run with --trace-memory: bytes allocated and still held when the job ended
   * (tracemalloc), and the largest of those allocations by source line, as text.
   */
  'memoryDiffBytes'?: (number | string | Long);
  'memoryTop'?: (string);
  '_retryDelayS'?: "retryDelayS";
  '_maxRetries'?: "maxRetries";
  '_cpuS'?: "cpuS";
  '_switches'?: "switches";
  '_memoryDiffBytes'?: "memoryDiffBytes";
}

/**
 * How a leased job ended.
 */
export interface JobOutcome__Output {
  'jobId': (string);
  /**
   * The lease_token from LeasedJob.
   */
  'leaseToken': (string);
  /**
   * One of SUCCESS, FAILED, TIMEOUT, ABORT, CANCEL, INTERRUPT (requeued at once) or RETRY.
   */
  'status': (_mrq_v1_JobStatus__Output);
  /**
   * SUCCESS: the return value as JSON bytes.
   */
  'resultJson': (Buffer);
  /**
   * Failures: qualified exception class name, message and formatted traceback.
   */
  'exceptionType': (string);
  'error': (string);
  'traceback': (string);
  /**
   * RETRY: seconds before the retry is queued; unset uses the job's retry_delay_s.
   */
  'retryDelayS'?: (number);
  /**
   * RETRY: queue to retry on; empty keeps the job's queue.
   */
  'retryQueue': (string);
  /**
   * RETRY: overrides the job's max_retries.
   */
  'maxRetries'?: (number);
  /**
   * Seconds the attempt ran (wall clock).
   */
  'durationS': (number);
  /**
   * Worker run with --trace-greenlets: CPU seconds spent in the job's greenlet, and how many
   * times it was switched into (its first run included). Unset otherwise.
   */
  'cpuS'?: (number);
  'switches'?: (string);
  /**
   * Worker run with --profile: the top of the job's cProfile statistics, by cumulative time.
   */
  'profile': (string);
  /**
   * Worker run with --trace-memory: bytes allocated and still held when the job ended
   * (tracemalloc), and the largest of those allocations by source line, as text.
   */
  'memoryDiffBytes'?: (string);
  'memoryTop': (string);
  '_retryDelayS'?: "retryDelayS";
  '_maxRetries'?: "maxRetries";
  '_cpuS'?: "cpuS";
  '_switches'?: "switches";
  '_memoryDiffBytes'?: "memoryDiffBytes";
}
