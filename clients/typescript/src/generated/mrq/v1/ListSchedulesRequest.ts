// Original file: ../../proto/mrq/v1/schedule_service.proto


export interface ListSchedulesRequest {
}

export interface ListSchedulesRequest__Output {
}
