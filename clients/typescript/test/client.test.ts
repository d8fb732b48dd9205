import * as assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';

import { status } from '@grpc/grpc-js';

import {
  BrokerError,
  Client,
  InvalidArgumentError,
  NotFoundError,
  RawJson,
  UnavailableError,
  WaitTimeoutError,
} from '../src';
import type { ActOnJobsRequest__Output } from '../src/generated/mrq/v1/ActOnJobsRequest';
import type { EnqueueManyRequest__Output } from '../src/generated/mrq/v1/EnqueueManyRequest';
import type { EnqueueRequest__Output } from '../src/generated/mrq/v1/EnqueueRequest';
import type { WaitJobsRequest__Output } from '../src/generated/mrq/v1/WaitJobsRequest';
import { failWith, startFake, type Fake } from './fake';

let fake: Fake | undefined;
afterEach(async () => {
  await fake?.stop();
  fake = undefined;
});

/** Starts a fake whose Enqueue records its request and answers `jobId`. */
async function recordingEnqueue(): Promise<{ fake: Fake; requests: EnqueueRequest__Output[] }> {
  const requests: EnqueueRequest__Output[] = [];
  fake = await startFake({
    Enqueue: (call, cb) => {
      requests.push(call.request);
      cb(null, { jobId: 'j1', deduplicated: true });
    },
  });
  return { fake, requests };
}

test('enqueue sends the task, JSON params and every option', async () => {
  const { fake, requests } = await recordingEnqueue();
  const eta = new Date(Date.UTC(2030, 0, 2, 3, 4, 5, 678));

  const result = await fake.client.enqueue('tasks.add', { a: 1, b: 2 }, {
    queue: 'math', timeoutS: 90, priority: 5, eta, maxRetries: 0, retryDelayS: 1.5,
    resultTtlS: 3600, dedupeKey: 'k1',
  });

  assert.deepEqual(result, { jobId: 'j1', deduplicated: true });
  const req = requests[0]!;
  assert.equal(req.task, 'tasks.add');
  assert.equal(req.paramsJson.toString(), '{"a":1,"b":2}');
  const o = req.options!;
  assert.equal(o.queue, 'math');
  assert.equal(o.timeoutS, 90);
  assert.equal(o.priority, 5);
  assert.equal(o.retryDelayS, 1.5);
  assert.equal(o.resultTtlS, 3600);
  assert.equal(o.dedupeKey, 'k1');
  assert.equal(o._maxRetries, 'maxRetries', 'an explicit 0 must reach the broker as set');
  assert.equal(o.maxRetries, 0);
  assert.deepEqual(o.eta, { seconds: String(Math.floor(eta.getTime() / 1000)), nanos: 678e6 });
});

test('enqueue leaves unset options unset and sends no params for undefined', async () => {
  const { fake, requests } = await recordingEnqueue();

  await fake.client.enqueue('tasks.noop', undefined, { delayS: 2 });

  const req = requests[0]!;
  assert.equal(req.paramsJson.length, 0);
  const o = req.options!;
  assert.equal(o.delayS, 2);
  assert.equal(o._timeoutS, undefined);
  assert.equal(o._maxRetries, undefined);
  assert.equal(o._retryDelayS, undefined);
  assert.equal(o._resultTtlS, undefined);
});

test('RawJson reaches the broker unchecked', async () => {
  let sent = '';
  fake = await startFake({
    Enqueue: (call, cb) => {
      sent = call.request.paramsJson.toString();
      failWith(status.INVALID_ARGUMENT, 'params_json: invalid JSON')(call, cb);
    },
  });

  const err = await fake.client.enqueue('tasks.add', new RawJson('{"a":')).catch((e: unknown) => e);

  assert.equal(sent, '{"a":');
  assert.ok(err instanceof InvalidArgumentError);
  assert.equal(err.field, 'params_json');
  assert.equal(err.code, status.INVALID_ARGUMENT);
});

test('params JSON cannot hold are refused before any call', async () => {
  fake = await startFake({});

  await assert.rejects(fake.client.enqueue('tasks.add', { n: 1n }),
    (e: unknown) => e instanceof InvalidArgumentError && e.field === 'params_json');
  await assert.rejects(fake.client.enqueueMany('tasks.add', [{}, () => 1]),
    (e: unknown) => e instanceof InvalidArgumentError && e.field === 'params_json[1]');
  assert.equal(fake.calls(), 0);
});

test('enqueueMany encodes each entry and returns the ids in order', async () => {
  let req: EnqueueManyRequest__Output | undefined;
  fake = await startFake({
    EnqueueMany: (call, cb) => {
      req = call.request;
      cb(null, { jobIds: ['a', 'b', 'c'] });
    },
  });

  const ids = await fake.client.enqueueMany('tasks.add', [{ a: 1 }, new RawJson('[1,2]'), undefined], { queue: 'q' });

  assert.deepEqual(ids, ['a', 'b', 'c']);
  assert.deepEqual(req!.paramsJson.map((b) => b.toString()), ['{"a":1}', '[1,2]', '']);
  assert.equal(req!.options!.queue, 'q');
});

test('broker errors map to typed errors', async () => {
  const cases: Array<[status, string, new (...args: never[]) => BrokerError, string | undefined]> = [
    [status.INVALID_ARGUMENT, 'task: must not be empty', InvalidArgumentError, 'task'],
    [status.INVALID_ARGUMENT, 'options.queue: too long', InvalidArgumentError, 'options.queue'],
    [status.INVALID_ARGUMENT, 'bad request', InvalidArgumentError, ''],
    [status.NOT_FOUND, 'job 42 not found', NotFoundError, undefined],
    [status.UNAVAILABLE, 'redis is down', UnavailableError, undefined],
    [status.INTERNAL, 'boom', BrokerError, undefined],
  ];
  for (const [code, details, cls, field] of cases) {
    const f = await startFake({ GetJob: failWith(code, details) });
    try {
      const err = await f.client.getJob('42').catch((e: unknown) => e);
      assert.ok(err instanceof cls, `${details}: got ${String(err)}`);
      assert.equal(err.code, code);
      assert.equal(err.details, details);
      if (field !== undefined) {
        assert.equal((err as InvalidArgumentError).field, field);
      }
    } finally {
      await f.stop();
    }
  }
});

test('getJob decodes the record', async () => {
  fake = await startFake({
    GetJob: (call, cb) => cb(null, {
      job: {
        id: call.request.jobId, task: 'tasks.add', paramsJson: Buffer.from('{"a":1}'),
        queue: 'math', status: 'JOB_STATUS_SUCCESS', resultJson: Buffer.from('3'),
        dateEnqueued: { seconds: 1700000000, nanos: 5e8 }, retryCount: 1, progress: 1,
        tracebackHistory: [{ status: 'JOB_STATUS_RETRY', exceptionType: 'builtins.ValueError' }],
        options: { queue: 'math', timeoutS: 2.5, maxRetries: 3 },
      },
    }),
  });

  const job = await fake.client.getJob('abc');

  assert.equal(job.id, 'abc');
  assert.equal(job.status, 'success');
  assert.deepEqual(job.params, { a: 1 });
  assert.equal(job.result, 3);
  assert.equal(job.retryCount, 1);
  assert.equal(job.dateEnqueued?.getTime(), 1700000000500);
  assert.equal(job.dateFinished, null);
  assert.equal(job.tracebackHistory[0]?.status, 'retry');
  assert.equal(job.tracebackHistory[0]?.exceptionType, 'builtins.ValueError');
  assert.equal(job.options.timeoutS, 2.5);
  assert.equal(job.options.maxRetries, 3);
  assert.equal(job.options.eta, null);
});

test('listTasksets reads a page and the cursor of the next', async () => {
  const asked: Array<{ limit: number; cursor: string }> = [];
  fake = await startFake({
    ListTasksets: (call, cb) => {
      asked.push({ limit: call.request.limit, cursor: call.request.cursor });
      cb(null, {
        nextCursor: 'c2',
        tasksets: [{
          id: 't1', task: 'tasks.map', dateCreated: { seconds: 1700000000 }, total: 4, final: 1,
          counts: { failed: 1 }, progress: 0.25, callbackTask: 'tasks.reduce',
        }],
      });
    },
  });

  const { tasksets, nextCursor } = await fake.client.listTasksets(2, 'c1');

  assert.deepEqual(asked, [{ limit: 2, cursor: 'c1' }]);
  assert.equal(nextCursor, 'c2');
  assert.equal(tasksets.length, 1);
  assert.equal(tasksets[0]?.task, 'tasks.map');
  assert.equal(tasksets[0]?.dateCreated?.getTime(), 1700000000000);
  assert.equal(tasksets[0]?.final, 1);
  assert.deepEqual(tasksets[0]?.counts, { failed: 1 });
  assert.deepEqual(tasksets[0]?.jobIds, []);
  assert.equal(tasksets[0]?.callbackJobId, '');
});

test('wait returns final jobs in the order asked', async () => {
  let req: WaitJobsRequest__Output | undefined;
  fake = await startFake({
    WaitJobs: (call, cb) => {
      req = call.request;
      cb(null, {
        allFinal: true,
        jobs: [{ id: 'b', status: 'JOB_STATUS_FAILED' }, { id: 'a', status: 'JOB_STATUS_SUCCESS' }],
      });
    },
  });

  const jobs = await fake.client.wait(['b', 'a'], 1.5);

  assert.deepEqual(req!.jobIds, ['b', 'a']);
  assert.ok(req!.timeoutS > 1.4 && req!.timeoutS <= 1.5, `timeoutS ${req!.timeoutS}`);
  assert.deepEqual(jobs.map((j) => [j.id, j.status]), [['b', 'failed'], ['a', 'success']]);
  assert.equal(jobs[0]!.result, undefined);
});

test('wait rejects with the jobs as they stood when some are not final', async () => {
  fake = await startFake({
    WaitJobs: (_call, cb) => cb(null, {
      allFinal: false,
      jobs: [{ id: 'a', status: 'JOB_STATUS_SUCCESS' }, { id: 'b', status: 'JOB_STATUS_STARTED' }],
    }),
  });

  const err = await fake.client.wait(['a', 'b'], 0).catch((e: unknown) => e);

  assert.ok(err instanceof WaitTimeoutError);
  assert.deepEqual(err.jobs.map((j) => j.status), ['success', 'started']);
});

test('wait on no jobs makes no call', async () => {
  fake = await startFake({});

  assert.deepEqual(await fake.client.wait([], 1), []);
  assert.equal(fake.calls(), 0);
});

test('serverInfo converts limits to numbers', async () => {
  fake = await startFake({
    GetServerInfo: (_call, cb) => cb(null, {
      version: '0.1.0', maxParamsBytes: 1000000, maxBatchSize: 10, maxWaitS: 300, features: ['dedupe'],
    }),
  });

  const info = await fake.client.serverInfo();

  assert.deepEqual(info, {
    version: '0.1.0', maxParamsBytes: 1000000, maxBatchSize: 10, maxWaitS: 300, leaseTtlS: 0,
    features: ['dedupe'],
  });
});

test('an unreachable broker is UnavailableError', async () => {
  const client = new Client('127.0.0.1:1');
  try {
    await assert.rejects(client.getJob('x'), UnavailableError);
  } finally {
    client.close();
  }
});

test('enqueueMany splits over the batch limit', async () => {
  const sizes: number[] = [];
  fake = await startFake({
    EnqueueMany: (call, cb) => {
      sizes.push(call.request.paramsJson.length);
      cb(null, { jobIds: call.request.paramsJson.map((p) => p.toString()) });
    },
  });

  const ids = await fake.client.enqueueMany('tasks.add', Array.from({ length: 25 }, (_, i) => i));

  assert.deepEqual(sizes, [10, 10, 5]); // the fake's maxBatchSize is 10
  assert.deepEqual(ids, Array.from({ length: 25 }, (_, i) => String(i)));
});

test('wait loops past the broker cap until the jobs are final', async () => {
  const waits: number[] = [];
  fake = await startFake({
    WaitJobs: (call, cb) => {
      waits.push(call.request.timeoutS);
      cb(null, { jobs: [{ id: 'a', status: waits.length === 3 ? 'JOB_STATUS_SUCCESS' : 'JOB_STATUS_STARTED' }] });
    },
  });

  const [job] = await fake.client.wait(['a'], 3600);

  assert.deepEqual(waits, [1.5, 1.5, 1.5]); // the fake's maxWaitS
  assert.equal(job?.status, 'success');
});

test('an aborted signal rejects the call with its reason', async () => {
  fake = await startFake({ GetJob: () => undefined }); // never answers
  const controller = new AbortController();

  const pending = fake.client.getJob('a', { signal: controller.signal });
  controller.abort(new Error('stop'));

  await assert.rejects(pending, /stop/);
});

test('delete sends its filter as a JobQuery, the params value as JSON', async () => {
  const requests: ActOnJobsRequest__Output[] = [];
  fake = await startFake({
    ActOnJobs: (call, cb) => {
      requests.push(call.request);
      cb(null, { matched: 2, changed: 1, skipped: 1 });
    },
  });

  const counts = await fake.client.delete({ queue: 'q', status: 'failed', paramsKey: 'user', paramsValue: '42',
    jobIdPrefix: '65f0', tasksetId: 't', scheduleId: 's' }, { dryRun: true });

  assert.deepEqual(counts, { matched: 2, changed: 1, skipped: 1 });
  const req = requests[0]!;
  assert.equal(req.action, 'JOB_ACTION_DELETE');
  assert.equal(req.dryRun, true);
  assert.equal(req.filter, null);
  const q = req.query!;
  assert.equal(q.queue, 'q');
  assert.deepEqual(q.statuses, ['JOB_STATUS_FAILED']);
  assert.equal(q.paramsKey, 'user');
  assert.equal(q.paramsValueJson.toString(), '"42"');
  assert.deepEqual([q.jobIdPrefix, q.tasksetId, q.scheduleId], ['65f0', 't', 's']);
});
