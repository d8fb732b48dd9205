package mrq_test

// The conformance scenario, the same in the Python, Go and TypeScript clients
// (tests/integration/test_client_conformance.py runs all three against one kind of stack: a
// broker that requires MRQ_TEST_TOKEN, with a batch limit of 20 and a wait cap of 1 s, and
// a worker running tests/integration/tasks.py on the "default" queue).

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/mrq-project/mrq/clients/go/mrq"
	"github.com/mrq-project/mrq/clients/go/mrqpb"
)

// everyEnqueueOption sets each option once; a JobOptions field it leaves unset is an option
// this client lacks.
var everyEnqueueOption = []mrq.EnqueueOption{
	mrq.WithQueue("q"), mrq.WithTimeout(time.Second), mrq.WithMaxRetries(1), mrq.WithRetryDelay(time.Second),
	mrq.WithResultTTL(time.Second), mrq.WithDelay(time.Second), mrq.WithETA(time.Now()), mrq.WithPriority(1),
	mrq.WithDedupeKey("k"), mrq.WithUnique(),
}

func TestConformanceEveryJobOptionCanBeSet(t *testing.T) {
	var got *mrqpb.EnqueueRequest
	c := startFake(t, &fakeJobs{enqueue: func(r *mrqpb.EnqueueRequest) (*mrqpb.EnqueueResponse, error) {
		got = r
		return &mrqpb.EnqueueResponse{JobId: "x"}, nil
	}})
	if _, err := c.Enqueue(context.Background(), "mrq_test_tasks.add", nil, everyEnqueueOption...); err != nil {
		t.Fatal(err)
	}
	fields := got.GetOptions().ProtoReflect().Descriptor().Fields()
	for i := range fields.Len() {
		if f := fields.Get(i); !got.GetOptions().ProtoReflect().Has(f) {
			t.Errorf("mrq.v1.JobOptions.%s has no EnqueueOption", f.Name())
		}
	}
}

func TestConformanceScenario(t *testing.T) {
	c, queue := brokerClient(t)
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()

	t.Log("enqueue one job and wait for it")
	res, err := c.Enqueue(ctx, "mrq_test_tasks.add", map[string]int{"a": 1, "b": 2}, mrq.WithQueue(queue))
	must(t, err)
	jobs, err := c.Wait(ctx, []string{res.JobID}, 30*time.Second)
	must(t, err)
	var sum int
	if err := jobs[0].DecodeResult(&sum); err != nil || sum != 3 {
		t.Fatalf("result %s, %v", jobs[0].Result, err)
	}

	t.Log("bulk over the batch limit is split")
	params := make([]any, 45)
	for i := range params {
		params[i] = map[string]int{"a": i, "b": 1}
	}
	ids, err := c.EnqueueMany(ctx, "mrq_test_tasks.add", params, mrq.WithQueue(queue))
	must(t, err)
	jobs, err = c.Wait(ctx, ids, 30*time.Second)
	must(t, err)
	if len(jobs) != 45 || jobs[44].Status != mrq.StatusSuccess {
		t.Fatalf("%d jobs, last %+v", len(jobs), jobs[len(jobs)-1])
	}

	t.Log("unique, while the queue is paused")
	paused, err := c.Queues.Pause(ctx, queue)
	must(t, err)
	t.Cleanup(func() { _, _ = c.Queues.Resume(context.Background(), queue) })
	if !contains(paused, queue) {
		t.Fatalf("paused queues %v", paused)
	}
	first, err := c.Enqueue(ctx, "mrq_test_tasks.add", map[string]int{"a": 5, "b": 5}, mrq.WithQueue(queue), mrq.WithUnique())
	must(t, err)
	second, err := c.Enqueue(ctx, "mrq_test_tasks.add", map[string]int{"a": 5, "b": 5}, mrq.WithQueue(queue), mrq.WithUnique())
	must(t, err)
	if second.JobID != first.JobID {
		t.Fatalf("unique enqueued twice: %+v, %+v", first, second)
	}
	queues, err := c.Queues.List(ctx, queue)
	must(t, err)
	if len(queues) == 0 || !queues[0].Paused {
		t.Fatalf("queues %+v", queues)
	}
	_, err = c.Queues.Resume(ctx, queue)
	must(t, err)

	t.Log("a wait longer than the broker's cap (1 s) loops")
	res, err = c.Enqueue(ctx, "mrq_test_tasks.sleep", map[string]float64{"s": 1.5}, mrq.WithQueue(queue))
	must(t, err)
	jobs, err = c.Wait(ctx, []string{first.JobID, res.JobID}, 20*time.Second)
	must(t, err)
	if jobs[0].Status != mrq.StatusSuccess || jobs[1].Status != mrq.StatusSuccess {
		t.Fatalf("statuses %s, %s", jobs[0].Status, jobs[1].Status)
	}

	t.Log("cancel a running job, then requeue it")
	res, err = c.Enqueue(ctx, "mrq_test_tasks.sleep", map[string]float64{"s": 60}, mrq.WithQueue(queue))
	must(t, err)
	waitForStatus(ctx, t, c, res.JobID, mrq.StatusStarted)
	counts, err := c.Cancel(ctx, mrq.Selection{IDs: []string{res.JobID}})
	must(t, err)
	if counts.Changed != 1 {
		t.Fatalf("cancel counts %+v", counts)
	}
	waitForStatus(ctx, t, c, res.JobID, mrq.StatusCancel)
	counts, err = c.Requeue(ctx, mrq.Selection{IDs: []string{res.JobID}})
	must(t, err)
	if counts.Changed != 1 {
		t.Fatalf("requeue counts %+v", counts)
	}
	_, err = c.Cancel(ctx, mrq.Selection{IDs: []string{res.JobID}})
	must(t, err)

	t.Log("delete it by a query: its id prefix and one params key's value")
	counts, err = c.Delete(ctx, mrq.Selection{Filter: mrq.JobFilter{JobIDPrefix: res.JobID, ParamsKey: "s", ParamsValue: 60}})
	must(t, err)
	if counts.Changed != 1 {
		t.Fatalf("delete counts %+v", counts)
	}
	if _, err := c.GetJob(ctx, res.JobID); !errors.Is(err, mrq.ErrNotFound) {
		t.Fatalf("deleted job: %v", err)
	}

	t.Log("follow a job's logs")
	res, err = c.Enqueue(ctx, "mrq_test_tasks.log_lines", map[string][]string{"lines": {"first line", "second line"}},
		mrq.WithQueue(queue))
	must(t, err)
	var lines []string
	must(t, c.FollowLogs(ctx, res.JobID, func(line string) error {
		lines = append(lines, line)
		return nil
	}))
	if len(lines) != 2 || !strings.HasSuffix(lines[0], "first line") || !strings.HasSuffix(lines[1], "second line") {
		t.Fatalf("followed lines %q", lines)
	}

	t.Log("a taskset: its members carry its id, and it counts them final")
	tasksetID, memberIDs, err := c.EnqueueTaskset(ctx, "mrq_test_tasks.add",
		[]any{map[string]int{"a": 1, "b": 1}, map[string]int{"a": 2, "b": 2}}, mrq.TasksetCallback{}, mrq.WithQueue(queue))
	must(t, err)
	members, err := c.Wait(ctx, memberIDs, 30*time.Second)
	must(t, err)
	for _, m := range members {
		if m.TasksetID != tasksetID || m.Status != mrq.StatusSuccess {
			t.Fatalf("member %+v of taskset %s", m, tasksetID)
		}
	}
	taskset, err := c.GetTaskset(ctx, tasksetID)
	must(t, err)
	if taskset.Final != 2 {
		t.Fatalf("taskset %+v", taskset)
	}

	t.Log("create and delete a schedule")
	schedule, err := c.Schedules.Create(ctx, mrq.ScheduleDefinition{Task: "mrq_test_tasks.add", Params: map[string]int{"a": 1, "b": 1},
		Interval: time.Hour})
	must(t, err)
	must(t, c.Schedules.Delete(ctx, schedule.ID))
	if _, err := c.Schedules.Get(ctx, schedule.ID); !errors.Is(err, mrq.ErrNotFound) {
		t.Fatalf("deleted schedule: %v", err)
	}

	t.Log("typed errors: bad input, a missing job, a bad token")
	_, err = c.Enqueue(ctx, "", nil, mrq.WithQueue(queue))
	assertInvalidArgument(t, err, "task")
	if _, err := c.GetJob(ctx, "000000000000000000000000"); !errors.Is(err, mrq.ErrNotFound) {
		t.Fatalf("missing job: %v", err)
	}
	bad, err := mrq.Dial(brokerAddress(t), mrq.WithToken("wrong-token"))
	must(t, err)
	defer bad.Close()
	if _, err := bad.GetJob(ctx, res.JobID); !errors.Is(err, mrq.ErrUnauthenticated) {
		t.Fatalf("bad token: %v", err)
	}
}

func waitForStatus(ctx context.Context, t *testing.T, c *mrq.Client, id string, want mrq.Status) {
	t.Helper()
	for {
		job, err := c.GetJob(ctx, id)
		must(t, err)
		if job.Status == want {
			return
		}
		select {
		case <-ctx.Done():
			t.Fatalf("job %s is %s, not %s", id, job.Status, want)
		case <-time.After(20 * time.Millisecond):
		}
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func contains(items []string, item string) bool {
	for _, i := range items {
		if i == item {
			return true
		}
	}
	return false
}
