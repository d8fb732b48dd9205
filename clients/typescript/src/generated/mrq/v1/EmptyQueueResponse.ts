// Original file: ../../proto/mrq/v1/queue_service.proto

import type { Long } from '@grpc/proto-loader';

export interface EmptyQueueResponse {
  'removed'?: (number | string | Long);
}

export interface EmptyQueueResponse__Output {
  'removed': (string);
}
