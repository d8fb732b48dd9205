// Original file: ../../proto/mrq/v1/worker_service.proto

import type { ControlAction as _mrq_v1_ControlAction, ControlAction__Output as _mrq_v1_ControlAction__Output } from '../../mrq/v1/ControlAction';

export interface ControlMessage {
  'action'?: (_mrq_v1_ControlAction);
  /**
   * For CANCEL_JOB.
   */
  'jobId'?: (string);
}

export interface ControlMessage__Output {
  'action': (_mrq_v1_ControlAction__Output);
  /**
   * For CANCEL_JOB.
   */
  'jobId': (string);
}
