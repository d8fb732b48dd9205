/** An in-process JobService (and MonitorService) on a free loopback port, for tests that need no broker. */
import * as grpc from '@grpc/grpc-js';

import { Client } from '../src';
import type { JobServiceHandlers } from '../src/generated/mrq/v1/JobService';
import type { MonitorServiceHandlers } from '../src/generated/mrq/v1/MonitorService';
import { loadContract } from '../src/proto';

/** A running fake broker and a client of it. */
export interface Fake {
  client: Client;
  /** How many calls the fake served. */
  calls(): number;
  stop(): Promise<void>;
}

/** The limits the fake reports unless a test gives its own GetServerInfo. */
export const FAKE_LIMITS = { version: '0.1.0', maxBatchSize: 10, maxWaitS: 1.5 };

/**
 * Starts a server with the given handlers (the others answer UNIMPLEMENTED, but
 * GetServerInfo, which answers FAKE_LIMITS), and MonitorService's `monitor` handlers.
 */
export async function startFake(
  handlers: Partial<JobServiceHandlers>, monitor: Partial<MonitorServiceHandlers> = {},
): Promise<Fake> {
  let calls = 0;
  const counted: grpc.UntypedServiceImplementation = {};
  const withInfo: Partial<JobServiceHandlers> = {
    GetServerInfo: (_call, cb) => cb(null, FAKE_LIMITS),
    ...handlers,
  };
  for (const [name, handler] of Object.entries(withInfo)) {
    counted[name] = (call: grpc.ServerUnaryCall<unknown, unknown>, cb: grpc.sendUnaryData<unknown>) => {
      calls++;
      (handler as grpc.handleUnaryCall<unknown, unknown>)(call, cb);
    };
  }
  const server = new grpc.Server();
  server.addService(loadContract().mrq.v1.JobService.service, counted);
  server.addService(loadContract().mrq.v1.MonitorService.service, monitor as grpc.UntypedServiceImplementation);
  const port = await new Promise<number>((resolve, reject) => {
    server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (err, p) =>
      err ? reject(err) : resolve(p));
  });
  const client = new Client(`127.0.0.1:${port}`);
  return {
    client,
    calls: () => calls,
    stop: async () => {
      client.close();
      await new Promise<void>((resolve) => server.tryShutdown(() => resolve()));
    },
  };
}

/** A handler answering with a gRPC error status. */
export function failWith(code: grpc.status, details: string): grpc.handleUnaryCall<unknown, never> {
  return (_call, cb) => cb({ code, details, name: 'Error', message: details, metadata: new grpc.Metadata() });
}
