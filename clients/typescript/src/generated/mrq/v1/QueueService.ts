// Original file: ../../proto/mrq/v1/queue_service.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { CheckRateLimitRequest as _mrq_v1_CheckRateLimitRequest, CheckRateLimitRequest__Output as _mrq_v1_CheckRateLimitRequest__Output } from '../../mrq/v1/CheckRateLimitRequest';
import type { CheckRateLimitResponse as _mrq_v1_CheckRateLimitResponse, CheckRateLimitResponse__Output as _mrq_v1_CheckRateLimitResponse__Output } from '../../mrq/v1/CheckRateLimitResponse';
import type { EmptyQueueRequest as _mrq_v1_EmptyQueueRequest, EmptyQueueRequest__Output as _mrq_v1_EmptyQueueRequest__Output } from '../../mrq/v1/EmptyQueueRequest';
import type { EmptyQueueResponse as _mrq_v1_EmptyQueueResponse, EmptyQueueResponse__Output as _mrq_v1_EmptyQueueResponse__Output } from '../../mrq/v1/EmptyQueueResponse';
import type { EnqueueRawRequest as _mrq_v1_EnqueueRawRequest, EnqueueRawRequest__Output as _mrq_v1_EnqueueRawRequest__Output } from '../../mrq/v1/EnqueueRawRequest';
import type { EnqueueRawResponse as _mrq_v1_EnqueueRawResponse, EnqueueRawResponse__Output as _mrq_v1_EnqueueRawResponse__Output } from '../../mrq/v1/EnqueueRawResponse';
import type { ListQueuesRequest as _mrq_v1_ListQueuesRequest, ListQueuesRequest__Output as _mrq_v1_ListQueuesRequest__Output } from '../../mrq/v1/ListQueuesRequest';
import type { ListQueuesResponse as _mrq_v1_ListQueuesResponse, ListQueuesResponse__Output as _mrq_v1_ListQueuesResponse__Output } from '../../mrq/v1/ListQueuesResponse';
import type { PauseQueueRequest as _mrq_v1_PauseQueueRequest, PauseQueueRequest__Output as _mrq_v1_PauseQueueRequest__Output } from '../../mrq/v1/PauseQueueRequest';
import type { PauseQueueResponse as _mrq_v1_PauseQueueResponse, PauseQueueResponse__Output as _mrq_v1_PauseQueueResponse__Output } from '../../mrq/v1/PauseQueueResponse';

/**
 * QueueService manages queues. A queue's type comes from the suffix of its root name (the
 * part before the first "/"):
 * 
 * name_raw         raw list: FIFO, duplicates allowed
 * name_set         raw set: duplicate params collapse into one entry
 * name_sorted_set  raw sorted set: lowest score first; re-enqueuing re-scores
 * name_timed_set   raw timed set: the score is the UNIX time to run at
 * name_reverse     regular queue, newest first (LIFO within a priority)
 * anything else    regular queue: higher priority first, FIFO within a priority
 * 
 * Raw queues keep only the raw params in Redis until a worker takes them; the broker's
 * RAW_QUEUES config turns each into a job (task, params) at that moment. Regular queues take
 * jobs through JobService.Enqueue. "root/sub" is a subqueue of "root/": a worker listening on
 * "root/" takes from every "root/..." queue, discovered as they appear.
 */
export interface QueueServiceClient extends grpc.Client {
  /**
   * Asks for one call under a shared rate limit of `limit` calls per sliding `per_s` seconds:
   * the call is allowed (and counted) while fewer than `limit` were allowed in the window.
   */
  CheckRateLimit(argument: _mrq_v1_CheckRateLimitRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_CheckRateLimitResponse__Output>): grpc.ClientUnaryCall;
  CheckRateLimit(argument: _mrq_v1_CheckRateLimitRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mrq_v1_CheckRateLimitResponse__Output>): grpc.ClientUnaryCall;
  CheckRateLimit(argument: _mrq_v1_CheckRateLimitRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_CheckRateLimitResponse__Output>): grpc.ClientUnaryCall;
  CheckRateLimit(argument: _mrq_v1_CheckRateLimitRequest, callback: grpc.requestCallback<_mrq_v1_CheckRateLimitResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Asks for one call under a shared rate limit of `limit` calls per sliding `per_s` seconds:
   * the call is allowed (and counted) while fewer than `limit` were allowed in the window.
   */
  checkRateLimit(argument: _mrq_v1_CheckRateLimitRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_CheckRateLimitResponse__Output>): grpc.ClientUnaryCall;
  checkRateLimit(argument: _mrq_v1_CheckRateLimitRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mrq_v1_CheckRateLimitResponse__Output>): grpc.ClientUnaryCall;
  checkRateLimit(argument: _mrq_v1_CheckRateLimitRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_CheckRateLimitResponse__Output>): grpc.ClientUnaryCall;
  checkRateLimit(argument: _mrq_v1_CheckRateLimitRequest, callback: grpc.requestCallback<_mrq_v1_CheckRateLimitResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Removes every job waiting on a queue (queued or delayed; running jobs are left alone).
   * Regular jobs end `cancel`; raw entries are dropped. Returns how many were removed. A big
   * queue can be emptied in steps, each within a call's deadline: see `max_jobs`.
   */
  EmptyQueue(argument: _mrq_v1_EmptyQueueRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_EmptyQueueResponse__Output>): grpc.ClientUnaryCall;
  EmptyQueue(argument: _mrq_v1_EmptyQueueRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mrq_v1_EmptyQueueResponse__Output>): grpc.ClientUnaryCall;
  EmptyQueue(argument: _mrq_v1_EmptyQueueRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_EmptyQueueResponse__Output>): grpc.ClientUnaryCall;
  EmptyQueue(argument: _mrq_v1_EmptyQueueRequest, callback: grpc.requestCallback<_mrq_v1_EmptyQueueResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Removes every job waiting on a queue (queued or delayed; running jobs are left alone).
   * Regular jobs end `cancel`; raw entries are dropped. Returns how many were removed. A big
   * queue can be emptied in steps, each within a call's deadline: see `max_jobs`.
   */
  emptyQueue(argument: _mrq_v1_EmptyQueueRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_EmptyQueueResponse__Output>): grpc.ClientUnaryCall;
  emptyQueue(argument: _mrq_v1_EmptyQueueRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mrq_v1_EmptyQueueResponse__Output>): grpc.ClientUnaryCall;
  emptyQueue(argument: _mrq_v1_EmptyQueueRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_EmptyQueueResponse__Output>): grpc.ClientUnaryCall;
  emptyQueue(argument: _mrq_v1_EmptyQueueRequest, callback: grpc.requestCallback<_mrq_v1_EmptyQueueResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Adds raw params to a raw queue configured in RAW_QUEUES. INVALID_ARGUMENT names the
   * field for a regular or unconfigured queue, or params the queue's job factory refuses.
   */
  EnqueueRaw(argument: _mrq_v1_EnqueueRawRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_EnqueueRawResponse__Output>): grpc.ClientUnaryCall;
  EnqueueRaw(argument: _mrq_v1_EnqueueRawRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mrq_v1_EnqueueRawResponse__Output>): grpc.ClientUnaryCall;
  EnqueueRaw(argument: _mrq_v1_EnqueueRawRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_EnqueueRawResponse__Output>): grpc.ClientUnaryCall;
  EnqueueRaw(argument: _mrq_v1_EnqueueRawRequest, callback: grpc.requestCallback<_mrq_v1_EnqueueRawResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Adds raw params to a raw queue configured in RAW_QUEUES. INVALID_ARGUMENT names the
   * field for a regular or unconfigured queue, or params the queue's job factory refuses.
   */
  enqueueRaw(argument: _mrq_v1_EnqueueRawRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_EnqueueRawResponse__Output>): grpc.ClientUnaryCall;
  enqueueRaw(argument: _mrq_v1_EnqueueRawRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mrq_v1_EnqueueRawResponse__Output>): grpc.ClientUnaryCall;
  enqueueRaw(argument: _mrq_v1_EnqueueRawRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_EnqueueRawResponse__Output>): grpc.ClientUnaryCall;
  enqueueRaw(argument: _mrq_v1_EnqueueRawRequest, callback: grpc.requestCallback<_mrq_v1_EnqueueRawResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Every known queue (or those under a prefix) with exact sizes, read from Redis at the call.
   */
  ListQueues(argument: _mrq_v1_ListQueuesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_ListQueuesResponse__Output>): grpc.ClientUnaryCall;
  ListQueues(argument: _mrq_v1_ListQueuesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mrq_v1_ListQueuesResponse__Output>): grpc.ClientUnaryCall;
  ListQueues(argument: _mrq_v1_ListQueuesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_ListQueuesResponse__Output>): grpc.ClientUnaryCall;
  ListQueues(argument: _mrq_v1_ListQueuesRequest, callback: grpc.requestCallback<_mrq_v1_ListQueuesResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Every known queue (or those under a prefix) with exact sizes, read from Redis at the call.
   */
  listQueues(argument: _mrq_v1_ListQueuesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_ListQueuesResponse__Output>): grpc.ClientUnaryCall;
  listQueues(argument: _mrq_v1_ListQueuesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mrq_v1_ListQueuesResponse__Output>): grpc.ClientUnaryCall;
  listQueues(argument: _mrq_v1_ListQueuesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_ListQueuesResponse__Output>): grpc.ClientUnaryCall;
  listQueues(argument: _mrq_v1_ListQueuesRequest, callback: grpc.requestCallback<_mrq_v1_ListQueuesResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Pauses or resumes queues: workers take nothing from a paused queue, nor from its
   * subqueues ("x" pauses "x/..." too). Queued jobs stay queued; running ones finish.
   */
  PauseQueue(argument: _mrq_v1_PauseQueueRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_PauseQueueResponse__Output>): grpc.ClientUnaryCall;
  PauseQueue(argument: _mrq_v1_PauseQueueRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mrq_v1_PauseQueueResponse__Output>): grpc.ClientUnaryCall;
  PauseQueue(argument: _mrq_v1_PauseQueueRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_PauseQueueResponse__Output>): grpc.ClientUnaryCall;
  PauseQueue(argument: _mrq_v1_PauseQueueRequest, callback: grpc.requestCallback<_mrq_v1_PauseQueueResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Pauses or resumes queues: workers take nothing from a paused queue, nor from its
   * subqueues ("x" pauses "x/..." too). Queued jobs stay queued; running ones finish.
   */
  pauseQueue(argument: _mrq_v1_PauseQueueRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_PauseQueueResponse__Output>): grpc.ClientUnaryCall;
  pauseQueue(argument: _mrq_v1_PauseQueueRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mrq_v1_PauseQueueResponse__Output>): grpc.ClientUnaryCall;
  pauseQueue(argument: _mrq_v1_PauseQueueRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_PauseQueueResponse__Output>): grpc.ClientUnaryCall;
  pauseQueue(argument: _mrq_v1_PauseQueueRequest, callback: grpc.requestCallback<_mrq_v1_PauseQueueResponse__Output>): grpc.ClientUnaryCall;
  
}

/**
 * QueueService manages queues. A queue's type comes from the suffix of its root name (the
 * part before the first "/"):
 * 
 * name_raw         raw list: FIFO, duplicates allowed
 * name_set         raw set: duplicate params collapse into one entry
 * name_sorted_set  raw sorted set: lowest score first; re-enqueuing re-scores
 * name_timed_set   raw timed set: the score is the UNIX time to run at
 * name_reverse     regular queue, newest first (LIFO within a priority)
 * anything else    regular queue: higher priority first, FIFO within a priority
 * 
 * Raw queues keep only the raw params in Redis until a worker takes them; the broker's
 * RAW_QUEUES config turns each into a job (task, params) at that moment. Regular queues take
 * jobs through JobService.Enqueue. "root/sub" is a subqueue of "root/": a worker listening on
 * "root/" takes from every "root/..." queue, discovered as they appear.
 */
export interface QueueServiceHandlers extends grpc.UntypedServiceImplementation {
  /**
   * Asks for one call under a shared rate limit of `limit` calls per sliding `per_s` seconds:
   * the call is allowed (and counted) while fewer than `limit` were allowed in the window.
   */
  CheckRateLimit: grpc.handleUnaryCall<_mrq_v1_CheckRateLimitRequest__Output, _mrq_v1_CheckRateLimitResponse>;
  
  /**
   * Removes every job waiting on a queue (queued or delayed; running jobs are left alone).
   * Regular jobs end `cancel`; raw entries are dropped. Returns how many were removed. A big
   * queue can be emptied in steps, each within a call's deadline: see `max_jobs`.
   */
  EmptyQueue: grpc.handleUnaryCall<_mrq_v1_EmptyQueueRequest__Output, _mrq_v1_EmptyQueueResponse>;
  
  /**
   * Adds raw params to a raw queue configured in RAW_QUEUES. INVALID_ARGUMENT names the
   * field for a regular or unconfigured queue, or params the queue's job factory refuses.
   */
  EnqueueRaw: grpc.handleUnaryCall<_mrq_v1_EnqueueRawRequest__Output, _mrq_v1_EnqueueRawResponse>;
  
  /**
   * Every known queue (or those under a prefix) with exact sizes, read from Redis at the call.
   */
  ListQueues: grpc.handleUnaryCall<_mrq_v1_ListQueuesRequest__Output, _mrq_v1_ListQueuesResponse>;
  
  /**
   * Pauses or resumes queues: workers take nothing from a paused queue, nor from its
   * subqueues ("x" pauses "x/..." too). Queued jobs stay queued; running ones finish.
   */
  PauseQueue: grpc.handleUnaryCall<_mrq_v1_PauseQueueRequest__Output, _mrq_v1_PauseQueueResponse>;
  
}

export interface QueueServiceDefinition extends grpc.ServiceDefinition {
  CheckRateLimit: MethodDefinition<_mrq_v1_CheckRateLimitRequest, _mrq_v1_CheckRateLimitResponse, _mrq_v1_CheckRateLimitRequest__Output, _mrq_v1_CheckRateLimitResponse__Output>
  EmptyQueue: MethodDefinition<_mrq_v1_EmptyQueueRequest, _mrq_v1_EmptyQueueResponse, _mrq_v1_EmptyQueueRequest__Output, _mrq_v1_EmptyQueueResponse__Output>
  EnqueueRaw: MethodDefinition<_mrq_v1_EnqueueRawRequest, _mrq_v1_EnqueueRawResponse, _mrq_v1_EnqueueRawRequest__Output, _mrq_v1_EnqueueRawResponse__Output>
  ListQueues: MethodDefinition<_mrq_v1_ListQueuesRequest, _mrq_v1_ListQueuesResponse, _mrq_v1_ListQueuesRequest__Output, _mrq_v1_ListQueuesResponse__Output>
  PauseQueue: MethodDefinition<_mrq_v1_PauseQueueRequest, _mrq_v1_PauseQueueResponse, _mrq_v1_PauseQueueRequest__Output, _mrq_v1_PauseQueueResponse__Output>
}
