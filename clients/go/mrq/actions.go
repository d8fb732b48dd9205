package mrq

import (
	"context"
	"time"

	"google.golang.org/protobuf/types/known/timestamppb"

	"github.com/mrq-project/mrq/clients/go/mrqpb"
)

// Selection picks the jobs of Cancel, Requeue and Retry: by IDs, or by Filter (every set
// field must hold), not both.
type Selection struct {
	IDs    []string
	Filter JobFilter
	// DryRun changes nothing and returns the counts the call would produce.
	DryRun bool
}

// JobFilter selects jobs by their fields; zero fields match everything.
type JobFilter struct {
	Queue          string
	Status         Status
	Task           string
	WorkerID       string
	ExceptionType  string
	EnqueuedAfter  time.Time
	EnqueuedBefore time.Time
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

func (c *Client) act(ctx context.Context, action mrqpb.JobAction, sel Selection) (ActionCounts, error) {
	req := &mrqpb.ActOnJobsRequest{Action: action, JobIds: sel.IDs, DryRun: sel.DryRun}
	if len(sel.IDs) == 0 {
		f := sel.Filter
		req.Filter = &mrqpb.JobFilter{
			Queue: f.Queue, Status: statusToProto(f.Status), Task: f.Task, WorkerId: f.WorkerID,
			ExceptionType: f.ExceptionType, EnqueuedAfter: timestampOrNil(f.EnqueuedAfter),
			EnqueuedBefore: timestampOrNil(f.EnqueuedBefore),
		}
	}
	resp, err := c.jobs.ActOnJobs(ctx, req)
	if err != nil {
		return ActionCounts{}, fromRPC(err)
	}
	return ActionCounts{Matched: resp.GetMatched(), Changed: resp.GetChanged(), Skipped: resp.GetSkipped()}, nil
}

func timestampOrNil(t time.Time) *timestamppb.Timestamp {
	if t.IsZero() {
		return nil
	}
	return timestamppb.New(t)
}
