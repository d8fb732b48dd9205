// Original file: ../../proto/mrq/v1/job_service.proto


export interface InspectJobRequest {
  'jobId'?: (string);
  /**
   * Seconds to wait for the worker's answer; 0 means 5. At most 30.
   */
  'timeoutS'?: (number | string);
}

export interface InspectJobRequest__Output {
  'jobId': (string);
  /**
   * Seconds to wait for the worker's answer; 0 means 5. At most 30.
   */
  'timeoutS': (number);
}
