// Original file: ../../proto/mrq/v1/job_service.proto


export interface GetTasksetRequest {
  'tasksetId'?: (string);
}

export interface GetTasksetRequest__Output {
  'tasksetId': (string);
}
