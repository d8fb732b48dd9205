/**
 * Against a live broker, and a worker running the test tasks: set MRQ_TEST_BROKER_ADDRESS
 * (and MRQ_TEST_QUEUE, "default" when unset; MRQ_TEST_TOKEN for a broker that requires one).
 * Skipped otherwise.
 */
import * as assert from 'node:assert/strict';
import { test } from 'node:test';

import { InvalidArgumentError, NotFoundError, RawJson } from '../src';
import { broker, queue, skip } from './broker';


test('integration: mrq_test_tasks.add runs to success with result 3', { skip }, async () => {
  const { jobId } = await broker().enqueue('mrq_test_tasks.add', { a: 1, b: 2 }, { queue });

  const [job] = await broker().wait([jobId], 30);

  assert.equal(job?.id, jobId);
  assert.equal(job?.status, 'success', `error: ${job?.error}`);
  assert.equal(job?.result, 3);
  const read = await broker().getJob(jobId);
  assert.equal(read.status, 'success');
  assert.equal(read.queue, queue);
});

test('integration: an empty task and invalid JSON name their field', { skip }, async () => {
  await assert.rejects(broker().enqueue('', { a: 1 }, { queue }),
    (e: unknown) => e instanceof InvalidArgumentError && e.field === 'task');
  await assert.rejects(broker().enqueue('mrq_test_tasks.add', new RawJson('{"a": 1,'), { queue }),
    (e: unknown) => e instanceof InvalidArgumentError && e.field === 'params_json');
});

test('integration: an unknown job id is NotFoundError', { skip }, async () => {
  await assert.rejects(broker().getJob('000000000000000000000000'), NotFoundError);
});
