// Original file: ../../proto/mrq/v1/monitor_service.proto

import type { Long } from '@grpc/proto-loader';

export interface GetOverviewResponse {
  /**
   * Stored jobs by status name ("queued", "failed"...); absent statuses are 0.
   */
  'counts'?: ({[key: string]: number | string | Long});
  /**
   * Workers whose last heartbeat is recent enough to hold leases.
   */
  'workersAlive'?: (number);
  /**
   * Job slots (greenlets) of the live workers, summed.
   */
  'poolSize'?: (number);
  /**
   * Jobs the live workers are running.
   */
  'poolBusy'?: (number);
  /**
   * Jobs enqueued within the window.
   */
  'enqueuedInWindow'?: (number | string | Long);
  /**
   * Jobs that reached a final status within the window.
   */
  'finishedInWindow'?: (number | string | Long);
  /**
   * The window, in seconds.
   */
  'windowS'?: (number | string);
}

export interface GetOverviewResponse__Output {
  /**
   * Stored jobs by status name ("queued", "failed"...); absent statuses are 0.
   */
  'counts': ({[key: string]: string});
  /**
   * Workers whose last heartbeat is recent enough to hold leases.
   */
  'workersAlive': (number);
  /**
   * Job slots (greenlets) of the live workers, summed.
   */
  'poolSize': (number);
  /**
   * Jobs the live workers are running.
   */
  'poolBusy': (number);
  /**
   * Jobs enqueued within the window.
   */
  'enqueuedInWindow': (string);
  /**
   * Jobs that reached a final status within the window.
   */
  'finishedInWindow': (string);
  /**
   * The window, in seconds.
   */
  'windowS': (number);
}
