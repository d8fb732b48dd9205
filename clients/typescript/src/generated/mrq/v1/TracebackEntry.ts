// Original file: ../../proto/mrq/v1/job.proto

import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../google/protobuf/Timestamp';
import type { JobStatus as _mrq_v1_JobStatus, JobStatus__Output as _mrq_v1_JobStatus__Output } from '../../mrq/v1/JobStatus';

/**
 * One attempt's failure, kept in Job.traceback_history.
 */
export interface TracebackEntry {
  /**
   * When the attempt ended.
   */
  'date'?: (_google_protobuf_Timestamp | null);
  /**
   * The status this attempt ended with (failed, retry, timeout, interrupt...).
   */
  'status'?: (_mrq_v1_JobStatus);
  /**
   * Qualified exception class name, e.g. "builtins.ValueError".
   */
  'exceptionType'?: (string);
  /**
   * The exception's message.
   */
  'error'?: (string);
  /**
   * The formatted traceback.
   */
  'traceback'?: (string);
  /**
   * The worker that ran the attempt.
   */
  'workerId'?: (string);
}

/**
 * One attempt's failure, kept in Job.traceback_history.
 */
export interface TracebackEntry__Output {
  /**
   * When the attempt ended.
   */
  'date': (_google_protobuf_Timestamp__Output | null);
  /**
   * The status this attempt ended with (failed, retry, timeout, interrupt...).
   */
  'status': (_mrq_v1_JobStatus__Output);
  /**
   * Qualified exception class name, e.g. "builtins.ValueError".
   */
  'exceptionType': (string);
  /**
   * The exception's message.
   */
  'error': (string);
  /**
   * The formatted traceback.
   */
  'traceback': (string);
  /**
   * The worker that ran the attempt.
   */
  'workerId': (string);
}
