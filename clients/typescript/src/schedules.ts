/** Recurring jobs: Client.schedules. */
import type { Schedule__Output } from './generated/mrq/v1/Schedule';
import type { ScheduleDefinition as WireDefinition } from './generated/mrq/v1/ScheduleDefinition';
import type { ScheduleServiceClient } from './generated/mrq/v1/ScheduleService';
import { dateFromWire } from './job';
import { decodeJson } from './json';
import { encodeParams } from './params';
import { unary, type CallOptions } from './rpc';

/**
 * What a schedule enqueues and when: exactly one of `intervalS`, `dailytime` (with `weekday`
 * or `monthday` for weekly or monthly) and `cron`.
 */
export interface ScheduleDefinition {
  /** The task's dotted path; `params` its params (as in enqueue). */
  task: string;
  params?: unknown;
  /** Default: the task's routed queue. */
  queue?: string;
  intervalS?: number;
  /** "HH:MM" or "HH:MM:SS" in `timezone`. */
  dailytime?: string;
  /** 0 (Monday) to 6. */
  weekday?: number;
  /** 1 to 31. */
  monthday?: number;
  /** A five-field cron expression in `timezone`. */
  cron?: string;
  /** An IANA name; default UTC. */
  timezone?: string;
  /** Enqueue the ticks missed while the scheduler was down, instead of skipping them. */
  catchup?: boolean;
}

/** A stored schedule and its state. */
export interface Schedule {
  id: string;
  definition: ScheduleDefinition;
  /** "config" (from SCHEDULER_TASKS, changed in that file) or "api". */
  source: string;
  paused: boolean;
  dateCreated: Date | null;
  /** null and "" until the schedule first fires. */
  lastTick: Date | null;
  lastJobId: string;
}

/** Creates, lists, updates, pauses and deletes schedules; NotFoundError for an unknown id. */
export class Schedules {
  constructor(private readonly stub: ScheduleServiceClient) {}

  /** Stores a new schedule; a bad definition is an InvalidArgumentError naming the field ("definition.cron"). */
  async create(definition: ScheduleDefinition, call?: CallOptions): Promise<Schedule> {
    const r = await unary<{ schedule: Schedule__Output | null }>(
      (m, o, cb) => this.stub.CreateSchedule({ definition: toWire(definition) }, m, o, cb), call);
    return fromWire(r.schedule);
  }

  async get(id: string, call?: CallOptions): Promise<Schedule> {
    const r = await unary<{ schedule: Schedule__Output | null }>(
      (m, o, cb) => this.stub.GetSchedule({ scheduleId: id }, m, o, cb), call);
    return fromWire(r.schedule);
  }

  async list(call?: CallOptions): Promise<Schedule[]> {
    const r = await unary<{ schedules: Schedule__Output[] }>(
      (m, o, cb) => this.stub.ListSchedules({}, m, o, cb), call);
    return r.schedules.map(fromWire);
  }

  /** Replaces an API schedule's definition. */
  async update(id: string, definition: ScheduleDefinition, call?: CallOptions): Promise<Schedule> {
    const r = await unary<{ schedule: Schedule__Output | null }>(
      (m, o, cb) => this.stub.UpdateSchedule({ scheduleId: id, definition: toWire(definition) }, m, o, cb), call);
    return fromWire(r.schedule);
  }

  async delete(id: string, call?: CallOptions): Promise<void> {
    await unary<object>((m, o, cb) => this.stub.DeleteSchedule({ scheduleId: id }, m, o, cb), call);
  }

  /** Stops the schedule from firing until resume. */
  pause(id: string, call?: CallOptions): Promise<Schedule> {
    return this.setPaused(id, true, call);
  }

  resume(id: string, call?: CallOptions): Promise<Schedule> {
    return this.setPaused(id, false, call);
  }

  private async setPaused(id: string, paused: boolean, call?: CallOptions): Promise<Schedule> {
    const r = await unary<{ schedule: Schedule__Output | null }>(
      (m, o, cb) => this.stub.PauseSchedule({ scheduleId: id, paused }, m, o, cb), call);
    return fromWire(r.schedule);
  }
}

function toWire(d: ScheduleDefinition): WireDefinition {
  return {
    task: d.task, paramsJson: encodeParams(d.params, 'definition.params_json'), queue: d.queue,
    intervalS: d.intervalS, dailytime: d.dailytime, weekday: d.weekday, monthday: d.monthday, cron: d.cron,
    timezone: d.timezone, catchup: d.catchup,
  };
}

function fromWire(s: Schedule__Output | null): Schedule {
  const d = s?.definition;
  return {
    id: s?.id ?? '',
    definition: {
      task: d?.task ?? '', params: d ? decodeJson(d.paramsJson) : undefined, queue: d?.queue ?? '',
      intervalS: d?.intervalS ?? 0, dailytime: d?.dailytime ?? '', weekday: d?.weekday ?? undefined,
      monthday: d?.monthday ?? undefined, cron: d?.cron ?? '', timezone: d?.timezone ?? '', catchup: d?.catchup ?? false,
    },
    source: String(s?.source ?? '').replace('SCHEDULE_SOURCE_', '').toLowerCase(),
    paused: s?.paused ?? false,
    dateCreated: dateFromWire(s?.dateCreated ?? null),
    lastTick: dateFromWire(s?.lastTick ?? null),
    lastJobId: s?.lastJobId ?? '',
  };
}
