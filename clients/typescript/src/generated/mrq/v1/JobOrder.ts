// Original file: ../../proto/mrq/v1/monitor_service.proto

/**
 * The order of a job listing.
 */
export const JobOrder = {
  /**
   * Newest first.
   */
  JOB_ORDER_UNSPECIFIED: 'JOB_ORDER_UNSPECIFIED',
  /**
   * Newest first (by id, i.e. by creation time).
   */
  JOB_ORDER_NEWEST: 'JOB_ORDER_NEWEST',
  /**
   * Oldest first.
   */
  JOB_ORDER_OLDEST: 'JOB_ORDER_OLDEST',
} as const;

/**
 * The order of a job listing.
 */
export type JobOrder =
  /**
   * Newest first.
   */
  | 'JOB_ORDER_UNSPECIFIED'
  | 0
  /**
   * Newest first (by id, i.e. by creation time).
   */
  | 'JOB_ORDER_NEWEST'
  | 1
  /**
   * Oldest first.
   */
  | 'JOB_ORDER_OLDEST'
  | 2

/**
 * The order of a job listing.
 */
export type JobOrder__Output = typeof JobOrder[keyof typeof JobOrder]
