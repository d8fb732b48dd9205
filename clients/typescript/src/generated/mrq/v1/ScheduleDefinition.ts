// Original file: ../../proto/mrq/v1/schedule_service.proto


/**
 * What to run and when. Exactly one of interval_s, dailytime and cron is set.
 */
export interface ScheduleDefinition {
  /**
   * Dotted path of the task, e.g. "tasks.cleanup".
   */
  'task'?: (string);
  /**
   * The job's params as a JSON object; empty means {}.
   */
  'paramsJson'?: (Buffer | Uint8Array | string);
  /**
   * Queue of the jobs; "" uses the task's routing, then the broker's default queue.
   */
  'queue'?: (string);
  /**
   * Seconds between ticks. The first tick is when the schedule is created.
   */
  'intervalS'?: (number | string);
  /**
   * Time of day of the tick, "HH:MM" or "HH:MM:SS", in `timezone`.
   */
  'dailytime'?: (string);
  /**
   * With dailytime: only on this day of the week, 0 = Monday ... 6 = Sunday.
   */
  'weekday'?: (number);
  /**
   * With dailytime: only on this day of the month, 1 to 31 (no tick in shorter months).
   */
  'monthday'?: (number);
  /**
   * A five-field cron expression, e.g. "* /15 9-17 * * 1-5", in `timezone`.
   */
  'cron'?: (string);
  /**
   * IANA time zone of dailytime and cron, e.g. "Europe/Paris"; "" means UTC.
   */
  'timezone'?: (string);
  /**
   * After downtime, run the latest missed tick once (true) or skip missed ticks (false).
   */
  'catchup'?: (boolean);
  '_weekday'?: "weekday";
  '_monthday'?: "monthday";
}

/**
 * What to run and when. Exactly one of interval_s, dailytime and cron is set.
 */
export interface ScheduleDefinition__Output {
  /**
   * Dotted path of the task, e.g. "tasks.cleanup".
   */
  'task': (string);
  /**
   * The job's params as a JSON object; empty means {}.
   */
  'paramsJson': (Buffer);
  /**
   * Queue of the jobs; "" uses the task's routing, then the broker's default queue.
   */
  'queue': (string);
  /**
   * Seconds between ticks. The first tick is when the schedule is created.
   */
  'intervalS': (number);
  /**
   * Time of day of the tick, "HH:MM" or "HH:MM:SS", in `timezone`.
   */
  'dailytime': (string);
  /**
   * With dailytime: only on this day of the week, 0 = Monday ... 6 = Sunday.
   */
  'weekday'?: (number);
  /**
   * With dailytime: only on this day of the month, 1 to 31 (no tick in shorter months).
   */
  'monthday'?: (number);
  /**
   * A five-field cron expression, e.g. "* /15 9-17 * * 1-5", in `timezone`.
   */
  'cron': (string);
  /**
   * IANA time zone of dailytime and cron, e.g. "Europe/Paris"; "" means UTC.
   */
  'timezone': (string);
  /**
   * After downtime, run the latest missed tick once (true) or skip missed ticks (false).
   */
  'catchup': (boolean);
  '_weekday'?: "weekday";
  '_monthday'?: "monthday";
}
