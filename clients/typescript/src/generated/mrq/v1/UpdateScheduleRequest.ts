// Original file: ../../proto/mrq/v1/schedule_service.proto

import type { ScheduleDefinition as _mrq_v1_ScheduleDefinition, ScheduleDefinition__Output as _mrq_v1_ScheduleDefinition__Output } from '../../mrq/v1/ScheduleDefinition';

export interface UpdateScheduleRequest {
  /**
   * Id of the schedule to replace.
   */
  'scheduleId'?: (string);
  /**
   * Its new definition.
   */
  'definition'?: (_mrq_v1_ScheduleDefinition | null);
}

export interface UpdateScheduleRequest__Output {
  /**
   * Id of the schedule to replace.
   */
  'scheduleId': (string);
  /**
   * Its new definition.
   */
  'definition': (_mrq_v1_ScheduleDefinition__Output | null);
}
