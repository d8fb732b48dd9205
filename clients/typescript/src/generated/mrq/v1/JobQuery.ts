// Original file: ../../proto/mrq/v1/monitor_service.proto

import type { JobStatus as _mrq_v1_JobStatus, JobStatus__Output as _mrq_v1_JobStatus__Output } from '../../mrq/v1/JobStatus';
import type { StatusGroup as _mrq_v1_StatusGroup, StatusGroup__Output as _mrq_v1_StatusGroup__Output } from '../../mrq/v1/StatusGroup';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../google/protobuf/Timestamp';

/**
 * Which jobs a query selects: every criterion that is set must hold (AND). No criterion
 * selects every job.
 */
export interface JobQuery {
  /**
   * Exact job id.
   */
  'jobId'?: (string);
  /**
   * Queue name; "root/" selects every subqueue of "root" ("root/..."), and "*" matches any
   * run of characters (e.g. "mail*"). Otherwise exact.
   */
  'queue'?: (string);
  /**
   * Exact task path, e.g. "tasks.add".
   */
  'task'?: (string);
  /**
   * Any of these statuses.
   */
  'statuses'?: (_mrq_v1_JobStatus)[];
  /**
   * Any status of this group (combined with `statuses` as a union).
   */
  'statusGroup'?: (_mrq_v1_StatusGroup);
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
 * Which jobs a query selects: every criterion that is set must hold (AND). No criterion
 * selects every job.
 */
export interface JobQuery__Output {
  /**
   * Exact job id.
   */
  'jobId': (string);
  /**
   * Queue name; "root/" selects every subqueue of "root" ("root/..."), and "*" matches any
   * run of characters (e.g. "mail*"). Otherwise exact.
   */
  'queue': (string);
  /**
   * Exact task path, e.g. "tasks.add".
   */
  'task': (string);
  /**
   * Any of these statuses.
   */
  'statuses': (_mrq_v1_JobStatus__Output)[];
  /**
   * Any status of this group (combined with `statuses` as a union).
   */
  'statusGroup': (_mrq_v1_StatusGroup__Output);
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
