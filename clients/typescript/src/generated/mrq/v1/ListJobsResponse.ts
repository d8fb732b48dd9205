// Original file: ../../proto/mrq/v1/monitor_service.proto

import type { Job as _mrq_v1_Job, Job__Output as _mrq_v1_Job__Output } from '../../mrq/v1/Job';

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
}
