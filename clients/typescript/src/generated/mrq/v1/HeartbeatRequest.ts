// Original file: ../../proto/mrq/v1/worker_service.proto

import type { WorkerState as _mrq_v1_WorkerState, WorkerState__Output as _mrq_v1_WorkerState__Output } from '../../mrq/v1/WorkerState';
import type { JobProgress as _mrq_v1_JobProgress, JobProgress__Output as _mrq_v1_JobProgress__Output } from '../../mrq/v1/JobProgress';

export interface HeartbeatRequest {
  'workerId'?: (string);
  /**
   * Every job the worker still holds; their leases are renewed.
   */
  'jobIds'?: (string)[];
  'state'?: (_mrq_v1_WorkerState | null);
  /**
   * Progress of running jobs that changed since the previous heartbeat.
   */
  'progress'?: (_mrq_v1_JobProgress)[];
}

export interface HeartbeatRequest__Output {
  'workerId': (string);
  /**
   * Every job the worker still holds; their leases are renewed.
   */
  'jobIds': (string)[];
  'state': (_mrq_v1_WorkerState__Output | null);
  /**
   * Progress of running jobs that changed since the previous heartbeat.
   */
  'progress': (_mrq_v1_JobProgress__Output)[];
}
