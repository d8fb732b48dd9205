package mrq

import (
	"context"
	_ "embed" // the service config below
	"fmt"
	"sync"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/status"

	"github.com/mrq-project/mrq/clients/go/mrqpb"
)

// serviceConfig is the retry policy of reads that every MRQ client loads: a copy of
// proto/mrq/v1/service_config.json, written by `make proto`.
//
//go:embed service_config.json
var serviceConfig string

// maxRequestBytes keeps each EnqueueMany call under gRPC's default 4 MiB receive limit, less
// room for the rest of the message, so any broker accepts it.
const maxRequestBytes = 4*1024*1024 - 64*1024

// entryOverheadBytes is the framing of one params entry in an EnqueueManyRequest, rounded up.
const entryOverheadBytes = 8

// Client talks to an mrq-broker: jobs on the client itself, queues and schedules through
// Queues and Schedules. It is safe for concurrent use.
type Client struct {
	conn *grpc.ClientConn // nil when the caller owns the connection (NewClient)
	jobs mrqpb.JobServiceClient
	// Queues lists, pauses, resumes and empties queues.
	Queues *Queues
	// Schedules creates, lists, updates, pauses and deletes recurring jobs.
	Schedules *Schedules
	// History reads the per-minute history of queues and tasks the broker keeps for a day.
	History *History

	infoMu sync.Mutex
	info   *ServerInfo // cached by serverLimits
}

// Dial returns a client of the broker at addr ("host:port"). It connects lazily, on the
// first call, and reconnects as needed. The connection is plaintext unless WithTLS or
// WithTransportCredentials says otherwise; WithToken sends a token on every call. Reads
// (GetJob, Wait, Logs, GetTaskset, ServerInfo, Queues.List, Schedules.Get and List, History.Get) are
// retried on UNAVAILABLE by the shared service config, and FollowLogs resumes its stream
// itself; writes never are. Close the client when done.
func Dial(addr string, opts ...DialOption) (*Client, error) {
	cfg := dialConfig{creds: insecure.NewCredentials()}
	for _, opt := range opts {
		opt(&cfg)
	}
	grpcOpts := []grpc.DialOption{
		grpc.WithTransportCredentials(cfg.creds),
		grpc.WithDefaultServiceConfig(serviceConfig),
		grpc.WithDefaultCallOptions(grpc.MaxCallRecvMsgSize(maxMessageBytes), grpc.MaxCallSendMsgSize(maxMessageBytes)),
	}
	if cfg.token != "" {
		grpcOpts = append(grpcOpts, grpc.WithPerRPCCredentials(tokenCredentials{
			token: cfg.token, requireTLS: cfg.tls}))
	}
	conn, err := grpc.NewClient(addr, append(grpcOpts, cfg.grpcOpts...)...)
	if err != nil {
		return nil, fmt.Errorf("mrq: dial %s: %w", addr, err)
	}
	c := newClient(conn)
	c.conn = conn
	return c, nil
}

// NewClient returns a client that uses an existing connection; the caller keeps
// ownership of conn, and Close leaves it open. The shared retry policy of reads applies only
// if conn was made with it (Dial does that).
func NewClient(conn grpc.ClientConnInterface) *Client {
	return newClient(conn)
}

func newClient(conn grpc.ClientConnInterface) *Client {
	return &Client{
		jobs:      mrqpb.NewJobServiceClient(conn),
		Queues:    &Queues{stub: mrqpb.NewQueueServiceClient(conn)},
		Schedules: &Schedules{stub: mrqpb.NewScheduleServiceClient(conn)},
		History:   &History{stub: mrqpb.NewMonitorServiceClient(conn)},
	}
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
//
// It is not retried: if the connection drops mid-call the job may or may not have been
// accepted. To retry safely, pass WithDedupeKey (or WithUnique) and call again on
// ErrUnavailable: while the first job is queued or running, the second call returns its id.
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
// returns their ids in the same order. The entries are sent in batches of at most the
// broker's MaxBatchSize (and about 4 MiB); each batch is accepted or refused as a whole. If
// a batch fails, the ids of the batches before it are returned with the error, and those
// jobs stay enqueued. Not retried, like Enqueue.
func (c *Client) EnqueueMany(ctx context.Context, task string, params []any, opts ...EnqueueOption) ([]string, error) {
	encoded, err := encodeAll(params)
	if err != nil || len(encoded) == 0 {
		return nil, err
	}
	info, err := c.serverLimits(ctx)
	if err != nil {
		return nil, err
	}
	options := jobOptions(opts)
	ids := make([]string, 0, len(encoded))
	for _, batch := range batchesBySize(encoded, info.MaxBatchSize, maxRequestBytes) {
		resp, err := c.jobs.EnqueueMany(ctx, &mrqpb.EnqueueManyRequest{Task: task, ParamsJson: batch, Options: options})
		if err != nil {
			return ids, fromRPC(err)
		}
		ids = append(ids, resp.GetJobIds()...)
	}
	return ids, nil
}

// GetJob reads one job; it fails with ErrNotFound for an unknown or expired id.
func (c *Client) GetJob(ctx context.Context, id string) (*Job, error) {
	resp, err := c.jobs.GetJob(ctx, &mrqpb.GetJobRequest{JobId: id})
	if err != nil {
		return nil, fromRPC(err)
	}
	return jobFromProto(resp.GetJob()), nil
}

// Wait waits until every job in ids is final or timeout passes (zero only looks), and
// returns the jobs in the order asked. The broker does the waiting; a timeout longer than
// its MaxWait is covered by several calls.
//
// When some job is still not final at the timeout, Wait returns the jobs as they stood
// together with an error matching ErrWaitTimeout. ctx's deadline, if any, should leave
// room for timeout, or the call fails with context.DeadlineExceeded instead.
func (c *Client) Wait(ctx context.Context, ids []string, timeout time.Duration) ([]*Job, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	info, err := c.serverLimits(ctx)
	if err != nil {
		return nil, err
	}
	deadline := time.Now().Add(timeout)
	found := make(map[string]*Job, len(ids))
	for _, batch := range chunks(unique(ids), info.MaxBatchSize) {
		if err := c.waitBatch(ctx, batch, deadline, info.MaxWait, found); err != nil {
			return nil, err
		}
	}
	jobs := make([]*Job, len(ids))
	final := 0
	for i, id := range ids {
		jobs[i] = found[id]
		if jobs[i].Status.IsFinal() {
			final++
		}
	}
	if final < len(jobs) {
		return jobs, fmt.Errorf("%w: %d of %d jobs final after %s", ErrWaitTimeout, final, len(jobs), timeout)
	}
	return jobs, nil
}

// waitBatch waits for up to MaxBatchSize jobs until all are final or deadline passes,
// filling found. Once the deadline has passed it still makes one call with a zero wait, so
// a timeout reports every job as it stands.
func (c *Client) waitBatch(ctx context.Context, ids []string, deadline time.Time, maxWait time.Duration, found map[string]*Job) error {
	pending := ids
	for {
		wait := min(max(time.Until(deadline), 0), maxWait)
		resp, err := c.jobs.WaitJobs(ctx, &mrqpb.WaitJobsRequest{JobIds: pending, TimeoutS: wait.Seconds()})
		if err != nil {
			return fromRPC(err)
		}
		for _, p := range resp.GetJobs() {
			found[p.GetId()] = jobFromProto(p)
		}
		next := pending[:0:0]
		for _, id := range pending {
			job, ok := found[id]
			if !ok {
				return fromRPC(status.Error(codes.NotFound, "WaitJobs did not return job "+id))
			}
			if !job.Status.IsFinal() {
				next = append(next, id)
			}
		}
		pending = next
		if len(pending) == 0 || !time.Now().Before(deadline) {
			return nil
		}
	}
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
	maxWait := seconds(resp.GetMaxWaitS())
	if maxWait <= 0 { // a broker reporting no limit would make Wait spin; 1 s calls are still cheap
		maxWait = time.Second
	}
	return &ServerInfo{
		Version:        resp.GetVersion(),
		MaxParamsBytes: resp.GetMaxParamsBytes(),
		MaxBatchSize:   max(1, int(resp.GetMaxBatchSize())),
		MaxWait:        maxWait,
		LeaseTTL:       seconds(resp.GetLeaseTtlS()),
		Features:       resp.GetFeatures(),
	}, nil
}

// serverLimits is ServerInfo, asked once per client.
func (c *Client) serverLimits(ctx context.Context) (*ServerInfo, error) {
	c.infoMu.Lock()
	defer c.infoMu.Unlock()
	if c.info == nil {
		info, err := c.ServerInfo(ctx)
		if err != nil {
			return nil, err
		}
		c.info = info
	}
	return c.info, nil
}

// tokenCredentials sends "authorization: Bearer <token>" on every call.
type tokenCredentials struct {
	token      string
	requireTLS bool
}

func (t tokenCredentials) GetRequestMetadata(context.Context, ...string) (map[string]string, error) {
	return map[string]string{"authorization": "Bearer " + t.token}, nil
}

// RequireTransportSecurity is false for a plaintext connection: the token then travels in
// clear, which is meant for a broker on localhost or a private network only.
func (t tokenCredentials) RequireTransportSecurity() bool {
	return t.requireTLS
}
