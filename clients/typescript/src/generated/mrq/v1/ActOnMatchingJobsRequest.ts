// Original file: ../../proto/mrq/v1/monitor_service.proto

import type { JobAction as _mrq_v1_JobAction, JobAction__Output as _mrq_v1_JobAction__Output } from '../../mrq/v1/JobAction';
import type { JobQuery as _mrq_v1_JobQuery, JobQuery__Output as _mrq_v1_JobQuery__Output } from '../../mrq/v1/JobQuery';

export interface ActOnMatchingJobsRequest {
  /**
   * What to do. Required.
   */
  'action'?: (_mrq_v1_JobAction);
  /**
   * Which jobs; at least one criterion.
   */
  'filter'?: (_mrq_v1_JobQuery | null);
  /**
   * Change nothing; return the counts the call would produce.
   */
  'dryRun'?: (boolean);
}

export interface ActOnMatchingJobsRequest__Output {
  /**
   * What to do. Required.
   */
  'action': (_mrq_v1_JobAction__Output);
  /**
   * Which jobs; at least one criterion.
   */
  'filter': (_mrq_v1_JobQuery__Output | null);
  /**
   * Change nothing; return the counts the call would produce.
   */
  'dryRun': (boolean);
}
