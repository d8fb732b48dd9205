// Original file: ../../proto/mrq/v1/queue_service.proto

import type { Long } from '@grpc/proto-loader';

export interface EmptyQueueResponse {
  /**
   * Jobs removed by this call.
   */
  'removed'?: (number | string | Long);
  /**
   * Jobs still waiting on the queue when this call ended (0 once it is empty).
   */
  'remaining'?: (number | string | Long);
}

export interface EmptyQueueResponse__Output {
  /**
   * Jobs removed by this call.
   */
  'removed': (string);
  /**
   * Jobs still waiting on the queue when this call ended (0 once it is empty).
   */
  'remaining': (string);
}
