// Original file: ../../proto/mrq/v1/worker_service.proto


export interface ShipLogsResponse {
  /**
   * Chunks stored.
   */
  'stored'?: (number);
}

export interface ShipLogsResponse__Output {
  /**
   * Chunks stored.
   */
  'stored': (number);
}
