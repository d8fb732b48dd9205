// Original file: ../../proto/mrq/v1/schedule_service.proto


export interface DeleteScheduleRequest {
  /**
   * Id of the schedule.
   */
  'scheduleId'?: (string);
}

export interface DeleteScheduleRequest__Output {
  /**
   * Id of the schedule.
   */
  'scheduleId': (string);
}
