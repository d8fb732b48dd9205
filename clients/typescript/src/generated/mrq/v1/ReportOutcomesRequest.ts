// Original file: ../../proto/mrq/v1/worker_service.proto

import type { JobOutcome as _mrq_v1_JobOutcome, JobOutcome__Output as _mrq_v1_JobOutcome__Output } from '../../mrq/v1/JobOutcome';

export interface ReportOutcomesRequest {
  'workerId'?: (string);
  'outcomes'?: (_mrq_v1_JobOutcome)[];
}

export interface ReportOutcomesRequest__Output {
  'workerId': (string);
  'outcomes': (_mrq_v1_JobOutcome__Output)[];
}
