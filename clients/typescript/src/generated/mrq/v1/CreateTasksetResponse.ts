// Original file: ../../proto/mrq/v1/job_service.proto


export interface CreateTasksetResponse {
  /**
   * The taskset's id: 24 hexadecimal characters, like a job id.
   */
  'tasksetId'?: (string);
  /**
   * The members' job ids, in the order of params_json.
   */
  'jobIds'?: (string)[];
}

export interface CreateTasksetResponse__Output {
  /**
   * The taskset's id: 24 hexadecimal characters, like a job id.
   */
  'tasksetId': (string);
  /**
   * The members' job ids, in the order of params_json.
   */
  'jobIds': (string)[];
}
