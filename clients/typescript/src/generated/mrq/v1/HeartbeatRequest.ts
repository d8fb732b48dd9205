// Original file: ../../proto/mrq/v1/worker_service.proto

import type { WorkerState as _mrq_v1_WorkerState, WorkerState__Output as _mrq_v1_WorkerState__Output } from '../../mrq/v1/WorkerState';
import type { JobProgress as _mrq_v1_JobProgress, JobProgress__Output as _mrq_v1_JobProgress__Output } from '../../mrq/v1/JobProgress';
import type { JobInspection as _mrq_v1_JobInspection, JobInspection__Output as _mrq_v1_JobInspection__Output } from '../../mrq/v1/JobInspection';

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
  /**
   * Answers to CONTROL_ACTION_DUMP_STACK.
   */
  'inspections'?: (_mrq_v1_JobInspection)[];
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
  /**
   * Answers to CONTROL_ACTION_DUMP_STACK.
   */
  'inspections': (_mrq_v1_JobInspection__Output)[];
}
