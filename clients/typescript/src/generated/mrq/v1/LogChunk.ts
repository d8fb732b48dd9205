// Original file: ../../proto/mrq/v1/worker_service.proto


/**
 * New log text of one job.
 */
export interface LogChunk {
  'jobId'?: (string);
  /**
   * Whole lines, each ending in a newline.
   */
  'text'?: (string);
}

/**
 * New log text of one job.
 */
export interface LogChunk__Output {
  'jobId': (string);
  /**
   * Whole lines, each ending in a newline.
   */
  'text': (string);
}
