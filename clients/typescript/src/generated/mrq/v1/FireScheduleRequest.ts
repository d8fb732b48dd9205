// Original file: ../../proto/mrq/v1/schedule_service.proto

import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../google/protobuf/Timestamp';

export interface FireScheduleRequest {
  /**
   * Id of the schedule.
   */
  'scheduleId'?: (string);
  /**
   * The tick to fire (truncated to milliseconds).
   */
  'tick'?: (_google_protobuf_Timestamp | null);
  /**
   * The schedule's last tick as the caller saw it; unset if it had none.
   */
  'previousTick'?: (_google_protobuf_Timestamp | null);
  /**
   * Move the last tick without enqueuing: a missed tick without catchup, or a paused schedule.
   */
  'skip'?: (boolean);
}

export interface FireScheduleRequest__Output {
  /**
   * Id of the schedule.
   */
  'scheduleId': (string);
  /**
   * The tick to fire (truncated to milliseconds).
   */
  'tick': (_google_protobuf_Timestamp__Output | null);
  /**
   * The schedule's last tick as the caller saw it; unset if it had none.
   */
  'previousTick': (_google_protobuf_Timestamp__Output | null);
  /**
   * Move the last tick without enqueuing: a missed tick without catchup, or a paused schedule.
   */
  'skip': (boolean);
}
