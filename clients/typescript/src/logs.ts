/** A job's logs: read so far, or followed as the worker ships them. */
import { status } from '@grpc/grpc-js';

import { fromServiceError, UnavailableError } from './errors';
import type { GetJobLogsResponse__Output } from './generated/mrq/v1/GetJobLogsResponse';
import type { FollowJobLogsResponse__Output } from './generated/mrq/v1/FollowJobLogsResponse';
import type { JobServiceClient } from './generated/mrq/v1/JobService';
import { cancelOnAbort, grpcOptions, unary, type CallOptions } from './rpc';

/** How many times in a row followLogs resumes a stream cut by UNAVAILABLE, and its first wait. */
const FOLLOW_RETRIES = 8;
const FOLLOW_BACKOFF_MS = 200;

/** The job's log text so far; see Client.logs. */
export async function readLogs(stub: JobServiceClient, jobId: string, call?: CallOptions): Promise<string> {
  let text = '';
  let offset = 0;
  for (;;) {
    const page = await unary<GetJobLogsResponse__Output>(
      (m, o, cb) => stub.GetJobLogs({ jobId, fromOffset: offset }, m, o, cb), call);
    text += page.text;
    const next = Number(page.nextOffset);
    if (page.complete || next <= offset) {
      return text;
    }
    offset = next;
  }
}

/** The job's log lines as they come; see Client.followLogs. */
export async function* followLogs(stub: JobServiceClient, jobId: string, call: CallOptions = {}): AsyncGenerator<string> {
  let offset = 0;
  let failures = 0;
  for (;;) {
    call.signal?.throwIfAborted();
    const stream = stub.FollowJobLogs({ jobId, fromOffset: offset }, grpcOptions(call));
    const release = cancelOnAbort(call.signal, stream);
    try {
      for await (const response of stream as AsyncIterable<FollowJobLogsResponse__Output>) {
        failures = 0;
        offset = Number(response.nextOffset);
        yield* response.text.split('\n').filter((line, i, all) => line !== '' || i < all.length - 1);
      }
      return;
    } catch (err) {
      call.signal?.throwIfAborted();
      const typed = isServiceError(err) ? fromServiceError(err) : err;
      if (!(typed instanceof UnavailableError) || ++failures > FOLLOW_RETRIES) {
        throw typed;
      }
    } finally {
      release();
      stream.cancel(); // a consumer that stops iterating ends the stream
    }
    await new Promise((resolve) => setTimeout(resolve, FOLLOW_BACKOFF_MS * 2 ** (failures - 1)));
  }
}

function isServiceError(err: unknown): err is Parameters<typeof fromServiceError>[0] {
  return typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'number'
    && err.code in status;
}
