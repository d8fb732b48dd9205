// Original file: ../../proto/mrq/v1/queue_service.proto

import type { QueueType as _mrq_v1_QueueType, QueueType__Output as _mrq_v1_QueueType__Output } from '../../mrq/v1/QueueType';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../google/protobuf/Timestamp';
import type { Long } from '@grpc/proto-loader';

export interface QueueInfo {
  'name'?: (string);
  'type'?: (_mrq_v1_QueueType);
  /**
   * Jobs ready to run now (raw queues: entries; a timed set counts those due).
   */
  'queued'?: (number | string | Long);
  /**
   * Jobs waiting for a delay, an eta or a retry delay (timed sets: entries not yet due).
   */
  'delayed'?: (number | string | Long);
  'paused'?: (boolean);
  /**
   * When the job that has waited longest among the ready ones was enqueued; unset when
   * none is ready, or for raw queues (whose entries carry no date).
   */
  'oldestEnqueued'?: (_google_protobuf_Timestamp | null);
}

export interface QueueInfo__Output {
  'name': (string);
  'type': (_mrq_v1_QueueType__Output);
  /**
   * Jobs ready to run now (raw queues: entries; a timed set counts those due).
   */
  'queued': (string);
  /**
   * Jobs waiting for a delay, an eta or a retry delay (timed sets: entries not yet due).
   */
  'delayed': (string);
  'paused': (boolean);
  /**
   * When the job that has waited longest among the ready ones was enqueued; unset when
   * none is ready, or for raw queues (whose entries carry no date).
   */
  'oldestEnqueued': (_google_protobuf_Timestamp__Output | null);
}
