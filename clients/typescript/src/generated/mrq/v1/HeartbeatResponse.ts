// Original file: ../../proto/mrq/v1/worker_service.proto

import type { ControlMessage as _mrq_v1_ControlMessage, ControlMessage__Output as _mrq_v1_ControlMessage__Output } from '../../mrq/v1/ControlMessage';

export interface HeartbeatResponse {
  'controls'?: (_mrq_v1_ControlMessage)[];
  /**
   * Listed jobs whose lease this worker no longer holds: stop them, do not report them.
   */
  'lostJobIds'?: (string)[];
  /**
   * Seconds the renewed leases last.
   */
  'leaseTtlS'?: (number | string);
}

export interface HeartbeatResponse__Output {
  'controls': (_mrq_v1_ControlMessage__Output)[];
  /**
   * Listed jobs whose lease this worker no longer holds: stop them, do not report them.
   */
  'lostJobIds': (string)[];
  /**
   * Seconds the renewed leases last.
   */
  'leaseTtlS': (number);
}
