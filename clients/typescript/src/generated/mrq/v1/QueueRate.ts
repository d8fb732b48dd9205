// Original file: ../../proto/mrq/v1/monitor_service.proto

import type { Long } from '@grpc/proto-loader';

/**
 * One queue's traffic within the window, and its stored jobs.
 */
export interface QueueRate {
  /**
   * The queue's name.
   */
  'queue'?: (string);
  /**
   * Jobs enqueued on it within the window.
   */
  'enqueued'?: (number | string | Long);
  /**
   * Its jobs that reached a final status within the window.
   */
  'finished'?: (number | string | Long);
  /**
   * Its stored jobs by status name; absent statuses are 0.
   */
  'counts'?: ({[key: string]: number | string | Long});
}

/**
 * One queue's traffic within the window, and its stored jobs.
 */
export interface QueueRate__Output {
  /**
   * The queue's name.
   */
  'queue': (string);
  /**
   * Jobs enqueued on it within the window.
   */
  'enqueued': (string);
  /**
   * Its jobs that reached a final status within the window.
   */
  'finished': (string);
  /**
   * Its stored jobs by status name; absent statuses are 0.
   */
  'counts': ({[key: string]: string});
}
