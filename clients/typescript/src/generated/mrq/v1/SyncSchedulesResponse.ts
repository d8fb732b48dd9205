// Original file: ../../proto/mrq/v1/schedule_service.proto


export interface SyncSchedulesResponse {
  /**
   * Ids of the schedules created.
   */
  'created'?: (string)[];
  /**
   * Ids of the config schedules deleted.
   */
  'deleted'?: (string)[];
  /**
   * Ids of the schedules kept unchanged.
   */
  'kept'?: (string)[];
}

export interface SyncSchedulesResponse__Output {
  /**
   * Ids of the schedules created.
   */
  'created': (string)[];
  /**
   * Ids of the config schedules deleted.
   */
  'deleted': (string)[];
  /**
   * Ids of the schedules kept unchanged.
   */
  'kept': (string)[];
}
