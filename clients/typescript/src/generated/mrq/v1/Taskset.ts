// Original file: ../../proto/mrq/v1/job_service.proto

import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../google/protobuf/Timestamp';
import type { Long } from '@grpc/proto-loader';

/**
 * A taskset, as its counts stand now.
 */
export interface Taskset {
  /**
   * Its id.
   */
  'id'?: (string);
  /**
   * How many members it has.
   */
  'total'?: (number | string | Long);
  /**
   * How many members are final.
   */
  'final'?: (number | string | Long);
  /**
   * Final members by final status name (e.g. "success", "failed"); absent statuses are 0.
   */
  'counts'?: ({[key: string]: number | string | Long});
  /**
   * final / total, 0.0 to 1.0.
   */
  'progress'?: (number | string);
  /**
   * The members' job ids, in member order.
   */
  'jobIds'?: (string)[];
  /**
   * The callback task, empty when there is none.
   */
  'callbackTask'?: (string);
  /**
   * The callback job's id, once it is enqueued.
   */
  'callbackJobId'?: (string);
  /**
   * Dotted path of the members' task.
   */
  'task'?: (string);
  /**
   * When it was created.
   */
  'dateCreated'?: (_google_protobuf_Timestamp | null);
}

/**
 * A taskset, as its counts stand now.
 */
export interface Taskset__Output {
  /**
   * Its id.
   */
  'id': (string);
  /**
   * How many members it has.
   */
  'total': (string);
  /**
   * How many members are final.
   */
  'final': (string);
  /**
   * Final members by final status name (e.g. "success", "failed"); absent statuses are 0.
   */
  'counts': ({[key: string]: string});
  /**
   * final / total, 0.0 to 1.0.
   */
  'progress': (number);
  /**
   * The members' job ids, in member order.
   */
  'jobIds': (string)[];
  /**
   * The callback task, empty when there is none.
   */
  'callbackTask': (string);
  /**
   * The callback job's id, once it is enqueued.
   */
  'callbackJobId': (string);
  /**
   * Dotted path of the members' task.
   */
  'task': (string);
  /**
   * When it was created.
   */
  'dateCreated': (_google_protobuf_Timestamp__Output | null);
}
