// Original file: ../../proto/mrq/v1/schedule_service.proto

/**
 * Where a schedule comes from.
 */
export const ScheduleSource = {
  SCHEDULE_SOURCE_UNSPECIFIED: 'SCHEDULE_SOURCE_UNSPECIFIED',
  /**
   * SCHEDULER_TASKS in the config file, kept in line by SyncSchedules.
   */
  SCHEDULE_SOURCE_CONFIG: 'SCHEDULE_SOURCE_CONFIG',
  /**
   * CreateSchedule or UpdateSchedule.
   */
  SCHEDULE_SOURCE_API: 'SCHEDULE_SOURCE_API',
} as const;

/**
 * Where a schedule comes from.
 */
export type ScheduleSource =
  | 'SCHEDULE_SOURCE_UNSPECIFIED'
  | 0
  /**
   * SCHEDULER_TASKS in the config file, kept in line by SyncSchedules.
   */
  | 'SCHEDULE_SOURCE_CONFIG'
  | 1
  /**
   * CreateSchedule or UpdateSchedule.
   */
  | 'SCHEDULE_SOURCE_API'
  | 2

/**
 * Where a schedule comes from.
 */
export type ScheduleSource__Output = typeof ScheduleSource[keyof typeof ScheduleSource]
