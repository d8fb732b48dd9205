// Original file: ../../proto/mrq/v1/schedule_service.proto

import type { Schedule as _mrq_v1_Schedule, Schedule__Output as _mrq_v1_Schedule__Output } from '../../mrq/v1/Schedule';

export interface PauseScheduleResponse {
  /**
   * The schedule as stored.
   */
  'schedule'?: (_mrq_v1_Schedule | null);
}

export interface PauseScheduleResponse__Output {
  /**
   * The schedule as stored.
   */
  'schedule': (_mrq_v1_Schedule__Output | null);
}
