package mrq_test

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"testing"
	"time"

	"github.com/mrq-project/mrq/clients/go/mrq"
)

// brokerAddress is MRQ_TEST_BROKER_ADDRESS; the test is skipped when it is unset.
func brokerAddress(t *testing.T) string {
	t.Helper()
	addr := os.Getenv("MRQ_TEST_BROKER_ADDRESS")
	if addr == "" {
		t.Skip("MRQ_TEST_BROKER_ADDRESS is not set")
	}
	return addr
}

// brokerClient dials the broker named by MRQ_TEST_BROKER_ADDRESS with the token
// MRQ_TEST_TOKEN (if set), and skips the test when the address is unset. The queue is
// MRQ_TEST_QUEUE, "default" when unset; a worker that runs the test tasks (mrq_test_tasks.add) must
// be consuming it.
func brokerClient(t *testing.T) (*mrq.Client, string) {
	t.Helper()
	addr := brokerAddress(t)
	queue := os.Getenv("MRQ_TEST_QUEUE")
	if queue == "" {
		queue = "default"
	}
	c, err := mrq.Dial(addr, mrq.WithToken(os.Getenv("MRQ_TEST_TOKEN")))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = c.Close() })
	return c, queue
}

func TestIntegrationEnqueueAndWait(t *testing.T) {
	c, queue := brokerClient(t)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()

	res, err := c.Enqueue(ctx, "mrq_test_tasks.add", map[string]int{"a": 1, "b": 2}, mrq.WithQueue(queue))
	if err != nil {
		t.Fatal(err)
	}
	jobs, err := c.Wait(ctx, []string{res.JobID}, 30*time.Second)
	if err != nil {
		t.Fatal(err)
	}

	job := jobs[0]
	if job.ID != res.JobID || job.Status != mrq.StatusSuccess {
		t.Fatalf("job %s: status %q, error %q", job.ID, job.Status, job.Error)
	}
	var result int
	if err := job.DecodeResult(&result); err != nil || result != 3 {
		t.Errorf("result = %s (%v), want 3", job.Result, err)
	}
	got, err := c.GetJob(ctx, res.JobID)
	if err != nil || got.Status != mrq.StatusSuccess || got.Queue != queue {
		t.Errorf("GetJob = %+v, %v", got, err)
	}
}

func TestIntegrationInvalidArgumentsNameTheField(t *testing.T) {
	c, queue := brokerClient(t)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()

	_, err := c.Enqueue(ctx, "", map[string]int{"a": 1}, mrq.WithQueue(queue))
	assertInvalidArgument(t, err, "task")

	_, err = c.Enqueue(ctx, "mrq_test_tasks.add", json.RawMessage(`{"a": 1,`), mrq.WithQueue(queue))
	assertInvalidArgument(t, err, "params_json")
}

func TestIntegrationUnknownJobIsNotFound(t *testing.T) {
	c, _ := brokerClient(t)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()

	_, err := c.GetJob(ctx, "000000000000000000000000")
	if !errors.Is(err, mrq.ErrNotFound) {
		t.Errorf("err = %v, want ErrNotFound", err)
	}
}
