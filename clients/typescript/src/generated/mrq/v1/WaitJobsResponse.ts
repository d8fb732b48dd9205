// Original file: ../../proto/mrq/v1/job_service.proto

import type { Job as _mrq_v1_Job, Job__Output as _mrq_v1_Job__Output } from '../../mrq/v1/Job';

export interface WaitJobsResponse {
  /**
   * The jobs in the order asked, final or as they stood when the timeout passed.
   */
  'jobs'?: (_mrq_v1_Job)[];
  /**
   * True when every job is final.
   */
  'allFinal'?: (boolean);
}

export interface WaitJobsResponse__Output {
  /**
   * The jobs in the order asked, final or as they stood when the timeout passed.
   */
  'jobs': (_mrq_v1_Job__Output)[];
  /**
   * True when every job is final.
   */
  'allFinal': (boolean);
}
