import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';

import { FINAL_STATUSES, PROTO_DIR, isFinal } from '../src';
import { JobStatus } from '../src/generated/mrq/v1/JobStatus';
import { dateFromWire, dateToWire, statusFromWire } from '../src/job';

test('every wire status has a name', () => {
  for (const wire of Object.keys(JobStatus)) {
    const name = statusFromWire(wire);
    if (wire === 'JOB_STATUS_UNSPECIFIED') {
      assert.equal(name, '');
    } else {
      assert.equal(name, wire.replace('JOB_STATUS_', '').toLowerCase());
    }
  }
  assert.equal(statusFromWire(99), '', 'a status unknown to this client');
});

test('final statuses', () => {
  assert.deepEqual([...FINAL_STATUSES].sort(),
    ['abort', 'cancel', 'failed', 'maxconcurrency', 'maxretries', 'success', 'timeout']);
  assert.equal(isFinal('retry'), false);
  assert.equal(isFinal('interrupt'), false);
});

test('dates round-trip through wire timestamps', () => {
  for (const ms of [0, 1700000000123, -1500]) {
    const wire = dateToWire(new Date(ms));
    assert.ok(wire.nanos! >= 0 && wire.nanos! < 1e9);
    assert.equal(dateFromWire({ seconds: String(wire.seconds), nanos: wire.nanos! })?.getTime(), ms);
  }
  assert.equal(dateFromWire(null), null);
});

test('the package ships the .proto files it loads', () => {
  assert.ok(existsSync(path.join(PROTO_DIR, 'mrq', 'v1', 'job_service.proto')));
  assert.ok(existsSync(path.join(PROTO_DIR, 'mrq', 'v1', 'job.proto')));
});
