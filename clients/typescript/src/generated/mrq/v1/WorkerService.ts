// Original file: ../../proto/mrq/v1/worker_service.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { HeartbeatRequest as _mrq_v1_HeartbeatRequest, HeartbeatRequest__Output as _mrq_v1_HeartbeatRequest__Output } from '../../mrq/v1/HeartbeatRequest';
import type { HeartbeatResponse as _mrq_v1_HeartbeatResponse, HeartbeatResponse__Output as _mrq_v1_HeartbeatResponse__Output } from '../../mrq/v1/HeartbeatResponse';
import type { LeaseJobsRequest as _mrq_v1_LeaseJobsRequest, LeaseJobsRequest__Output as _mrq_v1_LeaseJobsRequest__Output } from '../../mrq/v1/LeaseJobsRequest';
import type { LeaseJobsResponse as _mrq_v1_LeaseJobsResponse, LeaseJobsResponse__Output as _mrq_v1_LeaseJobsResponse__Output } from '../../mrq/v1/LeaseJobsResponse';
import type { ReportOutcomesRequest as _mrq_v1_ReportOutcomesRequest, ReportOutcomesRequest__Output as _mrq_v1_ReportOutcomesRequest__Output } from '../../mrq/v1/ReportOutcomesRequest';
import type { ReportOutcomesResponse as _mrq_v1_ReportOutcomesResponse, ReportOutcomesResponse__Output as _mrq_v1_ReportOutcomesResponse__Output } from '../../mrq/v1/ReportOutcomesResponse';
import type { ShipLogsRequest as _mrq_v1_ShipLogsRequest, ShipLogsRequest__Output as _mrq_v1_ShipLogsRequest__Output } from '../../mrq/v1/ShipLogsRequest';
import type { ShipLogsResponse as _mrq_v1_ShipLogsResponse, ShipLogsResponse__Output as _mrq_v1_ShipLogsResponse__Output } from '../../mrq/v1/ShipLogsResponse';

export interface WorkerServiceClient extends grpc.Client {
  /**
   * Renews the leases of the listed jobs, records the worker's state, and returns control
   * messages for it.
   */
  Heartbeat(argument: _mrq_v1_HeartbeatRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_HeartbeatResponse__Output>): grpc.ClientUnaryCall;
  Heartbeat(argument: _mrq_v1_HeartbeatRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mrq_v1_HeartbeatResponse__Output>): grpc.ClientUnaryCall;
  Heartbeat(argument: _mrq_v1_HeartbeatRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_HeartbeatResponse__Output>): grpc.ClientUnaryCall;
  Heartbeat(argument: _mrq_v1_HeartbeatRequest, callback: grpc.requestCallback<_mrq_v1_HeartbeatResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Renews the leases of the listed jobs, records the worker's state, and returns control
   * messages for it.
   */
  heartbeat(argument: _mrq_v1_HeartbeatRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_HeartbeatResponse__Output>): grpc.ClientUnaryCall;
  heartbeat(argument: _mrq_v1_HeartbeatRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mrq_v1_HeartbeatResponse__Output>): grpc.ClientUnaryCall;
  heartbeat(argument: _mrq_v1_HeartbeatRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_HeartbeatResponse__Output>): grpc.ClientUnaryCall;
  heartbeat(argument: _mrq_v1_HeartbeatRequest, callback: grpc.requestCallback<_mrq_v1_HeartbeatResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Leases up to max_jobs jobs, taking from the queues in the order given; blocks up to
   * wait_s when none is ready. An empty reply is normal.
   */
  LeaseJobs(argument: _mrq_v1_LeaseJobsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_LeaseJobsResponse__Output>): grpc.ClientUnaryCall;
  LeaseJobs(argument: _mrq_v1_LeaseJobsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mrq_v1_LeaseJobsResponse__Output>): grpc.ClientUnaryCall;
  LeaseJobs(argument: _mrq_v1_LeaseJobsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_LeaseJobsResponse__Output>): grpc.ClientUnaryCall;
  LeaseJobs(argument: _mrq_v1_LeaseJobsRequest, callback: grpc.requestCallback<_mrq_v1_LeaseJobsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Leases up to max_jobs jobs, taking from the queues in the order given; blocks up to
   * wait_s when none is ready. An empty reply is normal.
   */
  leaseJobs(argument: _mrq_v1_LeaseJobsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_LeaseJobsResponse__Output>): grpc.ClientUnaryCall;
  leaseJobs(argument: _mrq_v1_LeaseJobsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mrq_v1_LeaseJobsResponse__Output>): grpc.ClientUnaryCall;
  leaseJobs(argument: _mrq_v1_LeaseJobsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_LeaseJobsResponse__Output>): grpc.ClientUnaryCall;
  leaseJobs(argument: _mrq_v1_LeaseJobsRequest, callback: grpc.requestCallback<_mrq_v1_LeaseJobsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Records the outcomes of leased jobs and releases their leases. Outcomes for leases the
   * worker no longer holds (cancelled, timed out, re-delivered) are ignored and counted.
   */
  ReportOutcomes(argument: _mrq_v1_ReportOutcomesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_ReportOutcomesResponse__Output>): grpc.ClientUnaryCall;
  ReportOutcomes(argument: _mrq_v1_ReportOutcomesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mrq_v1_ReportOutcomesResponse__Output>): grpc.ClientUnaryCall;
  ReportOutcomes(argument: _mrq_v1_ReportOutcomesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_ReportOutcomesResponse__Output>): grpc.ClientUnaryCall;
  ReportOutcomes(argument: _mrq_v1_ReportOutcomesRequest, callback: grpc.requestCallback<_mrq_v1_ReportOutcomesResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Records the outcomes of leased jobs and releases their leases. Outcomes for leases the
   * worker no longer holds (cancelled, timed out, re-delivered) are ignored and counted.
   */
  reportOutcomes(argument: _mrq_v1_ReportOutcomesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_ReportOutcomesResponse__Output>): grpc.ClientUnaryCall;
  reportOutcomes(argument: _mrq_v1_ReportOutcomesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mrq_v1_ReportOutcomesResponse__Output>): grpc.ClientUnaryCall;
  reportOutcomes(argument: _mrq_v1_ReportOutcomesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_ReportOutcomesResponse__Output>): grpc.ClientUnaryCall;
  reportOutcomes(argument: _mrq_v1_ReportOutcomesRequest, callback: grpc.requestCallback<_mrq_v1_ReportOutcomesResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Stores log text of running jobs, batched: a worker buffers each job's lines and ships
   * every job's new lines in one call about every half second, and a job's last lines before
   * reporting its outcome. Each chunk is appended to its job's log in the order received, so a
   * worker sends at most one call at a time. Not idempotent: a retried call may store twice.
   */
  ShipLogs(argument: _mrq_v1_ShipLogsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_ShipLogsResponse__Output>): grpc.ClientUnaryCall;
  ShipLogs(argument: _mrq_v1_ShipLogsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mrq_v1_ShipLogsResponse__Output>): grpc.ClientUnaryCall;
  ShipLogs(argument: _mrq_v1_ShipLogsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_ShipLogsResponse__Output>): grpc.ClientUnaryCall;
  ShipLogs(argument: _mrq_v1_ShipLogsRequest, callback: grpc.requestCallback<_mrq_v1_ShipLogsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Stores log text of running jobs, batched: a worker buffers each job's lines and ships
   * every job's new lines in one call about every half second, and a job's last lines before
   * reporting its outcome. Each chunk is appended to its job's log in the order received, so a
   * worker sends at most one call at a time. Not idempotent: a retried call may store twice.
   */
  shipLogs(argument: _mrq_v1_ShipLogsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_ShipLogsResponse__Output>): grpc.ClientUnaryCall;
  shipLogs(argument: _mrq_v1_ShipLogsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mrq_v1_ShipLogsResponse__Output>): grpc.ClientUnaryCall;
  shipLogs(argument: _mrq_v1_ShipLogsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_ShipLogsResponse__Output>): grpc.ClientUnaryCall;
  shipLogs(argument: _mrq_v1_ShipLogsRequest, callback: grpc.requestCallback<_mrq_v1_ShipLogsResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface WorkerServiceHandlers extends grpc.UntypedServiceImplementation {
  /**
   * Renews the leases of the listed jobs, records the worker's state, and returns control
   * messages for it.
   */
  Heartbeat: grpc.handleUnaryCall<_mrq_v1_HeartbeatRequest__Output, _mrq_v1_HeartbeatResponse>;
  
  /**
   * Leases up to max_jobs jobs, taking from the queues in the order given; blocks up to
   * wait_s when none is ready. An empty reply is normal.
   */
  LeaseJobs: grpc.handleUnaryCall<_mrq_v1_LeaseJobsRequest__Output, _mrq_v1_LeaseJobsResponse>;
  
  /**
   * Records the outcomes of leased jobs and releases their leases. Outcomes for leases the
   * worker no longer holds (cancelled, timed out, re-delivered) are ignored and counted.
   */
  ReportOutcomes: grpc.handleUnaryCall<_mrq_v1_ReportOutcomesRequest__Output, _mrq_v1_ReportOutcomesResponse>;
  
  /**
   * Stores log text of running jobs, batched: a worker buffers each job's lines and ships
   * every job's new lines in one call about every half second, and a job's last lines before
   * reporting its outcome. Each chunk is appended to its job's log in the order received, so a
   * worker sends at most one call at a time. Not idempotent: a retried call may store twice.
   */
  ShipLogs: grpc.handleUnaryCall<_mrq_v1_ShipLogsRequest__Output, _mrq_v1_ShipLogsResponse>;
  
}

export interface WorkerServiceDefinition extends grpc.ServiceDefinition {
  Heartbeat: MethodDefinition<_mrq_v1_HeartbeatRequest, _mrq_v1_HeartbeatResponse, _mrq_v1_HeartbeatRequest__Output, _mrq_v1_HeartbeatResponse__Output>
  LeaseJobs: MethodDefinition<_mrq_v1_LeaseJobsRequest, _mrq_v1_LeaseJobsResponse, _mrq_v1_LeaseJobsRequest__Output, _mrq_v1_LeaseJobsResponse__Output>
  ReportOutcomes: MethodDefinition<_mrq_v1_ReportOutcomesRequest, _mrq_v1_ReportOutcomesResponse, _mrq_v1_ReportOutcomesRequest__Output, _mrq_v1_ReportOutcomesResponse__Output>
  ShipLogs: MethodDefinition<_mrq_v1_ShipLogsRequest, _mrq_v1_ShipLogsResponse, _mrq_v1_ShipLogsRequest__Output, _mrq_v1_ShipLogsResponse__Output>
}
