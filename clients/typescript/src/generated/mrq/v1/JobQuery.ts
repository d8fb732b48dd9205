// Original file: ../../proto/mrq/v1/job_query.proto

import type { JobStatus as _mrq_v1_JobStatus, JobStatus__Output as _mrq_v1_JobStatus__Output } from '../../mrq/v1/JobStatus';
import type { StatusGroup as _mrq_v1_StatusGroup, StatusGroup__Output as _mrq_v1_StatusGroup__Output } from '../../mrq/v1/StatusGroup';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../google/protobuf/Timestamp';

/**
 * Which jobs a query selects: every criterion that is set must hold (AND). No criterion
 * selects every job when reading; a bulk action refuses a query without one.
 * 
 * Every criterion but the params ones is served from an index. The params criteria
 * (params_json, params_key) read the jobs the other criteria select, under the broker's query
 * time limit: past it the call fails with FAILED_PRECONDITION, saying which filter to add.
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
  /**
   * Job ids starting with this: 1 to 24 hexadecimal characters (case does not matter).
   */
  'jobIdPrefix'?: (string);
  /**
   * With params_value_json: params that are a JSON object whose top-level key `params_key`
   * holds that value. 1 to 200 characters.
   */
  'paramsKey'?: (string);
  /**
   * The value of params_key, as JSON, compared as JSON: `42` matches the number 42, `"42"` the
   * string, `{"a":1,"b":2}` an object with those keys in any order. Required with params_key.
   */
  'paramsValueJson'?: (Buffer | Uint8Array | string);
  /**
   * Exact id of the taskset the jobs are members of.
   */
  'tasksetId'?: (string);
  /**
   * Exact id of the schedule that enqueued the jobs.
   */
  'scheduleId'?: (string);
  '_paramsJson'?: "paramsJson";
}

/**
 * Which jobs a query selects: every criterion that is set must hold (AND). No criterion
 * selects every job when reading; a bulk action refuses a query without one.
 * 
 * Every criterion but the params ones is served from an index. The params criteria
 * (params_json, params_key) read the jobs the other criteria select, under the broker's query
 * time limit: past it the call fails with FAILED_PRECONDITION, saying which filter to add.
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
  /**
   * Job ids starting with this: 1 to 24 hexadecimal characters (case does not matter).
   */
  'jobIdPrefix': (string);
  /**
   * With params_value_json: params that are a JSON object whose top-level key `params_key`
   * holds that value. 1 to 200 characters.
   */
  'paramsKey': (string);
  /**
   * The value of params_key, as JSON, compared as JSON: `42` matches the number 42, `"42"` the
   * string, `{"a":1,"b":2}` an object with those keys in any order. Required with params_key.
   */
  'paramsValueJson': (Buffer);
  /**
   * Exact id of the taskset the jobs are members of.
   */
  'tasksetId': (string);
  /**
   * Exact id of the schedule that enqueued the jobs.
   */
  'scheduleId': (string);
  '_paramsJson'?: "paramsJson";
}
