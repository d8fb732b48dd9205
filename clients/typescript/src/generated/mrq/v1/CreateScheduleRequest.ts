// Original file: ../../proto/mrq/v1/schedule_service.proto

import type { ScheduleDefinition as _mrq_v1_ScheduleDefinition, ScheduleDefinition__Output as _mrq_v1_ScheduleDefinition__Output } from '../../mrq/v1/ScheduleDefinition';

export interface CreateScheduleRequest {
  /**
   * The new schedule's definition.
   */
  'definition'?: (_mrq_v1_ScheduleDefinition | null);
}

export interface CreateScheduleRequest__Output {
  /**
   * The new schedule's definition.
   */
  'definition': (_mrq_v1_ScheduleDefinition__Output | null);
}
