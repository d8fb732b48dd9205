package mrq

import (
	"context"
	"fmt"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"

	"github.com/mrq-project/mrq/clients/go/mrqpb"
)

// Client enqueues jobs on an mrq-broker and reads them back. It is safe for concurrent use.
type Client struct {
	conn *grpc.ClientConn // nil when the caller owns the connection (NewClient)
	jobs mrqpb.JobServiceClient
}

// Dial returns a client of the broker at addr ("host:port"). It connects lazily, on the
// first call, and reconnects as needed; the connection is plaintext unless
// WithTransportCredentials says otherwise. Close the client when done.
func Dial(addr string, opts ...DialOption) (*Client, error) {
	cfg := dialConfig{creds: insecure.NewCredentials()}
	for _, opt := range opts {
		opt(&cfg)
	}
	grpcOpts := append([]grpc.DialOption{grpc.WithTransportCredentials(cfg.creds)}, cfg.grpcOpts...)
	conn, err := grpc.NewClient(addr, grpcOpts...)
	if err != nil {
		return nil, fmt.Errorf("mrq: dial %s: %w", addr, err)
	}
	return &Client{conn: conn, jobs: mrqpb.NewJobServiceClient(conn)}, nil
}

// NewClient returns a client that uses an existing connection; the caller keeps
// ownership of conn, and Close leaves it open.
func NewClient(conn grpc.ClientConnInterface) *Client {
	return &Client{jobs: mrqpb.NewJobServiceClient(conn)}
}

// Close closes the connection opened by Dial.
func (c *Client) Close() error {
	if c.conn == nil {
		return nil
	}
	return c.conn.Close()
}

// EnqueueResult is the outcome of Enqueue.
type EnqueueResult struct {
	// JobID is the new job's id, or the existing job's id when deduplicated.
	JobID string
	// Deduplicated is true when a queued or started job with the same dedupe key existed.
	Deduplicated bool
}

// Enqueue enqueues one job of task (a dotted path, e.g. "tasks.add") with params, which
// are marshalled to JSON (a json.RawMessage is sent as is; nil means `{}`).
func (c *Client) Enqueue(ctx context.Context, task string, params any, opts ...EnqueueOption) (EnqueueResult, error) {
	paramsJSON, err := encodeParams(params, "params_json")
	if err != nil {
		return EnqueueResult{}, err
	}
	resp, err := c.jobs.Enqueue(ctx, &mrqpb.EnqueueRequest{
		Task:       task,
		ParamsJson: paramsJSON,
		Options:    jobOptions(opts),
	})
	if err != nil {
		return EnqueueResult{}, fromRPC(err)
	}
	return EnqueueResult{JobID: resp.GetJobId(), Deduplicated: resp.GetDeduplicated()}, nil
}

// EnqueueMany enqueues one job of task per entry of params, with shared options, and
// returns their ids in the same order. The broker accepts or refuses the batch as a
// whole; at most ServerInfo.MaxBatchSize entries per call.
func (c *Client) EnqueueMany(ctx context.Context, task string, params []any, opts ...EnqueueOption) ([]string, error) {
	req := &mrqpb.EnqueueManyRequest{
		Task:       task,
		ParamsJson: make([][]byte, len(params)),
		Options:    jobOptions(opts),
	}
	for i, p := range params {
		b, err := encodeParams(p, fmt.Sprintf("params_json[%d]", i))
		if err != nil {
			return nil, err
		}
		req.ParamsJson[i] = b
	}
	resp, err := c.jobs.EnqueueMany(ctx, req)
	if err != nil {
		return nil, fromRPC(err)
	}
	return resp.GetJobIds(), nil
}

// GetJob reads one job; it fails with ErrNotFound for an unknown or expired id.
func (c *Client) GetJob(ctx context.Context, id string) (*Job, error) {
	resp, err := c.jobs.GetJob(ctx, &mrqpb.GetJobRequest{JobId: id})
	if err != nil {
		return nil, fromRPC(err)
	}
	return jobFromProto(resp.GetJob()), nil
}

// Wait waits, server-side, until every job in ids is final or timeout passes (at most
// ServerInfo.MaxWait; zero returns at once), and returns the jobs in the order asked.
//
// When some job is still not final at the timeout, Wait returns the jobs as they stood
// together with an error matching ErrWaitTimeout. ctx's deadline, if any, should leave
// room for timeout, or the call fails with context.DeadlineExceeded instead.
func (c *Client) Wait(ctx context.Context, ids []string, timeout time.Duration) ([]*Job, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	resp, err := c.jobs.WaitJobs(ctx, &mrqpb.WaitJobsRequest{JobIds: ids, TimeoutS: timeout.Seconds()})
	if err != nil {
		return nil, fromRPC(err)
	}
	jobs := make([]*Job, len(resp.GetJobs()))
	final := 0
	for i, p := range resp.GetJobs() {
		jobs[i] = jobFromProto(p)
		if jobs[i].Status.IsFinal() {
			final++
		}
	}
	if !resp.GetAllFinal() {
		return jobs, fmt.Errorf("%w: %d of %d jobs final after %s", ErrWaitTimeout, final, len(jobs), timeout)
	}
	return jobs, nil
}

// ServerInfo describes a broker: its version, limits and features.
type ServerInfo struct {
	Version        string
	MaxParamsBytes int64
	MaxBatchSize   int
	MaxWait        time.Duration
	LeaseTTL       time.Duration
	Features       []string
}

// ServerInfo asks the broker for its version, limits and features; it is cheap.
func (c *Client) ServerInfo(ctx context.Context) (*ServerInfo, error) {
	resp, err := c.jobs.GetServerInfo(ctx, &mrqpb.GetServerInfoRequest{})
	if err != nil {
		return nil, fromRPC(err)
	}
	return &ServerInfo{
		Version:        resp.GetVersion(),
		MaxParamsBytes: resp.GetMaxParamsBytes(),
		MaxBatchSize:   int(resp.GetMaxBatchSize()),
		MaxWait:        seconds(resp.GetMaxWaitS()),
		LeaseTTL:       seconds(resp.GetLeaseTtlS()),
		Features:       resp.GetFeatures(),
	}, nil
}
