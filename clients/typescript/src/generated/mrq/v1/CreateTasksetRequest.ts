// Original file: ../../proto/mrq/v1/job_service.proto

import type { JobOptions as _mrq_v1_JobOptions, JobOptions__Output as _mrq_v1_JobOptions__Output } from '../../mrq/v1/JobOptions';

export interface CreateTasksetRequest {
  /**
   * Dotted path of the task shared by every member. Required.
   */
  'task'?: (string);
  /**
   * One entry per member: params as JSON bytes. Empty entries mean `{}`. At least one.
   */
  'paramsJson'?: (Buffer | Uint8Array | string)[];
  /**
   * Options shared by every member. A dedupe_key is not allowed here.
   */
  'options'?: (_mrq_v1_JobOptions | null);
  /**
   * Dotted path of the task to enqueue once every member is final. Optional.
   */
  'callbackTask'?: (string);
  /**
   * Extra params of the callback, a JSON object; merged into its params.
   */
  'callbackParamsJson'?: (Buffer | Uint8Array | string);
  /**
   * Queue of the callback job. Default: the callback task's routed queue, else "default".
   */
  'callbackQueue'?: (string);
}

export interface CreateTasksetRequest__Output {
  /**
   * Dotted path of the task shared by every member. Required.
   */
  'task': (string);
  /**
   * One entry per member: params as JSON bytes. Empty entries mean `{}`. At least one.
   */
  'paramsJson': (Buffer)[];
  /**
   * Options shared by every member. A dedupe_key is not allowed here.
   */
  'options': (_mrq_v1_JobOptions__Output | null);
  /**
   * Dotted path of the task to enqueue once every member is final. Optional.
   */
  'callbackTask': (string);
  /**
   * Extra params of the callback, a JSON object; merged into its params.
   */
  'callbackParamsJson': (Buffer);
  /**
   * Queue of the callback job. Default: the callback task's routed queue, else "default".
   */
  'callbackQueue': (string);
}
