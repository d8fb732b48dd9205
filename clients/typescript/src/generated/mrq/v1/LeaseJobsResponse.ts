// Original file: ../../proto/mrq/v1/worker_service.proto

import type { LeasedJob as _mrq_v1_LeasedJob, LeasedJob__Output as _mrq_v1_LeasedJob__Output } from '../../mrq/v1/LeasedJob';

export interface LeaseJobsResponse {
  'jobs'?: (_mrq_v1_LeasedJob)[];
  /**
   * Seconds the leases last unless renewed.
   */
  'leaseTtlS'?: (number | string);
}

export interface LeaseJobsResponse__Output {
  'jobs': (_mrq_v1_LeasedJob__Output)[];
  /**
   * Seconds the leases last unless renewed.
   */
  'leaseTtlS': (number);
}
