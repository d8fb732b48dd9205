// Original file: ../../proto/mrq/v1/worker_service.proto


export interface ReportOutcomesResponse {
  /**
   * Outcomes recorded.
   */
  'accepted'?: (number);
  /**
   * Outcomes ignored because their lease was no longer held.
   */
  'stale'?: (number);
}

export interface ReportOutcomesResponse__Output {
  /**
   * Outcomes recorded.
   */
  'accepted': (number);
  /**
   * Outcomes ignored because their lease was no longer held.
   */
  'stale': (number);
}
