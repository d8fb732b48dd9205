// Original file: ../../proto/mrq/v1/monitor_service.proto

import type { JobQuery as _mrq_v1_JobQuery, JobQuery__Output as _mrq_v1_JobQuery__Output } from '../../mrq/v1/JobQuery';
import type { JobOrder as _mrq_v1_JobOrder, JobOrder__Output as _mrq_v1_JobOrder__Output } from '../../mrq/v1/JobOrder';

export interface ListJobsRequest {
  /**
   * Which jobs.
   */
  'filter'?: (_mrq_v1_JobQuery | null);
  /**
   * In which order.
   */
  'order'?: (_mrq_v1_JobOrder);
  /**
   * Jobs per page, 1 to 500; 0 means 50.
   */
  'limit'?: (number);
  /**
   * The next_cursor of the previous page; empty for the first page.
   */
  'cursor'?: (string);
}

export interface ListJobsRequest__Output {
  /**
   * Which jobs.
   */
  'filter': (_mrq_v1_JobQuery__Output | null);
  /**
   * In which order.
   */
  'order': (_mrq_v1_JobOrder__Output);
  /**
   * Jobs per page, 1 to 500; 0 means 50.
   */
  'limit': (number);
  /**
   * The next_cursor of the previous page; empty for the first page.
   */
  'cursor': (string);
}
