import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from './google/protobuf/Timestamp';
import type { Job as _mrq_v1_Job, Job__Output as _mrq_v1_Job__Output } from './mrq/v1/Job';
import type { JobOptions as _mrq_v1_JobOptions, JobOptions__Output as _mrq_v1_JobOptions__Output } from './mrq/v1/JobOptions';
import type { JobQuery as _mrq_v1_JobQuery, JobQuery__Output as _mrq_v1_JobQuery__Output } from './mrq/v1/JobQuery';
import type { TracebackEntry as _mrq_v1_TracebackEntry, TracebackEntry__Output as _mrq_v1_TracebackEntry__Output } from './mrq/v1/TracebackEntry';

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
      Job: MessageTypeDefinition<_mrq_v1_Job, _mrq_v1_Job__Output>
      JobOptions: MessageTypeDefinition<_mrq_v1_JobOptions, _mrq_v1_JobOptions__Output>
      JobQuery: MessageTypeDefinition<_mrq_v1_JobQuery, _mrq_v1_JobQuery__Output>
      JobStatus: EnumTypeDefinition
      StatusGroup: EnumTypeDefinition
      TracebackEntry: MessageTypeDefinition<_mrq_v1_TracebackEntry, _mrq_v1_TracebackEntry__Output>
    }
  }
}

