// Original file: ../../proto/mrq/v1/queue_service.proto

export const QueueType = {
  QUEUE_TYPE_UNSPECIFIED: 'QUEUE_TYPE_UNSPECIFIED',
  QUEUE_TYPE_REGULAR: 'QUEUE_TYPE_REGULAR',
  QUEUE_TYPE_REVERSE: 'QUEUE_TYPE_REVERSE',
  QUEUE_TYPE_RAW: 'QUEUE_TYPE_RAW',
  QUEUE_TYPE_SET: 'QUEUE_TYPE_SET',
  QUEUE_TYPE_SORTED_SET: 'QUEUE_TYPE_SORTED_SET',
  QUEUE_TYPE_TIMED_SET: 'QUEUE_TYPE_TIMED_SET',
} as const;

export type QueueType =
  | 'QUEUE_TYPE_UNSPECIFIED'
  | 0
  | 'QUEUE_TYPE_REGULAR'
  | 1
  | 'QUEUE_TYPE_REVERSE'
  | 2
  | 'QUEUE_TYPE_RAW'
  | 3
  | 'QUEUE_TYPE_SET'
  | 4
  | 'QUEUE_TYPE_SORTED_SET'
  | 5
  | 'QUEUE_TYPE_TIMED_SET'
  | 6

export type QueueType__Output = typeof QueueType[keyof typeof QueueType]
