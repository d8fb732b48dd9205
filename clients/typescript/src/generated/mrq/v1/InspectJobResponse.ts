// Original file: ../../proto/mrq/v1/job_service.proto

import type { JobInspection as _mrq_v1_JobInspection, JobInspection__Output as _mrq_v1_JobInspection__Output } from '../../mrq/v1/JobInspection';

export interface InspectJobResponse {
  /**
   * The worker running the job.
   */
  'workerId'?: (string);
  'inspection'?: (_mrq_v1_JobInspection | null);
}

export interface InspectJobResponse__Output {
  /**
   * The worker running the job.
   */
  'workerId': (string);
  'inspection': (_mrq_v1_JobInspection__Output | null);
}
