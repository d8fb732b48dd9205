// Original file: ../../proto/mrq/v1/worker_service.proto

import type { Long } from '@grpc/proto-loader';

/**
 * What a worker process is doing, for the dashboard.
 */
export interface WorkerState {
  'hostname'?: (string);
  'pid'?: (number);
  'queues'?: (string)[];
  /**
   * Concurrent job slots (greenlets).
   */
  'concurrency'?: (number);
  /**
   * One of "starting", "running", "quiet", "stopping".
   */
  'status'?: (string);
  /**
   * Jobs finished since start.
   */
  'doneJobs'?: (number | string | Long);
  /**
   * Resident memory, bytes.
   */
  'memoryBytes'?: (number | string | Long);
  /**
   * CPU time used since start, seconds.
   */
  'cpuS'?: (number | string);
}

/**
 * What a worker process is doing, for the dashboard.
 */
export interface WorkerState__Output {
  'hostname': (string);
  'pid': (number);
  'queues': (string)[];
  /**
   * Concurrent job slots (greenlets).
   */
  'concurrency': (number);
  /**
   * One of "starting", "running", "quiet", "stopping".
   */
  'status': (string);
  /**
   * Jobs finished since start.
   */
  'doneJobs': (string);
  /**
   * Resident memory, bytes.
   */
  'memoryBytes': (string);
  /**
   * CPU time used since start, seconds.
   */
  'cpuS': (number);
}
