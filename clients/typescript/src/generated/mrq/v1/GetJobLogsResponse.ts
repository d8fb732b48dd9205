// Original file: ../../proto/mrq/v1/job_service.proto

import type { Long } from '@grpc/proto-loader';

export interface GetJobLogsResponse {
  /**
   * Log text from from_offset on: lines, each ending in a newline.
   */
  'text'?: (string);
  /**
   * The cursor to pass as from_offset to read what follows.
   */
  'nextOffset'?: (number | string | Long);
  /**
   * True when the reply holds everything stored so far (more may come while the job runs).
   */
  'complete'?: (boolean);
}

export interface GetJobLogsResponse__Output {
  /**
   * Log text from from_offset on: lines, each ending in a newline.
   */
  'text': (string);
  /**
   * The cursor to pass as from_offset to read what follows.
   */
  'nextOffset': (string);
  /**
   * True when the reply holds everything stored so far (more may come while the job runs).
   */
  'complete': (boolean);
}
