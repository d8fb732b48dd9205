// Original file: ../../proto/mrq/v1/job_service.proto

import type { JobOptions as _mrq_v1_JobOptions, JobOptions__Output as _mrq_v1_JobOptions__Output } from '../../mrq/v1/JobOptions';

export interface EnqueueRequest {
  /**
   * Dotted path of the task, e.g. "tasks.add". Required.
   */
  'task'?: (string);
  /**
   * Params as JSON bytes, at most ServerInfo.max_params_bytes. Empty means `{}`.
   */
  'paramsJson'?: (Buffer | Uint8Array | string);
  'options'?: (_mrq_v1_JobOptions | null);
}

export interface EnqueueRequest__Output {
  /**
   * Dotted path of the task, e.g. "tasks.add". Required.
   */
  'task': (string);
  /**
   * Params as JSON bytes, at most ServerInfo.max_params_bytes. Empty means `{}`.
   */
  'paramsJson': (Buffer);
  'options': (_mrq_v1_JobOptions__Output | null);
}
