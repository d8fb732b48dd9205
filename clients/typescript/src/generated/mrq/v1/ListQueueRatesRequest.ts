// Original file: ../../proto/mrq/v1/monitor_service.proto


export interface ListQueueRatesRequest {
  /**
   * Seconds the rates look back; 0 means 60. At most 3600.
   */
  'windowS'?: (number | string);
}

export interface ListQueueRatesRequest__Output {
  /**
   * Seconds the rates look back; 0 means 60. At most 3600.
   */
  'windowS': (number);
}
