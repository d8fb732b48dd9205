import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from './google/protobuf/Timestamp';
import type { ActOnJobsRequest as _mrq_v1_ActOnJobsRequest, ActOnJobsRequest__Output as _mrq_v1_ActOnJobsRequest__Output } from './mrq/v1/ActOnJobsRequest';
import type { ActOnJobsResponse as _mrq_v1_ActOnJobsResponse, ActOnJobsResponse__Output as _mrq_v1_ActOnJobsResponse__Output } from './mrq/v1/ActOnJobsResponse';
import type { ControlMessage as _mrq_v1_ControlMessage, ControlMessage__Output as _mrq_v1_ControlMessage__Output } from './mrq/v1/ControlMessage';
import type { CreateTasksetRequest as _mrq_v1_CreateTasksetRequest, CreateTasksetRequest__Output as _mrq_v1_CreateTasksetRequest__Output } from './mrq/v1/CreateTasksetRequest';
import type { CreateTasksetResponse as _mrq_v1_CreateTasksetResponse, CreateTasksetResponse__Output as _mrq_v1_CreateTasksetResponse__Output } from './mrq/v1/CreateTasksetResponse';
import type { EnqueueManyRequest as _mrq_v1_EnqueueManyRequest, EnqueueManyRequest__Output as _mrq_v1_EnqueueManyRequest__Output } from './mrq/v1/EnqueueManyRequest';
import type { EnqueueManyResponse as _mrq_v1_EnqueueManyResponse, EnqueueManyResponse__Output as _mrq_v1_EnqueueManyResponse__Output } from './mrq/v1/EnqueueManyResponse';
import type { EnqueueRequest as _mrq_v1_EnqueueRequest, EnqueueRequest__Output as _mrq_v1_EnqueueRequest__Output } from './mrq/v1/EnqueueRequest';
import type { EnqueueResponse as _mrq_v1_EnqueueResponse, EnqueueResponse__Output as _mrq_v1_EnqueueResponse__Output } from './mrq/v1/EnqueueResponse';
import type { FollowJobLogsRequest as _mrq_v1_FollowJobLogsRequest, FollowJobLogsRequest__Output as _mrq_v1_FollowJobLogsRequest__Output } from './mrq/v1/FollowJobLogsRequest';
import type { FollowJobLogsResponse as _mrq_v1_FollowJobLogsResponse, FollowJobLogsResponse__Output as _mrq_v1_FollowJobLogsResponse__Output } from './mrq/v1/FollowJobLogsResponse';
import type { GetJobLogsRequest as _mrq_v1_GetJobLogsRequest, GetJobLogsRequest__Output as _mrq_v1_GetJobLogsRequest__Output } from './mrq/v1/GetJobLogsRequest';
import type { GetJobLogsResponse as _mrq_v1_GetJobLogsResponse, GetJobLogsResponse__Output as _mrq_v1_GetJobLogsResponse__Output } from './mrq/v1/GetJobLogsResponse';
import type { GetJobRequest as _mrq_v1_GetJobRequest, GetJobRequest__Output as _mrq_v1_GetJobRequest__Output } from './mrq/v1/GetJobRequest';
import type { GetJobResponse as _mrq_v1_GetJobResponse, GetJobResponse__Output as _mrq_v1_GetJobResponse__Output } from './mrq/v1/GetJobResponse';
import type { GetServerInfoRequest as _mrq_v1_GetServerInfoRequest, GetServerInfoRequest__Output as _mrq_v1_GetServerInfoRequest__Output } from './mrq/v1/GetServerInfoRequest';
import type { GetServerInfoResponse as _mrq_v1_GetServerInfoResponse, GetServerInfoResponse__Output as _mrq_v1_GetServerInfoResponse__Output } from './mrq/v1/GetServerInfoResponse';
import type { GetTasksetRequest as _mrq_v1_GetTasksetRequest, GetTasksetRequest__Output as _mrq_v1_GetTasksetRequest__Output } from './mrq/v1/GetTasksetRequest';
import type { GetTasksetResponse as _mrq_v1_GetTasksetResponse, GetTasksetResponse__Output as _mrq_v1_GetTasksetResponse__Output } from './mrq/v1/GetTasksetResponse';
import type { HeartbeatRequest as _mrq_v1_HeartbeatRequest, HeartbeatRequest__Output as _mrq_v1_HeartbeatRequest__Output } from './mrq/v1/HeartbeatRequest';
import type { HeartbeatResponse as _mrq_v1_HeartbeatResponse, HeartbeatResponse__Output as _mrq_v1_HeartbeatResponse__Output } from './mrq/v1/HeartbeatResponse';
import type { InspectJobRequest as _mrq_v1_InspectJobRequest, InspectJobRequest__Output as _mrq_v1_InspectJobRequest__Output } from './mrq/v1/InspectJobRequest';
import type { InspectJobResponse as _mrq_v1_InspectJobResponse, InspectJobResponse__Output as _mrq_v1_InspectJobResponse__Output } from './mrq/v1/InspectJobResponse';
import type { Job as _mrq_v1_Job, Job__Output as _mrq_v1_Job__Output } from './mrq/v1/Job';
import type { JobFilter as _mrq_v1_JobFilter, JobFilter__Output as _mrq_v1_JobFilter__Output } from './mrq/v1/JobFilter';
import type { JobInspection as _mrq_v1_JobInspection, JobInspection__Output as _mrq_v1_JobInspection__Output } from './mrq/v1/JobInspection';
import type { JobOptions as _mrq_v1_JobOptions, JobOptions__Output as _mrq_v1_JobOptions__Output } from './mrq/v1/JobOptions';
import type { JobOutcome as _mrq_v1_JobOutcome, JobOutcome__Output as _mrq_v1_JobOutcome__Output } from './mrq/v1/JobOutcome';
import type { JobProgress as _mrq_v1_JobProgress, JobProgress__Output as _mrq_v1_JobProgress__Output } from './mrq/v1/JobProgress';
import type { JobQuery as _mrq_v1_JobQuery, JobQuery__Output as _mrq_v1_JobQuery__Output } from './mrq/v1/JobQuery';
import type { JobServiceClient as _mrq_v1_JobServiceClient, JobServiceDefinition as _mrq_v1_JobServiceDefinition } from './mrq/v1/JobService';
import type { LeaseJobsRequest as _mrq_v1_LeaseJobsRequest, LeaseJobsRequest__Output as _mrq_v1_LeaseJobsRequest__Output } from './mrq/v1/LeaseJobsRequest';
import type { LeaseJobsResponse as _mrq_v1_LeaseJobsResponse, LeaseJobsResponse__Output as _mrq_v1_LeaseJobsResponse__Output } from './mrq/v1/LeaseJobsResponse';
import type { LeasedJob as _mrq_v1_LeasedJob, LeasedJob__Output as _mrq_v1_LeasedJob__Output } from './mrq/v1/LeasedJob';
import type { ListTasksetsRequest as _mrq_v1_ListTasksetsRequest, ListTasksetsRequest__Output as _mrq_v1_ListTasksetsRequest__Output } from './mrq/v1/ListTasksetsRequest';
import type { ListTasksetsResponse as _mrq_v1_ListTasksetsResponse, ListTasksetsResponse__Output as _mrq_v1_ListTasksetsResponse__Output } from './mrq/v1/ListTasksetsResponse';
import type { LogChunk as _mrq_v1_LogChunk, LogChunk__Output as _mrq_v1_LogChunk__Output } from './mrq/v1/LogChunk';
import type { ReportOutcomesRequest as _mrq_v1_ReportOutcomesRequest, ReportOutcomesRequest__Output as _mrq_v1_ReportOutcomesRequest__Output } from './mrq/v1/ReportOutcomesRequest';
import type { ReportOutcomesResponse as _mrq_v1_ReportOutcomesResponse, ReportOutcomesResponse__Output as _mrq_v1_ReportOutcomesResponse__Output } from './mrq/v1/ReportOutcomesResponse';
import type { ShipLogsRequest as _mrq_v1_ShipLogsRequest, ShipLogsRequest__Output as _mrq_v1_ShipLogsRequest__Output } from './mrq/v1/ShipLogsRequest';
import type { ShipLogsResponse as _mrq_v1_ShipLogsResponse, ShipLogsResponse__Output as _mrq_v1_ShipLogsResponse__Output } from './mrq/v1/ShipLogsResponse';
import type { Taskset as _mrq_v1_Taskset, Taskset__Output as _mrq_v1_Taskset__Output } from './mrq/v1/Taskset';
import type { TracebackEntry as _mrq_v1_TracebackEntry, TracebackEntry__Output as _mrq_v1_TracebackEntry__Output } from './mrq/v1/TracebackEntry';
import type { WaitJobsRequest as _mrq_v1_WaitJobsRequest, WaitJobsRequest__Output as _mrq_v1_WaitJobsRequest__Output } from './mrq/v1/WaitJobsRequest';
import type { WaitJobsResponse as _mrq_v1_WaitJobsResponse, WaitJobsResponse__Output as _mrq_v1_WaitJobsResponse__Output } from './mrq/v1/WaitJobsResponse';
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
      ActOnJobsRequest: MessageTypeDefinition<_mrq_v1_ActOnJobsRequest, _mrq_v1_ActOnJobsRequest__Output>
      ActOnJobsResponse: MessageTypeDefinition<_mrq_v1_ActOnJobsResponse, _mrq_v1_ActOnJobsResponse__Output>
      ControlAction: EnumTypeDefinition
      ControlMessage: MessageTypeDefinition<_mrq_v1_ControlMessage, _mrq_v1_ControlMessage__Output>
      CreateTasksetRequest: MessageTypeDefinition<_mrq_v1_CreateTasksetRequest, _mrq_v1_CreateTasksetRequest__Output>
      CreateTasksetResponse: MessageTypeDefinition<_mrq_v1_CreateTasksetResponse, _mrq_v1_CreateTasksetResponse__Output>
      DequeueStrategy: EnumTypeDefinition
      EnqueueManyRequest: MessageTypeDefinition<_mrq_v1_EnqueueManyRequest, _mrq_v1_EnqueueManyRequest__Output>
      EnqueueManyResponse: MessageTypeDefinition<_mrq_v1_EnqueueManyResponse, _mrq_v1_EnqueueManyResponse__Output>
      EnqueueRequest: MessageTypeDefinition<_mrq_v1_EnqueueRequest, _mrq_v1_EnqueueRequest__Output>
      EnqueueResponse: MessageTypeDefinition<_mrq_v1_EnqueueResponse, _mrq_v1_EnqueueResponse__Output>
      FollowJobLogsRequest: MessageTypeDefinition<_mrq_v1_FollowJobLogsRequest, _mrq_v1_FollowJobLogsRequest__Output>
      FollowJobLogsResponse: MessageTypeDefinition<_mrq_v1_FollowJobLogsResponse, _mrq_v1_FollowJobLogsResponse__Output>
      GetJobLogsRequest: MessageTypeDefinition<_mrq_v1_GetJobLogsRequest, _mrq_v1_GetJobLogsRequest__Output>
      GetJobLogsResponse: MessageTypeDefinition<_mrq_v1_GetJobLogsResponse, _mrq_v1_GetJobLogsResponse__Output>
      GetJobRequest: MessageTypeDefinition<_mrq_v1_GetJobRequest, _mrq_v1_GetJobRequest__Output>
      GetJobResponse: MessageTypeDefinition<_mrq_v1_GetJobResponse, _mrq_v1_GetJobResponse__Output>
      GetServerInfoRequest: MessageTypeDefinition<_mrq_v1_GetServerInfoRequest, _mrq_v1_GetServerInfoRequest__Output>
      GetServerInfoResponse: MessageTypeDefinition<_mrq_v1_GetServerInfoResponse, _mrq_v1_GetServerInfoResponse__Output>
      GetTasksetRequest: MessageTypeDefinition<_mrq_v1_GetTasksetRequest, _mrq_v1_GetTasksetRequest__Output>
      GetTasksetResponse: MessageTypeDefinition<_mrq_v1_GetTasksetResponse, _mrq_v1_GetTasksetResponse__Output>
      HeartbeatRequest: MessageTypeDefinition<_mrq_v1_HeartbeatRequest, _mrq_v1_HeartbeatRequest__Output>
      HeartbeatResponse: MessageTypeDefinition<_mrq_v1_HeartbeatResponse, _mrq_v1_HeartbeatResponse__Output>
      InspectJobRequest: MessageTypeDefinition<_mrq_v1_InspectJobRequest, _mrq_v1_InspectJobRequest__Output>
      InspectJobResponse: MessageTypeDefinition<_mrq_v1_InspectJobResponse, _mrq_v1_InspectJobResponse__Output>
      Job: MessageTypeDefinition<_mrq_v1_Job, _mrq_v1_Job__Output>
      JobAction: EnumTypeDefinition
      JobFilter: MessageTypeDefinition<_mrq_v1_JobFilter, _mrq_v1_JobFilter__Output>
      JobInspection: MessageTypeDefinition<_mrq_v1_JobInspection, _mrq_v1_JobInspection__Output>
      JobOptions: MessageTypeDefinition<_mrq_v1_JobOptions, _mrq_v1_JobOptions__Output>
      JobOutcome: MessageTypeDefinition<_mrq_v1_JobOutcome, _mrq_v1_JobOutcome__Output>
      JobProgress: MessageTypeDefinition<_mrq_v1_JobProgress, _mrq_v1_JobProgress__Output>
      JobQuery: MessageTypeDefinition<_mrq_v1_JobQuery, _mrq_v1_JobQuery__Output>
      /**
       * JobService is what applications use to enqueue and inspect jobs.
       * 
       * Errors: INVALID_ARGUMENT names the bad field in its message (e.g. "task: ..."),
       * NOT_FOUND for an unknown job id, UNAVAILABLE while Redis or MongoDB is unreachable
       * (safe to retry: nothing was accepted).
       */
      JobService: SubtypeConstructor<typeof grpc.Client, _mrq_v1_JobServiceClient> & { service: _mrq_v1_JobServiceDefinition }
      JobStatus: EnumTypeDefinition
      LeaseJobsRequest: MessageTypeDefinition<_mrq_v1_LeaseJobsRequest, _mrq_v1_LeaseJobsRequest__Output>
      LeaseJobsResponse: MessageTypeDefinition<_mrq_v1_LeaseJobsResponse, _mrq_v1_LeaseJobsResponse__Output>
      LeasedJob: MessageTypeDefinition<_mrq_v1_LeasedJob, _mrq_v1_LeasedJob__Output>
      ListTasksetsRequest: MessageTypeDefinition<_mrq_v1_ListTasksetsRequest, _mrq_v1_ListTasksetsRequest__Output>
      ListTasksetsResponse: MessageTypeDefinition<_mrq_v1_ListTasksetsResponse, _mrq_v1_ListTasksetsResponse__Output>
      LogChunk: MessageTypeDefinition<_mrq_v1_LogChunk, _mrq_v1_LogChunk__Output>
      ReportOutcomesRequest: MessageTypeDefinition<_mrq_v1_ReportOutcomesRequest, _mrq_v1_ReportOutcomesRequest__Output>
      ReportOutcomesResponse: MessageTypeDefinition<_mrq_v1_ReportOutcomesResponse, _mrq_v1_ReportOutcomesResponse__Output>
      ShipLogsRequest: MessageTypeDefinition<_mrq_v1_ShipLogsRequest, _mrq_v1_ShipLogsRequest__Output>
      ShipLogsResponse: MessageTypeDefinition<_mrq_v1_ShipLogsResponse, _mrq_v1_ShipLogsResponse__Output>
      StatusGroup: EnumTypeDefinition
      Taskset: MessageTypeDefinition<_mrq_v1_Taskset, _mrq_v1_Taskset__Output>
      TracebackEntry: MessageTypeDefinition<_mrq_v1_TracebackEntry, _mrq_v1_TracebackEntry__Output>
      WaitJobsRequest: MessageTypeDefinition<_mrq_v1_WaitJobsRequest, _mrq_v1_WaitJobsRequest__Output>
      WaitJobsResponse: MessageTypeDefinition<_mrq_v1_WaitJobsResponse, _mrq_v1_WaitJobsResponse__Output>
      WorkerService: SubtypeConstructor<typeof grpc.Client, _mrq_v1_WorkerServiceClient> & { service: _mrq_v1_WorkerServiceDefinition }
      WorkerState: MessageTypeDefinition<_mrq_v1_WorkerState, _mrq_v1_WorkerState__Output>
    }
  }
}

