// Original file: ../../proto/mrq/v1/monitor_service.proto

import type { Job as _mrq_v1_Job, Job__Output as _mrq_v1_Job__Output } from '../../mrq/v1/Job';
import type { Long } from '@grpc/proto-loader';

export interface ListJobsResponse {
  /**
   * The page's jobs, without their result, traceback history, profile and memory details
   * (read one job with JobService.GetJob for those).
   */
  'jobs'?: (_mrq_v1_Job)[];
  /**
   * Pass as `cursor` for the next page; empty when this page is the last.
   */
  'nextCursor'?: (string);
  /**
   * How many jobs the query matches: exact up to a bound (10,000 today), counted through the
   * indexes; past it, the bound, with total_is_lower_bound set. Jobs whose expiry passed but
   * that are not deleted yet may be counted. When counting runs past the broker's query time
   * limit: the jobs of this page, a lower bound when a page follows or precedes it.
   */
  'total'?: (number | string | Long);
  /**
   * True when the query matches more than `total` jobs.
   */
  'totalIsLowerBound'?: (boolean);
}

export interface ListJobsResponse__Output {
  /**
   * The page's jobs, without their result, traceback history, profile and memory details
   * (read one job with JobService.GetJob for those).
   */
  'jobs': (_mrq_v1_Job__Output)[];
  /**
   * Pass as `cursor` for the next page; empty when this page is the last.
   */
  'nextCursor': (string);
  /**
   * How many jobs the query matches: exact up to a bound (10,000 today), counted through the
   * indexes; past it, the bound, with total_is_lower_bound set. Jobs whose expiry passed but
   * that are not deleted yet may be counted. When counting runs past the broker's query time
   * limit: the jobs of this page, a lower bound when a page follows or precedes it.
   */
  'total': (string);
  /**
   * True when the query matches more than `total` jobs.
   */
  'totalIsLowerBound': (boolean);
}
