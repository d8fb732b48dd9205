// Original file: ../../proto/mrq/v1/worker_service.proto


/**
 * A job as handed to a worker.
 */
export interface LeasedJob {
  'jobId'?: (string);
  'task'?: (string);
  /**
   * Params as JSON bytes.
   */
  'paramsJson'?: (Buffer | Uint8Array | string);
  'queue'?: (string);
  /**
   * Seconds the job may run; 0 = no timeout.
   */
  'timeoutS'?: (number | string);
  /**
   * Retries so far.
   */
  'retryCount'?: (number);
  /**
   * Retries allowed before `maxretries`.
   */
  'maxRetries'?: (number);
  /**
   * Default delay before a retry, in seconds.
   */
  'retryDelayS'?: (number | string);
  /**
   * Identifies this lease; send it back in the outcome.
   */
  'leaseToken'?: (string);
}

/**
 * A job as handed to a worker.
 */
export interface LeasedJob__Output {
  'jobId': (string);
  'task': (string);
  /**
   * Params as JSON bytes.
   */
  'paramsJson': (Buffer);
  'queue': (string);
  /**
   * Seconds the job may run; 0 = no timeout.
   */
  'timeoutS': (number);
  /**
   * Retries so far.
   */
  'retryCount': (number);
  /**
   * Retries allowed before `maxretries`.
   */
  'maxRetries': (number);
  /**
   * Default delay before a retry, in seconds.
   */
  'retryDelayS': (number);
  /**
   * Identifies this lease; send it back in the outcome.
   */
  'leaseToken': (string);
}
