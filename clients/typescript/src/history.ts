/** The per-minute history the broker keeps for a day: Client.history. */
import type { GetHistoryResponse__Output } from './generated/mrq/v1/GetHistoryResponse';
import type { MonitorServiceClient } from './generated/mrq/v1/MonitorService';
import { dateFromWire } from './job';
import { unary, type CallOptions } from './rpc';

/** Which series, how far back and in what steps: `queue` (a root queue) or `task`, or neither for every job. */
export interface HistoryQuery {
  queue?: string;
  task?: string;
  /** Seconds to look back, at most 86400 (default 3600). */
  windowS?: number;
  /** Seconds per point, a whole number of minutes (default 60). */
  stepS?: number;
}

/** One step of a series. */
export interface HistoryPoint {
  /** The step's first minute. */
  start: Date;
  /** Jobs that reached a final status. */
  finished: number;
  /** Of those, jobs that ended failed, maxretries, maxconcurrency or timeout. */
  failed: number;
  /** The queue's ready jobs at the step's last sample; null for a task, or when none was sampled. */
  queueSize: number | null;
  /** Median and 95th percentile durations of the finished jobs, in seconds (within ±9%); null when none finished. */
  p50DurationS: number | null;
  p95DurationS: number | null;
}

/** Reads the broker's history of queues, tasks and every job. */
export class History {
  constructor(private readonly stub: MonitorServiceClient) {}

  /** The series' points, oldest first; the last one is still filling. */
  async get(query: HistoryQuery = {}, call?: CallOptions): Promise<HistoryPoint[]> {
    const request = { queue: query.queue ?? '', task: query.task ?? '', windowS: query.windowS ?? 0, stepS: query.stepS ?? 0 };
    const r = await unary<GetHistoryResponse__Output>((m, o, cb) => this.stub.GetHistory(request, m, o, cb), call);
    return r.points.map((p) => ({
      start: dateFromWire(p.start) as Date,
      finished: Number(p.finished),
      failed: Number(p.failed),
      queueSize: p._queueSize ? Number(p.queueSize) : null,
      p50DurationS: p._p50DurationS ? Number(p.p50DurationS) : null,
      p95DurationS: p._p95DurationS ? Number(p.p95DurationS) : null,
    }));
  }
}
