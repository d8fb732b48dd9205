// Original file: ../../proto/mrq/v1/queue_service.proto


export interface EmptyQueueRequest {
  'queue'?: (string);
  /**
   * Cancels at most this many of a regular queue's jobs, then answers with how many are still
   * waiting: call again until `remaining` is 0. 0: all of them in this call (which may take
   * longer than a deadline fits, for a big queue). Raw queues are always dropped at once.
   */
  'maxJobs'?: (number);
}

export interface EmptyQueueRequest__Output {
  'queue': (string);
  /**
   * Cancels at most this many of a regular queue's jobs, then answers with how many are still
   * waiting: call again until `remaining` is 0. 0: all of them in this call (which may take
   * longer than a deadline fits, for a big queue). Raw queues are always dropped at once.
   */
  'maxJobs': (number);
}
