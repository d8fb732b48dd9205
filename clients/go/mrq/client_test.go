package mrq_test

import (
	"context"
	"encoding/json"
	"errors"
	"testing"
	"time"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/types/known/timestamppb"

	"github.com/mrq-project/mrq/clients/go/mrq"
	"github.com/mrq-project/mrq/clients/go/mrqpb"
)

func TestEnqueueSendsTaskParamsAndOptions(t *testing.T) {
	var got *mrqpb.EnqueueRequest
	c := startFake(t, &fakeJobs{enqueue: func(r *mrqpb.EnqueueRequest) (*mrqpb.EnqueueResponse, error) {
		got = r
		return &mrqpb.EnqueueResponse{JobId: "0123456789abcdef01234567", Deduplicated: true}, nil
	}})
	eta := time.Date(2030, 1, 2, 3, 4, 5, 0, time.UTC)

	res, err := c.Enqueue(context.Background(), "tasks.add", map[string]int{"a": 1, "b": 2},
		mrq.WithQueue("math"), mrq.WithTimeout(90*time.Second), mrq.WithPriority(5),
		mrq.WithETA(eta), mrq.WithMaxRetries(0), mrq.WithRetryDelay(1500*time.Millisecond),
		mrq.WithResultTTL(time.Hour), mrq.WithDedupeKey("k1"))
	if err != nil {
		t.Fatal(err)
	}

	if res != (mrq.EnqueueResult{JobID: "0123456789abcdef01234567", Deduplicated: true}) {
		t.Errorf("result = %+v", res)
	}
	want := &mrqpb.EnqueueRequest{
		Task:       "tasks.add",
		ParamsJson: []byte(`{"a":1,"b":2}`),
		Options: &mrqpb.JobOptions{
			Queue:       "math",
			TimeoutS:    proto.Float64(90),
			Priority:    5,
			Eta:         timestamppb.New(eta),
			MaxRetries:  proto.Int32(0),
			RetryDelayS: proto.Float64(1.5),
			ResultTtlS:  proto.Float64(3600),
			DedupeKey:   "k1",
		},
	}
	if !proto.Equal(got, want) {
		t.Errorf("request = %v\nwant      %v", got, want)
	}
}

func TestEnqueueLeavesUnsetOptionsUnset(t *testing.T) {
	var got *mrqpb.EnqueueRequest
	c := startFake(t, &fakeJobs{enqueue: func(r *mrqpb.EnqueueRequest) (*mrqpb.EnqueueResponse, error) {
		got = r
		return &mrqpb.EnqueueResponse{JobId: "x"}, nil
	}})

	if _, err := c.Enqueue(context.Background(), "tasks.noop", nil, mrq.WithDelay(2*time.Second)); err != nil {
		t.Fatal(err)
	}

	o := got.GetOptions()
	if o.TimeoutS != nil || o.MaxRetries != nil || o.RetryDelayS != nil || o.ResultTtlS != nil {
		t.Errorf("optional fields set: %v", o)
	}
	if o.GetDelayS() != 2 {
		t.Errorf("delay_s = %v", o.GetDelayS())
	}
	if len(got.GetParamsJson()) != 0 {
		t.Errorf("nil params sent as %q, want no bytes", got.GetParamsJson())
	}
}

func TestEnqueueSendsRawJSONUnchecked(t *testing.T) {
	var got []byte
	c := startFake(t, &fakeJobs{enqueue: func(r *mrqpb.EnqueueRequest) (*mrqpb.EnqueueResponse, error) {
		got = r.GetParamsJson()
		return nil, status.Error(codes.InvalidArgument, "params_json: invalid JSON")
	}})

	_, err := c.Enqueue(context.Background(), "tasks.add", json.RawMessage(`{"a":`))

	if string(got) != `{"a":` {
		t.Errorf("params_json = %q", got)
	}
	assertInvalidArgument(t, err, "params_json")
}

func TestEnqueueRefusesUnmarshallableParamsLocally(t *testing.T) {
	f := &fakeJobs{}
	c := startFake(t, f)

	_, err := c.Enqueue(context.Background(), "tasks.add", map[string]any{"ch": make(chan int)})

	assertInvalidArgument(t, err, "params_json")
	if f.calls != 0 {
		t.Errorf("the broker was called %d times", f.calls)
	}
}

func TestEnqueueManyEncodesEachEntry(t *testing.T) {
	var got *mrqpb.EnqueueManyRequest
	c := startFake(t, &fakeJobs{enqueueMany: func(r *mrqpb.EnqueueManyRequest) (*mrqpb.EnqueueManyResponse, error) {
		got = r
		return &mrqpb.EnqueueManyResponse{JobIds: []string{"a", "b", "c"}}, nil
	}})

	ids, err := c.EnqueueMany(context.Background(), "tasks.add",
		[]any{map[string]int{"a": 1}, json.RawMessage(`[1,2]`), nil}, mrq.WithQueue("q"))
	if err != nil {
		t.Fatal(err)
	}

	if len(ids) != 3 || ids[2] != "c" {
		t.Errorf("ids = %v", ids)
	}
	wantParams := []string{`{"a":1}`, `[1,2]`, ``}
	for i, p := range got.GetParamsJson() {
		if string(p) != wantParams[i] {
			t.Errorf("params_json[%d] = %q, want %q", i, p, wantParams[i])
		}
	}
	if got.GetOptions().GetQueue() != "q" {
		t.Errorf("queue = %q", got.GetOptions().GetQueue())
	}
}

func TestEnqueueManyNamesTheBadEntry(t *testing.T) {
	c := startFake(t, &fakeJobs{})

	_, err := c.EnqueueMany(context.Background(), "tasks.add", []any{1, func() {}})

	assertInvalidArgument(t, err, "params_json[1]")
}

func TestErrorsMapFromStatusCodes(t *testing.T) {
	cases := []struct {
		code     codes.Code
		message  string
		sentinel error
		field    string
	}{
		{codes.InvalidArgument, "task: must not be empty", mrq.ErrInvalidArgument, "task"},
		{codes.InvalidArgument, "options.queue: too long", mrq.ErrInvalidArgument, "options.queue"},
		{codes.InvalidArgument, "bad request", mrq.ErrInvalidArgument, ""},
		{codes.NotFound, "job 42 not found", mrq.ErrNotFound, ""},
		{codes.Unavailable, "redis is down", mrq.ErrUnavailable, ""},
	}
	for _, tc := range cases {
		t.Run(tc.message, func(t *testing.T) {
			c := startFake(t, &fakeJobs{getJob: func(*mrqpb.GetJobRequest) (*mrqpb.GetJobResponse, error) {
				return nil, status.Error(tc.code, tc.message)
			}})

			_, err := c.GetJob(context.Background(), "42")

			if !errors.Is(err, tc.sentinel) {
				t.Fatalf("err = %v, want %v", err, tc.sentinel)
			}
			var e *mrq.Error
			if !errors.As(err, &e) || e.Field != tc.field || e.Message != tc.message {
				t.Errorf("error = %#v, want field %q", e, tc.field)
			}
			if status.Code(err) != tc.code {
				t.Errorf("status.Code = %v", status.Code(err))
			}
		})
	}
}

func TestUnexpectedCodeMatchesNoSentinel(t *testing.T) {
	c := startFake(t, &fakeJobs{getJob: func(*mrqpb.GetJobRequest) (*mrqpb.GetJobResponse, error) {
		return nil, status.Error(codes.Internal, "boom")
	}})

	_, err := c.GetJob(context.Background(), "1")

	for _, s := range []error{mrq.ErrInvalidArgument, mrq.ErrNotFound, mrq.ErrUnavailable, mrq.ErrWaitTimeout} {
		if errors.Is(err, s) {
			t.Errorf("%v matches %v", err, s)
		}
	}
	var e *mrq.Error
	if !errors.As(err, &e) || e.Code != codes.Internal {
		t.Errorf("err = %v", err)
	}
}

func TestContextDeadlineIsReported(t *testing.T) {
	c := startFake(t, &fakeJobs{waitJobs: func(ctx context.Context, _ *mrqpb.WaitJobsRequest) (*mrqpb.WaitJobsResponse, error) {
		<-ctx.Done()
		return nil, ctx.Err()
	}})
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()

	_, err := c.Wait(ctx, []string{"1"}, time.Minute)

	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("err = %v, want context.DeadlineExceeded", err)
	}
}

func TestGetJobDecodesTheRecord(t *testing.T) {
	enqueued := time.Date(2025, 5, 6, 7, 8, 9, 0, time.UTC)
	c := startFake(t, &fakeJobs{getJob: func(r *mrqpb.GetJobRequest) (*mrqpb.GetJobResponse, error) {
		return &mrqpb.GetJobResponse{Job: &mrqpb.Job{
			Id: r.GetJobId(), Task: "tasks.add", ParamsJson: []byte(`{"a":1}`), Queue: "math",
			Status: mrqpb.JobStatus_JOB_STATUS_SUCCESS, ResultJson: []byte(`3`),
			DateEnqueued: timestamppb.New(enqueued), RetryCount: 1, Progress: 1,
			TracebackHistory: []*mrqpb.TracebackEntry{{
				Status: mrqpb.JobStatus_JOB_STATUS_RETRY, ExceptionType: "builtins.ValueError",
			}},
			Options: &mrqpb.JobOptions{Queue: "math", TimeoutS: proto.Float64(2.5), MaxRetries: proto.Int32(3)},
		}}, nil
	}})

	job, err := c.GetJob(context.Background(), "abc")
	if err != nil {
		t.Fatal(err)
	}

	if job.ID != "abc" || job.Status != mrq.StatusSuccess || job.Queue != "math" || job.RetryCount != 1 {
		t.Errorf("job = %+v", job)
	}
	if !job.DateEnqueued.Equal(enqueued) || !job.DateFinished.IsZero() {
		t.Errorf("dates: enqueued %v, finished %v", job.DateEnqueued, job.DateFinished)
	}
	if len(job.TracebackHistory) != 1 || job.TracebackHistory[0].Status != mrq.StatusRetry {
		t.Errorf("history = %+v", job.TracebackHistory)
	}
	if job.Options.Timeout != 2500*time.Millisecond || job.Options.MaxRetries != 3 {
		t.Errorf("options = %+v", job.Options)
	}
	var result int
	if err := job.DecodeResult(&result); err != nil || result != 3 {
		t.Errorf("result = %v, %v", result, err)
	}
}

func TestWaitReturnsFinalJobs(t *testing.T) {
	var got *mrqpb.WaitJobsRequest
	c := startFake(t, &fakeJobs{waitJobs: func(_ context.Context, r *mrqpb.WaitJobsRequest) (*mrqpb.WaitJobsResponse, error) {
		got = r
		return &mrqpb.WaitJobsResponse{AllFinal: true, Jobs: []*mrqpb.Job{
			{Id: "b", Status: mrqpb.JobStatus_JOB_STATUS_FAILED},
			{Id: "a", Status: mrqpb.JobStatus_JOB_STATUS_SUCCESS},
		}}, nil
	}})

	jobs, err := c.Wait(context.Background(), []string{"b", "a"}, 1500*time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}

	if got.GetTimeoutS() > 1.5 || got.GetTimeoutS() < 1.4 || len(got.GetJobIds()) != 2 {
		t.Errorf("request = %v", got)
	}
	if jobs[0].ID != "b" || jobs[0].Status != mrq.StatusFailed || jobs[1].Status != mrq.StatusSuccess {
		t.Errorf("jobs = %+v, %+v", jobs[0], jobs[1])
	}
}

func TestWaitTimeoutReturnsJobsAsTheyStood(t *testing.T) {
	c := startFake(t, &fakeJobs{waitJobs: func(context.Context, *mrqpb.WaitJobsRequest) (*mrqpb.WaitJobsResponse, error) {
		return &mrqpb.WaitJobsResponse{AllFinal: false, Jobs: []*mrqpb.Job{
			{Id: "a", Status: mrqpb.JobStatus_JOB_STATUS_SUCCESS},
			{Id: "b", Status: mrqpb.JobStatus_JOB_STATUS_STARTED},
		}}, nil
	}})

	jobs, err := c.Wait(context.Background(), []string{"a", "b"}, 0)

	if !errors.Is(err, mrq.ErrWaitTimeout) {
		t.Fatalf("err = %v, want ErrWaitTimeout", err)
	}
	if len(jobs) != 2 || jobs[1].Status != mrq.StatusStarted {
		t.Errorf("jobs = %v", jobs)
	}
}

func TestWaitOnNoJobsMakesNoCall(t *testing.T) {
	f := &fakeJobs{}
	c := startFake(t, f)

	jobs, err := c.Wait(context.Background(), nil, time.Second)

	if err != nil || len(jobs) != 0 || f.calls != 0 {
		t.Errorf("jobs %v, err %v, calls %d", jobs, err, f.calls)
	}
}

func TestServerInfo(t *testing.T) {
	c := startFake(t, &fakeJobs{})

	info, err := c.ServerInfo(context.Background())
	if err != nil {
		t.Fatal(err)
	}

	if info.Version != "0.1.0" || info.MaxBatchSize != 10 || info.MaxWait != 1500*time.Millisecond {
		t.Errorf("info = %+v", info)
	}
}

func TestListTasksetsReadsAPageAndItsCursor(t *testing.T) {
	created := time.Date(2026, 12, 5, 9, 0, 0, 0, time.UTC)
	var asked *mrqpb.ListTasksetsRequest
	c := startFake(t, &fakeJobs{tasksets: func(r *mrqpb.ListTasksetsRequest) (*mrqpb.ListTasksetsResponse, error) {
		asked = r
		return &mrqpb.ListTasksetsResponse{NextCursor: "65f0c0ffee0123456789abcd", Tasksets: []*mrqpb.Taskset{{
			Id: "65f0c0ffee0123456789abce", Task: "tasks.map", DateCreated: timestamppb.New(created), Total: 4,
			Final: 1, Counts: map[string]int64{"failed": 1}, Progress: 0.25, CallbackTask: "tasks.reduce",
		}}}, nil
	}})

	tasksets, next, err := c.ListTasksets(context.Background(), 2, "65f0c0ffee0123456789abcf")
	if err != nil {
		t.Fatal(err)
	}

	if asked.GetLimit() != 2 || asked.GetCursor() != "65f0c0ffee0123456789abcf" || next != "65f0c0ffee0123456789abcd" {
		t.Errorf("asked %v, next %q", asked, next)
	}
	if len(tasksets) != 1 || tasksets[0].Task != "tasks.map" || !tasksets[0].DateCreated.Equal(created) ||
		tasksets[0].Final != 1 || tasksets[0].Counts["failed"] != 1 || tasksets[0].CallbackTask != "tasks.reduce" {
		t.Errorf("tasksets = %+v", tasksets)
	}
}

// assertInvalidArgument checks that err is an InvalidArgument *mrq.Error naming field.
func assertInvalidArgument(t *testing.T, err error, field string) {
	t.Helper()
	var e *mrq.Error
	if !errors.Is(err, mrq.ErrInvalidArgument) || !errors.As(err, &e) {
		t.Fatalf("err = %v, want ErrInvalidArgument", err)
	}
	if e.Field != field {
		t.Errorf("field = %q, want %q (message %q)", e.Field, field, e.Message)
	}
}
