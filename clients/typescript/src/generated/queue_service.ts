import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from './google/protobuf/Timestamp';
import type { CheckRateLimitRequest as _mrq_v1_CheckRateLimitRequest, CheckRateLimitRequest__Output as _mrq_v1_CheckRateLimitRequest__Output } from './mrq/v1/CheckRateLimitRequest';
import type { CheckRateLimitResponse as _mrq_v1_CheckRateLimitResponse, CheckRateLimitResponse__Output as _mrq_v1_CheckRateLimitResponse__Output } from './mrq/v1/CheckRateLimitResponse';
import type { EmptyQueueRequest as _mrq_v1_EmptyQueueRequest, EmptyQueueRequest__Output as _mrq_v1_EmptyQueueRequest__Output } from './mrq/v1/EmptyQueueRequest';
import type { EmptyQueueResponse as _mrq_v1_EmptyQueueResponse, EmptyQueueResponse__Output as _mrq_v1_EmptyQueueResponse__Output } from './mrq/v1/EmptyQueueResponse';
import type { EnqueueRawRequest as _mrq_v1_EnqueueRawRequest, EnqueueRawRequest__Output as _mrq_v1_EnqueueRawRequest__Output } from './mrq/v1/EnqueueRawRequest';
import type { EnqueueRawResponse as _mrq_v1_EnqueueRawResponse, EnqueueRawResponse__Output as _mrq_v1_EnqueueRawResponse__Output } from './mrq/v1/EnqueueRawResponse';
import type { ListQueuesRequest as _mrq_v1_ListQueuesRequest, ListQueuesRequest__Output as _mrq_v1_ListQueuesRequest__Output } from './mrq/v1/ListQueuesRequest';
import type { ListQueuesResponse as _mrq_v1_ListQueuesResponse, ListQueuesResponse__Output as _mrq_v1_ListQueuesResponse__Output } from './mrq/v1/ListQueuesResponse';
import type { PauseQueueRequest as _mrq_v1_PauseQueueRequest, PauseQueueRequest__Output as _mrq_v1_PauseQueueRequest__Output } from './mrq/v1/PauseQueueRequest';
import type { PauseQueueResponse as _mrq_v1_PauseQueueResponse, PauseQueueResponse__Output as _mrq_v1_PauseQueueResponse__Output } from './mrq/v1/PauseQueueResponse';
import type { QueueInfo as _mrq_v1_QueueInfo, QueueInfo__Output as _mrq_v1_QueueInfo__Output } from './mrq/v1/QueueInfo';
import type { QueueServiceClient as _mrq_v1_QueueServiceClient, QueueServiceDefinition as _mrq_v1_QueueServiceDefinition } from './mrq/v1/QueueService';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  google: {
    protobuf: {
      Timestamp: MessageTypeDefinition<_google_protobuf_Timestamp, _google_protobuf_Timestamp__Output>
    }
  }
  mrq: {
    v1: {
      CheckRateLimitRequest: MessageTypeDefinition<_mrq_v1_CheckRateLimitRequest, _mrq_v1_CheckRateLimitRequest__Output>
      CheckRateLimitResponse: MessageTypeDefinition<_mrq_v1_CheckRateLimitResponse, _mrq_v1_CheckRateLimitResponse__Output>
      EmptyQueueRequest: MessageTypeDefinition<_mrq_v1_EmptyQueueRequest, _mrq_v1_EmptyQueueRequest__Output>
      EmptyQueueResponse: MessageTypeDefinition<_mrq_v1_EmptyQueueResponse, _mrq_v1_EmptyQueueResponse__Output>
      EnqueueRawRequest: MessageTypeDefinition<_mrq_v1_EnqueueRawRequest, _mrq_v1_EnqueueRawRequest__Output>
      EnqueueRawResponse: MessageTypeDefinition<_mrq_v1_EnqueueRawResponse, _mrq_v1_EnqueueRawResponse__Output>
      ListQueuesRequest: MessageTypeDefinition<_mrq_v1_ListQueuesRequest, _mrq_v1_ListQueuesRequest__Output>
      ListQueuesResponse: MessageTypeDefinition<_mrq_v1_ListQueuesResponse, _mrq_v1_ListQueuesResponse__Output>
      PauseQueueRequest: MessageTypeDefinition<_mrq_v1_PauseQueueRequest, _mrq_v1_PauseQueueRequest__Output>
      PauseQueueResponse: MessageTypeDefinition<_mrq_v1_PauseQueueResponse, _mrq_v1_PauseQueueResponse__Output>
      QueueInfo: MessageTypeDefinition<_mrq_v1_QueueInfo, _mrq_v1_QueueInfo__Output>
      /**
       * QueueService manages queues. A queue's type comes from the suffix of its root name (the
       * part before the first "/"):
       * 
       * name_raw         raw list: FIFO, duplicates allowed
       * name_set         raw set: duplicate params collapse into one entry
       * name_sorted_set  raw sorted set: lowest score first; re-enqueuing re-scores
       * name_timed_set   raw timed set: the score is the UNIX time to run at
       * name_reverse     regular queue, newest first (LIFO within a priority)
       * anything else    regular queue: higher priority first, FIFO within a priority
       * 
       * Raw queues keep only the raw params in Redis until a worker takes them; the broker's
       * RAW_QUEUES config turns each into a job (task, params) at that moment. Regular queues take
       * jobs through JobService.Enqueue. "root/sub" is a subqueue of "root/": a worker listening on
       * "root/" takes from every "root/..." queue, discovered as they appear.
       */
      QueueService: SubtypeConstructor<typeof grpc.Client, _mrq_v1_QueueServiceClient> & { service: _mrq_v1_QueueServiceDefinition }
      QueueType: EnumTypeDefinition
    }
  }
}

