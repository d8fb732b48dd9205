// Original file: ../../proto/mrq/v1/job_service.proto

import type { Long } from '@grpc/proto-loader';

export interface FollowJobLogsRequest {
  'jobId'?: (string);
  /**
   * Where to start: 0 for the beginning, or a next_offset from GetJobLogs.
   */
  'fromOffset'?: (number | string | Long);
}

export interface FollowJobLogsRequest__Output {
  'jobId': (string);
  /**
   * Where to start: 0 for the beginning, or a next_offset from GetJobLogs.
   */
  'fromOffset': (string);
}
