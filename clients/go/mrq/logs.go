package mrq

import (
	"context"
	"errors"
	"io"
	"strings"
	"time"

	"github.com/mrq-project/mrq/clients/go/mrqpb"
)

// followRetries is how many times FollowLogs resumes a stream cut by UNAVAILABLE in a row,
// waiting followBackoff, doubled each time, in between.
const (
	followRetries = 8
	followBackoff = 200 * time.Millisecond
)

// Logs returns the job's log text so far: what its task logged, one line per record, each
// ending in a newline. Empty if it logged nothing yet.
func (c *Client) Logs(ctx context.Context, id string) (string, error) {
	var text strings.Builder
	var offset int64
	for {
		resp, err := c.jobs.GetJobLogs(ctx, &mrqpb.GetJobLogsRequest{JobId: id, FromOffset: offset})
		if err != nil {
			return "", fromRPC(err)
		}
		text.WriteString(resp.GetText())
		if resp.GetComplete() || resp.GetNextOffset() <= offset {
			return text.String(), nil
		}
		offset = resp.GetNextOffset()
	}
}

// FollowLogs calls onLine with each of the job's log lines (without their newline), from
// the first, as the worker ships them, and returns nil once the job is final; at once if it
// already is. A stream cut by UNAVAILABLE is resumed where it left off. An error returned
// by onLine stops following and is returned.
func (c *Client) FollowLogs(ctx context.Context, id string, onLine func(line string) error) error {
	var offset int64
	failures := 0
	for {
		err := c.followFrom(ctx, id, &offset, &failures, onLine)
		if err == nil || !errors.Is(err, ErrUnavailable) || failures >= followRetries {
			return err
		}
		failures++
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(followBackoff << (failures - 1)):
		}
	}
}

// followFrom reads one stream from *offset, advancing it; a response resets *failures.
func (c *Client) followFrom(ctx context.Context, id string, offset *int64, failures *int, onLine func(string) error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel() // ends the stream when onLine fails
	stream, err := c.jobs.FollowJobLogs(ctx, &mrqpb.FollowJobLogsRequest{JobId: id, FromOffset: *offset})
	if err != nil {
		return fromRPC(err)
	}
	for {
		resp, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fromRPC(err)
		}
		*failures = 0
		*offset = resp.GetNextOffset()
		for _, line := range strings.SplitAfter(resp.GetText(), "\n") {
			if line == "" {
				continue
			}
			if err := onLine(strings.TrimSuffix(line, "\n")); err != nil {
				return err
			}
		}
	}
}
