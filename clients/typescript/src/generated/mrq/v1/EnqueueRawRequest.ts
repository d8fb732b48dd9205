// Original file: ../../proto/mrq/v1/queue_service.proto


export interface EnqueueRawRequest {
  /**
   * A raw queue (see QueueService), e.g. "events_raw" or "events_raw/eu".
   */
  'queue'?: (string);
  /**
   * Raw params, each as JSON bytes.
   */
  'paramsJson'?: (Buffer | Uint8Array | string)[];
  /**
   * `_sorted_set`: the score of each params (same length as params_json).
   * `_timed_set`: the UNIX time (seconds) each runs at; empty means now.
   * Refused for other types.
   */
  'scores'?: (number | string)[];
}

export interface EnqueueRawRequest__Output {
  /**
   * A raw queue (see QueueService), e.g. "events_raw" or "events_raw/eu".
   */
  'queue': (string);
  /**
   * Raw params, each as JSON bytes.
   */
  'paramsJson': (Buffer)[];
  /**
   * `_sorted_set`: the score of each params (same length as params_json).
   * `_timed_set`: the UNIX time (seconds) each runs at; empty means now.
   * Refused for other types.
   */
  'scores': (number)[];
}
