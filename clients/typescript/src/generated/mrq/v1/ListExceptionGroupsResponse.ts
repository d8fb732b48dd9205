// Original file: ../../proto/mrq/v1/monitor_service.proto

import type { ExceptionGroup as _mrq_v1_ExceptionGroup, ExceptionGroup__Output as _mrq_v1_ExceptionGroup__Output } from '../../mrq/v1/ExceptionGroup';

export interface ListExceptionGroupsResponse {
  /**
   * Largest group first.
   */
  'groups'?: (_mrq_v1_ExceptionGroup)[];
}

export interface ListExceptionGroupsResponse__Output {
  /**
   * Largest group first.
   */
  'groups': (_mrq_v1_ExceptionGroup__Output)[];
}
