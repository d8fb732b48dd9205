// Original file: ../../proto/mrq/v1/worker_service.proto

import type { DequeueStrategy as _mrq_v1_DequeueStrategy, DequeueStrategy__Output as _mrq_v1_DequeueStrategy__Output } from '../../mrq/v1/DequeueStrategy';

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
  /**
   * How max_jobs is shared across the queues.
   */
  'strategy'?: (_mrq_v1_DequeueStrategy);
  /**
   * Only jobs of these tasks (empty = any), and never of those. A job left out stays
   * queued, in its place, for other workers.
   */
  'taskWhitelist'?: (string)[];
  'taskBlacklist'?: (string)[];
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
  /**
   * How max_jobs is shared across the queues.
   */
  'strategy': (_mrq_v1_DequeueStrategy__Output);
  /**
   * Only jobs of these tasks (empty = any), and never of those. A job left out stays
   * queued, in its place, for other workers.
   */
  'taskWhitelist': (string)[];
  'taskBlacklist': (string)[];
}
