/**
 * The live broker of the integration tests: MRQ_TEST_BROKER_ADDRESS, a worker running the test
 * tasks on MRQ_TEST_QUEUE ("default" when unset), and MRQ_TEST_TOKEN when it requires one.
 */
import { after } from 'node:test';

import { Client } from '../src';

export const address = process.env['MRQ_TEST_BROKER_ADDRESS'] ?? '';
export const queue = process.env['MRQ_TEST_QUEUE'] || 'default';
export const skip = address === '' ? 'MRQ_TEST_BROKER_ADDRESS is not set' : false;

let client: Client | undefined;
/** A client of the test broker, with its token; closed after the tests. */
export function broker(): Client {
  client ??= new Client(address, { token: process.env['MRQ_TEST_TOKEN'] });
  return client;
}
after(() => client?.close());
