// Original file: ../../proto/mrq/v1/monitor_service.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { ActOnMatchingJobsRequest as _mrq_v1_ActOnMatchingJobsRequest, ActOnMatchingJobsRequest__Output as _mrq_v1_ActOnMatchingJobsRequest__Output } from '../../mrq/v1/ActOnMatchingJobsRequest';
import type { ActOnMatchingJobsResponse as _mrq_v1_ActOnMatchingJobsResponse, ActOnMatchingJobsResponse__Output as _mrq_v1_ActOnMatchingJobsResponse__Output } from '../../mrq/v1/ActOnMatchingJobsResponse';
import type { ControlWorkerRequest as _mrq_v1_ControlWorkerRequest, ControlWorkerRequest__Output as _mrq_v1_ControlWorkerRequest__Output } from '../../mrq/v1/ControlWorkerRequest';
import type { ControlWorkerResponse as _mrq_v1_ControlWorkerResponse, ControlWorkerResponse__Output as _mrq_v1_ControlWorkerResponse__Output } from '../../mrq/v1/ControlWorkerResponse';
import type { GetHistoryRequest as _mrq_v1_GetHistoryRequest, GetHistoryRequest__Output as _mrq_v1_GetHistoryRequest__Output } from '../../mrq/v1/GetHistoryRequest';
import type { GetHistoryResponse as _mrq_v1_GetHistoryResponse, GetHistoryResponse__Output as _mrq_v1_GetHistoryResponse__Output } from '../../mrq/v1/GetHistoryResponse';
import type { GetOverviewRequest as _mrq_v1_GetOverviewRequest, GetOverviewRequest__Output as _mrq_v1_GetOverviewRequest__Output } from '../../mrq/v1/GetOverviewRequest';
import type { GetOverviewResponse as _mrq_v1_GetOverviewResponse, GetOverviewResponse__Output as _mrq_v1_GetOverviewResponse__Output } from '../../mrq/v1/GetOverviewResponse';
import type { ListExceptionGroupsRequest as _mrq_v1_ListExceptionGroupsRequest, ListExceptionGroupsRequest__Output as _mrq_v1_ListExceptionGroupsRequest__Output } from '../../mrq/v1/ListExceptionGroupsRequest';
import type { ListExceptionGroupsResponse as _mrq_v1_ListExceptionGroupsResponse, ListExceptionGroupsResponse__Output as _mrq_v1_ListExceptionGroupsResponse__Output } from '../../mrq/v1/ListExceptionGroupsResponse';
import type { ListJobsRequest as _mrq_v1_ListJobsRequest, ListJobsRequest__Output as _mrq_v1_ListJobsRequest__Output } from '../../mrq/v1/ListJobsRequest';
import type { ListJobsResponse as _mrq_v1_ListJobsResponse, ListJobsResponse__Output as _mrq_v1_ListJobsResponse__Output } from '../../mrq/v1/ListJobsResponse';
import type { ListQueueRatesRequest as _mrq_v1_ListQueueRatesRequest, ListQueueRatesRequest__Output as _mrq_v1_ListQueueRatesRequest__Output } from '../../mrq/v1/ListQueueRatesRequest';
import type { ListQueueRatesResponse as _mrq_v1_ListQueueRatesResponse, ListQueueRatesResponse__Output as _mrq_v1_ListQueueRatesResponse__Output } from '../../mrq/v1/ListQueueRatesResponse';
import type { ListTaskStatsRequest as _mrq_v1_ListTaskStatsRequest, ListTaskStatsRequest__Output as _mrq_v1_ListTaskStatsRequest__Output } from '../../mrq/v1/ListTaskStatsRequest';
import type { ListTaskStatsResponse as _mrq_v1_ListTaskStatsResponse, ListTaskStatsResponse__Output as _mrq_v1_ListTaskStatsResponse__Output } from '../../mrq/v1/ListTaskStatsResponse';
import type { ListWorkersRequest as _mrq_v1_ListWorkersRequest, ListWorkersRequest__Output as _mrq_v1_ListWorkersRequest__Output } from '../../mrq/v1/ListWorkersRequest';
import type { ListWorkersResponse as _mrq_v1_ListWorkersResponse, ListWorkersResponse__Output as _mrq_v1_ListWorkersResponse__Output } from '../../mrq/v1/ListWorkersResponse';

/**
 * MonitorService answers the questions an operator asks of the whole deployment.
 * 
 * Errors: INVALID_ARGUMENT names the bad field in its message (e.g. "filter.queue: ..."),
 * NOT_FOUND for an unknown worker, UNAVAILABLE while Redis or MongoDB is unreachable.
 * 
 * Rates are counts over the last `window_s` seconds, read from the job records: jobs enqueued
 * (by their id's creation time) and jobs finished (by their date_finished).
 */
export interface MonitorServiceClient extends grpc.Client {
  /**
   * ActOnJobs for every job a JobQuery matches (see JobAction). With dry_run, changes nothing
   * and returns the counts as a preview. The query must set at least one criterion.
   * Deprecated, removed in v2: use JobService.ActOnJobs with `query`, which it runs.
   * @deprecated
   */
  ActOnMatchingJobs(argument: _mrq_v1_ActOnMatchingJobsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_ActOnMatchingJobsResponse__Output>): grpc.ClientUnaryCall;
  ActOnMatchingJobs(argument: _mrq_v1_ActOnMatchingJobsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mrq_v1_ActOnMatchingJobsResponse__Output>): grpc.ClientUnaryCall;
  ActOnMatchingJobs(argument: _mrq_v1_ActOnMatchingJobsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_ActOnMatchingJobsResponse__Output>): grpc.ClientUnaryCall;
  ActOnMatchingJobs(argument: _mrq_v1_ActOnMatchingJobsRequest, callback: grpc.requestCallback<_mrq_v1_ActOnMatchingJobsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * ActOnJobs for every job a JobQuery matches (see JobAction). With dry_run, changes nothing
   * and returns the counts as a preview. The query must set at least one criterion.
   * Deprecated, removed in v2: use JobService.ActOnJobs with `query`, which it runs.
   * @deprecated
   */
  actOnMatchingJobs(argument: _mrq_v1_ActOnMatchingJobsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_ActOnMatchingJobsResponse__Output>): grpc.ClientUnaryCall;
  actOnMatchingJobs(argument: _mrq_v1_ActOnMatchingJobsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mrq_v1_ActOnMatchingJobsResponse__Output>): grpc.ClientUnaryCall;
  actOnMatchingJobs(argument: _mrq_v1_ActOnMatchingJobsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_ActOnMatchingJobsResponse__Output>): grpc.ClientUnaryCall;
  actOnMatchingJobs(argument: _mrq_v1_ActOnMatchingJobsRequest, callback: grpc.requestCallback<_mrq_v1_ActOnMatchingJobsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Stops, quiets or resumes one worker. NOT_FOUND for a worker that never sent a heartbeat.
   */
  ControlWorker(argument: _mrq_v1_ControlWorkerRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_ControlWorkerResponse__Output>): grpc.ClientUnaryCall;
  ControlWorker(argument: _mrq_v1_ControlWorkerRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mrq_v1_ControlWorkerResponse__Output>): grpc.ClientUnaryCall;
  ControlWorker(argument: _mrq_v1_ControlWorkerRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_ControlWorkerResponse__Output>): grpc.ClientUnaryCall;
  ControlWorker(argument: _mrq_v1_ControlWorkerRequest, callback: grpc.requestCallback<_mrq_v1_ControlWorkerResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Stops, quiets or resumes one worker. NOT_FOUND for a worker that never sent a heartbeat.
   */
  controlWorker(argument: _mrq_v1_ControlWorkerRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_ControlWorkerResponse__Output>): grpc.ClientUnaryCall;
  controlWorker(argument: _mrq_v1_ControlWorkerRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mrq_v1_ControlWorkerResponse__Output>): grpc.ClientUnaryCall;
  controlWorker(argument: _mrq_v1_ControlWorkerRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_ControlWorkerResponse__Output>): grpc.ClientUnaryCall;
  controlWorker(argument: _mrq_v1_ControlWorkerRequest, callback: grpc.requestCallback<_mrq_v1_ControlWorkerResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Per-minute history of one queue, one task or every job, kept in Redis for a day: jobs
   * finished and failed, the queue's size, and p50/p95 durations, aggregated by step_s.
   */
  GetHistory(argument: _mrq_v1_GetHistoryRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_GetHistoryResponse__Output>): grpc.ClientUnaryCall;
  GetHistory(argument: _mrq_v1_GetHistoryRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mrq_v1_GetHistoryResponse__Output>): grpc.ClientUnaryCall;
  GetHistory(argument: _mrq_v1_GetHistoryRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_GetHistoryResponse__Output>): grpc.ClientUnaryCall;
  GetHistory(argument: _mrq_v1_GetHistoryRequest, callback: grpc.requestCallback<_mrq_v1_GetHistoryResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Per-minute history of one queue, one task or every job, kept in Redis for a day: jobs
   * finished and failed, the queue's size, and p50/p95 durations, aggregated by step_s.
   */
  getHistory(argument: _mrq_v1_GetHistoryRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_GetHistoryResponse__Output>): grpc.ClientUnaryCall;
  getHistory(argument: _mrq_v1_GetHistoryRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mrq_v1_GetHistoryResponse__Output>): grpc.ClientUnaryCall;
  getHistory(argument: _mrq_v1_GetHistoryRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_GetHistoryResponse__Output>): grpc.ClientUnaryCall;
  getHistory(argument: _mrq_v1_GetHistoryRequest, callback: grpc.requestCallback<_mrq_v1_GetHistoryResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Counts by status, the worker pool, and overall rates.
   */
  GetOverview(argument: _mrq_v1_GetOverviewRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_GetOverviewResponse__Output>): grpc.ClientUnaryCall;
  GetOverview(argument: _mrq_v1_GetOverviewRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mrq_v1_GetOverviewResponse__Output>): grpc.ClientUnaryCall;
  GetOverview(argument: _mrq_v1_GetOverviewRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_GetOverviewResponse__Output>): grpc.ClientUnaryCall;
  GetOverview(argument: _mrq_v1_GetOverviewRequest, callback: grpc.requestCallback<_mrq_v1_GetOverviewResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Counts by status, the worker pool, and overall rates.
   */
  getOverview(argument: _mrq_v1_GetOverviewRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_GetOverviewResponse__Output>): grpc.ClientUnaryCall;
  getOverview(argument: _mrq_v1_GetOverviewRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mrq_v1_GetOverviewResponse__Output>): grpc.ClientUnaryCall;
  getOverview(argument: _mrq_v1_GetOverviewRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_GetOverviewResponse__Output>): grpc.ClientUnaryCall;
  getOverview(argument: _mrq_v1_GetOverviewRequest, callback: grpc.requestCallback<_mrq_v1_GetOverviewResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Failed jobs grouped by task path and exception type, largest group first.
   */
  ListExceptionGroups(argument: _mrq_v1_ListExceptionGroupsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_ListExceptionGroupsResponse__Output>): grpc.ClientUnaryCall;
  ListExceptionGroups(argument: _mrq_v1_ListExceptionGroupsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mrq_v1_ListExceptionGroupsResponse__Output>): grpc.ClientUnaryCall;
  ListExceptionGroups(argument: _mrq_v1_ListExceptionGroupsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_ListExceptionGroupsResponse__Output>): grpc.ClientUnaryCall;
  ListExceptionGroups(argument: _mrq_v1_ListExceptionGroupsRequest, callback: grpc.requestCallback<_mrq_v1_ListExceptionGroupsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Failed jobs grouped by task path and exception type, largest group first.
   */
  listExceptionGroups(argument: _mrq_v1_ListExceptionGroupsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_ListExceptionGroupsResponse__Output>): grpc.ClientUnaryCall;
  listExceptionGroups(argument: _mrq_v1_ListExceptionGroupsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mrq_v1_ListExceptionGroupsResponse__Output>): grpc.ClientUnaryCall;
  listExceptionGroups(argument: _mrq_v1_ListExceptionGroupsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_ListExceptionGroupsResponse__Output>): grpc.ClientUnaryCall;
  listExceptionGroups(argument: _mrq_v1_ListExceptionGroupsRequest, callback: grpc.requestCallback<_mrq_v1_ListExceptionGroupsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * One page of the jobs a query matches, newest or oldest first, and how many it matches.
   * Pages are keyset-paginated by job id (creation order): pass a reply's next_cursor to read
   * the following page.
   */
  ListJobs(argument: _mrq_v1_ListJobsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_ListJobsResponse__Output>): grpc.ClientUnaryCall;
  ListJobs(argument: _mrq_v1_ListJobsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mrq_v1_ListJobsResponse__Output>): grpc.ClientUnaryCall;
  ListJobs(argument: _mrq_v1_ListJobsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_ListJobsResponse__Output>): grpc.ClientUnaryCall;
  ListJobs(argument: _mrq_v1_ListJobsRequest, callback: grpc.requestCallback<_mrq_v1_ListJobsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * One page of the jobs a query matches, newest or oldest first, and how many it matches.
   * Pages are keyset-paginated by job id (creation order): pass a reply's next_cursor to read
   * the following page.
   */
  listJobs(argument: _mrq_v1_ListJobsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_ListJobsResponse__Output>): grpc.ClientUnaryCall;
  listJobs(argument: _mrq_v1_ListJobsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mrq_v1_ListJobsResponse__Output>): grpc.ClientUnaryCall;
  listJobs(argument: _mrq_v1_ListJobsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_ListJobsResponse__Output>): grpc.ClientUnaryCall;
  listJobs(argument: _mrq_v1_ListJobsRequest, callback: grpc.requestCallback<_mrq_v1_ListJobsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Jobs enqueued and finished per queue within the window, and stored jobs by status.
   */
  ListQueueRates(argument: _mrq_v1_ListQueueRatesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_ListQueueRatesResponse__Output>): grpc.ClientUnaryCall;
  ListQueueRates(argument: _mrq_v1_ListQueueRatesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mrq_v1_ListQueueRatesResponse__Output>): grpc.ClientUnaryCall;
  ListQueueRates(argument: _mrq_v1_ListQueueRatesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_ListQueueRatesResponse__Output>): grpc.ClientUnaryCall;
  ListQueueRates(argument: _mrq_v1_ListQueueRatesRequest, callback: grpc.requestCallback<_mrq_v1_ListQueueRatesResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Jobs enqueued and finished per queue within the window, and stored jobs by status.
   */
  listQueueRates(argument: _mrq_v1_ListQueueRatesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_ListQueueRatesResponse__Output>): grpc.ClientUnaryCall;
  listQueueRates(argument: _mrq_v1_ListQueueRatesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mrq_v1_ListQueueRatesResponse__Output>): grpc.ClientUnaryCall;
  listQueueRates(argument: _mrq_v1_ListQueueRatesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_ListQueueRatesResponse__Output>): grpc.ClientUnaryCall;
  listQueueRates(argument: _mrq_v1_ListQueueRatesRequest, callback: grpc.requestCallback<_mrq_v1_ListQueueRatesResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Counts by status and finished rate per task path.
   */
  ListTaskStats(argument: _mrq_v1_ListTaskStatsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_ListTaskStatsResponse__Output>): grpc.ClientUnaryCall;
  ListTaskStats(argument: _mrq_v1_ListTaskStatsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mrq_v1_ListTaskStatsResponse__Output>): grpc.ClientUnaryCall;
  ListTaskStats(argument: _mrq_v1_ListTaskStatsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_ListTaskStatsResponse__Output>): grpc.ClientUnaryCall;
  ListTaskStats(argument: _mrq_v1_ListTaskStatsRequest, callback: grpc.requestCallback<_mrq_v1_ListTaskStatsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Counts by status and finished rate per task path.
   */
  listTaskStats(argument: _mrq_v1_ListTaskStatsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_ListTaskStatsResponse__Output>): grpc.ClientUnaryCall;
  listTaskStats(argument: _mrq_v1_ListTaskStatsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mrq_v1_ListTaskStatsResponse__Output>): grpc.ClientUnaryCall;
  listTaskStats(argument: _mrq_v1_ListTaskStatsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_ListTaskStatsResponse__Output>): grpc.ClientUnaryCall;
  listTaskStats(argument: _mrq_v1_ListTaskStatsRequest, callback: grpc.requestCallback<_mrq_v1_ListTaskStatsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Workers that sent a heartbeat within seen_within_s, newest heartbeat first.
   */
  ListWorkers(argument: _mrq_v1_ListWorkersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_ListWorkersResponse__Output>): grpc.ClientUnaryCall;
  ListWorkers(argument: _mrq_v1_ListWorkersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mrq_v1_ListWorkersResponse__Output>): grpc.ClientUnaryCall;
  ListWorkers(argument: _mrq_v1_ListWorkersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_ListWorkersResponse__Output>): grpc.ClientUnaryCall;
  ListWorkers(argument: _mrq_v1_ListWorkersRequest, callback: grpc.requestCallback<_mrq_v1_ListWorkersResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Workers that sent a heartbeat within seen_within_s, newest heartbeat first.
   */
  listWorkers(argument: _mrq_v1_ListWorkersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_ListWorkersResponse__Output>): grpc.ClientUnaryCall;
  listWorkers(argument: _mrq_v1_ListWorkersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mrq_v1_ListWorkersResponse__Output>): grpc.ClientUnaryCall;
  listWorkers(argument: _mrq_v1_ListWorkersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_ListWorkersResponse__Output>): grpc.ClientUnaryCall;
  listWorkers(argument: _mrq_v1_ListWorkersRequest, callback: grpc.requestCallback<_mrq_v1_ListWorkersResponse__Output>): grpc.ClientUnaryCall;
  
}

/**
 * MonitorService answers the questions an operator asks of the whole deployment.
 * 
 * Errors: INVALID_ARGUMENT names the bad field in its message (e.g. "filter.queue: ..."),
 * NOT_FOUND for an unknown worker, UNAVAILABLE while Redis or MongoDB is unreachable.
 * 
 * Rates are counts over the last `window_s` seconds, read from the job records: jobs enqueued
 * (by their id's creation time) and jobs finished (by their date_finished).
 */
export interface MonitorServiceHandlers extends grpc.UntypedServiceImplementation {
  /**
   * ActOnJobs for every job a JobQuery matches (see JobAction). With dry_run, changes nothing
   * and returns the counts as a preview. The query must set at least one criterion.
   * Deprecated, removed in v2: use JobService.ActOnJobs with `query`, which it runs.
   */
  ActOnMatchingJobs: grpc.handleUnaryCall<_mrq_v1_ActOnMatchingJobsRequest__Output, _mrq_v1_ActOnMatchingJobsResponse>;
  
  /**
   * Stops, quiets or resumes one worker. NOT_FOUND for a worker that never sent a heartbeat.
   */
  ControlWorker: grpc.handleUnaryCall<_mrq_v1_ControlWorkerRequest__Output, _mrq_v1_ControlWorkerResponse>;
  
  /**
   * Per-minute history of one queue, one task or every job, kept in Redis for a day: jobs
   * finished and failed, the queue's size, and p50/p95 durations, aggregated by step_s.
   */
  GetHistory: grpc.handleUnaryCall<_mrq_v1_GetHistoryRequest__Output, _mrq_v1_GetHistoryResponse>;
  
  /**
   * Counts by status, the worker pool, and overall rates.
   */
  GetOverview: grpc.handleUnaryCall<_mrq_v1_GetOverviewRequest__Output, _mrq_v1_GetOverviewResponse>;
  
  /**
   * Failed jobs grouped by task path and exception type, largest group first.
   */
  ListExceptionGroups: grpc.handleUnaryCall<_mrq_v1_ListExceptionGroupsRequest__Output, _mrq_v1_ListExceptionGroupsResponse>;
  
  /**
   * One page of the jobs a query matches, newest or oldest first, and how many it matches.
   * Pages are keyset-paginated by job id (creation order): pass a reply's next_cursor to read
   * the following page.
   */
  ListJobs: grpc.handleUnaryCall<_mrq_v1_ListJobsRequest__Output, _mrq_v1_ListJobsResponse>;
  
  /**
   * Jobs enqueued and finished per queue within the window, and stored jobs by status.
   */
  ListQueueRates: grpc.handleUnaryCall<_mrq_v1_ListQueueRatesRequest__Output, _mrq_v1_ListQueueRatesResponse>;
  
  /**
   * Counts by status and finished rate per task path.
   */
  ListTaskStats: grpc.handleUnaryCall<_mrq_v1_ListTaskStatsRequest__Output, _mrq_v1_ListTaskStatsResponse>;
  
  /**
   * Workers that sent a heartbeat within seen_within_s, newest heartbeat first.
   */
  ListWorkers: grpc.handleUnaryCall<_mrq_v1_ListWorkersRequest__Output, _mrq_v1_ListWorkersResponse>;
  
}

export interface MonitorServiceDefinition extends grpc.ServiceDefinition {
  ActOnMatchingJobs: MethodDefinition<_mrq_v1_ActOnMatchingJobsRequest, _mrq_v1_ActOnMatchingJobsResponse, _mrq_v1_ActOnMatchingJobsRequest__Output, _mrq_v1_ActOnMatchingJobsResponse__Output>
  ControlWorker: MethodDefinition<_mrq_v1_ControlWorkerRequest, _mrq_v1_ControlWorkerResponse, _mrq_v1_ControlWorkerRequest__Output, _mrq_v1_ControlWorkerResponse__Output>
  GetHistory: MethodDefinition<_mrq_v1_GetHistoryRequest, _mrq_v1_GetHistoryResponse, _mrq_v1_GetHistoryRequest__Output, _mrq_v1_GetHistoryResponse__Output>
  GetOverview: MethodDefinition<_mrq_v1_GetOverviewRequest, _mrq_v1_GetOverviewResponse, _mrq_v1_GetOverviewRequest__Output, _mrq_v1_GetOverviewResponse__Output>
  ListExceptionGroups: MethodDefinition<_mrq_v1_ListExceptionGroupsRequest, _mrq_v1_ListExceptionGroupsResponse, _mrq_v1_ListExceptionGroupsRequest__Output, _mrq_v1_ListExceptionGroupsResponse__Output>
  ListJobs: MethodDefinition<_mrq_v1_ListJobsRequest, _mrq_v1_ListJobsResponse, _mrq_v1_ListJobsRequest__Output, _mrq_v1_ListJobsResponse__Output>
  ListQueueRates: MethodDefinition<_mrq_v1_ListQueueRatesRequest, _mrq_v1_ListQueueRatesResponse, _mrq_v1_ListQueueRatesRequest__Output, _mrq_v1_ListQueueRatesResponse__Output>
  ListTaskStats: MethodDefinition<_mrq_v1_ListTaskStatsRequest, _mrq_v1_ListTaskStatsResponse, _mrq_v1_ListTaskStatsRequest__Output, _mrq_v1_ListTaskStatsResponse__Output>
  ListWorkers: MethodDefinition<_mrq_v1_ListWorkersRequest, _mrq_v1_ListWorkersResponse, _mrq_v1_ListWorkersRequest__Output, _mrq_v1_ListWorkersResponse__Output>
}
