// Original file: ../../proto/mrq/v1/monitor_service.proto


export interface ControlWorkerResponse {
}

export interface ControlWorkerResponse__Output {
}
