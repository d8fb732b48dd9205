// Original file: ../../proto/mrq/v1/job_service.proto


export interface ListTasksetsRequest {
  /**
   * Tasksets per page, 1 to 100; 0 means 20.
   */
  'limit'?: (number);
  /**
   * The next_cursor of the previous page; empty for the first page.
   */
  'cursor'?: (string);
}

export interface ListTasksetsRequest__Output {
  /**
   * Tasksets per page, 1 to 100; 0 means 20.
   */
  'limit': (number);
  /**
   * The next_cursor of the previous page; empty for the first page.
   */
  'cursor': (string);
}
