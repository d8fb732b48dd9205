// Original file: ../../proto/mrq/v1/worker_service.proto

export const ControlAction = {
  CONTROL_ACTION_UNSPECIFIED: 'CONTROL_ACTION_UNSPECIFIED',
  /**
   * Stop the job `job_id` now; report it CANCEL.
   */
  CONTROL_ACTION_CANCEL_JOB: 'CONTROL_ACTION_CANCEL_JOB',
  /**
   * Finish running jobs, take no new ones, then exit.
   */
  CONTROL_ACTION_SHUTDOWN: 'CONTROL_ACTION_SHUTDOWN',
  /**
   * Send the current stack of the job `job_id` at once, in a Heartbeat's `inspections`.
   */
  CONTROL_ACTION_DUMP_STACK: 'CONTROL_ACTION_DUMP_STACK',
} as const;

export type ControlAction =
  | 'CONTROL_ACTION_UNSPECIFIED'
  | 0
  /**
   * Stop the job `job_id` now; report it CANCEL.
   */
  | 'CONTROL_ACTION_CANCEL_JOB'
  | 1
  /**
   * Finish running jobs, take no new ones, then exit.
   */
  | 'CONTROL_ACTION_SHUTDOWN'
  | 2
  /**
   * Send the current stack of the job `job_id` at once, in a Heartbeat's `inspections`.
   */
  | 'CONTROL_ACTION_DUMP_STACK'
  | 3

export type ControlAction__Output = typeof ControlAction[keyof typeof ControlAction]
