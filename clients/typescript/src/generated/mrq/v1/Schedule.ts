// Original file: ../../proto/mrq/v1/schedule_service.proto

import type { ScheduleDefinition as _mrq_v1_ScheduleDefinition, ScheduleDefinition__Output as _mrq_v1_ScheduleDefinition__Output } from '../../mrq/v1/ScheduleDefinition';
import type { ScheduleSource as _mrq_v1_ScheduleSource, ScheduleSource__Output as _mrq_v1_ScheduleSource__Output } from '../../mrq/v1/ScheduleSource';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../google/protobuf/Timestamp';

/**
 * A stored schedule and its state.
 */
export interface Schedule {
  /**
   * Hash of the definition.
   */
  'id'?: (string);
  /**
   * What to run and when.
   */
  'definition'?: (_mrq_v1_ScheduleDefinition | null);
  /**
   * Config file or API.
   */
  'source'?: (_mrq_v1_ScheduleSource);
  /**
   * Paused schedules skip their ticks.
   */
  'paused'?: (boolean);
  /**
   * When the schedule was created; no tick before it is due.
   */
  'dateCreated'?: (_google_protobuf_Timestamp | null);
  /**
   * The last tick fired or skipped; unset if none yet.
   */
  'lastTick'?: (_google_protobuf_Timestamp | null);
  /**
   * Id of the job of the last fired tick; "" if none yet.
   */
  'lastJobId'?: (string);
}

/**
 * A stored schedule and its state.
 */
export interface Schedule__Output {
  /**
   * Hash of the definition.
   */
  'id': (string);
  /**
   * What to run and when.
   */
  'definition': (_mrq_v1_ScheduleDefinition__Output | null);
  /**
   * Config file or API.
   */
  'source': (_mrq_v1_ScheduleSource__Output);
  /**
   * Paused schedules skip their ticks.
   */
  'paused': (boolean);
  /**
   * When the schedule was created; no tick before it is due.
   */
  'dateCreated': (_google_protobuf_Timestamp__Output | null);
  /**
   * The last tick fired or skipped; unset if none yet.
   */
  'lastTick': (_google_protobuf_Timestamp__Output | null);
  /**
   * Id of the job of the last fired tick; "" if none yet.
   */
  'lastJobId': (string);
}
