// Original file: ../../proto/mrq/v1/job_service.proto

import type { Long } from '@grpc/proto-loader';

export interface GetServerInfoResponse {
  /**
   * The broker's version, e.g. "0.1.0".
   */
  'version'?: (string);
  /**
   * Largest accepted params_json, in bytes.
   */
  'maxParamsBytes'?: (number | string | Long);
  /**
   * Most jobs per EnqueueMany, and most ids per WaitJobs.
   */
  'maxBatchSize'?: (number);
  /**
   * Longest WaitJobs timeout.
   */
  'maxWaitS'?: (number | string);
  /**
   * Seconds a lease lasts unless renewed by a heartbeat.
   */
  'leaseTtlS'?: (number | string);
  /**
   * Optional features this broker supports, e.g. "dedupe", "priorities".
   */
  'features'?: (string)[];
}

export interface GetServerInfoResponse__Output {
  /**
   * The broker's version, e.g. "0.1.0".
   */
  'version': (string);
  /**
   * Largest accepted params_json, in bytes.
   */
  'maxParamsBytes': (string);
  /**
   * Most jobs per EnqueueMany, and most ids per WaitJobs.
   */
  'maxBatchSize': (number);
  /**
   * Longest WaitJobs timeout.
   */
  'maxWaitS': (number);
  /**
   * Seconds a lease lasts unless renewed by a heartbeat.
   */
  'leaseTtlS': (number);
  /**
   * Optional features this broker supports, e.g. "dedupe", "priorities".
   */
  'features': (string)[];
}
