// Original file: ../../proto/mrq/v1/job_service.proto

import type { JobOptions as _mrq_v1_JobOptions, JobOptions__Output as _mrq_v1_JobOptions__Output } from '../../mrq/v1/JobOptions';

export interface EnqueueManyRequest {
  /**
   * Dotted path of the task shared by every job. Required.
   */
  'task'?: (string);
  /**
   * One entry per job: params as JSON bytes. Empty entries mean `{}`.
   */
  'paramsJson'?: (Buffer | Uint8Array | string)[];
  /**
   * Options shared by every job. A dedupe_key is not allowed here.
   */
  'options'?: (_mrq_v1_JobOptions | null);
}

export interface EnqueueManyRequest__Output {
  /**
   * Dotted path of the task shared by every job. Required.
   */
  'task': (string);
  /**
   * One entry per job: params as JSON bytes. Empty entries mean `{}`.
   */
  'paramsJson': (Buffer)[];
  /**
   * Options shared by every job. A dedupe_key is not allowed here.
   */
  'options': (_mrq_v1_JobOptions__Output | null);
}
