/**
 * Loads the mrq.v1 contract from the .proto files shipped with the package.
 *
 * The loader options must match the flags that scripts/proto.sh passes to
 * proto-loader-gen-types, or the generated types in ./generated would lie.
 */
import * as path from 'node:path';

import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';

import type { ProtoGrpcType } from './generated/job_service';

/** clients/typescript/proto, from dist/src (the compiled location of this file). */
export const PROTO_DIR = path.join(__dirname, '..', '..', 'proto');

const LOADER_OPTIONS: protoLoader.Options = {
  keepCase: false,
  longs: String,
  enums: String,
  defaults: true,
  oneofs: true,
  includeDirs: [PROTO_DIR],
};

let cached: ProtoGrpcType | undefined;

/** The mrq.v1 package as grpc-js objects; parsed on first use, then cached. */
export function loadContract(): ProtoGrpcType {
  if (cached === undefined) {
    const definition = protoLoader.loadSync(['mrq/v1/job_service.proto'], LOADER_OPTIONS);
    cached = grpc.loadPackageDefinition(definition) as unknown as ProtoGrpcType;
  }
  return cached;
}
