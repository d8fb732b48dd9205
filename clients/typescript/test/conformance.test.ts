/**
 * The conformance scenario, the same in the Python, Go and TypeScript clients
 * (tests/integration/test_client_conformance.py runs all three against one kind of stack: a
 * broker that requires MRQ_TEST_TOKEN, with a batch limit of 20 and a wait cap of 1 s, and a
 * worker running tests/integration/mrq_test_tasks.py on the "default" queue).
 */
import * as assert from 'node:assert/strict';
import { test } from 'node:test';

import { AuthenticationError, Client, InvalidArgumentError, NotFoundError, type EnqueueOptions } from '../src';
import type { EnqueueRequest__Output } from '../src/generated/mrq/v1/EnqueueRequest';
import { loadContract } from '../src/proto';
import { startFake } from './fake';
import { address, broker, queue, skip } from './broker';

/** Sets each option once; a JobOptions field it leaves unset is an option this client lacks. */
const EVERY_OPTION: Required<EnqueueOptions> = {
  queue: 'q', timeoutS: 1, maxRetries: 1, retryDelayS: 1, resultTtlS: 1, delayS: 1, eta: new Date(), priority: 1,
  dedupeKey: 'k', unique: true,
};

test('conformance: every JobOptions field of the proto can be set', async () => {
  let sent: EnqueueRequest__Output | undefined;
  const fake = await startFake({
    Enqueue: (call, cb) => {
      sent = call.request;
      cb(null, { jobId: 'x' });
    },
  });
  try {
    await fake.client.enqueue('mrq_test_tasks.add', undefined, EVERY_OPTION);
  } finally {
    await fake.stop();
  }
  const type = loadContract().mrq.v1.JobOptions.type as { field: Array<{ name: string }> };
  const fields = type.field.map((f) => f.name.replace(/_(\w)/g, (_m, c: string) => c.toUpperCase()));
  const wire = sent!.options as unknown as Record<string, unknown>;
  const unset = fields.filter((f) => wire[f] === undefined || wire[f] === null || wire[f] === '' || wire[f] === 0
    || wire[f] === false);
  assert.deepEqual(unset, [], 'JobOptions fields with no EnqueueOptions entry');
});

test('conformance: the scenario', { skip }, async () => {
  const c = broker();
  const call = { signal: AbortSignal.timeout(90_000) };

  // enqueue one job and wait for it
  const { jobId } = await c.enqueue('mrq_test_tasks.add', { a: 1, b: 2 }, { queue }, call);
  const [job] = await c.wait<number>([jobId], 30, call);
  assert.equal(job?.result, 3);

  // bulk over the batch limit is split
  const ids = await c.enqueueMany('mrq_test_tasks.add', Array.from({ length: 45 }, (_, i) => ({ a: i, b: 1 })), { queue }, call);
  const jobs = await c.wait<number>(ids, 30, call);
  assert.deepEqual(jobs.map((j) => j.result), Array.from({ length: 45 }, (_, i) => i + 1));

  // unique, while the queue is paused
  assert.ok((await c.queues.pause(queue, call)).includes(queue));
  let first: string;
  try {
    first = (await c.enqueue('mrq_test_tasks.add', { a: 5, b: 5 }, { queue, unique: true }, call)).jobId;
    const second = await c.enqueue('mrq_test_tasks.add', { a: 5, b: 5 }, { queue, unique: true }, call);
    assert.equal(second.jobId, first);
    const listed = await c.queues.list(queue, call);
    assert.equal(listed.find((q) => q.name === queue)?.paused, true);
  } finally {
    await c.queues.resume(queue, call);
  }

  // a wait longer than the broker's cap (1 s) loops
  const sleeper = await c.enqueue('mrq_test_tasks.sleep', { s: 1.5 }, { queue }, call);
  const waited = await c.wait([first, sleeper.jobId], 20, call);
  assert.deepEqual(waited.map((j) => j.status), ['success', 'success']);

  // cancel a running job, then requeue it
  const running = (await c.enqueue('mrq_test_tasks.sleep', { s: 60 }, { queue }, call)).jobId;
  await waitForStatus(c, running, 'started');
  assert.equal((await c.cancel([running], call)).changed, 1);
  await waitForStatus(c, running, 'cancel');
  assert.equal((await c.requeue([running], call)).changed, 1);
  await c.cancel([running], call);

  // delete it by a query: its id prefix and one params key's value
  assert.equal((await c.delete({ jobIdPrefix: running, paramsKey: 's', paramsValue: 60 }, call)).changed, 1);
  await assert.rejects(c.getJob(running, call), NotFoundError);

  // follow a job's logs
  const logged = await c.enqueue('mrq_test_tasks.log_lines', { lines: ['first line', 'second line'] }, { queue }, call);
  const lines: string[] = [];
  for await (const line of c.followLogs(logged.jobId, call)) {
    lines.push(line);
  }
  assert.equal(lines.length, 2, JSON.stringify(lines));
  assert.ok(lines[0]!.endsWith('first line') && lines[1]!.endsWith('second line'), JSON.stringify(lines));

  // a taskset: its members carry its id, and it counts them final
  const set = await c.enqueueTaskset('mrq_test_tasks.add', [{ a: 1, b: 1 }, { a: 2, b: 2 }], undefined, { queue }, call);
  const members = await c.wait<number>(set.jobIds, 30, call);
  assert.deepEqual(members.map((m) => [m.tasksetId, m.result]), [[set.tasksetId, 2], [set.tasksetId, 4]]);
  assert.equal((await c.getTaskset(set.tasksetId, call)).final, 2);

  // create and delete a schedule
  const schedule = await c.schedules.create({ task: 'mrq_test_tasks.add', params: { a: 1, b: 1 }, intervalS: 3600 }, call);
  await c.schedules.delete(schedule.id, call);
  await assert.rejects(c.schedules.get(schedule.id, call), NotFoundError);

  // typed errors: bad input, a missing job, a bad token
  await assert.rejects(c.enqueue('', {}, { queue }, call),
    (e: unknown) => e instanceof InvalidArgumentError && e.field === 'task');
  await assert.rejects(c.getJob('000000000000000000000000', call), NotFoundError);
  const refused = new Client(address, { token: 'wrong-token' });
  try {
    await assert.rejects(refused.getJob(jobId, call), AuthenticationError);
  } finally {
    refused.close();
  }
});

async function waitForStatus(c: Client, id: string, want: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const job = await c.getJob(id);
    if (job.status === want) {
      return;
    }
    assert.ok(Date.now() < deadline, `job ${id} is ${job.status}, not ${want}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
