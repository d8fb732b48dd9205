// Original file: ../../proto/mrq/v1/schedule_service.proto


export interface PauseScheduleRequest {
  /**
   * Id of the schedule.
   */
  'scheduleId'?: (string);
  /**
   * True pauses, false resumes.
   */
  'paused'?: (boolean);
}

export interface PauseScheduleRequest__Output {
  /**
   * Id of the schedule.
   */
  'scheduleId': (string);
  /**
   * True pauses, false resumes.
   */
  'paused': (boolean);
}
