// Original file: ../../proto/mrq/v1/queue_service.proto


export interface PauseQueueRequest {
  'queue'?: (string);
  /**
   * true pauses, false resumes.
   */
  'paused'?: (boolean);
}

export interface PauseQueueRequest__Output {
  'queue': (string);
  /**
   * true pauses, false resumes.
   */
  'paused': (boolean);
}
