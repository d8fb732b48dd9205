// Original file: ../../proto/mrq/v1/monitor_service.proto


export interface ListExceptionGroupsRequest {
}

export interface ListExceptionGroupsRequest__Output {
}
