/** The client: jobs on an mrq-broker, and its queues and schedules. */
import * as grpc from '@grpc/grpc-js';

import { MrqError, WaitTimeoutError } from './errors';
import type { ActOnJobsRequest } from './generated/mrq/v1/ActOnJobsRequest';
import type { ActOnJobsResponse__Output } from './generated/mrq/v1/ActOnJobsResponse';
import type { CreateTasksetResponse__Output } from './generated/mrq/v1/CreateTasksetResponse';
import type { EnqueueManyResponse__Output } from './generated/mrq/v1/EnqueueManyResponse';
import type { EnqueueResponse__Output } from './generated/mrq/v1/EnqueueResponse';
import type { GetJobResponse__Output } from './generated/mrq/v1/GetJobResponse';
import type { GetServerInfoResponse__Output } from './generated/mrq/v1/GetServerInfoResponse';
import type { GetTasksetResponse__Output } from './generated/mrq/v1/GetTasksetResponse';
import type { ListTasksetsResponse__Output } from './generated/mrq/v1/ListTasksetsResponse';
import type { Taskset__Output } from './generated/mrq/v1/Taskset';
import type { WaitJobsResponse__Output } from './generated/mrq/v1/WaitJobsResponse';
import type { JobServiceClient } from './generated/mrq/v1/JobService';
import { isFinal, jobFromWire, statusToWire, dateFromWire, dateToWire, type Job, type Status } from './job';
import { optionsFromEnv, type ClientOptions } from './env';
import { History } from './history';
import { followLogs, readLogs } from './logs';
import { optionsToWire, type EnqueueOptions } from './options';
import { encodeParams, type RawJson } from './params';
import { loadContract, serviceConfig } from './proto';
import { Queues } from './queues';
import { tokenInterceptor, unary, type CallOptions } from './rpc';
import { Schedules } from './schedules';

/** Bytes of framing per params entry in an EnqueueManyRequest (tag + length), rounded up. */
const ENTRY_OVERHEAD_BYTES = 8;
/** enqueueMany keeps each call under gRPC's default 4 MiB receive limit, so any broker accepts it. */
const MAX_REQUEST_BYTES = 4 * 1024 * 1024 - 64 * 1024;
/** The largest message sent or received, as in the other MRQ programs. */
const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

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
 * Picks the jobs of cancel, requeue, retry and delete: by id, or by filter (every field set
 * must hold).
 */
export type Selection = string[] | JobFilter;

/** Selects jobs by their fields; sent as the contract's JobQuery (proto/mrq/v1/job_query.proto). */
export interface JobFilter {
  /** Queue name; "root/" selects every subqueue of root, "*" is a wildcard. */
  queue?: string;
  status?: Status;
  task?: string;
  workerId?: string;
  exceptionType?: string;
  enqueuedAfter?: Date;
  enqueuedBefore?: Date;
  /** Job ids starting with these hexadecimal characters. */
  jobIdPrefix?: string;
  /** The members of this taskset. */
  tasksetId?: string;
  /** The jobs this schedule enqueued. */
  scheduleId?: string;
  /** Params objects whose top-level key `paramsKey` holds `paramsValue`, compared as JSON. */
  paramsKey?: string;
  paramsValue?: unknown;
}

/** How many jobs an action matched, changed, and skipped (in a state it does not apply to). */
export interface ActionCounts {
  matched: number;
  changed: number;
  skipped: number;
}

/** The job enqueued once every member of a taskset is final. */
export interface TasksetCallback {
  /** The callback's dotted path. */
  task: string;
  /** Extra params, merged with `{ taskset_id, results }` (each member's result, in order). */
  params?: Record<string, unknown>;
  /** Default: the task's routed queue. */
  queue?: string;
}

/** A group of jobs enqueued together. */
export interface Taskset {
  id: string;
  /** The members' dotted path. */
  task: string;
  dateCreated: Date | null;
  total: number;
  /** Members final so far, counted by status in `counts`. */
  final: number;
  counts: Record<string, number>;
  progress: number;
  jobIds: string[];
  callbackTask: string;
  /** "" until the callback is enqueued. */
  callbackJobId: string;
}

/**
 * A client of one mrq-broker (address "host:port"). It connects lazily, on the first call,
 * and reconnects as needed. Reads are retried on UNAVAILABLE (the service config every MRQ
 * client shares); writes never are. Every method takes {@link CallOptions} last: an
 * AbortSignal and a deadline. Call {@link Client.close} when done.
 */
export class Client {
  /** Lists, pauses, resumes and empties queues. */
  readonly queues: Queues;
  /** Creates, lists, updates, pauses and deletes recurring jobs. */
  readonly schedules: Schedules;
  /** Reads the per-minute history of queues and tasks the broker keeps for a day. */
  readonly history: History;
  private readonly channel: grpc.Channel;
  private readonly stub: JobServiceClient;
  private info: Promise<ServerInfo> | undefined;

  /**
   * A client configured by the environment variables every MRQ program reads:
   * MRQ_BROKER_ADDRESS (default 127.0.0.1:50051), MRQ_AUTH_TOKEN or MRQ_AUTH_TOKEN_FILE, and
   * MRQ_BROKER_TLS_CA_FILE (with MRQ_BROKER_TLS_CERT_FILE and MRQ_BROKER_TLS_KEY_FILE) for TLS.
   * Throws ConfigError when a file can't be read.
   */
  static fromEnv(env: NodeJS.ProcessEnv = process.env): Client {
    const { address, options } = optionsFromEnv(env);
    return new Client(address, options);
  }

  constructor(address: string, options: ClientOptions = {}) {
    const { JobService, MonitorService, QueueService, ScheduleService } = loadContract().mrq.v1;
    const credentials = options.credentials ?? grpc.credentials.createInsecure();
    this.channel = new grpc.Channel(address, credentials, {
      'grpc.service_config': serviceConfig(),
      'grpc.max_send_message_length': MAX_MESSAGE_BYTES,
      'grpc.max_receive_message_length': MAX_MESSAGE_BYTES,
      ...options.channelOptions,
    });
    const shared: grpc.ClientOptions = {
      channelOverride: this.channel,
      interceptors: options.token ? [tokenInterceptor(options.token)] : [],
    };
    this.stub = new JobService(address, credentials, shared);
    this.queues = new Queues(new QueueService(address, credentials, shared));
    this.schedules = new Schedules(new ScheduleService(address, credentials, shared));
    this.history = new History(new MonitorService(address, credentials, shared));
  }

  /**
   * Enqueues one job of `task` (a dotted path, e.g. "tasks.add"). `params` is serialised
   * with JSON.stringify, except a {@link RawJson}, sent as is; `undefined` means `{}`.
   * Not retried: to retry safely, pass `dedupeKey` (or `unique`) and call again on
   * UnavailableError.
   */
  async enqueue<P = unknown>(task: string, params?: P | RawJson, opts?: EnqueueOptions,
    call?: CallOptions): Promise<EnqueueResult> {
    const request = { task, paramsJson: encodeParams(params, 'params_json'), options: optionsToWire(opts) };
    const response = await unary<EnqueueResponse__Output>((m, o, cb) => this.stub.Enqueue(request, m, o, cb), call);
    return { jobId: response.jobId, deduplicated: response.deduplicated };
  }

  /**
   * Enqueues one job of `task` per entry of `paramsList`, with shared options, and returns
   * their ids in the same order. The list is sent in batches of at most the broker's
   * `maxBatchSize` (and about 4 MiB); each batch is accepted or refused as a whole. If one
   * fails, the batches before it stay enqueued, and the error's `enqueuedIds` lists them.
   */
  async enqueueMany<P = unknown>(task: string, paramsList: ReadonlyArray<P | RawJson>, opts?: EnqueueOptions,
    call?: CallOptions): Promise<string[]> {
    const encoded = paramsList.map((p, i) => encodeParams(p, `params_json[${i}]`));
    if (encoded.length === 0) {
      return [];
    }
    const { maxBatchSize } = await this.limits(call);
    const options = optionsToWire(opts);
    const ids: string[] = [];
    for (const batch of batchesBySize(encoded, maxBatchSize, MAX_REQUEST_BYTES)) {
      try {
        const response = await unary<EnqueueManyResponse__Output>((m, o, cb) => this.stub.EnqueueMany({ task, paramsJson: batch, options }, m, o, cb), call);
        ids.push(...response.jobIds);
      } catch (err) {
        if (err instanceof MrqError) {
          err.enqueuedIds = [...ids];
        }
        throw err;
      }
    }
    return ids;
  }

  /** Reads one job; rejects with NotFoundError for an unknown or expired id. */
  async getJob<R = unknown>(id: string, call?: CallOptions): Promise<Job<R>> {
    const response = await unary<GetJobResponse__Output>((m, o, cb) => this.stub.GetJob({ jobId: id }, m, o, cb), call);
    if (response.job === null) {
      throw new MrqError(`mrq: the broker returned no job for ${id}`);
    }
    return jobFromWire<R>(response.job);
  }

  /**
   * Waits until every job in `ids` is final or `timeoutS` seconds pass (0 only looks), and
   * returns the jobs in the order asked. The broker does the waiting; a timeout longer than
   * its `maxWaitS` is covered by several calls. Rejects with WaitTimeoutError, which holds
   * the jobs as they stood, when some job is still not final at the timeout.
   */
  async wait<R = unknown>(ids: string[], timeoutS: number, call?: CallOptions): Promise<Job<R>[]> {
    if (ids.length === 0) {
      return [];
    }
    const { maxBatchSize, maxWaitS } = await this.limits(call);
    const deadline = Date.now() + timeoutS * 1000;
    const found = new Map<string, Job<R>>();
    const unique = [...new Set(ids)];
    for (let start = 0; start < unique.length; start += maxBatchSize) {
      await this.waitBatch(unique.slice(start, start + maxBatchSize), deadline, maxWaitS, found, call);
    }
    const jobs = ids.map((id) => found.get(id)!);
    const final = jobs.filter((j) => isFinal(j.status)).length;
    if (final < jobs.length) {
      throw new WaitTimeoutError(`mrq: ${final} of ${jobs.length} jobs final after ${timeoutS}s`, jobs);
    }
    return jobs;
  }

  /**
   * Cancels jobs: they end "cancel" and never run (again). A queued, delayed or retry job is
   * taken off its queue; a running job is stopped by its worker. Final jobs are skipped.
   */
  cancel(selection: Selection, call?: CallOptions & { dryRun?: boolean }): Promise<ActionCounts> {
    return this.act('JOB_ACTION_CANCEL', selection, call);
  }

  /** Queues jobs again from scratch, `retryCount` reset to 0. Running jobs are skipped. */
  requeue(selection: Selection, call?: CallOptions & { dryRun?: boolean }): Promise<ActionCounts> {
    return this.act('JOB_ACTION_REQUEUE', selection, call);
  }

  /** Like {@link Client.requeue}, keeping each job's `retryCount`. */
  retry(selection: Selection, call?: CallOptions & { dryRun?: boolean }): Promise<ActionCounts> {
    return this.act('JOB_ACTION_RETRY', selection, call);
  }

  /**
   * Deletes jobs and their logs for good: any job that is not running (a queued or delayed
   * one is taken off its queue first). Running jobs are skipped.
   */
  delete(selection: Selection, call?: CallOptions & { dryRun?: boolean }): Promise<ActionCounts> {
    return this.act('JOB_ACTION_DELETE', selection, call);
  }

  /** The job's log text so far, one line per record, each ending in a newline. */
  logs(id: string, call?: CallOptions): Promise<string> {
    return readLogs(this.stub, id, call);
  }

  /**
   * The job's log lines (without their newline) as the worker ships them, from the first,
   * until the job is final. A stream cut by UNAVAILABLE is resumed where it left off.
   *
   *     for await (const line of client.followLogs(jobId)) console.log(line);
   */
  followLogs(id: string, call?: CallOptions): AsyncGenerator<string> {
    return followLogs(this.stub, id, call);
  }

  /**
   * Enqueues one job of `task` per entry of `paramsList` as one taskset, accepted or refused
   * as a whole (at most the broker's `maxBatchSize` members). Once every member is final,
   * the broker enqueues `callback` exactly once.
   */
  async enqueueTaskset<P = unknown>(task: string, paramsList: ReadonlyArray<P | RawJson>,
    callback?: TasksetCallback, opts?: EnqueueOptions, call?: CallOptions): Promise<{ tasksetId: string; jobIds: string[] }> {
    const request = {
      task,
      paramsJson: paramsList.map((p, i) => encodeParams(p, `params_json[${i}]`)),
      options: optionsToWire(opts),
      callbackTask: callback?.task ?? '',
      callbackParamsJson: encodeParams(callback?.params, 'callback_params_json'),
      callbackQueue: callback?.queue ?? '',
    };
    const response = await unary<CreateTasksetResponse__Output>((m, o, cb) => this.stub.CreateTaskset(request, m, o, cb), call);
    return { tasksetId: response.tasksetId, jobIds: response.jobIds };
  }

  /** Reads a taskset; NotFoundError for an unknown id. */
  async getTaskset(id: string, call?: CallOptions): Promise<Taskset> {
    const { taskset: t } = await unary<GetTasksetResponse__Output>((m, o, cb) => this.stub.GetTaskset({ tasksetId: id }, m, o, cb), call);
    if (t === null) {
      throw new MrqError(`mrq: the broker returned no taskset for ${id}`);
    }
    return tasksetFromWire(t);
  }

  /**
   * One page of tasksets, newest first (limit 1 to 100; 0 means 20), each without its jobIds,
   * and the cursor of the next page ("" after the last). Pass "" as cursor for the first page.
   */
  async listTasksets(limit = 20, cursor = '', call?: CallOptions): Promise<{ tasksets: Taskset[]; nextCursor: string }> {
    const r = await unary<ListTasksetsResponse__Output>((m, o, cb) => this.stub.ListTasksets({ limit, cursor }, m, o, cb), call);
    return { tasksets: r.tasksets.map(tasksetFromWire), nextCursor: r.nextCursor };
  }

  /** The broker's version, limits and features; cheap. */
  async serverInfo(call?: CallOptions): Promise<ServerInfo> {
    const r = await unary<GetServerInfoResponse__Output>((m, o, cb) => this.stub.GetServerInfo({}, m, o, cb), call);
    return {
      version: r.version,
      maxParamsBytes: Number(r.maxParamsBytes),
      maxBatchSize: Math.max(1, r.maxBatchSize),
      // A broker reporting no limit would make wait() spin; 1 s calls are still cheap.
      maxWaitS: r.maxWaitS > 0 ? r.maxWaitS : 1,
      leaseTtlS: r.leaseTtlS,
      features: r.features,
    };
  }

  /** Closes the connection; calls made afterwards fail. */
  close(): void {
    this.channel.close();
  }

  /** serverInfo, asked once per client (again after a failure). */
  private limits(call?: CallOptions): Promise<ServerInfo> {
    this.info ??= this.serverInfo(call).catch((err: unknown) => {
      this.info = undefined;
      throw err;
    });
    return this.info;
  }

  /**
   * Waits for up to maxBatchSize jobs until all are final or `deadline` (epoch ms) passes.
   * Once it has passed it still makes one call with a zero wait, so a timeout reports every
   * job as it stands.
   */
  private async waitBatch<R>(ids: string[], deadline: number, maxWaitS: number, found: Map<string, Job<R>>,
    call?: CallOptions): Promise<void> {
    let pending = ids;
    for (;;) {
      const timeoutS = Math.min(Math.max(0, (deadline - Date.now()) / 1000), maxWaitS);
      const response = await unary<WaitJobsResponse__Output>((m, o, cb) => this.stub.WaitJobs({ jobIds: pending, timeoutS }, m, o, cb), call);
      for (const job of response.jobs) {
        found.set(job.id, jobFromWire<R>(job));
      }
      pending = pending.filter((id) => {
        const job = found.get(id);
        if (job === undefined) {
          throw new MrqError(`mrq: WaitJobs did not return job ${id}`);
        }
        return !isFinal(job.status);
      });
      if (pending.length === 0 || Date.now() >= deadline) {
        return;
      }
    }
  }

  private async act(action: ActOnJobsRequest['action'], selection: Selection,
    call: CallOptions & { dryRun?: boolean } = {}): Promise<ActionCounts> {
    const request: ActOnJobsRequest = { action, dryRun: call.dryRun ?? false };
    if (Array.isArray(selection)) {
      request.jobIds = selection;
    } else {
      const f = selection;
      request.query = {
        queue: f.queue, statuses: f.status === undefined ? [] : [statusToWire(f.status)], task: f.task,
        workerId: f.workerId, exceptionType: f.exceptionType,
        enqueuedAfter: f.enqueuedAfter && dateToWire(f.enqueuedAfter),
        enqueuedBefore: f.enqueuedBefore && dateToWire(f.enqueuedBefore),
        jobIdPrefix: f.jobIdPrefix, tasksetId: f.tasksetId, scheduleId: f.scheduleId, paramsKey: f.paramsKey,
        // undefined is sent as null: a key whose value is null.
        paramsValueJson: f.paramsKey === undefined ? undefined
          : encodeParams(f.paramsValue ?? null, 'query.params_value_json'),
      };
    }
    const r = await unary<ActOnJobsResponse__Output>((m, o, cb) => this.stub.ActOnJobs(request, m, o, cb), call);
    return { matched: Number(r.matched), changed: Number(r.changed), skipped: Number(r.skipped) };
  }
}

/**
 * Consecutive batches of at most `maxCount` items and about `maxBytes` (an item larger than
 * that goes alone).
 */
function batchesBySize(items: Buffer[], maxCount: number, maxBytes: number): Buffer[][] {
  const batches: Buffer[][] = [];
  let batch: Buffer[] = [];
  let size = 0;
  for (const item of items) {
    const itemSize = item.length + ENTRY_OVERHEAD_BYTES;
    if (batch.length > 0 && (batch.length === maxCount || size + itemSize > maxBytes)) {
      batches.push(batch);
      batch = [];
      size = 0;
    }
    batch.push(item);
    size += itemSize;
  }
  batches.push(batch);
  return batches;
}

function tasksetFromWire(t: Taskset__Output): Taskset {
  return {
    id: t.id, task: t.task, dateCreated: dateFromWire(t.dateCreated), total: Number(t.total), final: Number(t.final),
    counts: Object.fromEntries(Object.entries(t.counts).map(([k, v]) => [k, Number(v)])),
    progress: t.progress, jobIds: t.jobIds, callbackTask: t.callbackTask, callbackJobId: t.callbackJobId,
  };
}
