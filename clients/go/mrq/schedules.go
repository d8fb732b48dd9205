package mrq

import (
	"context"
	"encoding/json"
	"strings"
	"time"

	"github.com/mrq-project/mrq/clients/go/mrqpb"
)

// Schedules manages recurring jobs: Client.Schedules.
type Schedules struct {
	stub mrqpb.ScheduleServiceClient
}

// ScheduleDefinition says what a schedule enqueues and when: exactly one of Interval,
// DailyTime (with Weekday or Monthday for weekly or monthly) and Cron.
type ScheduleDefinition struct {
	// Task is the dotted path of the task to enqueue; Params its params (as in Enqueue).
	Task   string
	Params any
	// Queue defaults to the task's routed queue.
	Queue    string
	Interval time.Duration
	// DailyTime is "HH:MM" or "HH:MM:SS" in Timezone.
	DailyTime string
	// Weekday is 0 (Monday) to 6; Monthday 1 to 31. nil: every day.
	Weekday  *int
	Monthday *int
	// Cron is a five-field cron expression in Timezone.
	Cron string
	// Timezone is an IANA name; default UTC.
	Timezone string
	// Catchup enqueues the ticks missed while the scheduler was down, instead of skipping them.
	Catchup bool
}

// Schedule is a stored schedule and its state.
type Schedule struct {
	ID         string
	Definition ScheduleDefinition
	// Source is "config" (from SCHEDULER_TASKS, changed in that file) or "api".
	Source      string
	Paused      bool
	DateCreated time.Time
	// LastTick and LastJobID are zero until the schedule first fires.
	LastTick  time.Time
	LastJobID string
}

// Create stores a new schedule; a bad definition fails with ErrInvalidArgument naming the
// field ("definition.cron"...).
func (s *Schedules) Create(ctx context.Context, def ScheduleDefinition) (*Schedule, error) {
	wire, err := definitionToProto(def)
	if err != nil {
		return nil, err
	}
	resp, err := s.stub.CreateSchedule(ctx, &mrqpb.CreateScheduleRequest{Definition: wire})
	return scheduleOrError(resp.GetSchedule(), err)
}

// Get reads one schedule; ErrNotFound for an unknown id.
func (s *Schedules) Get(ctx context.Context, id string) (*Schedule, error) {
	resp, err := s.stub.GetSchedule(ctx, &mrqpb.GetScheduleRequest{ScheduleId: id})
	return scheduleOrError(resp.GetSchedule(), err)
}

// List returns every schedule.
func (s *Schedules) List(ctx context.Context) ([]*Schedule, error) {
	resp, err := s.stub.ListSchedules(ctx, &mrqpb.ListSchedulesRequest{})
	if err != nil {
		return nil, fromRPC(err)
	}
	schedules := make([]*Schedule, len(resp.GetSchedules()))
	for i, p := range resp.GetSchedules() {
		schedules[i] = scheduleFromProto(p)
	}
	return schedules, nil
}

// Update replaces an API schedule's definition.
func (s *Schedules) Update(ctx context.Context, id string, def ScheduleDefinition) (*Schedule, error) {
	wire, err := definitionToProto(def)
	if err != nil {
		return nil, err
	}
	resp, err := s.stub.UpdateSchedule(ctx, &mrqpb.UpdateScheduleRequest{ScheduleId: id, Definition: wire})
	return scheduleOrError(resp.GetSchedule(), err)
}

// Delete deletes an API schedule; ErrNotFound for an unknown id.
func (s *Schedules) Delete(ctx context.Context, id string) error {
	_, err := s.stub.DeleteSchedule(ctx, &mrqpb.DeleteScheduleRequest{ScheduleId: id})
	return fromRPC(err)
}

// Pause stops a schedule from firing until Resume.
func (s *Schedules) Pause(ctx context.Context, id string) (*Schedule, error) {
	resp, err := s.stub.PauseSchedule(ctx, &mrqpb.PauseScheduleRequest{ScheduleId: id, Paused: true})
	return scheduleOrError(resp.GetSchedule(), err)
}

// Resume lets a paused schedule fire again.
func (s *Schedules) Resume(ctx context.Context, id string) (*Schedule, error) {
	resp, err := s.stub.PauseSchedule(ctx, &mrqpb.PauseScheduleRequest{ScheduleId: id, Paused: false})
	return scheduleOrError(resp.GetSchedule(), err)
}

func scheduleOrError(p *mrqpb.Schedule, err error) (*Schedule, error) {
	if err != nil {
		return nil, fromRPC(err)
	}
	return scheduleFromProto(p), nil
}

func definitionToProto(d ScheduleDefinition) (*mrqpb.ScheduleDefinition, error) {
	params, err := encodeParams(d.Params, "definition.params_json")
	if err != nil {
		return nil, err
	}
	wire := &mrqpb.ScheduleDefinition{
		Task: d.Task, ParamsJson: params, Queue: d.Queue, IntervalS: d.Interval.Seconds(),
		Dailytime: d.DailyTime, Cron: d.Cron, Timezone: d.Timezone, Catchup: d.Catchup,
	}
	if d.Weekday != nil {
		wire.Weekday = ptr(int32(*d.Weekday))
	}
	if d.Monthday != nil {
		wire.Monthday = ptr(int32(*d.Monthday))
	}
	return wire, nil
}

func scheduleFromProto(p *mrqpb.Schedule) *Schedule {
	d := p.GetDefinition()
	def := ScheduleDefinition{
		Task: d.GetTask(), Queue: d.GetQueue(), Interval: seconds(d.GetIntervalS()),
		DailyTime: d.GetDailytime(), Cron: d.GetCron(), Timezone: d.GetTimezone(), Catchup: d.GetCatchup(),
	}
	if len(d.GetParamsJson()) > 0 {
		def.Params = json.RawMessage(d.GetParamsJson())
	}
	if d.Weekday != nil {
		def.Weekday = ptr(int(d.GetWeekday()))
	}
	if d.Monthday != nil {
		def.Monthday = ptr(int(d.GetMonthday()))
	}
	return &Schedule{
		ID: p.GetId(), Definition: def,
		Source:      strings.ToLower(strings.TrimPrefix(p.GetSource().String(), "SCHEDULE_SOURCE_")),
		Paused:      p.GetPaused(),
		DateCreated: timeFromProto(p.GetDateCreated()),
		LastTick:    timeFromProto(p.GetLastTick()),
		LastJobID:   p.GetLastJobId(),
	}
}
