// Original file: ../../proto/mrq/v1/monitor_service.proto


export interface ListWorkersRequest {
  /**
   * Only workers heard from within this many seconds; 0 means 3600.
   */
  'seenWithinS'?: (number | string);
}

export interface ListWorkersRequest__Output {
  /**
   * Only workers heard from within this many seconds; 0 means 3600.
   */
  'seenWithinS': (number);
}
