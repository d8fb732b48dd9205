import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from './google/protobuf/Timestamp';
import type { CreateScheduleRequest as _mrq_v1_CreateScheduleRequest, CreateScheduleRequest__Output as _mrq_v1_CreateScheduleRequest__Output } from './mrq/v1/CreateScheduleRequest';
import type { CreateScheduleResponse as _mrq_v1_CreateScheduleResponse, CreateScheduleResponse__Output as _mrq_v1_CreateScheduleResponse__Output } from './mrq/v1/CreateScheduleResponse';
import type { DeleteScheduleRequest as _mrq_v1_DeleteScheduleRequest, DeleteScheduleRequest__Output as _mrq_v1_DeleteScheduleRequest__Output } from './mrq/v1/DeleteScheduleRequest';
import type { DeleteScheduleResponse as _mrq_v1_DeleteScheduleResponse, DeleteScheduleResponse__Output as _mrq_v1_DeleteScheduleResponse__Output } from './mrq/v1/DeleteScheduleResponse';
import type { FireScheduleRequest as _mrq_v1_FireScheduleRequest, FireScheduleRequest__Output as _mrq_v1_FireScheduleRequest__Output } from './mrq/v1/FireScheduleRequest';
import type { FireScheduleResponse as _mrq_v1_FireScheduleResponse, FireScheduleResponse__Output as _mrq_v1_FireScheduleResponse__Output } from './mrq/v1/FireScheduleResponse';
import type { GetScheduleRequest as _mrq_v1_GetScheduleRequest, GetScheduleRequest__Output as _mrq_v1_GetScheduleRequest__Output } from './mrq/v1/GetScheduleRequest';
import type { GetScheduleResponse as _mrq_v1_GetScheduleResponse, GetScheduleResponse__Output as _mrq_v1_GetScheduleResponse__Output } from './mrq/v1/GetScheduleResponse';
import type { ListSchedulesRequest as _mrq_v1_ListSchedulesRequest, ListSchedulesRequest__Output as _mrq_v1_ListSchedulesRequest__Output } from './mrq/v1/ListSchedulesRequest';
import type { ListSchedulesResponse as _mrq_v1_ListSchedulesResponse, ListSchedulesResponse__Output as _mrq_v1_ListSchedulesResponse__Output } from './mrq/v1/ListSchedulesResponse';
import type { PauseScheduleRequest as _mrq_v1_PauseScheduleRequest, PauseScheduleRequest__Output as _mrq_v1_PauseScheduleRequest__Output } from './mrq/v1/PauseScheduleRequest';
import type { PauseScheduleResponse as _mrq_v1_PauseScheduleResponse, PauseScheduleResponse__Output as _mrq_v1_PauseScheduleResponse__Output } from './mrq/v1/PauseScheduleResponse';
import type { Schedule as _mrq_v1_Schedule, Schedule__Output as _mrq_v1_Schedule__Output } from './mrq/v1/Schedule';
import type { ScheduleDefinition as _mrq_v1_ScheduleDefinition, ScheduleDefinition__Output as _mrq_v1_ScheduleDefinition__Output } from './mrq/v1/ScheduleDefinition';
import type { ScheduleServiceClient as _mrq_v1_ScheduleServiceClient, ScheduleServiceDefinition as _mrq_v1_ScheduleServiceDefinition } from './mrq/v1/ScheduleService';
import type { SyncSchedulesRequest as _mrq_v1_SyncSchedulesRequest, SyncSchedulesRequest__Output as _mrq_v1_SyncSchedulesRequest__Output } from './mrq/v1/SyncSchedulesRequest';
import type { SyncSchedulesResponse as _mrq_v1_SyncSchedulesResponse, SyncSchedulesResponse__Output as _mrq_v1_SyncSchedulesResponse__Output } from './mrq/v1/SyncSchedulesResponse';
import type { UpdateScheduleRequest as _mrq_v1_UpdateScheduleRequest, UpdateScheduleRequest__Output as _mrq_v1_UpdateScheduleRequest__Output } from './mrq/v1/UpdateScheduleRequest';
import type { UpdateScheduleResponse as _mrq_v1_UpdateScheduleResponse, UpdateScheduleResponse__Output as _mrq_v1_UpdateScheduleResponse__Output } from './mrq/v1/UpdateScheduleResponse';

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
      CreateScheduleRequest: MessageTypeDefinition<_mrq_v1_CreateScheduleRequest, _mrq_v1_CreateScheduleRequest__Output>
      CreateScheduleResponse: MessageTypeDefinition<_mrq_v1_CreateScheduleResponse, _mrq_v1_CreateScheduleResponse__Output>
      DeleteScheduleRequest: MessageTypeDefinition<_mrq_v1_DeleteScheduleRequest, _mrq_v1_DeleteScheduleRequest__Output>
      DeleteScheduleResponse: MessageTypeDefinition<_mrq_v1_DeleteScheduleResponse, _mrq_v1_DeleteScheduleResponse__Output>
      FireOutcome: EnumTypeDefinition
      FireScheduleRequest: MessageTypeDefinition<_mrq_v1_FireScheduleRequest, _mrq_v1_FireScheduleRequest__Output>
      FireScheduleResponse: MessageTypeDefinition<_mrq_v1_FireScheduleResponse, _mrq_v1_FireScheduleResponse__Output>
      GetScheduleRequest: MessageTypeDefinition<_mrq_v1_GetScheduleRequest, _mrq_v1_GetScheduleRequest__Output>
      GetScheduleResponse: MessageTypeDefinition<_mrq_v1_GetScheduleResponse, _mrq_v1_GetScheduleResponse__Output>
      ListSchedulesRequest: MessageTypeDefinition<_mrq_v1_ListSchedulesRequest, _mrq_v1_ListSchedulesRequest__Output>
      ListSchedulesResponse: MessageTypeDefinition<_mrq_v1_ListSchedulesResponse, _mrq_v1_ListSchedulesResponse__Output>
      PauseScheduleRequest: MessageTypeDefinition<_mrq_v1_PauseScheduleRequest, _mrq_v1_PauseScheduleRequest__Output>
      PauseScheduleResponse: MessageTypeDefinition<_mrq_v1_PauseScheduleResponse, _mrq_v1_PauseScheduleResponse__Output>
      Schedule: MessageTypeDefinition<_mrq_v1_Schedule, _mrq_v1_Schedule__Output>
      ScheduleDefinition: MessageTypeDefinition<_mrq_v1_ScheduleDefinition, _mrq_v1_ScheduleDefinition__Output>
      /**
       * ScheduleService manages schedules and fires their ticks. A schedule's id is a hash of its
       * definition, so the same definition always has the same id, and changing a definition makes
       * a new schedule (which counts its ticks afresh).
       */
      ScheduleService: SubtypeConstructor<typeof grpc.Client, _mrq_v1_ScheduleServiceClient> & { service: _mrq_v1_ScheduleServiceDefinition }
      ScheduleSource: EnumTypeDefinition
      SyncSchedulesRequest: MessageTypeDefinition<_mrq_v1_SyncSchedulesRequest, _mrq_v1_SyncSchedulesRequest__Output>
      SyncSchedulesResponse: MessageTypeDefinition<_mrq_v1_SyncSchedulesResponse, _mrq_v1_SyncSchedulesResponse__Output>
      UpdateScheduleRequest: MessageTypeDefinition<_mrq_v1_UpdateScheduleRequest, _mrq_v1_UpdateScheduleRequest__Output>
      UpdateScheduleResponse: MessageTypeDefinition<_mrq_v1_UpdateScheduleResponse, _mrq_v1_UpdateScheduleResponse__Output>
    }
  }
}

