// Original file: ../../proto/mrq/v1/monitor_service.proto


/**
 * Which series, how far back, and in what steps. Give a queue or a task (not both), or
 * neither for every job.
 */
export interface GetHistoryRequest {
  /**
   * A root queue's name (subqueues "root/x" count under "root"), or "(other)": the queues
   * past the broker's history_max_series.
   */
  'queue'?: (string);
  /**
   * A task path, or "(other)": the task paths past history_max_series.
   */
  'task'?: (string);
  /**
   * Seconds to look back, rounded up to whole minutes; 0 means 3600. At most 86400.
   */
  'windowS'?: (number | string);
  /**
   * Seconds per point: a whole number of minutes (60, 300, 3600...), at most window_s; 0 means 60.
   */
  'stepS'?: (number | string);
}

/**
 * Which series, how far back, and in what steps. Give a queue or a task (not both), or
 * neither for every job.
 */
export interface GetHistoryRequest__Output {
  /**
   * A root queue's name (subqueues "root/x" count under "root"), or "(other)": the queues
   * past the broker's history_max_series.
   */
  'queue': (string);
  /**
   * A task path, or "(other)": the task paths past history_max_series.
   */
  'task': (string);
  /**
   * Seconds to look back, rounded up to whole minutes; 0 means 3600. At most 86400.
   */
  'windowS': (number);
  /**
   * Seconds per point: a whole number of minutes (60, 300, 3600...), at most window_s; 0 means 60.
   */
  'stepS': (number);
}
