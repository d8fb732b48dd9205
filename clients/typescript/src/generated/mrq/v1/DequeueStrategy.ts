// Original file: ../../proto/mrq/v1/worker_service.proto

export const DequeueStrategy = {
  /**
   * Sequential.
   */
  DEQUEUE_STRATEGY_UNSPECIFIED: 'DEQUEUE_STRATEGY_UNSPECIFIED',
  /**
   * Drain the queues in the order given: a queue is taken from only when those before it
   * have no job ready.
   */
  DEQUEUE_STRATEGY_SEQUENTIAL: 'DEQUEUE_STRATEGY_SEQUENTIAL',
  /**
   * Share max_jobs across the queues with jobs ready, one from each in turn.
   */
  DEQUEUE_STRATEGY_PARALLEL: 'DEQUEUE_STRATEGY_PARALLEL',
} as const;

export type DequeueStrategy =
  /**
   * Sequential.
   */
  | 'DEQUEUE_STRATEGY_UNSPECIFIED'
  | 0
  /**
   * Drain the queues in the order given: a queue is taken from only when those before it
   * have no job ready.
   */
  | 'DEQUEUE_STRATEGY_SEQUENTIAL'
  | 1
  /**
   * Share max_jobs across the queues with jobs ready, one from each in turn.
   */
  | 'DEQUEUE_STRATEGY_PARALLEL'
  | 2

export type DequeueStrategy__Output = typeof DequeueStrategy[keyof typeof DequeueStrategy]
