// Original file: ../../proto/mrq/v1/job_service.proto

import type { Taskset as _mrq_v1_Taskset, Taskset__Output as _mrq_v1_Taskset__Output } from '../../mrq/v1/Taskset';

export interface GetTasksetResponse {
  'taskset'?: (_mrq_v1_Taskset | null);
}

export interface GetTasksetResponse__Output {
  'taskset': (_mrq_v1_Taskset__Output | null);
}
