import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from './google/protobuf/Timestamp';
import type { ControlMessage as _mrq_v1_ControlMessage, ControlMessage__Output as _mrq_v1_ControlMessage__Output } from './mrq/v1/ControlMessage';
import type { HeartbeatRequest as _mrq_v1_HeartbeatRequest, HeartbeatRequest__Output as _mrq_v1_HeartbeatRequest__Output } from './mrq/v1/HeartbeatRequest';
import type { HeartbeatResponse as _mrq_v1_HeartbeatResponse, HeartbeatResponse__Output as _mrq_v1_HeartbeatResponse__Output } from './mrq/v1/HeartbeatResponse';
import type { Job as _mrq_v1_Job, Job__Output as _mrq_v1_Job__Output } from './mrq/v1/Job';
import type { JobInspection as _mrq_v1_JobInspection, JobInspection__Output as _mrq_v1_JobInspection__Output } from './mrq/v1/JobInspection';
import type { JobOptions as _mrq_v1_JobOptions, JobOptions__Output as _mrq_v1_JobOptions__Output } from './mrq/v1/JobOptions';
import type { JobOutcome as _mrq_v1_JobOutcome, JobOutcome__Output as _mrq_v1_JobOutcome__Output } from './mrq/v1/JobOutcome';
import type { JobProgress as _mrq_v1_JobProgress, JobProgress__Output as _mrq_v1_JobProgress__Output } from './mrq/v1/JobProgress';
import type { LeaseJobsRequest as _mrq_v1_LeaseJobsRequest, LeaseJobsRequest__Output as _mrq_v1_LeaseJobsRequest__Output } from './mrq/v1/LeaseJobsRequest';
import type { LeaseJobsResponse as _mrq_v1_LeaseJobsResponse, LeaseJobsResponse__Output as _mrq_v1_LeaseJobsResponse__Output } from './mrq/v1/LeaseJobsResponse';
import type { LeasedJob as _mrq_v1_LeasedJob, LeasedJob__Output as _mrq_v1_LeasedJob__Output } from './mrq/v1/LeasedJob';
import type { LogChunk as _mrq_v1_LogChunk, LogChunk__Output as _mrq_v1_LogChunk__Output } from './mrq/v1/LogChunk';
import type { ReportOutcomesRequest as _mrq_v1_ReportOutcomesRequest, ReportOutcomesRequest__Output as _mrq_v1_ReportOutcomesRequest__Output } from './mrq/v1/ReportOutcomesRequest';
import type { ReportOutcomesResponse as _mrq_v1_ReportOutcomesResponse, ReportOutcomesResponse__Output as _mrq_v1_ReportOutcomesResponse__Output } from './mrq/v1/ReportOutcomesResponse';
import type { ShipLogsRequest as _mrq_v1_ShipLogsRequest, ShipLogsRequest__Output as _mrq_v1_ShipLogsRequest__Output } from './mrq/v1/ShipLogsRequest';
import type { ShipLogsResponse as _mrq_v1_ShipLogsResponse, ShipLogsResponse__Output as _mrq_v1_ShipLogsResponse__Output } from './mrq/v1/ShipLogsResponse';
import type { TracebackEntry as _mrq_v1_TracebackEntry, TracebackEntry__Output as _mrq_v1_TracebackEntry__Output } from './mrq/v1/TracebackEntry';
import type { WorkerServiceClient as _mrq_v1_WorkerServiceClient, WorkerServiceDefinition as _mrq_v1_WorkerServiceDefinition } from './mrq/v1/WorkerService';
import type { WorkerState as _mrq_v1_WorkerState, WorkerState__Output as _mrq_v1_WorkerState__Output } from './mrq/v1/WorkerState';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  google: {
    protobuf: {
      Timestamp: MessageTypeDefinition<_google_protobuf_Timestamp, _google_protobuf_Timestamp__Output>
    }
  }
  mrq: {
    v1: {
      ControlAction: EnumTypeDefinition
      ControlMessage: MessageTypeDefinition<_mrq_v1_ControlMessage, _mrq_v1_ControlMessage__Output>
      DequeueStrategy: EnumTypeDefinition
      HeartbeatRequest: MessageTypeDefinition<_mrq_v1_HeartbeatRequest, _mrq_v1_HeartbeatRequest__Output>
      HeartbeatResponse: MessageTypeDefinition<_mrq_v1_HeartbeatResponse, _mrq_v1_HeartbeatResponse__Output>
      Job: MessageTypeDefinition<_mrq_v1_Job, _mrq_v1_Job__Output>
      JobInspection: MessageTypeDefinition<_mrq_v1_JobInspection, _mrq_v1_JobInspection__Output>
      JobOptions: MessageTypeDefinition<_mrq_v1_JobOptions, _mrq_v1_JobOptions__Output>
      JobOutcome: MessageTypeDefinition<_mrq_v1_JobOutcome, _mrq_v1_JobOutcome__Output>
      JobProgress: MessageTypeDefinition<_mrq_v1_JobProgress, _mrq_v1_JobProgress__Output>
      JobStatus: EnumTypeDefinition
      LeaseJobsRequest: MessageTypeDefinition<_mrq_v1_LeaseJobsRequest, _mrq_v1_LeaseJobsRequest__Output>
      LeaseJobsResponse: MessageTypeDefinition<_mrq_v1_LeaseJobsResponse, _mrq_v1_LeaseJobsResponse__Output>
      LeasedJob: MessageTypeDefinition<_mrq_v1_LeasedJob, _mrq_v1_LeasedJob__Output>
      LogChunk: MessageTypeDefinition<_mrq_v1_LogChunk, _mrq_v1_LogChunk__Output>
      ReportOutcomesRequest: MessageTypeDefinition<_mrq_v1_ReportOutcomesRequest, _mrq_v1_ReportOutcomesRequest__Output>
      ReportOutcomesResponse: MessageTypeDefinition<_mrq_v1_ReportOutcomesResponse, _mrq_v1_ReportOutcomesResponse__Output>
      ShipLogsRequest: MessageTypeDefinition<_mrq_v1_ShipLogsRequest, _mrq_v1_ShipLogsRequest__Output>
      ShipLogsResponse: MessageTypeDefinition<_mrq_v1_ShipLogsResponse, _mrq_v1_ShipLogsResponse__Output>
      TracebackEntry: MessageTypeDefinition<_mrq_v1_TracebackEntry, _mrq_v1_TracebackEntry__Output>
      WorkerService: SubtypeConstructor<typeof grpc.Client, _mrq_v1_WorkerServiceClient> & { service: _mrq_v1_WorkerServiceDefinition }
      WorkerState: MessageTypeDefinition<_mrq_v1_WorkerState, _mrq_v1_WorkerState__Output>
    }
  }
}

