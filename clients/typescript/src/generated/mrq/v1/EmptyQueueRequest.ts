// Original file: ../../proto/mrq/v1/queue_service.proto


export interface EmptyQueueRequest {
  'queue'?: (string);
}

export interface EmptyQueueRequest__Output {
  'queue': (string);
}
