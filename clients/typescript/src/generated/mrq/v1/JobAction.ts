// Original file: ../../proto/mrq/v1/job_service.proto

/**
 * What ActOnJobs does to each selected job.
 */
export const JobAction = {
  JOB_ACTION_UNSPECIFIED: 'JOB_ACTION_UNSPECIFIED',
  /**
   * Stops the job for good; it ends `cancel` (final; its record is kept for the broker's
   * abort TTL). A queued, delayed or retry job is taken off its queue and never runs. A
   * started job's lease is taken from its worker, so its late outcome is refused, and the
   * worker is told to stop it (CONTROL_ACTION_CANCEL_JOB on its next heartbeat). Jobs that
   * are already final are skipped.
   */
  JOB_ACTION_CANCEL: 'JOB_ACTION_CANCEL',
  /**
   * Runs the job again from scratch: any job that is not started (final or not) goes back to
   * `queued` on its queue, with retry_count reset to 0 and its result, delay and expiry
   * cleared. It keeps its date_enqueued, hence its place in line (ordered by priority, then
   * enqueue time), and its traceback_history. Started jobs are skipped.
   */
  JOB_ACTION_REQUEUE: 'JOB_ACTION_REQUEUE',
  /**
   * Like REQUEUE, but keeps retry_count as it is: the manual retry neither consumes nor
   * restores the job's retry budget (max_retries).
   */
  JOB_ACTION_RETRY: 'JOB_ACTION_RETRY',
  /**
   * Removes the job for good: its record and its logs are deleted, and a queued, delayed or
   * retry job is taken off its queue first, so no worker ever gets it. Started jobs are
   * skipped (cancel them first). A deleted taskset member that was not final yet counts as
   * final for its taskset, under the status name "deleted", so the callback still runs.
   */
  JOB_ACTION_DELETE: 'JOB_ACTION_DELETE',
} as const;

/**
 * What ActOnJobs does to each selected job.
 */
export type JobAction =
  | 'JOB_ACTION_UNSPECIFIED'
  | 0
  /**
   * Stops the job for good; it ends `cancel` (final; its record is kept for the broker's
   * abort TTL). A queued, delayed or retry job is taken off its queue and never runs. A
   * started job's lease is taken from its worker, so its late outcome is refused, and the
   * worker is told to stop it (CONTROL_ACTION_CANCEL_JOB on its next heartbeat). Jobs that
   * are already final are skipped.
   */
  | 'JOB_ACTION_CANCEL'
  | 1
  /**
   * Runs the job again from scratch: any job that is not started (final or not) goes back to
   * `queued` on its queue, with retry_count reset to 0 and its result, delay and expiry
   * cleared. It keeps its date_enqueued, hence its place in line (ordered by priority, then
   * enqueue time), and its traceback_history. Started jobs are skipped.
   */
  | 'JOB_ACTION_REQUEUE'
  | 2
  /**
   * Like REQUEUE, but keeps retry_count as it is: the manual retry neither consumes nor
   * restores the job's retry budget (max_retries).
   */
  | 'JOB_ACTION_RETRY'
  | 3
  /**
   * Removes the job for good: its record and its logs are deleted, and a queued, delayed or
   * retry job is taken off its queue first, so no worker ever gets it. Started jobs are
   * skipped (cancel them first). A deleted taskset member that was not final yet counts as
   * final for its taskset, under the status name "deleted", so the callback still runs.
   */
  | 'JOB_ACTION_DELETE'
  | 4

/**
 * What ActOnJobs does to each selected job.
 */
export type JobAction__Output = typeof JobAction[keyof typeof JobAction]
