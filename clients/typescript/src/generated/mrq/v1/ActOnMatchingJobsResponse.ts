// Original file: ../../proto/mrq/v1/monitor_service.proto

import type { Long } from '@grpc/proto-loader';

export interface ActOnMatchingJobsResponse {
  /**
   * Jobs the query matched.
   */
  'matched'?: (number | string | Long);
  /**
   * Jobs the action changed (with dry_run: would change).
   */
  'changed'?: (number | string | Long);
  /**
   * Matched jobs left as they were (see ActOnJobsResponse.skipped).
   */
  'skipped'?: (number | string | Long);
}

export interface ActOnMatchingJobsResponse__Output {
  /**
   * Jobs the query matched.
   */
  'matched': (string);
  /**
   * Jobs the action changed (with dry_run: would change).
   */
  'changed': (string);
  /**
   * Matched jobs left as they were (see ActOnJobsResponse.skipped).
   */
  'skipped': (string);
}
