// Original file: ../../proto/mrq/v1/job_query.proto

/**
 * Named sets of statuses, as in the original MRQ dashboard.
 */
export const StatusGroup = {
  STATUS_GROUP_UNSPECIFIED: 'STATUS_GROUP_UNSPECIFIED',
  /**
   * queued, started, success.
   */
  STATUS_GROUP_OK: 'STATUS_GROUP_OK',
  /**
   * Every status but queued, started, success and delayed.
   */
  STATUS_GROUP_NOT_OK: 'STATUS_GROUP_NOT_OK',
  /**
   * failed, maxretries, maxconcurrency, timeout.
   */
  STATUS_GROUP_ERROR: 'STATUS_GROUP_ERROR',
} as const;

/**
 * Named sets of statuses, as in the original MRQ dashboard.
 */
export type StatusGroup =
  | 'STATUS_GROUP_UNSPECIFIED'
  | 0
  /**
   * queued, started, success.
   */
  | 'STATUS_GROUP_OK'
  | 1
  /**
   * Every status but queued, started, success and delayed.
   */
  | 'STATUS_GROUP_NOT_OK'
  | 2
  /**
   * failed, maxretries, maxconcurrency, timeout.
   */
  | 'STATUS_GROUP_ERROR'
  | 3

/**
 * Named sets of statuses, as in the original MRQ dashboard.
 */
export type StatusGroup__Output = typeof StatusGroup[keyof typeof StatusGroup]
