// Original file: ../../proto/mrq/v1/job_service.proto

import type { Long } from '@grpc/proto-loader';

export interface FollowJobLogsResponse {
  /**
   * New log text: lines, each ending in a newline.
   */
  'text'?: (string);
  /**
   * The cursor after this text (to resume with GetJobLogs or FollowJobLogs).
   */
  'nextOffset'?: (number | string | Long);
}

export interface FollowJobLogsResponse__Output {
  /**
   * New log text: lines, each ending in a newline.
   */
  'text': (string);
  /**
   * The cursor after this text (to resume with GetJobLogs or FollowJobLogs).
   */
  'nextOffset': (string);
}
