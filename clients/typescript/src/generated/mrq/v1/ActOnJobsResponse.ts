// Original file: ../../proto/mrq/v1/job_service.proto

import type { Long } from '@grpc/proto-loader';

export interface ActOnJobsResponse {
  /**
   * Jobs selected by the ids or the query.
   */
  'matched'?: (number | string | Long);
  /**
   * Jobs the action changed (with dry_run: would change).
   */
  'changed'?: (number | string | Long);
  /**
   * Matched jobs left as they were: their status does not allow the action (e.g. requeue of
   * a started job, cancel of a final one), or it changed while the call ran (e.g. the job was
   * leased, or finished, in the meantime).
   */
  'skipped'?: (number | string | Long);
}

export interface ActOnJobsResponse__Output {
  /**
   * Jobs selected by the ids or the query.
   */
  'matched': (string);
  /**
   * Jobs the action changed (with dry_run: would change).
   */
  'changed': (string);
  /**
   * Matched jobs left as they were: their status does not allow the action (e.g. requeue of
   * a started job, cancel of a final one), or it changed while the call ran (e.g. the job was
   * leased, or finished, in the meantime).
   */
  'skipped': (string);
}
