// Original file: ../../proto/mrq/v1/job.proto

/**
 * Where a job is in its life. Final statuses expire after a TTL (see JobOptions.result_ttl_s).
 */
export const JobStatus = {
  JOB_STATUS_UNSPECIFIED: 'JOB_STATUS_UNSPECIFIED',
  /**
   * Waiting in its queue for a worker.
   */
  JOB_STATUS_QUEUED: 'JOB_STATUS_QUEUED',
  /**
   * Leased to a worker, which is running it.
   */
  JOB_STATUS_STARTED: 'JOB_STATUS_STARTED',
  /**
   * Finished; `result_json` holds the return value. Final.
   */
  JOB_STATUS_SUCCESS: 'JOB_STATUS_SUCCESS',
  /**
   * The task raised; see exception_type, error and traceback. Final.
   */
  JOB_STATUS_FAILED: 'JOB_STATUS_FAILED',
  /**
   * Cancelled by a user, queued or running. Final.
   */
  JOB_STATUS_CANCEL: 'JOB_STATUS_CANCEL',
  /**
   * The task aborted itself (abort_current_job). Final.
   */
  JOB_STATUS_ABORT: 'JOB_STATUS_ABORT',
  /**
   * The worker was stopped while running it; the job was requeued.
   */
  JOB_STATUS_INTERRUPT: 'JOB_STATUS_INTERRUPT',
  /**
   * The task ran longer than its timeout. Final.
   */
  JOB_STATUS_TIMEOUT: 'JOB_STATUS_TIMEOUT',
  /**
   * Waiting for its retry delay before it is queued again.
   */
  JOB_STATUS_RETRY: 'JOB_STATUS_RETRY',
  /**
   * It asked for a retry after max_retries retries. Final.
   */
  JOB_STATUS_MAXRETRIES: 'JOB_STATUS_MAXRETRIES',
  /**
   * Refused by a concurrency limit configured to fail instead of wait. Final.
   */
  JOB_STATUS_MAXCONCURRENCY: 'JOB_STATUS_MAXCONCURRENCY',
  /**
   * Waiting for its `delay_s`/`eta` before it is queued.
   */
  JOB_STATUS_DELAYED: 'JOB_STATUS_DELAYED',
} as const;

/**
 * Where a job is in its life. Final statuses expire after a TTL (see JobOptions.result_ttl_s).
 */
export type JobStatus =
  | 'JOB_STATUS_UNSPECIFIED'
  | 0
  /**
   * Waiting in its queue for a worker.
   */
  | 'JOB_STATUS_QUEUED'
  | 1
  /**
   * Leased to a worker, which is running it.
   */
  | 'JOB_STATUS_STARTED'
  | 2
  /**
   * Finished; `result_json` holds the return value. Final.
   */
  | 'JOB_STATUS_SUCCESS'
  | 3
  /**
   * The task raised; see exception_type, error and traceback. Final.
   */
  | 'JOB_STATUS_FAILED'
  | 4
  /**
   * Cancelled by a user, queued or running. Final.
   */
  | 'JOB_STATUS_CANCEL'
  | 5
  /**
   * The task aborted itself (abort_current_job). Final.
   */
  | 'JOB_STATUS_ABORT'
  | 6
  /**
   * The worker was stopped while running it; the job was requeued.
   */
  | 'JOB_STATUS_INTERRUPT'
  | 7
  /**
   * The task ran longer than its timeout. Final.
   */
  | 'JOB_STATUS_TIMEOUT'
  | 8
  /**
   * Waiting for its retry delay before it is queued again.
   */
  | 'JOB_STATUS_RETRY'
  | 9
  /**
   * It asked for a retry after max_retries retries. Final.
   */
  | 'JOB_STATUS_MAXRETRIES'
  | 10
  /**
   * Refused by a concurrency limit configured to fail instead of wait. Final.
   */
  | 'JOB_STATUS_MAXCONCURRENCY'
  | 11
  /**
   * Waiting for its `delay_s`/`eta` before it is queued.
   */
  | 'JOB_STATUS_DELAYED'
  | 12

/**
 * Where a job is in its life. Final statuses expire after a TTL (see JobOptions.result_ttl_s).
 */
export type JobStatus__Output = typeof JobStatus[keyof typeof JobStatus]
