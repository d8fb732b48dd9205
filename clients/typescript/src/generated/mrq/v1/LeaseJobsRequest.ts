// Original file: ../../proto/mrq/v1/worker_service.proto


export interface LeaseJobsRequest {
  /**
   * Unique id of the worker process, stable for its lifetime (e.g. "host-pid-random").
   */
  'workerId'?: (string);
  /**
   * Queues in priority order. A name ending in "/" also takes every "name/..." sub-queue.
   */
  'queues'?: (string)[];
  /**
   * How many jobs at most.
   */
  'maxJobs'?: (number);
  /**
   * Seconds to block when no job is ready; 0 returns at once. Capped by the broker.
   */
  'waitS'?: (number | string);
}

export interface LeaseJobsRequest__Output {
  /**
   * Unique id of the worker process, stable for its lifetime (e.g. "host-pid-random").
   */
  'workerId': (string);
  /**
   * Queues in priority order. A name ending in "/" also takes every "name/..." sub-queue.
   */
  'queues': (string)[];
  /**
   * How many jobs at most.
   */
  'maxJobs': (number);
  /**
   * Seconds to block when no job is ready; 0 returns at once. Capped by the broker.
   */
  'waitS': (number);
}
