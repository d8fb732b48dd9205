/**
 * MRQ (Mongo Redis Queue) client for Node.js: jobs, queues, schedules and tasksets on an
 * mrq-broker, over the gRPC contract in proto/mrq/v1.
 */
export { Client } from './client';
export type {
  ActionCounts, EnqueueResult, JobFilter, Selection, ServerInfo, Taskset, TasksetCallback,
} from './client';
export {
  AuthenticationError,
  BrokerError,
  ConfigError,
  DeadlineExceededError,
  InvalidArgumentError,
  MrqError,
  NotFoundError,
  UnavailableError,
  WaitTimeoutError,
} from './errors';
export { DEFAULT_ADDRESS } from './env';
export type { ClientOptions } from './env';
export type { History, HistoryPoint, HistoryQuery } from './history';
export { FINAL_STATUSES, isFinal } from './job';
export type { Job, ResolvedOptions, Status, TracebackEntry } from './job';
export type { EnqueueOptions } from './options';
export { RawJson } from './params';
export { PROTO_DIR } from './proto';
export type { QueueInfo, Queues } from './queues';
export type { CallOptions } from './rpc';
export type { Schedule, ScheduleDefinition, Schedules } from './schedules';
export { VERSION } from './version';
