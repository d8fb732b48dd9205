// Original file: ../../proto/mrq/v1/queue_service.proto


export interface ListQueuesRequest {
  /**
   * Only queues whose name starts with this prefix ("" = all).
   */
  'prefix'?: (string);
}

export interface ListQueuesRequest__Output {
  /**
   * Only queues whose name starts with this prefix ("" = all).
   */
  'prefix': (string);
}
