// Original file: ../../proto/mrq/v1/job_service.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { ActOnJobsRequest as _mrq_v1_ActOnJobsRequest, ActOnJobsRequest__Output as _mrq_v1_ActOnJobsRequest__Output } from '../../mrq/v1/ActOnJobsRequest';
import type { ActOnJobsResponse as _mrq_v1_ActOnJobsResponse, ActOnJobsResponse__Output as _mrq_v1_ActOnJobsResponse__Output } from '../../mrq/v1/ActOnJobsResponse';
import type { CreateTasksetRequest as _mrq_v1_CreateTasksetRequest, CreateTasksetRequest__Output as _mrq_v1_CreateTasksetRequest__Output } from '../../mrq/v1/CreateTasksetRequest';
import type { CreateTasksetResponse as _mrq_v1_CreateTasksetResponse, CreateTasksetResponse__Output as _mrq_v1_CreateTasksetResponse__Output } from '../../mrq/v1/CreateTasksetResponse';
import type { EnqueueManyRequest as _mrq_v1_EnqueueManyRequest, EnqueueManyRequest__Output as _mrq_v1_EnqueueManyRequest__Output } from '../../mrq/v1/EnqueueManyRequest';
import type { EnqueueManyResponse as _mrq_v1_EnqueueManyResponse, EnqueueManyResponse__Output as _mrq_v1_EnqueueManyResponse__Output } from '../../mrq/v1/EnqueueManyResponse';
import type { EnqueueRequest as _mrq_v1_EnqueueRequest, EnqueueRequest__Output as _mrq_v1_EnqueueRequest__Output } from '../../mrq/v1/EnqueueRequest';
import type { EnqueueResponse as _mrq_v1_EnqueueResponse, EnqueueResponse__Output as _mrq_v1_EnqueueResponse__Output } from '../../mrq/v1/EnqueueResponse';
import type { FollowJobLogsRequest as _mrq_v1_FollowJobLogsRequest, FollowJobLogsRequest__Output as _mrq_v1_FollowJobLogsRequest__Output } from '../../mrq/v1/FollowJobLogsRequest';
import type { FollowJobLogsResponse as _mrq_v1_FollowJobLogsResponse, FollowJobLogsResponse__Output as _mrq_v1_FollowJobLogsResponse__Output } from '../../mrq/v1/FollowJobLogsResponse';
import type { GetJobLogsRequest as _mrq_v1_GetJobLogsRequest, GetJobLogsRequest__Output as _mrq_v1_GetJobLogsRequest__Output } from '../../mrq/v1/GetJobLogsRequest';
import type { GetJobLogsResponse as _mrq_v1_GetJobLogsResponse, GetJobLogsResponse__Output as _mrq_v1_GetJobLogsResponse__Output } from '../../mrq/v1/GetJobLogsResponse';
import type { GetJobRequest as _mrq_v1_GetJobRequest, GetJobRequest__Output as _mrq_v1_GetJobRequest__Output } from '../../mrq/v1/GetJobRequest';
import type { GetJobResponse as _mrq_v1_GetJobResponse, GetJobResponse__Output as _mrq_v1_GetJobResponse__Output } from '../../mrq/v1/GetJobResponse';
import type { GetServerInfoRequest as _mrq_v1_GetServerInfoRequest, GetServerInfoRequest__Output as _mrq_v1_GetServerInfoRequest__Output } from '../../mrq/v1/GetServerInfoRequest';
import type { GetServerInfoResponse as _mrq_v1_GetServerInfoResponse, GetServerInfoResponse__Output as _mrq_v1_GetServerInfoResponse__Output } from '../../mrq/v1/GetServerInfoResponse';
import type { GetTasksetRequest as _mrq_v1_GetTasksetRequest, GetTasksetRequest__Output as _mrq_v1_GetTasksetRequest__Output } from '../../mrq/v1/GetTasksetRequest';
import type { GetTasksetResponse as _mrq_v1_GetTasksetResponse, GetTasksetResponse__Output as _mrq_v1_GetTasksetResponse__Output } from '../../mrq/v1/GetTasksetResponse';
import type { InspectJobRequest as _mrq_v1_InspectJobRequest, InspectJobRequest__Output as _mrq_v1_InspectJobRequest__Output } from '../../mrq/v1/InspectJobRequest';
import type { InspectJobResponse as _mrq_v1_InspectJobResponse, InspectJobResponse__Output as _mrq_v1_InspectJobResponse__Output } from '../../mrq/v1/InspectJobResponse';
import type { ListTasksetsRequest as _mrq_v1_ListTasksetsRequest, ListTasksetsRequest__Output as _mrq_v1_ListTasksetsRequest__Output } from '../../mrq/v1/ListTasksetsRequest';
import type { ListTasksetsResponse as _mrq_v1_ListTasksetsResponse, ListTasksetsResponse__Output as _mrq_v1_ListTasksetsResponse__Output } from '../../mrq/v1/ListTasksetsResponse';
import type { WaitJobsRequest as _mrq_v1_WaitJobsRequest, WaitJobsRequest__Output as _mrq_v1_WaitJobsRequest__Output } from '../../mrq/v1/WaitJobsRequest';
import type { WaitJobsResponse as _mrq_v1_WaitJobsResponse, WaitJobsResponse__Output as _mrq_v1_WaitJobsResponse__Output } from '../../mrq/v1/WaitJobsResponse';

/**
 * JobService is what applications use to enqueue and inspect jobs.
 * 
 * Errors: INVALID_ARGUMENT names the bad field in its message (e.g. "task: ..."),
 * NOT_FOUND for an unknown job id, UNAVAILABLE while Redis or MongoDB is unreachable
 * (safe to retry: nothing was accepted).
 */
export interface JobServiceClient extends grpc.Client {
  /**
   * Cancels, requeues, retries or deletes jobs, chosen by id or by query, and returns how many
   * matched, changed and were skipped (see JobAction for what each action does). A job
   * running on a worker is never requeued, retried nor deleted: only cancel applies to it. Jobs are
   * handled in batches, each job at most once per call; jobs that change status while the
   * call runs are re-checked at the moment they are changed, never overwritten blindly.
   * With dry_run, nothing changes and the counts are a preview.
   */
  ActOnJobs(argument: _mrq_v1_ActOnJobsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_ActOnJobsResponse__Output>): grpc.ClientUnaryCall;
  ActOnJobs(argument: _mrq_v1_ActOnJobsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mrq_v1_ActOnJobsResponse__Output>): grpc.ClientUnaryCall;
  ActOnJobs(argument: _mrq_v1_ActOnJobsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_ActOnJobsResponse__Output>): grpc.ClientUnaryCall;
  ActOnJobs(argument: _mrq_v1_ActOnJobsRequest, callback: grpc.requestCallback<_mrq_v1_ActOnJobsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Cancels, requeues, retries or deletes jobs, chosen by id or by query, and returns how many
   * matched, changed and were skipped (see JobAction for what each action does). A job
   * running on a worker is never requeued, retried nor deleted: only cancel applies to it. Jobs are
   * handled in batches, each job at most once per call; jobs that change status while the
   * call runs are re-checked at the moment they are changed, never overwritten blindly.
   * With dry_run, nothing changes and the counts are a preview.
   */
  actOnJobs(argument: _mrq_v1_ActOnJobsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_ActOnJobsResponse__Output>): grpc.ClientUnaryCall;
  actOnJobs(argument: _mrq_v1_ActOnJobsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mrq_v1_ActOnJobsResponse__Output>): grpc.ClientUnaryCall;
  actOnJobs(argument: _mrq_v1_ActOnJobsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_ActOnJobsResponse__Output>): grpc.ClientUnaryCall;
  actOnJobs(argument: _mrq_v1_ActOnJobsRequest, callback: grpc.requestCallback<_mrq_v1_ActOnJobsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Enqueues a group of jobs of one task as a taskset, atomically accepted or refused as a
   * whole (at most ServerInfo.max_batch_size members). The broker counts its members' final
   * statuses; once every member is final it enqueues the optional callback job exactly once,
   * with params {"taskset_id": id, "results": [each member's result, in member order; null
   * for a member that did not succeed], ...callback_params}. A member that is requeued or
   * retried by hand after it was final is counted once only, by its first final status.
   */
  CreateTaskset(argument: _mrq_v1_CreateTasksetRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_CreateTasksetResponse__Output>): grpc.ClientUnaryCall;
  CreateTaskset(argument: _mrq_v1_CreateTasksetRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mrq_v1_CreateTasksetResponse__Output>): grpc.ClientUnaryCall;
  CreateTaskset(argument: _mrq_v1_CreateTasksetRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_CreateTasksetResponse__Output>): grpc.ClientUnaryCall;
  CreateTaskset(argument: _mrq_v1_CreateTasksetRequest, callback: grpc.requestCallback<_mrq_v1_CreateTasksetResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Enqueues a group of jobs of one task as a taskset, atomically accepted or refused as a
   * whole (at most ServerInfo.max_batch_size members). The broker counts its members' final
   * statuses; once every member is final it enqueues the optional callback job exactly once,
   * with params {"taskset_id": id, "results": [each member's result, in member order; null
   * for a member that did not succeed], ...callback_params}. A member that is requeued or
   * retried by hand after it was final is counted once only, by its first final status.
   */
  createTaskset(argument: _mrq_v1_CreateTasksetRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_CreateTasksetResponse__Output>): grpc.ClientUnaryCall;
  createTaskset(argument: _mrq_v1_CreateTasksetRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mrq_v1_CreateTasksetResponse__Output>): grpc.ClientUnaryCall;
  createTaskset(argument: _mrq_v1_CreateTasksetRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_CreateTasksetResponse__Output>): grpc.ClientUnaryCall;
  createTaskset(argument: _mrq_v1_CreateTasksetRequest, callback: grpc.requestCallback<_mrq_v1_CreateTasksetResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Enqueues one job and returns its id.
   */
  Enqueue(argument: _mrq_v1_EnqueueRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_EnqueueResponse__Output>): grpc.ClientUnaryCall;
  Enqueue(argument: _mrq_v1_EnqueueRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mrq_v1_EnqueueResponse__Output>): grpc.ClientUnaryCall;
  Enqueue(argument: _mrq_v1_EnqueueRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_EnqueueResponse__Output>): grpc.ClientUnaryCall;
  Enqueue(argument: _mrq_v1_EnqueueRequest, callback: grpc.requestCallback<_mrq_v1_EnqueueResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Enqueues one job and returns its id.
   */
  enqueue(argument: _mrq_v1_EnqueueRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_EnqueueResponse__Output>): grpc.ClientUnaryCall;
  enqueue(argument: _mrq_v1_EnqueueRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mrq_v1_EnqueueResponse__Output>): grpc.ClientUnaryCall;
  enqueue(argument: _mrq_v1_EnqueueRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_EnqueueResponse__Output>): grpc.ClientUnaryCall;
  enqueue(argument: _mrq_v1_EnqueueRequest, callback: grpc.requestCallback<_mrq_v1_EnqueueResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Enqueues many jobs of one task with shared options, atomically accepted or refused
   * as a whole. At most ServerInfo.max_batch_size params per call.
   */
  EnqueueMany(argument: _mrq_v1_EnqueueManyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_EnqueueManyResponse__Output>): grpc.ClientUnaryCall;
  EnqueueMany(argument: _mrq_v1_EnqueueManyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mrq_v1_EnqueueManyResponse__Output>): grpc.ClientUnaryCall;
  EnqueueMany(argument: _mrq_v1_EnqueueManyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_EnqueueManyResponse__Output>): grpc.ClientUnaryCall;
  EnqueueMany(argument: _mrq_v1_EnqueueManyRequest, callback: grpc.requestCallback<_mrq_v1_EnqueueManyResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Enqueues many jobs of one task with shared options, atomically accepted or refused
   * as a whole. At most ServerInfo.max_batch_size params per call.
   */
  enqueueMany(argument: _mrq_v1_EnqueueManyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_EnqueueManyResponse__Output>): grpc.ClientUnaryCall;
  enqueueMany(argument: _mrq_v1_EnqueueManyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mrq_v1_EnqueueManyResponse__Output>): grpc.ClientUnaryCall;
  enqueueMany(argument: _mrq_v1_EnqueueManyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_EnqueueManyResponse__Output>): grpc.ClientUnaryCall;
  enqueueMany(argument: _mrq_v1_EnqueueManyRequest, callback: grpc.requestCallback<_mrq_v1_EnqueueManyResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Streams a job's log text from the cursor `from_offset` on, as workers ship it, until the
   * job is final (its last lines included); at once if it already is. Followers are woken
   * through Redis pub/sub and re-check at least every second.
   */
  FollowJobLogs(argument: _mrq_v1_FollowJobLogsRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_mrq_v1_FollowJobLogsResponse__Output>;
  FollowJobLogs(argument: _mrq_v1_FollowJobLogsRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_mrq_v1_FollowJobLogsResponse__Output>;
  /**
   * Streams a job's log text from the cursor `from_offset` on, as workers ship it, until the
   * job is final (its last lines included); at once if it already is. Followers are woken
   * through Redis pub/sub and re-check at least every second.
   */
  followJobLogs(argument: _mrq_v1_FollowJobLogsRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_mrq_v1_FollowJobLogsResponse__Output>;
  followJobLogs(argument: _mrq_v1_FollowJobLogsRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_mrq_v1_FollowJobLogsResponse__Output>;
  
  /**
   * Reads one job.
   */
  GetJob(argument: _mrq_v1_GetJobRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_GetJobResponse__Output>): grpc.ClientUnaryCall;
  GetJob(argument: _mrq_v1_GetJobRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mrq_v1_GetJobResponse__Output>): grpc.ClientUnaryCall;
  GetJob(argument: _mrq_v1_GetJobRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_GetJobResponse__Output>): grpc.ClientUnaryCall;
  GetJob(argument: _mrq_v1_GetJobRequest, callback: grpc.requestCallback<_mrq_v1_GetJobResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Reads one job.
   */
  getJob(argument: _mrq_v1_GetJobRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_GetJobResponse__Output>): grpc.ClientUnaryCall;
  getJob(argument: _mrq_v1_GetJobRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mrq_v1_GetJobResponse__Output>): grpc.ClientUnaryCall;
  getJob(argument: _mrq_v1_GetJobRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_GetJobResponse__Output>): grpc.ClientUnaryCall;
  getJob(argument: _mrq_v1_GetJobRequest, callback: grpc.requestCallback<_mrq_v1_GetJobResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Reads a job's log text from the cursor `from_offset` on (0 = from the start). Logs are
   * stored in chunks, as workers ship them; a reply holds whole chunks, at most
   * ServerInfo.max_batch_size of them, and the cursor to ask for next.
   */
  GetJobLogs(argument: _mrq_v1_GetJobLogsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_GetJobLogsResponse__Output>): grpc.ClientUnaryCall;
  GetJobLogs(argument: _mrq_v1_GetJobLogsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mrq_v1_GetJobLogsResponse__Output>): grpc.ClientUnaryCall;
  GetJobLogs(argument: _mrq_v1_GetJobLogsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_GetJobLogsResponse__Output>): grpc.ClientUnaryCall;
  GetJobLogs(argument: _mrq_v1_GetJobLogsRequest, callback: grpc.requestCallback<_mrq_v1_GetJobLogsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Reads a job's log text from the cursor `from_offset` on (0 = from the start). Logs are
   * stored in chunks, as workers ship them; a reply holds whole chunks, at most
   * ServerInfo.max_batch_size of them, and the cursor to ask for next.
   */
  getJobLogs(argument: _mrq_v1_GetJobLogsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_GetJobLogsResponse__Output>): grpc.ClientUnaryCall;
  getJobLogs(argument: _mrq_v1_GetJobLogsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mrq_v1_GetJobLogsResponse__Output>): grpc.ClientUnaryCall;
  getJobLogs(argument: _mrq_v1_GetJobLogsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_GetJobLogsResponse__Output>): grpc.ClientUnaryCall;
  getJobLogs(argument: _mrq_v1_GetJobLogsRequest, callback: grpc.requestCallback<_mrq_v1_GetJobLogsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Version, limits and features of this broker; cheap, for clients and workers to
   * negotiate.
   */
  GetServerInfo(argument: _mrq_v1_GetServerInfoRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_GetServerInfoResponse__Output>): grpc.ClientUnaryCall;
  GetServerInfo(argument: _mrq_v1_GetServerInfoRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mrq_v1_GetServerInfoResponse__Output>): grpc.ClientUnaryCall;
  GetServerInfo(argument: _mrq_v1_GetServerInfoRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_GetServerInfoResponse__Output>): grpc.ClientUnaryCall;
  GetServerInfo(argument: _mrq_v1_GetServerInfoRequest, callback: grpc.requestCallback<_mrq_v1_GetServerInfoResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Version, limits and features of this broker; cheap, for clients and workers to
   * negotiate.
   */
  getServerInfo(argument: _mrq_v1_GetServerInfoRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_GetServerInfoResponse__Output>): grpc.ClientUnaryCall;
  getServerInfo(argument: _mrq_v1_GetServerInfoRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mrq_v1_GetServerInfoResponse__Output>): grpc.ClientUnaryCall;
  getServerInfo(argument: _mrq_v1_GetServerInfoRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_GetServerInfoResponse__Output>): grpc.ClientUnaryCall;
  getServerInfo(argument: _mrq_v1_GetServerInfoRequest, callback: grpc.requestCallback<_mrq_v1_GetServerInfoResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Reads a taskset's counts and progress. NOT_FOUND for an unknown id.
   */
  GetTaskset(argument: _mrq_v1_GetTasksetRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_GetTasksetResponse__Output>): grpc.ClientUnaryCall;
  GetTaskset(argument: _mrq_v1_GetTasksetRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mrq_v1_GetTasksetResponse__Output>): grpc.ClientUnaryCall;
  GetTaskset(argument: _mrq_v1_GetTasksetRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_GetTasksetResponse__Output>): grpc.ClientUnaryCall;
  GetTaskset(argument: _mrq_v1_GetTasksetRequest, callback: grpc.requestCallback<_mrq_v1_GetTasksetResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Reads a taskset's counts and progress. NOT_FOUND for an unknown id.
   */
  getTaskset(argument: _mrq_v1_GetTasksetRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_GetTasksetResponse__Output>): grpc.ClientUnaryCall;
  getTaskset(argument: _mrq_v1_GetTasksetRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mrq_v1_GetTasksetResponse__Output>): grpc.ClientUnaryCall;
  getTaskset(argument: _mrq_v1_GetTasksetRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_GetTasksetResponse__Output>): grpc.ClientUnaryCall;
  getTaskset(argument: _mrq_v1_GetTasksetRequest, callback: grpc.requestCallback<_mrq_v1_GetTasksetResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * The live state of a started job: its current stack, elapsed and CPU time, asked of its
   * worker. FAILED_PRECONDITION if the job is not started; DEADLINE_EXCEEDED if the worker
   * does not answer within timeout_s.
   */
  InspectJob(argument: _mrq_v1_InspectJobRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_InspectJobResponse__Output>): grpc.ClientUnaryCall;
  InspectJob(argument: _mrq_v1_InspectJobRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mrq_v1_InspectJobResponse__Output>): grpc.ClientUnaryCall;
  InspectJob(argument: _mrq_v1_InspectJobRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_InspectJobResponse__Output>): grpc.ClientUnaryCall;
  InspectJob(argument: _mrq_v1_InspectJobRequest, callback: grpc.requestCallback<_mrq_v1_InspectJobResponse__Output>): grpc.ClientUnaryCall;
  /**
   * The live state of a started job: its current stack, elapsed and CPU time, asked of its
   * worker. FAILED_PRECONDITION if the job is not started; DEADLINE_EXCEEDED if the worker
   * does not answer within timeout_s.
   */
  inspectJob(argument: _mrq_v1_InspectJobRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_InspectJobResponse__Output>): grpc.ClientUnaryCall;
  inspectJob(argument: _mrq_v1_InspectJobRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mrq_v1_InspectJobResponse__Output>): grpc.ClientUnaryCall;
  inspectJob(argument: _mrq_v1_InspectJobRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_InspectJobResponse__Output>): grpc.ClientUnaryCall;
  inspectJob(argument: _mrq_v1_InspectJobRequest, callback: grpc.requestCallback<_mrq_v1_InspectJobResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Lists tasksets, newest first, one page at a time: pass a reply's next_cursor to read the
   * following page. Each taskset's counts are read by its id (its members are never scanned),
   * so a page costs the same whatever the number of jobs; its job_ids are left empty (read
   * them with GetTaskset).
   */
  ListTasksets(argument: _mrq_v1_ListTasksetsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_ListTasksetsResponse__Output>): grpc.ClientUnaryCall;
  ListTasksets(argument: _mrq_v1_ListTasksetsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mrq_v1_ListTasksetsResponse__Output>): grpc.ClientUnaryCall;
  ListTasksets(argument: _mrq_v1_ListTasksetsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_ListTasksetsResponse__Output>): grpc.ClientUnaryCall;
  ListTasksets(argument: _mrq_v1_ListTasksetsRequest, callback: grpc.requestCallback<_mrq_v1_ListTasksetsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Lists tasksets, newest first, one page at a time: pass a reply's next_cursor to read the
   * following page. Each taskset's counts are read by its id (its members are never scanned),
   * so a page costs the same whatever the number of jobs; its job_ids are left empty (read
   * them with GetTaskset).
   */
  listTasksets(argument: _mrq_v1_ListTasksetsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_ListTasksetsResponse__Output>): grpc.ClientUnaryCall;
  listTasksets(argument: _mrq_v1_ListTasksetsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mrq_v1_ListTasksetsResponse__Output>): grpc.ClientUnaryCall;
  listTasksets(argument: _mrq_v1_ListTasksetsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_ListTasksetsResponse__Output>): grpc.ClientUnaryCall;
  listTasksets(argument: _mrq_v1_ListTasksetsRequest, callback: grpc.requestCallback<_mrq_v1_ListTasksetsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Waits, server-side, until every listed job is final or the timeout passes, then
   * returns them all in the order asked.
   */
  WaitJobs(argument: _mrq_v1_WaitJobsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_WaitJobsResponse__Output>): grpc.ClientUnaryCall;
  WaitJobs(argument: _mrq_v1_WaitJobsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mrq_v1_WaitJobsResponse__Output>): grpc.ClientUnaryCall;
  WaitJobs(argument: _mrq_v1_WaitJobsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_WaitJobsResponse__Output>): grpc.ClientUnaryCall;
  WaitJobs(argument: _mrq_v1_WaitJobsRequest, callback: grpc.requestCallback<_mrq_v1_WaitJobsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Waits, server-side, until every listed job is final or the timeout passes, then
   * returns them all in the order asked.
   */
  waitJobs(argument: _mrq_v1_WaitJobsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_WaitJobsResponse__Output>): grpc.ClientUnaryCall;
  waitJobs(argument: _mrq_v1_WaitJobsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mrq_v1_WaitJobsResponse__Output>): grpc.ClientUnaryCall;
  waitJobs(argument: _mrq_v1_WaitJobsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_WaitJobsResponse__Output>): grpc.ClientUnaryCall;
  waitJobs(argument: _mrq_v1_WaitJobsRequest, callback: grpc.requestCallback<_mrq_v1_WaitJobsResponse__Output>): grpc.ClientUnaryCall;
  
}

/**
 * JobService is what applications use to enqueue and inspect jobs.
 * 
 * Errors: INVALID_ARGUMENT names the bad field in its message (e.g. "task: ..."),
 * NOT_FOUND for an unknown job id, UNAVAILABLE while Redis or MongoDB is unreachable
 * (safe to retry: nothing was accepted).
 */
export interface JobServiceHandlers extends grpc.UntypedServiceImplementation {
  /**
   * Cancels, requeues, retries or deletes jobs, chosen by id or by query, and returns how many
   * matched, changed and were skipped (see JobAction for what each action does). A job
   * running on a worker is never requeued, retried nor deleted: only cancel applies to it. Jobs are
   * handled in batches, each job at most once per call; jobs that change status while the
   * call runs are re-checked at the moment they are changed, never overwritten blindly.
   * With dry_run, nothing changes and the counts are a preview.
   */
  ActOnJobs: grpc.handleUnaryCall<_mrq_v1_ActOnJobsRequest__Output, _mrq_v1_ActOnJobsResponse>;
  
  /**
   * Enqueues a group of jobs of one task as a taskset, atomically accepted or refused as a
   * whole (at most ServerInfo.max_batch_size members). The broker counts its members' final
   * statuses; once every member is final it enqueues the optional callback job exactly once,
   * with params {"taskset_id": id, "results": [each member's result, in member order; null
   * for a member that did not succeed], ...callback_params}. A member that is requeued or
   * retried by hand after it was final is counted once only, by its first final status.
   */
  CreateTaskset: grpc.handleUnaryCall<_mrq_v1_CreateTasksetRequest__Output, _mrq_v1_CreateTasksetResponse>;
  
  /**
   * Enqueues one job and returns its id.
   */
  Enqueue: grpc.handleUnaryCall<_mrq_v1_EnqueueRequest__Output, _mrq_v1_EnqueueResponse>;
  
  /**
   * Enqueues many jobs of one task with shared options, atomically accepted or refused
   * as a whole. At most ServerInfo.max_batch_size params per call.
   */
  EnqueueMany: grpc.handleUnaryCall<_mrq_v1_EnqueueManyRequest__Output, _mrq_v1_EnqueueManyResponse>;
  
  /**
   * Streams a job's log text from the cursor `from_offset` on, as workers ship it, until the
   * job is final (its last lines included); at once if it already is. Followers are woken
   * through Redis pub/sub and re-check at least every second.
   */
  FollowJobLogs: grpc.handleServerStreamingCall<_mrq_v1_FollowJobLogsRequest__Output, _mrq_v1_FollowJobLogsResponse>;
  
  /**
   * Reads one job.
   */
  GetJob: grpc.handleUnaryCall<_mrq_v1_GetJobRequest__Output, _mrq_v1_GetJobResponse>;
  
  /**
   * Reads a job's log text from the cursor `from_offset` on (0 = from the start). Logs are
   * stored in chunks, as workers ship them; a reply holds whole chunks, at most
   * ServerInfo.max_batch_size of them, and the cursor to ask for next.
   */
  GetJobLogs: grpc.handleUnaryCall<_mrq_v1_GetJobLogsRequest__Output, _mrq_v1_GetJobLogsResponse>;
  
  /**
   * Version, limits and features of this broker; cheap, for clients and workers to
   * negotiate.
   */
  GetServerInfo: grpc.handleUnaryCall<_mrq_v1_GetServerInfoRequest__Output, _mrq_v1_GetServerInfoResponse>;
  
  /**
   * Reads a taskset's counts and progress. NOT_FOUND for an unknown id.
   */
  GetTaskset: grpc.handleUnaryCall<_mrq_v1_GetTasksetRequest__Output, _mrq_v1_GetTasksetResponse>;
  
  /**
   * The live state of a started job: its current stack, elapsed and CPU time, asked of its
   * worker. FAILED_PRECONDITION if the job is not started; DEADLINE_EXCEEDED if the worker
   * does not answer within timeout_s.
   */
  InspectJob: grpc.handleUnaryCall<_mrq_v1_InspectJobRequest__Output, _mrq_v1_InspectJobResponse>;
  
  /**
   * Lists tasksets, newest first, one page at a time: pass a reply's next_cursor to read the
   * following page. Each taskset's counts are read by its id (its members are never scanned),
   * so a page costs the same whatever the number of jobs; its job_ids are left empty (read
   * them with GetTaskset).
   */
  ListTasksets: grpc.handleUnaryCall<_mrq_v1_ListTasksetsRequest__Output, _mrq_v1_ListTasksetsResponse>;
  
  /**
   * Waits, server-side, until every listed job is final or the timeout passes, then
   * returns them all in the order asked.
   */
  WaitJobs: grpc.handleUnaryCall<_mrq_v1_WaitJobsRequest__Output, _mrq_v1_WaitJobsResponse>;
  
}

export interface JobServiceDefinition extends grpc.ServiceDefinition {
  ActOnJobs: MethodDefinition<_mrq_v1_ActOnJobsRequest, _mrq_v1_ActOnJobsResponse, _mrq_v1_ActOnJobsRequest__Output, _mrq_v1_ActOnJobsResponse__Output>
  CreateTaskset: MethodDefinition<_mrq_v1_CreateTasksetRequest, _mrq_v1_CreateTasksetResponse, _mrq_v1_CreateTasksetRequest__Output, _mrq_v1_CreateTasksetResponse__Output>
  Enqueue: MethodDefinition<_mrq_v1_EnqueueRequest, _mrq_v1_EnqueueResponse, _mrq_v1_EnqueueRequest__Output, _mrq_v1_EnqueueResponse__Output>
  EnqueueMany: MethodDefinition<_mrq_v1_EnqueueManyRequest, _mrq_v1_EnqueueManyResponse, _mrq_v1_EnqueueManyRequest__Output, _mrq_v1_EnqueueManyResponse__Output>
  FollowJobLogs: MethodDefinition<_mrq_v1_FollowJobLogsRequest, _mrq_v1_FollowJobLogsResponse, _mrq_v1_FollowJobLogsRequest__Output, _mrq_v1_FollowJobLogsResponse__Output>
  GetJob: MethodDefinition<_mrq_v1_GetJobRequest, _mrq_v1_GetJobResponse, _mrq_v1_GetJobRequest__Output, _mrq_v1_GetJobResponse__Output>
  GetJobLogs: MethodDefinition<_mrq_v1_GetJobLogsRequest, _mrq_v1_GetJobLogsResponse, _mrq_v1_GetJobLogsRequest__Output, _mrq_v1_GetJobLogsResponse__Output>
  GetServerInfo: MethodDefinition<_mrq_v1_GetServerInfoRequest, _mrq_v1_GetServerInfoResponse, _mrq_v1_GetServerInfoRequest__Output, _mrq_v1_GetServerInfoResponse__Output>
  GetTaskset: MethodDefinition<_mrq_v1_GetTasksetRequest, _mrq_v1_GetTasksetResponse, _mrq_v1_GetTasksetRequest__Output, _mrq_v1_GetTasksetResponse__Output>
  InspectJob: MethodDefinition<_mrq_v1_InspectJobRequest, _mrq_v1_InspectJobResponse, _mrq_v1_InspectJobRequest__Output, _mrq_v1_InspectJobResponse__Output>
  ListTasksets: MethodDefinition<_mrq_v1_ListTasksetsRequest, _mrq_v1_ListTasksetsResponse, _mrq_v1_ListTasksetsRequest__Output, _mrq_v1_ListTasksetsResponse__Output>
  WaitJobs: MethodDefinition<_mrq_v1_WaitJobsRequest, _mrq_v1_WaitJobsResponse, _mrq_v1_WaitJobsRequest__Output, _mrq_v1_WaitJobsResponse__Output>
}
