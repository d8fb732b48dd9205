/**
 * The errors the client throws. Everything derives from {@link MrqError}; errors the broker
 * returned derive from {@link BrokerError} and carry its gRPC status code.
 */
import { status, type ServiceError } from '@grpc/grpc-js';

import type { Job } from './job';

/** Base class of every MRQ error. */
export class MrqError extends Error {
  /** For enqueueMany: the ids the batches before the failed one enqueued (they stay enqueued). */
  enqueuedIds?: string[];

  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** The environment or options do not make a usable configuration; the message names the setting. */
export class ConfigError extends MrqError {}

/** A call the broker answered with a gRPC error status. */
export class BrokerError extends MrqError {
  /** The gRPC status code, e.g. `status.INTERNAL`. */
  readonly code: status;
  /** The broker's own message, e.g. "task: must not be empty". */
  readonly details: string;

  constructor(code: status, details: string) {
    super(`mrq: ${status[code] ?? code}: ${details}`);
    this.code = code;
    this.details = details;
  }
}

/** The broker refused a request; `field` names the bad field ("task", "params_json"...). */
export class InvalidArgumentError extends BrokerError {
  /** The offending request field, or "" when the message names none. */
  readonly field: string;

  constructor(details: string, field: string) {
    super(status.INVALID_ARGUMENT, details);
    this.field = field;
  }
}

/** No job, taskset or schedule has that id (it never existed, or it expired). */
export class NotFoundError extends BrokerError {
  constructor(details: string) {
    super(status.NOT_FOUND, details);
  }
}

/** The broker, or the databases behind it, could not be reached. Safe to retry. */
export class UnavailableError extends BrokerError {
  constructor(details: string) {
    super(status.UNAVAILABLE, details);
  }
}

/** The broker requires a token and got none, or a wrong one: pass `{ token }` to the Client. */
export class AuthenticationError extends BrokerError {
  constructor(details: string) {
    super(status.UNAUTHENTICATED, details);
  }
}

/** The call's deadline passed before the broker answered. */
export class DeadlineExceededError extends BrokerError {
  constructor(details: string) {
    super(status.DEADLINE_EXCEEDED, details);
  }
}

/** Jobs were still not final when the wait's timeout passed. */
export class WaitTimeoutError extends MrqError {
  /** Every job waited for, in the order asked, as it stood at the timeout. */
  readonly jobs: Job[];

  constructor(message: string, jobs: Job[]) {
    super(message);
    this.jobs = jobs;
  }
}

/** The field name the broker puts before its message: "task: ...", "params_json[3]: ...". */
const FIELD_PREFIX = /^([A-Za-z_][A-Za-z0-9_.[\]]*): /;

/** The error for a request refused before it was sent, shaped like the broker's own. */
export function invalidArgument(field: string, message: string): InvalidArgumentError {
  return new InvalidArgumentError(`${field}: ${message}`, field);
}

/** Converts a grpc-js error into the matching {@link BrokerError} subclass. */
export function fromServiceError(err: ServiceError): BrokerError {
  switch (err.code) {
    case status.INVALID_ARGUMENT:
      return new InvalidArgumentError(err.details, FIELD_PREFIX.exec(err.details)?.[1] ?? '');
    case status.NOT_FOUND:
      return new NotFoundError(err.details);
    case status.UNAVAILABLE:
      return new UnavailableError(err.details);
    case status.UNAUTHENTICATED:
      return new AuthenticationError(err.details);
    case status.DEADLINE_EXCEEDED:
      return new DeadlineExceededError(err.details);
    default:
      return new BrokerError(err.code, err.details);
  }
}
