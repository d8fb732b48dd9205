// Original file: ../../proto/mrq/v1/monitor_service.proto

/**
 * What ControlWorker does.
 */
export const WorkerAction = {
  WORKER_ACTION_UNSPECIFIED: 'WORKER_ACTION_UNSPECIFIED',
  /**
   * Finish running jobs, take no new ones, then exit (CONTROL_ACTION_SHUTDOWN on its next
   * heartbeat). A worker under a supervisor (--processes) is started again by it.
   */
  WORKER_ACTION_STOP: 'WORKER_ACTION_STOP',
  /**
   * Finish running jobs and take no new ones, but keep running: the broker hands it no job
   * until it is resumed.
   */
  WORKER_ACTION_QUIET: 'WORKER_ACTION_QUIET',
  /**
   * Undo QUIET.
   */
  WORKER_ACTION_RESUME: 'WORKER_ACTION_RESUME',
} as const;

/**
 * What ControlWorker does.
 */
export type WorkerAction =
  | 'WORKER_ACTION_UNSPECIFIED'
  | 0
  /**
   * Finish running jobs, take no new ones, then exit (CONTROL_ACTION_SHUTDOWN on its next
   * heartbeat). A worker under a supervisor (--processes) is started again by it.
   */
  | 'WORKER_ACTION_STOP'
  | 1
  /**
   * Finish running jobs and take no new ones, but keep running: the broker hands it no job
   * until it is resumed.
   */
  | 'WORKER_ACTION_QUIET'
  | 2
  /**
   * Undo QUIET.
   */
  | 'WORKER_ACTION_RESUME'
  | 3

/**
 * What ControlWorker does.
 */
export type WorkerAction__Output = typeof WorkerAction[keyof typeof WorkerAction]
