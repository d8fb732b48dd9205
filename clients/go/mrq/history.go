package mrq

import (
	"context"
	"time"

	"github.com/mrq-project/mrq/clients/go/mrqpb"
)

// History reads the per-minute history the broker keeps for a day: Client.History.
type History struct {
	stub mrqpb.MonitorServiceClient
}

// HistoryQuery selects a series and its points. Set Queue (a root queue) or Task, or
// neither for every job.
type HistoryQuery struct {
	Queue string
	Task  string
	// Window is how far back to look, at most 24 h (0: 1 h).
	Window time.Duration
	// Step is the length of each point, a whole number of minutes (0: 1 min).
	Step time.Duration
}

// HistoryPoint is one step of a series.
type HistoryPoint struct {
	// Start is the step's first minute.
	Start time.Time
	// Finished counts the jobs that reached a final status; Failed those of them that
	// ended failed, maxretries, maxconcurrency or timeout.
	Finished int64
	Failed   int64
	// QueueSize is the queue's ready jobs at the step's last sample; nil for a task, or
	// when none was sampled.
	QueueSize *int64
	// P50 and P95 are the finished jobs' median and 95th percentile durations (within
	// ±9%); nil when none finished.
	P50 *time.Duration
	P95 *time.Duration
}

// Get returns the points of the series, oldest first; the last one is still filling.
func (h *History) Get(ctx context.Context, q HistoryQuery) ([]HistoryPoint, error) {
	resp, err := h.stub.GetHistory(ctx, &mrqpb.GetHistoryRequest{
		Queue: q.Queue, Task: q.Task, WindowS: q.Window.Seconds(), StepS: q.Step.Seconds(),
	})
	if err != nil {
		return nil, fromRPC(err)
	}
	points := make([]HistoryPoint, len(resp.GetPoints()))
	for i, p := range resp.GetPoints() {
		points[i] = HistoryPoint{
			Start: timeFromProto(p.GetStart()), Finished: p.GetFinished(), Failed: p.GetFailed(),
			QueueSize: p.QueueSize, P50: optionalSeconds(p.P50DurationS), P95: optionalSeconds(p.P95DurationS),
		}
	}
	return points, nil
}

func optionalSeconds(s *float64) *time.Duration {
	if s == nil {
		return nil
	}
	d := seconds(*s)
	return &d
}
