// Original file: ../../proto/mrq/v1/monitor_service.proto

import type { HistoryPoint as _mrq_v1_HistoryPoint, HistoryPoint__Output as _mrq_v1_HistoryPoint__Output } from '../../mrq/v1/HistoryPoint';

export interface GetHistoryResponse {
  /**
   * One point per step, oldest first; the last one is still filling.
   */
  'points'?: (_mrq_v1_HistoryPoint)[];
  /**
   * The window and step used, in seconds (after defaults and rounding).
   */
  'windowS'?: (number | string);
  'stepS'?: (number | string);
  /**
   * How long the broker keeps each minute, in seconds.
   */
  'retentionS'?: (number | string);
  /**
   * Queues, and separately task paths, with their own series; others count under "(other)".
   */
  'maxSeries'?: (number);
}

export interface GetHistoryResponse__Output {
  /**
   * One point per step, oldest first; the last one is still filling.
   */
  'points': (_mrq_v1_HistoryPoint__Output)[];
  /**
   * The window and step used, in seconds (after defaults and rounding).
   */
  'windowS': (number);
  'stepS': (number);
  /**
   * How long the broker keeps each minute, in seconds.
   */
  'retentionS': (number);
  /**
   * Queues, and separately task paths, with their own series; others count under "(other)".
   */
  'maxSeries': (number);
}
