/** The client: enqueue jobs on an mrq-broker and read them back. */
import * as grpc from '@grpc/grpc-js';

import { MrqError, WaitTimeoutError, fromServiceError } from './errors';
import type { EnqueueManyResponse__Output } from './generated/mrq/v1/EnqueueManyResponse';
import type { EnqueueResponse__Output } from './generated/mrq/v1/EnqueueResponse';
import type { GetJobResponse__Output } from './generated/mrq/v1/GetJobResponse';
import type { GetServerInfoResponse__Output } from './generated/mrq/v1/GetServerInfoResponse';
import type { JobServiceClient } from './generated/mrq/v1/JobService';
import type { WaitJobsResponse__Output } from './generated/mrq/v1/WaitJobsResponse';
import { isFinal, jobFromWire, type Job } from './job';
import { optionsToWire, type EnqueueOptions } from './options';
import { encodeParams } from './params';
import { loadContract } from './proto';

/** How to connect; plaintext by default. */
export interface ClientOptions {
  /** e.g. `grpc.credentials.createSsl()`; default: insecure (plaintext). */
  credentials?: grpc.ChannelCredentials;
  /** Extra grpc-js channel options, e.g. `{ 'grpc.keepalive_time_ms': 10000 }`. */
  channelOptions?: grpc.ChannelOptions;
}

/** The outcome of {@link Client.enqueue}. */
export interface EnqueueResult {
  /** The new job's id, or the existing job's id when deduplicated. */
  jobId: string;
  /** True when a queued or started job with the same dedupe key already existed. */
  deduplicated: boolean;
}

/** A broker's version, limits and features. */
export interface ServerInfo {
  version: string;
  maxParamsBytes: number;
  maxBatchSize: number;
  maxWaitS: number;
  leaseTtlS: number;
  features: string[];
}

/**
 * A client of one mrq-broker (address "host:port"). It connects lazily, on the first call,
 * and reconnects as needed. Call {@link Client.close} when done.
 */
export class Client {
  private readonly stub: JobServiceClient;

  constructor(address: string, options: ClientOptions = {}) {
    const { JobService } = loadContract().mrq.v1;
    this.stub = new JobService(
      address,
      options.credentials ?? grpc.credentials.createInsecure(),
      options.channelOptions,
    );
  }

  /**
   * Enqueues one job of `task` (a dotted path, e.g. "tasks.add"). `params` is serialised
   * with JSON.stringify, except a {@link RawJson}, sent as is; `undefined` means `{}`.
   */
  async enqueue(task: string, params?: unknown, opts?: EnqueueOptions): Promise<EnqueueResult> {
    const request = { task, paramsJson: encodeParams(params, 'params_json'), options: optionsToWire(opts) };
    const response = await this.call<EnqueueResponse__Output>((cb) => this.stub.Enqueue(request, cb));
    return { jobId: response.jobId, deduplicated: response.deduplicated };
  }

  /**
   * Enqueues one job of `task` per entry of `paramsList`, with shared options, and returns
   * their ids in the same order. The broker accepts or refuses the batch as a whole.
   */
  async enqueueMany(task: string, paramsList: unknown[], opts?: EnqueueOptions): Promise<string[]> {
    const request = {
      task,
      paramsJson: paramsList.map((p, i) => encodeParams(p, `params_json[${i}]`)),
      options: optionsToWire(opts),
    };
    const response = await this.call<EnqueueManyResponse__Output>((cb) => this.stub.EnqueueMany(request, cb));
    return response.jobIds;
  }

  /** Reads one job; rejects with NotFoundError for an unknown or expired id. */
  async getJob(id: string): Promise<Job> {
    const response = await this.call<GetJobResponse__Output>((cb) => this.stub.GetJob({ jobId: id }, cb));
    if (response.job === null) {
      throw new MrqError(`mrq: the broker returned no job for ${id}`);
    }
    return jobFromWire(response.job);
  }

  /**
   * Waits, server-side, until every job in `ids` is final or `timeoutS` seconds pass (at
   * most ServerInfo.maxWaitS; 0 returns at once), and returns the jobs in the order asked.
   * Rejects with WaitTimeoutError, which holds the jobs as they stood, when some job is
   * still not final at the timeout.
   */
  async wait(ids: string[], timeoutS: number): Promise<Job[]> {
    if (ids.length === 0) {
      return [];
    }
    const response = await this.call<WaitJobsResponse__Output>((cb) =>
      this.stub.WaitJobs({ jobIds: ids, timeoutS }, cb));
    const jobs = response.jobs.map(jobFromWire);
    if (!response.allFinal) {
      const final = jobs.filter((j) => isFinal(j.status)).length;
      throw new WaitTimeoutError(
        `mrq: ${final} of ${jobs.length} jobs final after ${timeoutS}s`, jobs);
    }
    return jobs;
  }

  /** The broker's version, limits and features; cheap. */
  async serverInfo(): Promise<ServerInfo> {
    const r = await this.call<GetServerInfoResponse__Output>((cb) =>
      this.stub.GetServerInfo({}, cb));
    return {
      version: r.version,
      maxParamsBytes: Number(r.maxParamsBytes),
      maxBatchSize: r.maxBatchSize,
      maxWaitS: r.maxWaitS,
      leaseTtlS: r.leaseTtlS,
      features: r.features,
    };
  }

  /** Closes the connection; calls made afterwards fail. */
  close(): void {
    this.stub.close();
  }

  /** Runs one unary call, turning its callback into a promise and its errors into ours. */
  private call<T>(invoke: (callback: grpc.requestCallback<T>) => grpc.ClientUnaryCall): Promise<T> {
    return new Promise((resolve, reject) => {
      invoke((err, value) => {
        if (err) {
          reject(fromServiceError(err));
        } else if (value === undefined) {
          reject(new MrqError('mrq: empty response from the broker'));
        } else {
          resolve(value);
        }
      });
    });
  }
}
