// Original file: ../../proto/mrq/v1/schedule_service.proto

import type { ScheduleDefinition as _mrq_v1_ScheduleDefinition, ScheduleDefinition__Output as _mrq_v1_ScheduleDefinition__Output } from '../../mrq/v1/ScheduleDefinition';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../google/protobuf/Timestamp';

export interface SyncSchedulesRequest {
  /**
   * Every schedule of the config file, in its order.
   */
  'definitions'?: (_mrq_v1_ScheduleDefinition)[];
  /**
   * The scheduler's clock: the creation time of new schedules. Unset uses the broker's.
   */
  'now'?: (_google_protobuf_Timestamp | null);
}

export interface SyncSchedulesRequest__Output {
  /**
   * Every schedule of the config file, in its order.
   */
  'definitions': (_mrq_v1_ScheduleDefinition__Output)[];
  /**
   * The scheduler's clock: the creation time of new schedules. Unset uses the broker's.
   */
  'now': (_google_protobuf_Timestamp__Output | null);
}
