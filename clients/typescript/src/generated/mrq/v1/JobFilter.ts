// Original file: ../../proto/mrq/v1/job_service.proto

import type { JobStatus as _mrq_v1_JobStatus, JobStatus__Output as _mrq_v1_JobStatus__Output } from '../../mrq/v1/JobStatus';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../google/protobuf/Timestamp';

/**
 * Which jobs a filter selects: every criterion that is set must hold (AND). At least one
 * must be set.
 * Deprecated, removed in v2: use JobQuery (ActOnJobsRequest.query), which it is served as.
 * @deprecated
 */
export interface JobFilter {
  /**
   * Exact queue name.
   */
  'queue'?: (string);
  /**
   * Exact status.
   */
  'status'?: (_mrq_v1_JobStatus);
  /**
   * Exact task path, e.g. "tasks.add".
   */
  'task'?: (string);
  /**
   * Exact id of the worker that runs or last ran the job.
   */
  'workerId'?: (string);
  /**
   * Exact qualified exception type of the last failure, e.g. "builtins.ValueError".
   */
  'exceptionType'?: (string);
  /**
   * Params equal to this JSON value (compared canonically: key order does not matter).
   */
  'paramsJson'?: (Buffer | Uint8Array | string);
  /**
   * Enqueued at or after this instant.
   */
  'enqueuedAfter'?: (_google_protobuf_Timestamp | null);
  /**
   * Enqueued strictly before this instant.
   */
  'enqueuedBefore'?: (_google_protobuf_Timestamp | null);
  '_paramsJson'?: "paramsJson";
}

/**
 * Which jobs a filter selects: every criterion that is set must hold (AND). At least one
 * must be set.
 * Deprecated, removed in v2: use JobQuery (ActOnJobsRequest.query), which it is served as.
 * @deprecated
 */
export interface JobFilter__Output {
  /**
   * Exact queue name.
   */
  'queue': (string);
  /**
   * Exact status.
   */
  'status': (_mrq_v1_JobStatus__Output);
  /**
   * Exact task path, e.g. "tasks.add".
   */
  'task': (string);
  /**
   * Exact id of the worker that runs or last ran the job.
   */
  'workerId': (string);
  /**
   * Exact qualified exception type of the last failure, e.g. "builtins.ValueError".
   */
  'exceptionType': (string);
  /**
   * Params equal to this JSON value (compared canonically: key order does not matter).
   */
  'paramsJson'?: (Buffer);
  /**
   * Enqueued at or after this instant.
   */
  'enqueuedAfter': (_google_protobuf_Timestamp__Output | null);
  /**
   * Enqueued strictly before this instant.
   */
  'enqueuedBefore': (_google_protobuf_Timestamp__Output | null);
  '_paramsJson'?: "paramsJson";
}
