// Original file: ../../proto/mrq/v1/monitor_service.proto


export interface ListTaskStatsRequest {
  /**
   * Seconds the finished rate looks back; 0 means 60. At most 3600.
   */
  'windowS'?: (number | string);
}

export interface ListTaskStatsRequest__Output {
  /**
   * Seconds the finished rate looks back; 0 means 60. At most 3600.
   */
  'windowS': (number);
}
