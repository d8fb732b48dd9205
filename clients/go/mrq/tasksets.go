package mrq

import (
	"context"
	"time"

	"github.com/mrq-project/mrq/clients/go/mrqpb"
)

// TasksetCallback is the job the broker enqueues, exactly once, when every member of a
// taskset is final. Its params are {"taskset_id": ..., "results": [...], ...Params}:
// results holds each member's result in member order, null for members that did not succeed.
type TasksetCallback struct {
	// Task is the callback's dotted path; empty for no callback.
	Task string
	// Params are extra params of the callback: a JSON object (map, struct, json.RawMessage).
	Params any
	// Queue is the callback's queue; default: its task's routed queue.
	Queue string
}

// Taskset is a group of jobs enqueued together.
type Taskset struct {
	ID string
	// Task is the members' dotted path; DateCreated when the taskset was enqueued.
	Task        string
	DateCreated time.Time
	// Total is the number of members; Final of them are final, counted by status in Counts.
	Total  int64
	Final  int64
	Counts map[string]int64
	// Progress is Final / Total.
	Progress float64
	JobIDs   []string
	// CallbackTask and CallbackJobID (empty until the callback is enqueued).
	CallbackTask  string
	CallbackJobID string
}

// EnqueueTaskset enqueues one job of task per entry of params as one taskset, in one call
// (at most the broker's MaxBatchSize members), accepted or refused as a whole, and returns
// the taskset's id and the members' job ids in order. Not retried, like Enqueue.
func (c *Client) EnqueueTaskset(ctx context.Context, task string, params []any, callback TasksetCallback,
	opts ...EnqueueOption) (string, []string, error) {
	encoded, err := encodeAll(params)
	if err != nil {
		return "", nil, err
	}
	callbackParams, err := encodeParams(callback.Params, "callback_params_json")
	if err != nil {
		return "", nil, err
	}
	resp, err := c.jobs.CreateTaskset(ctx, &mrqpb.CreateTasksetRequest{
		Task: task, ParamsJson: encoded, Options: jobOptions(opts),
		CallbackTask: callback.Task, CallbackParamsJson: callbackParams, CallbackQueue: callback.Queue,
	})
	if err != nil {
		return "", nil, fromRPC(err)
	}
	return resp.GetTasksetId(), resp.GetJobIds(), nil
}

// GetTaskset reads a taskset; ErrNotFound for an unknown id.
func (c *Client) GetTaskset(ctx context.Context, id string) (*Taskset, error) {
	resp, err := c.jobs.GetTaskset(ctx, &mrqpb.GetTasksetRequest{TasksetId: id})
	if err != nil {
		return nil, fromRPC(err)
	}
	return tasksetFromProto(resp.GetTaskset()), nil
}

// ListTasksets reads one page of tasksets, newest first (limit 1 to 100; 0 means 20), each
// without its JobIDs, and the cursor of the next page ("" after the last page). Pass "" as
// cursor for the first page.
func (c *Client) ListTasksets(ctx context.Context, limit int32, cursor string) ([]*Taskset, string, error) {
	resp, err := c.jobs.ListTasksets(ctx, &mrqpb.ListTasksetsRequest{Limit: limit, Cursor: cursor})
	if err != nil {
		return nil, "", fromRPC(err)
	}
	tasksets := make([]*Taskset, 0, len(resp.GetTasksets()))
	for _, t := range resp.GetTasksets() {
		tasksets = append(tasksets, tasksetFromProto(t))
	}
	return tasksets, resp.GetNextCursor(), nil
}

func tasksetFromProto(t *mrqpb.Taskset) *Taskset {
	return &Taskset{
		ID: t.GetId(), Task: t.GetTask(), DateCreated: timeFromProto(t.GetDateCreated()), Total: t.GetTotal(),
		Final: t.GetFinal(), Counts: t.GetCounts(), Progress: t.GetProgress(), JobIDs: t.GetJobIds(),
		CallbackTask: t.GetCallbackTask(), CallbackJobID: t.GetCallbackJobId(),
	}
}
