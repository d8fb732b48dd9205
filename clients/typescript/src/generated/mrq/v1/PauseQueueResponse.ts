// Original file: ../../proto/mrq/v1/queue_service.proto


export interface PauseQueueResponse {
  /**
   * Every queue name paused after the change, sorted.
   */
  'pausedQueues'?: (string)[];
}

export interface PauseQueueResponse__Output {
  /**
   * Every queue name paused after the change, sorted.
   */
  'pausedQueues': (string)[];
}
