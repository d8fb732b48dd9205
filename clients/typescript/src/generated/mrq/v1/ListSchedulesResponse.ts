// Original file: ../../proto/mrq/v1/schedule_service.proto

import type { Schedule as _mrq_v1_Schedule, Schedule__Output as _mrq_v1_Schedule__Output } from '../../mrq/v1/Schedule';

export interface ListSchedulesResponse {
  /**
   * Every schedule, oldest first.
   */
  'schedules'?: (_mrq_v1_Schedule)[];
}

export interface ListSchedulesResponse__Output {
  /**
   * Every schedule, oldest first.
   */
  'schedules': (_mrq_v1_Schedule__Output)[];
}
