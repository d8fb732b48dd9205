// Original file: ../../proto/mrq/v1/monitor_service.proto

import type { TaskStats as _mrq_v1_TaskStats, TaskStats__Output as _mrq_v1_TaskStats__Output } from '../../mrq/v1/TaskStats';

export interface ListTaskStatsResponse {
  /**
   * Sorted by task path.
   */
  'tasks'?: (_mrq_v1_TaskStats)[];
  /**
   * The window, in seconds.
   */
  'windowS'?: (number | string);
}

export interface ListTaskStatsResponse__Output {
  /**
   * Sorted by task path.
   */
  'tasks': (_mrq_v1_TaskStats__Output)[];
  /**
   * The window, in seconds.
   */
  'windowS': (number);
}
