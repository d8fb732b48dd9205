// Original file: ../../proto/mrq/v1/job_service.proto

import type { Long } from '@grpc/proto-loader';

export interface GetJobLogsRequest {
  'jobId'?: (string);
  /**
   * Where to start: 0 for the beginning, or the next_offset of a previous reply. An opaque
   * cursor (today: chunks already read), not a byte offset.
   */
  'fromOffset'?: (number | string | Long);
}

export interface GetJobLogsRequest__Output {
  'jobId': (string);
  /**
   * Where to start: 0 for the beginning, or the next_offset of a previous reply. An opaque
   * cursor (today: chunks already read), not a byte offset.
   */
  'fromOffset': (string);
}
