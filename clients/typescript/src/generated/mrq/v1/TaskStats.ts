// Original file: ../../proto/mrq/v1/monitor_service.proto

import type { Long } from '@grpc/proto-loader';

/**
 * One task path's jobs.
 */
export interface TaskStats {
  /**
   * The task path.
   */
  'task'?: (string);
  /**
   * Stored jobs by status name; absent statuses are 0.
   */
  'counts'?: ({[key: string]: number | string | Long});
  /**
   * Its jobs that reached a final status within the window.
   */
  'finishedInWindow'?: (number | string | Long);
}

/**
 * One task path's jobs.
 */
export interface TaskStats__Output {
  /**
   * The task path.
   */
  'task': (string);
  /**
   * Stored jobs by status name; absent statuses are 0.
   */
  'counts': ({[key: string]: string});
  /**
   * Its jobs that reached a final status within the window.
   */
  'finishedInWindow': (string);
}
