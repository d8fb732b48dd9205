// Original file: ../../proto/mrq/v1/monitor_service.proto

import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../google/protobuf/Timestamp';
import type { Long } from '@grpc/proto-loader';

/**
 * Failed jobs (status group ERROR) of one task that raised one exception type.
 */
export interface ExceptionGroup {
  /**
   * The task path.
   */
  'task'?: (string);
  /**
   * Qualified exception type, e.g. "builtins.ValueError".
   */
  'exceptionType'?: (string);
  /**
   * How many jobs.
   */
  'count'?: (number | string | Long);
  /**
   * The most recent failure among them.
   */
  'lastSeen'?: (_google_protobuf_Timestamp | null);
  /**
   * The error message of a job of the group (one example).
   */
  'exampleError'?: (string);
}

/**
 * Failed jobs (status group ERROR) of one task that raised one exception type.
 */
export interface ExceptionGroup__Output {
  /**
   * The task path.
   */
  'task': (string);
  /**
   * Qualified exception type, e.g. "builtins.ValueError".
   */
  'exceptionType': (string);
  /**
   * How many jobs.
   */
  'count': (string);
  /**
   * The most recent failure among them.
   */
  'lastSeen': (_google_protobuf_Timestamp__Output | null);
  /**
   * The error message of a job of the group (one example).
   */
  'exampleError': (string);
}
