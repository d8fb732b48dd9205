// Original file: ../../proto/mrq/v1/queue_service.proto

import type { QueueInfo as _mrq_v1_QueueInfo, QueueInfo__Output as _mrq_v1_QueueInfo__Output } from '../../mrq/v1/QueueInfo';

export interface ListQueuesResponse {
  /**
   * Sorted by name.
   */
  'queues'?: (_mrq_v1_QueueInfo)[];
}

export interface ListQueuesResponse__Output {
  /**
   * Sorted by name.
   */
  'queues': (_mrq_v1_QueueInfo__Output)[];
}
