// Original file: ../../proto/mrq/v1/schedule_service.proto


export interface GetScheduleRequest {
  /**
   * Id of the schedule.
   */
  'scheduleId'?: (string);
}

export interface GetScheduleRequest__Output {
  /**
   * Id of the schedule.
   */
  'scheduleId': (string);
}
