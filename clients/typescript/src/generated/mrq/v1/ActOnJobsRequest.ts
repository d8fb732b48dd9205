// Original file: ../../proto/mrq/v1/job_service.proto

import type { JobAction as _mrq_v1_JobAction, JobAction__Output as _mrq_v1_JobAction__Output } from '../../mrq/v1/JobAction';
import type { JobFilter as _mrq_v1_JobFilter, JobFilter__Output as _mrq_v1_JobFilter__Output } from '../../mrq/v1/JobFilter';
import type { JobQuery as _mrq_v1_JobQuery, JobQuery__Output as _mrq_v1_JobQuery__Output } from '../../mrq/v1/JobQuery';

export interface ActOnJobsRequest {
  /**
   * What to do. Required.
   */
  'action'?: (_mrq_v1_JobAction);
  /**
   * The jobs to act on, by id; at most ServerInfo.max_batch_size. An unknown id fails the
   * call with NOT_FOUND before anything changes. Exclusive with `query` and `filter`.
   */
  'jobIds'?: (string)[];
  /**
   * The jobs to act on, by filter. Exclusive with `job_ids` and `query`.
   * Deprecated, removed in v2: use `query`.
   * @deprecated
   */
  'filter'?: (_mrq_v1_JobFilter | null);
  /**
   * Change nothing; return the counts the call would produce, judged by each job's current
   * status.
   */
  'dryRun'?: (boolean);
  /**
   * The jobs to act on: every job the query matches (at least one criterion must be set).
   * Exclusive with `job_ids` and `filter`.
   */
  'query'?: (_mrq_v1_JobQuery | null);
}

export interface ActOnJobsRequest__Output {
  /**
   * What to do. Required.
   */
  'action': (_mrq_v1_JobAction__Output);
  /**
   * The jobs to act on, by id; at most ServerInfo.max_batch_size. An unknown id fails the
   * call with NOT_FOUND before anything changes. Exclusive with `query` and `filter`.
   */
  'jobIds': (string)[];
  /**
   * The jobs to act on, by filter. Exclusive with `job_ids` and `query`.
   * Deprecated, removed in v2: use `query`.
   * @deprecated
   */
  'filter': (_mrq_v1_JobFilter__Output | null);
  /**
   * Change nothing; return the counts the call would produce, judged by each job's current
   * status.
   */
  'dryRun': (boolean);
  /**
   * The jobs to act on: every job the query matches (at least one criterion must be set).
   * Exclusive with `job_ids` and `filter`.
   */
  'query': (_mrq_v1_JobQuery__Output | null);
}
