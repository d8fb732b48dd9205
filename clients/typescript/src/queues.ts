/** Queue management: Client.queues. */
import type { EmptyQueueResponse__Output } from './generated/mrq/v1/EmptyQueueResponse';
import type { ListQueuesResponse__Output } from './generated/mrq/v1/ListQueuesResponse';
import type { PauseQueueResponse__Output } from './generated/mrq/v1/PauseQueueResponse';
import type { QueueServiceClient } from './generated/mrq/v1/QueueService';
import { dateFromWire } from './job';
import { unary, type CallOptions } from './rpc';

/** One queue's state. */
export interface QueueInfo {
  name: string;
  /** "regular", "raw", "set"... */
  type: string;
  queued: number;
  delayed: number;
  paused: boolean;
  /** null for an empty queue. */
  oldestEnqueued: Date | null;
}

/** Lists, pauses, resumes and empties queues. */
export class Queues {
  constructor(private readonly stub: QueueServiceClient) {}

  /** The queues whose name starts with `prefix` ("" for all). */
  async list(prefix = '', call?: CallOptions): Promise<QueueInfo[]> {
    const r = await unary<ListQueuesResponse__Output>((m, o, cb) => this.stub.ListQueues({ prefix }, m, o, cb), call);
    return r.queues.map((q) => ({
      name: q.name, type: String(q.type).replace('QUEUE_TYPE_', '').toLowerCase(), queued: Number(q.queued),
      delayed: Number(q.delayed), paused: q.paused, oldestEnqueued: dateFromWire(q.oldestEnqueued),
    }));
  }

  /** Stops workers from taking jobs off `queue` (enqueues still work); resolves to every paused queue. */
  pause(queue: string, call?: CallOptions): Promise<string[]> {
    return this.setPaused(queue, true, call);
  }

  /** Lets workers take jobs off `queue` again; resolves to every queue still paused. */
  resume(queue: string, call?: CallOptions): Promise<string[]> {
    return this.setPaused(queue, false, call);
  }

  /**
   * Removes every job waiting on `queue` (queued or delayed; running jobs are left alone):
   * regular jobs end "cancel", raw entries are dropped. Resolves to how many.
   */
  async empty(queue: string, call?: CallOptions): Promise<number> {
    const r = await unary<EmptyQueueResponse__Output>((m, o, cb) => this.stub.EmptyQueue({ queue }, m, o, cb), call);
    return Number(r.removed);
  }

  private async setPaused(queue: string, paused: boolean, call?: CallOptions): Promise<string[]> {
    const r = await unary<PauseQueueResponse__Output>(
      (m, o, cb) => this.stub.PauseQueue({ queue, paused }, m, o, cb), call);
    return r.pausedQueues;
  }
}
