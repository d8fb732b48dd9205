// Original file: ../../proto/mrq/v1/schedule_service.proto

/**
 * What a FireSchedule call did.
 */
export const FireOutcome = {
  FIRE_OUTCOME_UNSPECIFIED: 'FIRE_OUTCOME_UNSPECIFIED',
  /**
   * This call enqueued the tick's job.
   */
  FIRE_OUTCOME_ENQUEUED: 'FIRE_OUTCOME_ENQUEUED',
  /**
   * The tick's job was already enqueued (by another replica, or an earlier try of this call).
   */
  FIRE_OUTCOME_DUPLICATE: 'FIRE_OUTCOME_DUPLICATE',
  /**
   * The schedule's last tick was no longer previous_tick: another caller moved it first.
   */
  FIRE_OUTCOME_STALE: 'FIRE_OUTCOME_STALE',
  /**
   * skip was set: the last tick moved, no job was enqueued.
   */
  FIRE_OUTCOME_SKIPPED: 'FIRE_OUTCOME_SKIPPED',
} as const;

/**
 * What a FireSchedule call did.
 */
export type FireOutcome =
  | 'FIRE_OUTCOME_UNSPECIFIED'
  | 0
  /**
   * This call enqueued the tick's job.
   */
  | 'FIRE_OUTCOME_ENQUEUED'
  | 1
  /**
   * The tick's job was already enqueued (by another replica, or an earlier try of this call).
   */
  | 'FIRE_OUTCOME_DUPLICATE'
  | 2
  /**
   * The schedule's last tick was no longer previous_tick: another caller moved it first.
   */
  | 'FIRE_OUTCOME_STALE'
  | 3
  /**
   * skip was set: the last tick moved, no job was enqueued.
   */
  | 'FIRE_OUTCOME_SKIPPED'
  | 4

/**
 * What a FireSchedule call did.
 */
export type FireOutcome__Output = typeof FireOutcome[keyof typeof FireOutcome]
