// Original file: ../../proto/mrq/v1/monitor_service.proto

import type { WorkerState as _mrq_v1_WorkerState, WorkerState__Output as _mrq_v1_WorkerState__Output } from '../../mrq/v1/WorkerState';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../google/protobuf/Timestamp';

/**
 * A worker as its last heartbeat described it.
 */
export interface WorkerInfo {
  /**
   * The worker's id ("host-pid-random").
   */
  'workerId'?: (string);
  /**
   * Its state: host, pid, queues, greenlets, status, done jobs, memory and CPU.
   */
  'state'?: (_mrq_v1_WorkerState | null);
  /**
   * The jobs it holds.
   */
  'jobIds'?: (string)[];
  /**
   * When it last sent a heartbeat.
   */
  'lastHeartbeat'?: (_google_protobuf_Timestamp | null);
  /**
   * True while its last heartbeat is recent enough to hold leases (within the lease TTL).
   */
  'alive'?: (boolean);
  /**
   * True when an operator quieted it: it finishes its running jobs and leases no new ones.
   */
  'quiet'?: (boolean);
}

/**
 * A worker as its last heartbeat described it.
 */
export interface WorkerInfo__Output {
  /**
   * The worker's id ("host-pid-random").
   */
  'workerId': (string);
  /**
   * Its state: host, pid, queues, greenlets, status, done jobs, memory and CPU.
   */
  'state': (_mrq_v1_WorkerState__Output | null);
  /**
   * The jobs it holds.
   */
  'jobIds': (string)[];
  /**
   * When it last sent a heartbeat.
   */
  'lastHeartbeat': (_google_protobuf_Timestamp__Output | null);
  /**
   * True while its last heartbeat is recent enough to hold leases (within the lease TTL).
   */
  'alive': (boolean);
  /**
   * True when an operator quieted it: it finishes its running jobs and leases no new ones.
   */
  'quiet': (boolean);
}
