// Original file: ../../proto/mrq/v1/queue_service.proto


export interface CheckRateLimitRequest {
  /**
   * Any string shared by the callers to limit together, e.g. "api.example.com".
   */
  'key'?: (string);
  /**
   * Calls allowed per window; at least 1.
   */
  'limit'?: (number);
  /**
   * Window length in seconds (sliding); more than 0.
   */
  'perS'?: (number | string);
}

export interface CheckRateLimitRequest__Output {
  /**
   * Any string shared by the callers to limit together, e.g. "api.example.com".
   */
  'key': (string);
  /**
   * Calls allowed per window; at least 1.
   */
  'limit': (number);
  /**
   * Window length in seconds (sliding); more than 0.
   */
  'perS': (number);
}
