/** How the client makes calls: per-call deadlines and AbortSignals, errors made typed. */
import * as grpc from '@grpc/grpc-js';

import { MrqError, fromServiceError } from './errors';

/** Options of every call. */
export interface CallOptions {
  /** Cancels the call: it rejects with the signal's reason (an AbortError by default). */
  signal?: AbortSignal;
  /** The call fails with DeadlineExceededError after this instant (a Date or epoch ms). */
  deadline?: Date | number;
}

/** Starts one unary call of a generated stub, e.g. `(m, o, cb) => stub.GetJob(request, m, o, cb)`. */
export type UnaryInvoker<Res> = (
  metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<Res>,
) => grpc.ClientUnaryCall;

/** grpc-js's options for one call of ours. */
export function grpcOptions(opts: CallOptions = {}): grpc.CallOptions {
  return opts.deadline === undefined ? {} : { deadline: opts.deadline };
}

/** Cancels `call` when `signal` aborts; returns the function that stops listening. */
export function cancelOnAbort(signal: AbortSignal | undefined, call: { cancel(): void }): () => void {
  if (signal === undefined) {
    return () => undefined;
  }
  const cancel = (): void => call.cancel();
  signal.addEventListener('abort', cancel, { once: true });
  return () => signal.removeEventListener('abort', cancel);
}

/** Runs one unary call as a promise, with our errors. */
export function unary<Res>(invoke: UnaryInvoker<Res>, opts: CallOptions = {}): Promise<Res> {
  opts.signal?.throwIfAborted();
  return new Promise((resolve, reject) => {
    let release = (): void => undefined;
    const call = invoke(new grpc.Metadata(), grpcOptions(opts), (err, value) => {
      release();
      if (opts.signal?.aborted) {
        reject(opts.signal.reason);
      } else if (err) {
        reject(fromServiceError(err));
      } else if (value === undefined) {
        reject(new MrqError('mrq: empty response from the broker'));
      } else {
        resolve(value);
      }
    });
    release = cancelOnAbort(opts.signal, call);
  });
}

/**
 * Adds `authorization: Bearer <token>` to every call. An interceptor, not call credentials,
 * so that it also works over plaintext (grpc-js sends call credentials over TLS only).
 */
export function tokenInterceptor(token: string): grpc.Interceptor {
  return (options, nextCall) => new grpc.InterceptingCall(nextCall(options), {
    start(metadata, listener, next) {
      metadata.set('authorization', `Bearer ${token}`);
      next(metadata, listener);
    },
  });
}
