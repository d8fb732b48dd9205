/**
 * Enqueues tasks.add {"a": 1, "b": 2}, waits for it, and prints the result.
 *
 *   MRQ_BROKER_ADDRESS=127.0.0.1:50051 npm run example
 *
 * A worker that can import the task must be consuming the queue (MRQ_QUEUE, default "default").
 * In your own code, import from '@mrq-project/mrq-client' instead of '../src'.
 */
import { Client, InvalidArgumentError } from '../src';

async function main(): Promise<void> {
  const client = new Client(process.env['MRQ_BROKER_ADDRESS'] || '127.0.0.1:50051');
  try {
    const { jobId } = await client.enqueue('tasks.add', { a: 1, b: 2 }, {
      queue: process.env['MRQ_QUEUE'] || 'default',
    });
    console.log('enqueued', jobId);

    const [job] = await client.wait([jobId], 30);
    if (job?.status !== 'success') {
      throw new Error(`job ${jobId} ended ${job?.status}: ${job?.exceptionType} ${job?.error}`);
    }
    console.log(`${job.id}: ${job.status} -> ${String(job.result)}`);
  } finally {
    client.close();
  }
}

main().catch((err: unknown) => {
  if (err instanceof InvalidArgumentError) {
    console.error(`refused, bad ${err.field}: ${err.details}`);
  } else {
    console.error(err);
  }
  process.exitCode = 1;
});
