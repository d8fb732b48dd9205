// Original file: ../../proto/mrq/v1/job_service.proto

import type { Taskset as _mrq_v1_Taskset, Taskset__Output as _mrq_v1_Taskset__Output } from '../../mrq/v1/Taskset';

export interface ListTasksetsResponse {
  /**
   * The page's tasksets, newest first, without their job_ids.
   */
  'tasksets'?: (_mrq_v1_Taskset)[];
  /**
   * Pass as `cursor` for the next page; empty when this page is the last.
   */
  'nextCursor'?: (string);
}

export interface ListTasksetsResponse__Output {
  /**
   * The page's tasksets, newest first, without their job_ids.
   */
  'tasksets': (_mrq_v1_Taskset__Output)[];
  /**
   * Pass as `cursor` for the next page; empty when this page is the last.
   */
  'nextCursor': (string);
}
