/**
 * MRQ (Mongo Redis Queue) client for Node.js: enqueue jobs on an mrq-broker and read them
 * back, over the gRPC contract in proto/mrq/v1.
 */
export { Client } from './client';
export type { ClientOptions, EnqueueResult, ServerInfo } from './client';
export {
  BrokerError,
  InvalidArgumentError,
  MrqError,
  NotFoundError,
  UnavailableError,
  WaitTimeoutError,
} from './errors';
export { FINAL_STATUSES, isFinal } from './job';
export type { Job, ResolvedOptions, Status, TracebackEntry } from './job';
export type { EnqueueOptions } from './options';
export { RawJson } from './params';
export { PROTO_DIR } from './proto';
