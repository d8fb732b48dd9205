// Original file: ../../proto/mrq/v1/job_service.proto


export interface EnqueueManyResponse {
  /**
   * The new jobs' ids, in the order of params_json.
   */
  'jobIds'?: (string)[];
}

export interface EnqueueManyResponse__Output {
  /**
   * The new jobs' ids, in the order of params_json.
   */
  'jobIds': (string)[];
}
