// Original file: ../../proto/mrq/v1/schedule_service.proto

import type { Schedule as _mrq_v1_Schedule, Schedule__Output as _mrq_v1_Schedule__Output } from '../../mrq/v1/Schedule';

export interface UpdateScheduleResponse {
  /**
   * The new schedule (its id is the hash of the new definition); paused if the old one was.
   */
  'schedule'?: (_mrq_v1_Schedule | null);
}

export interface UpdateScheduleResponse__Output {
  /**
   * The new schedule (its id is the hash of the new definition); paused if the old one was.
   */
  'schedule': (_mrq_v1_Schedule__Output | null);
}
