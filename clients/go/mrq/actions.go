package mrq

import (
	"context"
	"time"

	"google.golang.org/protobuf/types/known/timestamppb"

	"github.com/mrq-project/mrq/clients/go/mrqpb"
)

// Selection picks the jobs of Cancel, Requeue, Retry and Delete: by IDs, or by Filter (every
// set field must hold), not both.
type Selection struct {
	IDs    []string
	Filter JobFilter
	// DryRun changes nothing and returns the counts the call would produce.
	DryRun bool
}

// JobFilter selects jobs by their fields; zero fields match everything. It is sent as the
// contract's JobQuery (proto/mrq/v1/job_query.proto).
type JobFilter struct {
	// Queue name; "root/" selects every subqueue of root, "*" is a wildcard.
	Queue          string
	Status         Status
	Task           string
	WorkerID       string
	ExceptionType  string
	EnqueuedAfter  time.Time
	EnqueuedBefore time.Time
	// JobIDPrefix selects job ids starting with these hexadecimal characters.
	JobIDPrefix string
	// TasksetID selects the members of a taskset; ScheduleID the jobs a schedule enqueued.
	TasksetID  string
	ScheduleID string
	// ParamsKey, when set, selects params objects whose top-level key ParamsKey holds
	// ParamsValue, compared as JSON (42 is not "42"; nil is null).
	ParamsKey   string
	ParamsValue any
}

// ActionCounts says how many jobs an action matched, changed, and skipped (already in a
// state the action does not apply to).
type ActionCounts struct {
	Matched int64
	Changed int64
	Skipped int64
}

// Cancel cancels the selected jobs: they end "cancel" and never run (again). A queued,
// delayed or retry job is taken off its queue; a running job is stopped by its worker.
// Final jobs are skipped. Not retried; a second call is safe (it skips what the first did).
func (c *Client) Cancel(ctx context.Context, sel Selection) (ActionCounts, error) {
	return c.act(ctx, mrqpb.JobAction_JOB_ACTION_CANCEL, sel)
}

// Requeue queues the selected jobs again from scratch, with RetryCount reset to 0: any job
// that is not running. Running jobs are skipped.
func (c *Client) Requeue(ctx context.Context, sel Selection) (ActionCounts, error) {
	return c.act(ctx, mrqpb.JobAction_JOB_ACTION_REQUEUE, sel)
}

// Retry is Requeue keeping each job's RetryCount.
func (c *Client) Retry(ctx context.Context, sel Selection) (ActionCounts, error) {
	return c.act(ctx, mrqpb.JobAction_JOB_ACTION_RETRY, sel)
}

// Delete deletes the selected jobs and their logs for good: any job that is not running (a
// queued or delayed one is taken off its queue first). Running jobs are skipped.
func (c *Client) Delete(ctx context.Context, sel Selection) (ActionCounts, error) {
	return c.act(ctx, mrqpb.JobAction_JOB_ACTION_DELETE, sel)
}

func (c *Client) act(ctx context.Context, action mrqpb.JobAction, sel Selection) (ActionCounts, error) {
	req := &mrqpb.ActOnJobsRequest{Action: action, JobIds: sel.IDs, DryRun: sel.DryRun}
	if len(sel.IDs) == 0 {
		query, err := sel.Filter.query()
		if err != nil {
			return ActionCounts{}, err
		}
		req.Query = query
	}
	resp, err := c.jobs.ActOnJobs(ctx, req)
	if err != nil {
		return ActionCounts{}, fromRPC(err)
	}
	return ActionCounts{Matched: resp.GetMatched(), Changed: resp.GetChanged(), Skipped: resp.GetSkipped()}, nil
}

func (f JobFilter) query() (*mrqpb.JobQuery, error) {
	query := &mrqpb.JobQuery{
		Queue: f.Queue, Task: f.Task, WorkerId: f.WorkerID, ExceptionType: f.ExceptionType,
		EnqueuedAfter: timestampOrNil(f.EnqueuedAfter), EnqueuedBefore: timestampOrNil(f.EnqueuedBefore),
		JobIdPrefix: f.JobIDPrefix, TasksetId: f.TasksetID, ScheduleId: f.ScheduleID, ParamsKey: f.ParamsKey,
	}
	if f.Status != "" {
		query.Statuses = []mrqpb.JobStatus{statusToProto(f.Status)}
	}
	if f.ParamsKey != "" {
		query.ParamsValueJson = []byte("null")
		if f.ParamsValue != nil {
			value, err := encodeParams(f.ParamsValue, "query.params_value_json")
			if err != nil {
				return nil, err
			}
			query.ParamsValueJson = value
		}
	}
	return query, nil
}

func timestampOrNil(t time.Time) *timestamppb.Timestamp {
	if t.IsZero() {
		return nil
	}
	return timestamppb.New(t)
}
