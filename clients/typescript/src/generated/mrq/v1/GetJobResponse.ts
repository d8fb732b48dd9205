// Original file: ../../proto/mrq/v1/job_service.proto

import type { Job as _mrq_v1_Job, Job__Output as _mrq_v1_Job__Output } from '../../mrq/v1/Job';

export interface GetJobResponse {
  'job'?: (_mrq_v1_Job | null);
}

export interface GetJobResponse__Output {
  'job': (_mrq_v1_Job__Output | null);
}
