// Original file: ../../proto/mrq/v1/queue_service.proto

import type { Long } from '@grpc/proto-loader';

export interface EnqueueRawResponse {
  /**
   * Entries added; fewer than sent when a `_set` already held some params.
   */
  'added'?: (number | string | Long);
}

export interface EnqueueRawResponse__Output {
  /**
   * Entries added; fewer than sent when a `_set` already held some params.
   */
  'added': (string);
}
