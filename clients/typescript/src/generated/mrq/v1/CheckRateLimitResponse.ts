// Original file: ../../proto/mrq/v1/queue_service.proto


export interface CheckRateLimitResponse {
  'allowed'?: (boolean);
  /**
   * Calls still allowed in the window after this one.
   */
  'remaining'?: (number);
}

export interface CheckRateLimitResponse__Output {
  'allowed': (boolean);
  /**
   * Calls still allowed in the window after this one.
   */
  'remaining': (number);
}
