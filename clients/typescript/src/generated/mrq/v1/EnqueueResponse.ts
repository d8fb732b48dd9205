// Original file: ../../proto/mrq/v1/job_service.proto


export interface EnqueueResponse {
  /**
   * The new job's id, or the existing job's id when deduplicated.
   */
  'jobId'?: (string);
  /**
   * True when a queued or started job with the same dedupe_key already existed.
   */
  'deduplicated'?: (boolean);
}

export interface EnqueueResponse__Output {
  /**
   * The new job's id, or the existing job's id when deduplicated.
   */
  'jobId': (string);
  /**
   * True when a queued or started job with the same dedupe_key already existed.
   */
  'deduplicated': (boolean);
}
