// Original file: ../../proto/mrq/v1/job_service.proto


export interface WaitJobsRequest {
  /**
   * The jobs to wait for; at most ServerInfo.max_batch_size.
   */
  'jobIds'?: (string)[];
  /**
   * How long to wait at most, in seconds; at most ServerInfo.max_wait_s. 0 returns at once.
   */
  'timeoutS'?: (number | string);
}

export interface WaitJobsRequest__Output {
  /**
   * The jobs to wait for; at most ServerInfo.max_batch_size.
   */
  'jobIds': (string)[];
  /**
   * How long to wait at most, in seconds; at most ServerInfo.max_wait_s. 0 returns at once.
   */
  'timeoutS': (number);
}
