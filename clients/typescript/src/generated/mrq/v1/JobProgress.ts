// Original file: ../../proto/mrq/v1/worker_service.proto


/**
 * A running job's live progress.
 */
export interface JobProgress {
  'jobId'?: (string);
  'progress'?: (number | string);
}

/**
 * A running job's live progress.
 */
export interface JobProgress__Output {
  'jobId': (string);
  'progress': (number);
}
