// Original file: ../../proto/mrq/v1/monitor_service.proto

import type { WorkerAction as _mrq_v1_WorkerAction, WorkerAction__Output as _mrq_v1_WorkerAction__Output } from '../../mrq/v1/WorkerAction';

export interface ControlWorkerRequest {
  /**
   * The worker's id. Required.
   */
  'workerId'?: (string);
  /**
   * What to do. Required.
   */
  'action'?: (_mrq_v1_WorkerAction);
}

export interface ControlWorkerRequest__Output {
  /**
   * The worker's id. Required.
   */
  'workerId': (string);
  /**
   * What to do. Required.
   */
  'action': (_mrq_v1_WorkerAction__Output);
}
