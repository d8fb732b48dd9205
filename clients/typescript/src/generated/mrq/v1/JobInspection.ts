// Original file: ../../proto/mrq/v1/worker_service.proto


/**
 * A running job's live state, as asked for by CONTROL_ACTION_DUMP_STACK.
 */
export interface JobInspection {
  'jobId'?: (string);
  /**
   * The job's current Python stack, formatted, innermost call last.
   */
  'stack'?: (string);
  /**
   * Seconds since the attempt started.
   */
  'elapsedS'?: (number | string);
  /**
   * CPU seconds of the attempt so far; set only when the worker traces greenlets.
   */
  'cpuS'?: (number | string);
  '_cpuS'?: "cpuS";
}

/**
 * A running job's live state, as asked for by CONTROL_ACTION_DUMP_STACK.
 */
export interface JobInspection__Output {
  'jobId': (string);
  /**
   * The job's current Python stack, formatted, innermost call last.
   */
  'stack': (string);
  /**
   * Seconds since the attempt started.
   */
  'elapsedS': (number);
  /**
   * CPU seconds of the attempt so far; set only when the worker traces greenlets.
   */
  'cpuS'?: (number);
  '_cpuS'?: "cpuS";
}
