// Original file: ../../proto/mrq/v1/schedule_service.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { CreateScheduleRequest as _mrq_v1_CreateScheduleRequest, CreateScheduleRequest__Output as _mrq_v1_CreateScheduleRequest__Output } from '../../mrq/v1/CreateScheduleRequest';
import type { CreateScheduleResponse as _mrq_v1_CreateScheduleResponse, CreateScheduleResponse__Output as _mrq_v1_CreateScheduleResponse__Output } from '../../mrq/v1/CreateScheduleResponse';
import type { DeleteScheduleRequest as _mrq_v1_DeleteScheduleRequest, DeleteScheduleRequest__Output as _mrq_v1_DeleteScheduleRequest__Output } from '../../mrq/v1/DeleteScheduleRequest';
import type { DeleteScheduleResponse as _mrq_v1_DeleteScheduleResponse, DeleteScheduleResponse__Output as _mrq_v1_DeleteScheduleResponse__Output } from '../../mrq/v1/DeleteScheduleResponse';
import type { FireScheduleRequest as _mrq_v1_FireScheduleRequest, FireScheduleRequest__Output as _mrq_v1_FireScheduleRequest__Output } from '../../mrq/v1/FireScheduleRequest';
import type { FireScheduleResponse as _mrq_v1_FireScheduleResponse, FireScheduleResponse__Output as _mrq_v1_FireScheduleResponse__Output } from '../../mrq/v1/FireScheduleResponse';
import type { GetScheduleRequest as _mrq_v1_GetScheduleRequest, GetScheduleRequest__Output as _mrq_v1_GetScheduleRequest__Output } from '../../mrq/v1/GetScheduleRequest';
import type { GetScheduleResponse as _mrq_v1_GetScheduleResponse, GetScheduleResponse__Output as _mrq_v1_GetScheduleResponse__Output } from '../../mrq/v1/GetScheduleResponse';
import type { ListSchedulesRequest as _mrq_v1_ListSchedulesRequest, ListSchedulesRequest__Output as _mrq_v1_ListSchedulesRequest__Output } from '../../mrq/v1/ListSchedulesRequest';
import type { ListSchedulesResponse as _mrq_v1_ListSchedulesResponse, ListSchedulesResponse__Output as _mrq_v1_ListSchedulesResponse__Output } from '../../mrq/v1/ListSchedulesResponse';
import type { PauseScheduleRequest as _mrq_v1_PauseScheduleRequest, PauseScheduleRequest__Output as _mrq_v1_PauseScheduleRequest__Output } from '../../mrq/v1/PauseScheduleRequest';
import type { PauseScheduleResponse as _mrq_v1_PauseScheduleResponse, PauseScheduleResponse__Output as _mrq_v1_PauseScheduleResponse__Output } from '../../mrq/v1/PauseScheduleResponse';
import type { SyncSchedulesRequest as _mrq_v1_SyncSchedulesRequest, SyncSchedulesRequest__Output as _mrq_v1_SyncSchedulesRequest__Output } from '../../mrq/v1/SyncSchedulesRequest';
import type { SyncSchedulesResponse as _mrq_v1_SyncSchedulesResponse, SyncSchedulesResponse__Output as _mrq_v1_SyncSchedulesResponse__Output } from '../../mrq/v1/SyncSchedulesResponse';
import type { UpdateScheduleRequest as _mrq_v1_UpdateScheduleRequest, UpdateScheduleRequest__Output as _mrq_v1_UpdateScheduleRequest__Output } from '../../mrq/v1/UpdateScheduleRequest';
import type { UpdateScheduleResponse as _mrq_v1_UpdateScheduleResponse, UpdateScheduleResponse__Output as _mrq_v1_UpdateScheduleResponse__Output } from '../../mrq/v1/UpdateScheduleResponse';

/**
 * ScheduleService manages schedules and fires their ticks. A schedule's id is a hash of its
 * definition, so the same definition always has the same id, and changing a definition makes
 * a new schedule (which counts its ticks afresh).
 */
export interface ScheduleServiceClient extends grpc.Client {
  /**
   * Creates a schedule from a definition. ALREADY_EXISTS if the same definition exists;
   * INVALID_ARGUMENT names the bad field.
   */
  CreateSchedule(argument: _mrq_v1_CreateScheduleRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_CreateScheduleResponse__Output>): grpc.ClientUnaryCall;
  CreateSchedule(argument: _mrq_v1_CreateScheduleRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mrq_v1_CreateScheduleResponse__Output>): grpc.ClientUnaryCall;
  CreateSchedule(argument: _mrq_v1_CreateScheduleRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_CreateScheduleResponse__Output>): grpc.ClientUnaryCall;
  CreateSchedule(argument: _mrq_v1_CreateScheduleRequest, callback: grpc.requestCallback<_mrq_v1_CreateScheduleResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Creates a schedule from a definition. ALREADY_EXISTS if the same definition exists;
   * INVALID_ARGUMENT names the bad field.
   */
  createSchedule(argument: _mrq_v1_CreateScheduleRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_CreateScheduleResponse__Output>): grpc.ClientUnaryCall;
  createSchedule(argument: _mrq_v1_CreateScheduleRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mrq_v1_CreateScheduleResponse__Output>): grpc.ClientUnaryCall;
  createSchedule(argument: _mrq_v1_CreateScheduleRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_CreateScheduleResponse__Output>): grpc.ClientUnaryCall;
  createSchedule(argument: _mrq_v1_CreateScheduleRequest, callback: grpc.requestCallback<_mrq_v1_CreateScheduleResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Deletes a schedule created through this API (FAILED_PRECONDITION for config schedules).
   */
  DeleteSchedule(argument: _mrq_v1_DeleteScheduleRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_DeleteScheduleResponse__Output>): grpc.ClientUnaryCall;
  DeleteSchedule(argument: _mrq_v1_DeleteScheduleRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mrq_v1_DeleteScheduleResponse__Output>): grpc.ClientUnaryCall;
  DeleteSchedule(argument: _mrq_v1_DeleteScheduleRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_DeleteScheduleResponse__Output>): grpc.ClientUnaryCall;
  DeleteSchedule(argument: _mrq_v1_DeleteScheduleRequest, callback: grpc.requestCallback<_mrq_v1_DeleteScheduleResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Deletes a schedule created through this API (FAILED_PRECONDITION for config schedules).
   */
  deleteSchedule(argument: _mrq_v1_DeleteScheduleRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_DeleteScheduleResponse__Output>): grpc.ClientUnaryCall;
  deleteSchedule(argument: _mrq_v1_DeleteScheduleRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mrq_v1_DeleteScheduleResponse__Output>): grpc.ClientUnaryCall;
  deleteSchedule(argument: _mrq_v1_DeleteScheduleRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_DeleteScheduleResponse__Output>): grpc.ClientUnaryCall;
  deleteSchedule(argument: _mrq_v1_DeleteScheduleRequest, callback: grpc.requestCallback<_mrq_v1_DeleteScheduleResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Fires one tick of a schedule: enqueues its job, at most once per (schedule, tick) however
   * many callers fire it, and moves the schedule's last tick from previous_tick to tick.
   */
  FireSchedule(argument: _mrq_v1_FireScheduleRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_FireScheduleResponse__Output>): grpc.ClientUnaryCall;
  FireSchedule(argument: _mrq_v1_FireScheduleRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mrq_v1_FireScheduleResponse__Output>): grpc.ClientUnaryCall;
  FireSchedule(argument: _mrq_v1_FireScheduleRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_FireScheduleResponse__Output>): grpc.ClientUnaryCall;
  FireSchedule(argument: _mrq_v1_FireScheduleRequest, callback: grpc.requestCallback<_mrq_v1_FireScheduleResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Fires one tick of a schedule: enqueues its job, at most once per (schedule, tick) however
   * many callers fire it, and moves the schedule's last tick from previous_tick to tick.
   */
  fireSchedule(argument: _mrq_v1_FireScheduleRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_FireScheduleResponse__Output>): grpc.ClientUnaryCall;
  fireSchedule(argument: _mrq_v1_FireScheduleRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mrq_v1_FireScheduleResponse__Output>): grpc.ClientUnaryCall;
  fireSchedule(argument: _mrq_v1_FireScheduleRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_FireScheduleResponse__Output>): grpc.ClientUnaryCall;
  fireSchedule(argument: _mrq_v1_FireScheduleRequest, callback: grpc.requestCallback<_mrq_v1_FireScheduleResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * One schedule by id; NOT_FOUND if there is none.
   */
  GetSchedule(argument: _mrq_v1_GetScheduleRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_GetScheduleResponse__Output>): grpc.ClientUnaryCall;
  GetSchedule(argument: _mrq_v1_GetScheduleRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mrq_v1_GetScheduleResponse__Output>): grpc.ClientUnaryCall;
  GetSchedule(argument: _mrq_v1_GetScheduleRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_GetScheduleResponse__Output>): grpc.ClientUnaryCall;
  GetSchedule(argument: _mrq_v1_GetScheduleRequest, callback: grpc.requestCallback<_mrq_v1_GetScheduleResponse__Output>): grpc.ClientUnaryCall;
  /**
   * One schedule by id; NOT_FOUND if there is none.
   */
  getSchedule(argument: _mrq_v1_GetScheduleRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_GetScheduleResponse__Output>): grpc.ClientUnaryCall;
  getSchedule(argument: _mrq_v1_GetScheduleRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mrq_v1_GetScheduleResponse__Output>): grpc.ClientUnaryCall;
  getSchedule(argument: _mrq_v1_GetScheduleRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_GetScheduleResponse__Output>): grpc.ClientUnaryCall;
  getSchedule(argument: _mrq_v1_GetScheduleRequest, callback: grpc.requestCallback<_mrq_v1_GetScheduleResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Every schedule, oldest first.
   */
  ListSchedules(argument: _mrq_v1_ListSchedulesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_ListSchedulesResponse__Output>): grpc.ClientUnaryCall;
  ListSchedules(argument: _mrq_v1_ListSchedulesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mrq_v1_ListSchedulesResponse__Output>): grpc.ClientUnaryCall;
  ListSchedules(argument: _mrq_v1_ListSchedulesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_ListSchedulesResponse__Output>): grpc.ClientUnaryCall;
  ListSchedules(argument: _mrq_v1_ListSchedulesRequest, callback: grpc.requestCallback<_mrq_v1_ListSchedulesResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Every schedule, oldest first.
   */
  listSchedules(argument: _mrq_v1_ListSchedulesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_ListSchedulesResponse__Output>): grpc.ClientUnaryCall;
  listSchedules(argument: _mrq_v1_ListSchedulesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mrq_v1_ListSchedulesResponse__Output>): grpc.ClientUnaryCall;
  listSchedules(argument: _mrq_v1_ListSchedulesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_ListSchedulesResponse__Output>): grpc.ClientUnaryCall;
  listSchedules(argument: _mrq_v1_ListSchedulesRequest, callback: grpc.requestCallback<_mrq_v1_ListSchedulesResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Pauses or resumes a schedule. Ticks that fall due while paused are skipped, never run.
   */
  PauseSchedule(argument: _mrq_v1_PauseScheduleRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_PauseScheduleResponse__Output>): grpc.ClientUnaryCall;
  PauseSchedule(argument: _mrq_v1_PauseScheduleRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mrq_v1_PauseScheduleResponse__Output>): grpc.ClientUnaryCall;
  PauseSchedule(argument: _mrq_v1_PauseScheduleRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_PauseScheduleResponse__Output>): grpc.ClientUnaryCall;
  PauseSchedule(argument: _mrq_v1_PauseScheduleRequest, callback: grpc.requestCallback<_mrq_v1_PauseScheduleResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Pauses or resumes a schedule. Ticks that fall due while paused are skipped, never run.
   */
  pauseSchedule(argument: _mrq_v1_PauseScheduleRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_PauseScheduleResponse__Output>): grpc.ClientUnaryCall;
  pauseSchedule(argument: _mrq_v1_PauseScheduleRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mrq_v1_PauseScheduleResponse__Output>): grpc.ClientUnaryCall;
  pauseSchedule(argument: _mrq_v1_PauseScheduleRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_PauseScheduleResponse__Output>): grpc.ClientUnaryCall;
  pauseSchedule(argument: _mrq_v1_PauseScheduleRequest, callback: grpc.requestCallback<_mrq_v1_PauseScheduleResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Makes the config schedules exactly the given definitions: unknown ones are created,
   * config schedules not given are deleted, the others are kept as they are (last tick,
   * pause). Validated as a whole first: an invalid definition changes nothing.
   */
  SyncSchedules(argument: _mrq_v1_SyncSchedulesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_SyncSchedulesResponse__Output>): grpc.ClientUnaryCall;
  SyncSchedules(argument: _mrq_v1_SyncSchedulesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mrq_v1_SyncSchedulesResponse__Output>): grpc.ClientUnaryCall;
  SyncSchedules(argument: _mrq_v1_SyncSchedulesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_SyncSchedulesResponse__Output>): grpc.ClientUnaryCall;
  SyncSchedules(argument: _mrq_v1_SyncSchedulesRequest, callback: grpc.requestCallback<_mrq_v1_SyncSchedulesResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Makes the config schedules exactly the given definitions: unknown ones are created,
   * config schedules not given are deleted, the others are kept as they are (last tick,
   * pause). Validated as a whole first: an invalid definition changes nothing.
   */
  syncSchedules(argument: _mrq_v1_SyncSchedulesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_SyncSchedulesResponse__Output>): grpc.ClientUnaryCall;
  syncSchedules(argument: _mrq_v1_SyncSchedulesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mrq_v1_SyncSchedulesResponse__Output>): grpc.ClientUnaryCall;
  syncSchedules(argument: _mrq_v1_SyncSchedulesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_SyncSchedulesResponse__Output>): grpc.ClientUnaryCall;
  syncSchedules(argument: _mrq_v1_SyncSchedulesRequest, callback: grpc.requestCallback<_mrq_v1_SyncSchedulesResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Replaces a schedule created through this API by a new definition (a new id). Schedules
   * from SCHEDULER_TASKS are refused with FAILED_PRECONDITION: edit the config file instead.
   */
  UpdateSchedule(argument: _mrq_v1_UpdateScheduleRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_UpdateScheduleResponse__Output>): grpc.ClientUnaryCall;
  UpdateSchedule(argument: _mrq_v1_UpdateScheduleRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mrq_v1_UpdateScheduleResponse__Output>): grpc.ClientUnaryCall;
  UpdateSchedule(argument: _mrq_v1_UpdateScheduleRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_UpdateScheduleResponse__Output>): grpc.ClientUnaryCall;
  UpdateSchedule(argument: _mrq_v1_UpdateScheduleRequest, callback: grpc.requestCallback<_mrq_v1_UpdateScheduleResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Replaces a schedule created through this API by a new definition (a new id). Schedules
   * from SCHEDULER_TASKS are refused with FAILED_PRECONDITION: edit the config file instead.
   */
  updateSchedule(argument: _mrq_v1_UpdateScheduleRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_UpdateScheduleResponse__Output>): grpc.ClientUnaryCall;
  updateSchedule(argument: _mrq_v1_UpdateScheduleRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mrq_v1_UpdateScheduleResponse__Output>): grpc.ClientUnaryCall;
  updateSchedule(argument: _mrq_v1_UpdateScheduleRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mrq_v1_UpdateScheduleResponse__Output>): grpc.ClientUnaryCall;
  updateSchedule(argument: _mrq_v1_UpdateScheduleRequest, callback: grpc.requestCallback<_mrq_v1_UpdateScheduleResponse__Output>): grpc.ClientUnaryCall;
  
}

/**
 * ScheduleService manages schedules and fires their ticks. A schedule's id is a hash of its
 * definition, so the same definition always has the same id, and changing a definition makes
 * a new schedule (which counts its ticks afresh).
 */
export interface ScheduleServiceHandlers extends grpc.UntypedServiceImplementation {
  /**
   * Creates a schedule from a definition. ALREADY_EXISTS if the same definition exists;
   * INVALID_ARGUMENT names the bad field.
   */
  CreateSchedule: grpc.handleUnaryCall<_mrq_v1_CreateScheduleRequest__Output, _mrq_v1_CreateScheduleResponse>;
  
  /**
   * Deletes a schedule created through this API (FAILED_PRECONDITION for config schedules).
   */
  DeleteSchedule: grpc.handleUnaryCall<_mrq_v1_DeleteScheduleRequest__Output, _mrq_v1_DeleteScheduleResponse>;
  
  /**
   * Fires one tick of a schedule: enqueues its job, at most once per (schedule, tick) however
   * many callers fire it, and moves the schedule's last tick from previous_tick to tick.
   */
  FireSchedule: grpc.handleUnaryCall<_mrq_v1_FireScheduleRequest__Output, _mrq_v1_FireScheduleResponse>;
  
  /**
   * One schedule by id; NOT_FOUND if there is none.
   */
  GetSchedule: grpc.handleUnaryCall<_mrq_v1_GetScheduleRequest__Output, _mrq_v1_GetScheduleResponse>;
  
  /**
   * Every schedule, oldest first.
   */
  ListSchedules: grpc.handleUnaryCall<_mrq_v1_ListSchedulesRequest__Output, _mrq_v1_ListSchedulesResponse>;
  
  /**
   * Pauses or resumes a schedule. Ticks that fall due while paused are skipped, never run.
   */
  PauseSchedule: grpc.handleUnaryCall<_mrq_v1_PauseScheduleRequest__Output, _mrq_v1_PauseScheduleResponse>;
  
  /**
   * Makes the config schedules exactly the given definitions: unknown ones are created,
   * config schedules not given are deleted, the others are kept as they are (last tick,
   * pause). Validated as a whole first: an invalid definition changes nothing.
   */
  SyncSchedules: grpc.handleUnaryCall<_mrq_v1_SyncSchedulesRequest__Output, _mrq_v1_SyncSchedulesResponse>;
  
  /**
   * Replaces a schedule created through this API by a new definition (a new id). Schedules
   * from SCHEDULER_TASKS are refused with FAILED_PRECONDITION: edit the config file instead.
   */
  UpdateSchedule: grpc.handleUnaryCall<_mrq_v1_UpdateScheduleRequest__Output, _mrq_v1_UpdateScheduleResponse>;
  
}

export interface ScheduleServiceDefinition extends grpc.ServiceDefinition {
  CreateSchedule: MethodDefinition<_mrq_v1_CreateScheduleRequest, _mrq_v1_CreateScheduleResponse, _mrq_v1_CreateScheduleRequest__Output, _mrq_v1_CreateScheduleResponse__Output>
  DeleteSchedule: MethodDefinition<_mrq_v1_DeleteScheduleRequest, _mrq_v1_DeleteScheduleResponse, _mrq_v1_DeleteScheduleRequest__Output, _mrq_v1_DeleteScheduleResponse__Output>
  FireSchedule: MethodDefinition<_mrq_v1_FireScheduleRequest, _mrq_v1_FireScheduleResponse, _mrq_v1_FireScheduleRequest__Output, _mrq_v1_FireScheduleResponse__Output>
  GetSchedule: MethodDefinition<_mrq_v1_GetScheduleRequest, _mrq_v1_GetScheduleResponse, _mrq_v1_GetScheduleRequest__Output, _mrq_v1_GetScheduleResponse__Output>
  ListSchedules: MethodDefinition<_mrq_v1_ListSchedulesRequest, _mrq_v1_ListSchedulesResponse, _mrq_v1_ListSchedulesRequest__Output, _mrq_v1_ListSchedulesResponse__Output>
  PauseSchedule: MethodDefinition<_mrq_v1_PauseScheduleRequest, _mrq_v1_PauseScheduleResponse, _mrq_v1_PauseScheduleRequest__Output, _mrq_v1_PauseScheduleResponse__Output>
  SyncSchedules: MethodDefinition<_mrq_v1_SyncSchedulesRequest, _mrq_v1_SyncSchedulesResponse, _mrq_v1_SyncSchedulesRequest__Output, _mrq_v1_SyncSchedulesResponse__Output>
  UpdateSchedule: MethodDefinition<_mrq_v1_UpdateScheduleRequest, _mrq_v1_UpdateScheduleResponse, _mrq_v1_UpdateScheduleRequest__Output, _mrq_v1_UpdateScheduleResponse__Output>
}
