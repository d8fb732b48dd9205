/** The environment variables every MRQ program reads to reach the broker. */
import { readFileSync } from 'node:fs';

import * as grpc from '@grpc/grpc-js';

import { ConfigError } from './errors';

/** How to connect; plaintext without a token by default. */
export interface ClientOptions {
  /**
   * Sent as `authorization: Bearer <token>` on every call, for a broker started with
   * MRQ_AUTH_TOKEN. Over plaintext the token travels in clear: use that on localhost or a
   * private network only, and TLS (`credentials`) elsewhere.
   */
  token?: string;
  /** e.g. `grpc.credentials.createSsl(readFileSync('ca.pem'))`; default: plaintext. */
  credentials?: grpc.ChannelCredentials;
  /** Extra grpc-js channel options, e.g. `{ 'grpc.keepalive_time_ms': 10000 }`. */
  channelOptions?: grpc.ChannelOptions;
}

/** The broker Client.fromEnv calls when MRQ_BROKER_ADDRESS is unset. */
export const DEFAULT_ADDRESS = '127.0.0.1:50051';

/**
 * The address and options given by MRQ_BROKER_ADDRESS (default 127.0.0.1:50051);
 * MRQ_AUTH_TOKEN, or MRQ_AUTH_TOKEN_FILE (its content); and for TLS MRQ_BROKER_TLS_CA_FILE,
 * with MRQ_BROKER_TLS_CERT_FILE and MRQ_BROKER_TLS_KEY_FILE for client certificates.
 */
export function optionsFromEnv(env: NodeJS.ProcessEnv): { address: string; options: ClientOptions } {
  const { MRQ_AUTH_TOKEN: token, MRQ_AUTH_TOKEN_FILE: tokenFile } = env;
  if (token && tokenFile) {
    throw new ConfigError('mrq: set MRQ_AUTH_TOKEN or MRQ_AUTH_TOKEN_FILE, not both');
  }
  const options: ClientOptions = { token: tokenFile ? read(tokenFile, 'MRQ_AUTH_TOKEN_FILE').toString().trim() : token };
  const caFile = env['MRQ_BROKER_TLS_CA_FILE'];
  if (caFile) {
    const certFile = env['MRQ_BROKER_TLS_CERT_FILE'];
    const keyFile = env['MRQ_BROKER_TLS_KEY_FILE'];
    options.credentials = grpc.credentials.createSsl(
      read(caFile, 'MRQ_BROKER_TLS_CA_FILE'),
      keyFile ? read(keyFile, 'MRQ_BROKER_TLS_KEY_FILE') : null,
      certFile ? read(certFile, 'MRQ_BROKER_TLS_CERT_FILE') : null,
    );
  }
  return { address: env['MRQ_BROKER_ADDRESS'] || DEFAULT_ADDRESS, options };
}

function read(path: string, variable: string): Buffer {
  try {
    return readFileSync(path);
  } catch (err) {
    throw new ConfigError(`mrq: ${variable}: cannot read ${path}: ${(err as Error).message}`);
  }
}
