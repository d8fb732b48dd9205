package mrq_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/mrq-project/mrq/clients/go/mrq"
	"github.com/mrq-project/mrq/clients/go/mrqpb"
)

func TestEnqueueManySplitsOverTheBatchLimit(t *testing.T) {
	var sizes []int
	c := startFake(t, &fakeJobs{enqueueMany: func(r *mrqpb.EnqueueManyRequest) (*mrqpb.EnqueueManyResponse, error) {
		sizes = append(sizes, len(r.GetParamsJson()))
		ids := make([]string, len(r.GetParamsJson()))
		for i, p := range r.GetParamsJson() {
			ids[i] = string(p)
		}
		return &mrqpb.EnqueueManyResponse{JobIds: ids}, nil
	}})
	params := make([]any, 25)
	for i := range params {
		params[i] = i
	}

	ids, err := c.EnqueueMany(context.Background(), "tasks.add", params)
	if err != nil {
		t.Fatal(err)
	}

	// The fake's MaxBatchSize is 10
	if fmt.Sprint(sizes) != "[10 10 5]" || len(ids) != 25 || ids[24] != "24" {
		t.Errorf("batches %v, ids %v", sizes, ids)
	}
}

func TestWaitLoopsPastTheBrokersCap(t *testing.T) {
	var waits []float64
	c := startFake(t, &fakeJobs{waitJobs: func(_ context.Context, r *mrqpb.WaitJobsRequest) (*mrqpb.WaitJobsResponse, error) {
		waits = append(waits, r.GetTimeoutS())
		status := mrqpb.JobStatus_JOB_STATUS_STARTED
		if len(waits) == 3 {
			status = mrqpb.JobStatus_JOB_STATUS_SUCCESS
		}
		return &mrqpb.WaitJobsResponse{Jobs: []*mrqpb.Job{{Id: "a", Status: status}}}, nil
	}})

	jobs, err := c.Wait(context.Background(), []string{"a"}, time.Hour)
	if err != nil {
		t.Fatal(err)
	}

	// The fake's MaxWait is 1.5 s: each call asks for at most that, until the job is final
	if len(waits) != 3 || waits[0] != 1.5 || jobs[0].Status != mrq.StatusSuccess {
		t.Errorf("waits %v, job %+v", waits, jobs[0])
	}
}
