// Original file: ../../proto/mrq/v1/job_service.proto


export interface GetServerInfoRequest {
}

export interface GetServerInfoRequest__Output {
}
