import * as assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';

import { status } from '@grpc/grpc-js';

import { InvalidArgumentError } from '../src';
import type { GetHistoryRequest__Output } from '../src/generated/mrq/v1/GetHistoryRequest';
import { failWith, startFake, type Fake } from './fake';

let fake: Fake | undefined;
afterEach(async () => {
  await fake?.stop();
  fake = undefined;
});

test('history.get sends the query and decodes the points, unset values as null', async () => {
  const requests: GetHistoryRequest__Output[] = [];
  fake = await startFake({}, {
    GetHistory: (call, cb) => {
      requests.push(call.request);
      cb(null, {
        points: [
          { start: { seconds: 1796425200, nanos: 0 }, finished: 8, failed: 2, queueSize: 4, p50DurationS: 0.25,
            p95DurationS: 1.5 },
          { start: { seconds: 1796428800, nanos: 0 } },
        ],
      });
    },
  });
  const points = await fake.client.history.get({ queue: 'mail', windowS: 86400, stepS: 3600 });
  assert.deepEqual(requests.map((r) => [r.queue, r.task, r.windowS, r.stepS]), [['mail', '', 86400, 3600]]);
  assert.deepEqual(points, [
    { start: new Date(1796425200000), finished: 8, failed: 2, queueSize: 4, p50DurationS: 0.25, p95DurationS: 1.5 },
    { start: new Date(1796428800000), finished: 0, failed: 0, queueSize: null, p50DurationS: null, p95DurationS: null },
  ]);
});

test('history.get names the bad field', async () => {
  fake = await startFake({}, { GetHistory: failWith(status.INVALID_ARGUMENT, 'step_s: must be a whole number of minutes') });
  await assert.rejects(fake.client.history.get({ stepS: 90 }), (err: unknown) =>
    err instanceof InvalidArgumentError && err.field === 'step_s');
});
