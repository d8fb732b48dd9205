// Original file: ../../proto/mrq/v1/schedule_service.proto

import type { FireOutcome as _mrq_v1_FireOutcome, FireOutcome__Output as _mrq_v1_FireOutcome__Output } from '../../mrq/v1/FireOutcome';

export interface FireScheduleResponse {
  /**
   * What this call did.
   */
  'outcome'?: (_mrq_v1_FireOutcome);
  /**
   * Id of the tick's job (the same for every caller firing that tick); "" when skipped or stale.
   */
  'jobId'?: (string);
}

export interface FireScheduleResponse__Output {
  /**
   * What this call did.
   */
  'outcome': (_mrq_v1_FireOutcome__Output);
  /**
   * Id of the tick's job (the same for every caller firing that tick); "" when skipped or stale.
   */
  'jobId': (string);
}
