// Original file: ../../proto/mrq/v1/job.proto

import type { JobStatus as _mrq_v1_JobStatus, JobStatus__Output as _mrq_v1_JobStatus__Output } from '../../mrq/v1/JobStatus';
import type { TracebackEntry as _mrq_v1_TracebackEntry, TracebackEntry__Output as _mrq_v1_TracebackEntry__Output } from '../../mrq/v1/TracebackEntry';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../google/protobuf/Timestamp';
import type { JobOptions as _mrq_v1_JobOptions, JobOptions__Output as _mrq_v1_JobOptions__Output } from '../../mrq/v1/JobOptions';
import type { Long } from '@grpc/proto-loader';

/**
 * A job record, as stored by the broker.
 */
export interface Job {
  /**
   * Job id: 24 hexadecimal characters, ordered by creation time.
   */
  'id'?: (string);
  /**
   * Dotted path of the task, e.g. "tasks.add".
   */
  'task'?: (string);
  /**
   * The job's params, as JSON bytes.
   */
  'paramsJson'?: (Buffer | Uint8Array | string);
  /**
   * The queue it was enqueued on.
   */
  'queue'?: (string);
  'status'?: (_mrq_v1_JobStatus);
  /**
   * The task's return value as JSON bytes; empty until success.
   */
  'resultJson'?: (Buffer | Uint8Array | string);
  /**
   * For failures: qualified exception class name.
   */
  'exceptionType'?: (string);
  /**
   * For failures: the exception's message.
   */
  'error'?: (string);
  /**
   * For failures: the formatted traceback of the last attempt.
   */
  'traceback'?: (string);
  /**
   * Every failed, retried, interrupted or requeued attempt, oldest first.
   */
  'tracebackHistory'?: (_mrq_v1_TracebackEntry)[];
  /**
   * When it was created.
   */
  'dateEnqueued'?: (_google_protobuf_Timestamp | null);
  /**
   * When its latest attempt started.
   */
  'dateStarted'?: (_google_protobuf_Timestamp | null);
  /**
   * When it reached its current final status.
   */
  'dateFinished'?: (_google_protobuf_Timestamp | null);
  /**
   * Last change of any kind.
   */
  'dateUpdated'?: (_google_protobuf_Timestamp | null);
  /**
   * When the broker will delete the record (final statuses only).
   */
  'dateExpires'?: (_google_protobuf_Timestamp | null);
  /**
   * The worker running it, or that ran its latest attempt.
   */
  'workerId'?: (string);
  /**
   * Retries so far.
   */
  'retryCount'?: (number);
  /**
   * Times its lease expired (its worker died or hung) and it was requeued.
   */
  'requeueCount'?: (number);
  /**
   * Progress reported by the task, 0.0 to 1.0.
   */
  'progress'?: (number | string);
  /**
   * The options in force for this job, defaults resolved.
   */
  'options'?: (_mrq_v1_JobOptions | null);
  /**
   * Wall-clock seconds its latest attempt ran.
   */
  'durationS'?: (number | string);
  /**
   * Latest attempt under a worker with --trace-greenlets: CPU seconds spent in the job's
   * greenlet and how many times it was switched into (its first run included).
   */
  'cpuS'?: (number | string);
  'switches'?: (number | string | Long);
  /**
   * Latest attempt under a worker with --profile: the top of its cProfile statistics.
   */
  'profile'?: (string);
  /**
   * Latest attempt under a worker with --trace-memory: bytes allocated and still held when
   * it ended, and the largest of those allocations by source line.
   */
  'memoryDiffBytes'?: (number | string | Long);
  'memoryTop'?: (string);
  /**
   * For a job made from a raw queue's entry: that raw queue (`queue` is then its retry queue).
   */
  'rawQueue'?: (string);
  /**
   * For a job enqueued by a schedule (ScheduleService): the schedule's id, and the tick (the
   * instant it was due) that produced it.
   */
  'scheduleId'?: (string);
  'scheduleTick'?: (_google_protobuf_Timestamp | null);
  /**
   * For a member of a taskset (JobService.CreateTaskset): the taskset's id.
   */
  'tasksetId'?: (string);
  '_cpuS'?: "cpuS";
  '_switches'?: "switches";
  '_memoryDiffBytes'?: "memoryDiffBytes";
}

/**
 * A job record, as stored by the broker.
 */
export interface Job__Output {
  /**
   * Job id: 24 hexadecimal characters, ordered by creation time.
   */
  'id': (string);
  /**
   * Dotted path of the task, e.g. "tasks.add".
   */
  'task': (string);
  /**
   * The job's params, as JSON bytes.
   */
  'paramsJson': (Buffer);
  /**
   * The queue it was enqueued on.
   */
  'queue': (string);
  'status': (_mrq_v1_JobStatus__Output);
  /**
   * The task's return value as JSON bytes; empty until success.
   */
  'resultJson': (Buffer);
  /**
   * For failures: qualified exception class name.
   */
  'exceptionType': (string);
  /**
   * For failures: the exception's message.
   */
  'error': (string);
  /**
   * For failures: the formatted traceback of the last attempt.
   */
  'traceback': (string);
  /**
   * Every failed, retried, interrupted or requeued attempt, oldest first.
   */
  'tracebackHistory': (_mrq_v1_TracebackEntry__Output)[];
  /**
   * When it was created.
   */
  'dateEnqueued': (_google_protobuf_Timestamp__Output | null);
  /**
   * When its latest attempt started.
   */
  'dateStarted': (_google_protobuf_Timestamp__Output | null);
  /**
   * When it reached its current final status.
   */
  'dateFinished': (_google_protobuf_Timestamp__Output | null);
  /**
   * Last change of any kind.
   */
  'dateUpdated': (_google_protobuf_Timestamp__Output | null);
  /**
   * When the broker will delete the record (final statuses only).
   */
  'dateExpires': (_google_protobuf_Timestamp__Output | null);
  /**
   * The worker running it, or that ran its latest attempt.
   */
  'workerId': (string);
  /**
   * Retries so far.
   */
  'retryCount': (number);
  /**
   * Times its lease expired (its worker died or hung) and it was requeued.
   */
  'requeueCount': (number);
  /**
   * Progress reported by the task, 0.0 to 1.0.
   */
  'progress': (number);
  /**
   * The options in force for this job, defaults resolved.
   */
  'options': (_mrq_v1_JobOptions__Output | null);
  /**
   * Wall-clock seconds its latest attempt ran.
   */
  'durationS': (number);
  /**
   * Latest attempt under a worker with --trace-greenlets: CPU seconds spent in the job's
   * greenlet and how many times it was switched into (its first run included).
   */
  'cpuS'?: (number);
  'switches'?: (string);
  /**
   * Latest attempt under a worker with --profile: the top of its cProfile statistics.
   */
  'profile': (string);
  /**
   * Latest attempt under a worker with --trace-memory: bytes allocated and still held when
   * it ended, and the largest of those allocations by source line.
   */
  'memoryDiffBytes'?: (string);
  'memoryTop': (string);
  /**
   * For a job made from a raw queue's entry: that raw queue (`queue` is then its retry queue).
   */
  'rawQueue': (string);
  /**
   * For a job enqueued by a schedule (ScheduleService): the schedule's id, and the tick (the
   * instant it was due) that produced it.
   */
  'scheduleId': (string);
  'scheduleTick': (_google_protobuf_Timestamp__Output | null);
  /**
   * For a member of a taskset (JobService.CreateTaskset): the taskset's id.
   */
  'tasksetId': (string);
  '_cpuS'?: "cpuS";
  '_switches'?: "switches";
  '_memoryDiffBytes'?: "memoryDiffBytes";
}
