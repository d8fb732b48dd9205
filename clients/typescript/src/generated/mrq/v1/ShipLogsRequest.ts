// Original file: ../../proto/mrq/v1/worker_service.proto

import type { LogChunk as _mrq_v1_LogChunk, LogChunk__Output as _mrq_v1_LogChunk__Output } from '../../mrq/v1/LogChunk';

export interface ShipLogsRequest {
  'workerId'?: (string);
  /**
   * At most one chunk per job; empty texts are ignored.
   */
  'chunks'?: (_mrq_v1_LogChunk)[];
}

export interface ShipLogsRequest__Output {
  'workerId': (string);
  /**
   * At most one chunk per job; empty texts are ignored.
   */
  'chunks': (_mrq_v1_LogChunk__Output)[];
}
