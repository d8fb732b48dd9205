/**
 * Loads the mrq.v1 contract from the .proto files shipped with the package (proto/, a copy of
 * proto/mrq/v1 written by `make proto`), and the retry policy of reads every MRQ client shares.
 *
 * The loader options must match the flags that scripts/proto.sh passes to
 * proto-loader-gen-types, or the generated types in ./generated would lie.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';

import type { ProtoGrpcType as JobProto } from './generated/job_service';
import type { ProtoGrpcType as MonitorProto } from './generated/monitor_service';
import type { ProtoGrpcType as QueueProto } from './generated/queue_service';
import type { ProtoGrpcType as ScheduleProto } from './generated/schedule_service';

/** The package's proto/ folder, from dist/src (the compiled location of this file). */
export const PROTO_DIR = path.join(__dirname, '..', '..', 'proto');

const LOADER_OPTIONS: protoLoader.Options = {
  keepCase: false,
  longs: String,
  enums: String,
  defaults: true,
  oneofs: true,
  includeDirs: [PROTO_DIR],
};

/** The services this client calls, as grpc-js objects. */
export type Contract = JobProto & MonitorProto & QueueProto & ScheduleProto;

let cached: Contract | undefined;

/** The mrq.v1 package as grpc-js objects; parsed on first use, then cached. */
export function loadContract(): Contract {
  if (cached === undefined) {
    const files = ['job_service', 'monitor_service', 'queue_service', 'schedule_service'].map((f) => `mrq/v1/${f}.proto`);
    cached = grpc.loadPackageDefinition(protoLoader.loadSync(files, LOADER_OPTIONS)) as unknown as Contract;
  }
  return cached;
}

/**
 * The gRPC service config every MRQ client loads (proto/mrq/v1/service_config.json): reads are
 * retried on UNAVAILABLE, writes never are.
 */
export function serviceConfig(): string {
  return readFileSync(path.join(PROTO_DIR, 'mrq', 'v1', 'service_config.json'), 'utf8');
}
