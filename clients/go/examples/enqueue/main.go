// Command enqueue enqueues tasks.add {"a": 1, "b": 2}, waits for it, and prints the result.
//
//	go run ./examples/enqueue -addr 127.0.0.1:50051 -queue default
//
// A worker that can import the task must be consuming the queue.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log"
	"os"
	"time"

	"github.com/mrq-project/mrq/clients/go/mrq"
)

func main() {
	addr := flag.String("addr", envOr("MRQ_BROKER_ADDRESS", "127.0.0.1:50051"), "broker host:port")
	queue := flag.String("queue", "default", "queue to enqueue on")
	flag.Parse()

	if err := run(*addr, *queue); err != nil {
		log.Fatal(err)
	}
}

func run(addr, queue string) error {
	c, err := mrq.Dial(addr)
	if err != nil {
		return err
	}
	defer c.Close()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()

	res, err := c.Enqueue(ctx, "tasks.add", map[string]int{"a": 1, "b": 2}, mrq.WithQueue(queue))
	var invalid *mrq.Error
	if errors.As(err, &invalid) && errors.Is(err, mrq.ErrInvalidArgument) {
		return fmt.Errorf("refused, bad %s: %w", invalid.Field, err)
	}
	if err != nil {
		return err
	}
	fmt.Println("enqueued", res.JobID)

	jobs, err := c.Wait(ctx, []string{res.JobID}, 30*time.Second)
	if err != nil {
		return err
	}
	job := jobs[0]
	if job.Status != mrq.StatusSuccess {
		return fmt.Errorf("job %s ended %s: %s %s", job.ID, job.Status, job.ExceptionType, job.Error)
	}
	var sum int
	if err := job.DecodeResult(&sum); err != nil {
		return err
	}
	fmt.Printf("%s: %s -> %d\n", job.ID, job.Status, sum)
	return nil
}

func envOr(name, fallback string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return fallback
}
