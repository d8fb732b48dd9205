// Original file: ../../proto/mrq/v1/worker_service.proto

import type { JobStatus as _mrq_v1_JobStatus, JobStatus__Output as _mrq_v1_JobStatus__Output } from '../../mrq/v1/JobStatus';

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
  '_retryDelayS'?: "retryDelayS";
  '_maxRetries'?: "maxRetries";
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
  '_retryDelayS'?: "retryDelayS";
  '_maxRetries'?: "maxRetries";
}
