package mrq

import (
	"context"
	"strings"
	"time"

	"github.com/mrq-project/mrq/clients/go/mrqpb"
)

// Queues manages queues: Client.Queues.
type Queues struct {
	stub mrqpb.QueueServiceClient
}

// QueueInfo is one queue's state.
type QueueInfo struct {
	Name string
	// Type is "regular", "raw", "set"...
	Type    string
	Queued  int64
	Delayed int64
	Paused  bool
	// OldestEnqueued is zero for an empty queue.
	OldestEnqueued time.Time
}

// List returns the queues whose name starts with prefix ("" for all).
func (q *Queues) List(ctx context.Context, prefix string) ([]QueueInfo, error) {
	resp, err := q.stub.ListQueues(ctx, &mrqpb.ListQueuesRequest{Prefix: prefix})
	if err != nil {
		return nil, fromRPC(err)
	}
	queues := make([]QueueInfo, len(resp.GetQueues()))
	for i, p := range resp.GetQueues() {
		queues[i] = QueueInfo{
			Name: p.GetName(), Type: strings.ToLower(strings.TrimPrefix(p.GetType().String(), "QUEUE_TYPE_")),
			Queued: p.GetQueued(), Delayed: p.GetDelayed(), Paused: p.GetPaused(),
			OldestEnqueued: timeFromProto(p.GetOldestEnqueued()),
		}
	}
	return queues, nil
}

// Pause stops workers from taking jobs off queue (jobs can still be enqueued), and returns
// every paused queue.
func (q *Queues) Pause(ctx context.Context, queue string) ([]string, error) {
	return q.setPaused(ctx, queue, true)
}

// Resume lets workers take jobs off queue again, and returns every queue still paused.
func (q *Queues) Resume(ctx context.Context, queue string) ([]string, error) {
	return q.setPaused(ctx, queue, false)
}

func (q *Queues) setPaused(ctx context.Context, queue string, paused bool) ([]string, error) {
	resp, err := q.stub.PauseQueue(ctx, &mrqpb.PauseQueueRequest{Queue: queue, Paused: paused})
	if err != nil {
		return nil, fromRPC(err)
	}
	return resp.GetPausedQueues(), nil
}

// Empty removes every job waiting on queue (queued or delayed; running jobs are left
// alone) and returns how many: regular jobs end "cancel", raw entries are dropped.
func (q *Queues) Empty(ctx context.Context, queue string) (int64, error) {
	resp, err := q.stub.EmptyQueue(ctx, &mrqpb.EmptyQueueRequest{Queue: queue})
	if err != nil {
		return 0, fromRPC(err)
	}
	return resp.GetRemoved(), nil
}
