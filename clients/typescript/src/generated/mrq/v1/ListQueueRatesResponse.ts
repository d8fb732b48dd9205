// Original file: ../../proto/mrq/v1/monitor_service.proto

import type { QueueRate as _mrq_v1_QueueRate, QueueRate__Output as _mrq_v1_QueueRate__Output } from '../../mrq/v1/QueueRate';

export interface ListQueueRatesResponse {
  /**
   * Queues with traffic in the window or with stored jobs, sorted by name.
   */
  'queues'?: (_mrq_v1_QueueRate)[];
  /**
   * The window, in seconds.
   */
  'windowS'?: (number | string);
}

export interface ListQueueRatesResponse__Output {
  /**
   * Queues with traffic in the window or with stored jobs, sorted by name.
   */
  'queues': (_mrq_v1_QueueRate__Output)[];
  /**
   * The window, in seconds.
   */
  'windowS': (number);
}
