// Original file: ../../proto/mrq/v1/monitor_service.proto

import type { WorkerInfo as _mrq_v1_WorkerInfo, WorkerInfo__Output as _mrq_v1_WorkerInfo__Output } from '../../mrq/v1/WorkerInfo';

export interface ListWorkersResponse {
  /**
   * Newest heartbeat first.
   */
  'workers'?: (_mrq_v1_WorkerInfo)[];
}

export interface ListWorkersResponse__Output {
  /**
   * Newest heartbeat first.
   */
  'workers': (_mrq_v1_WorkerInfo__Output)[];
}
