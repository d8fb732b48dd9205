package mrq

import (
	"crypto/tls"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"
	"google.golang.org/protobuf/types/known/timestamppb"

	"github.com/mrq-project/mrq/clients/go/mrqpb"
)

// maxMessageBytes is the largest gRPC message sent or received, as in the other MRQ
// programs: a batch of params, a page of jobs.
const maxMessageBytes = 64 * 1024 * 1024

// EnqueueOption sets one per-job option of Enqueue, EnqueueMany or EnqueueTaskset. Options
// left unset fall back to the task's routing entry in the broker's config, then to the
// broker's defaults. The broker validates them: a bad value fails with ErrInvalidArgument
// naming the field.
type EnqueueOption func(*mrqpb.JobOptions)

// WithQueue enqueues on the named queue instead of the task's routed queue.
func WithQueue(queue string) EnqueueOption {
	return func(o *mrqpb.JobOptions) { o.Queue = queue }
}

// WithTimeout stops the job with status "timeout" once it has run for d. Zero means no
// timeout at all (not the default one).
func WithTimeout(d time.Duration) EnqueueOption {
	return func(o *mrqpb.JobOptions) { o.TimeoutS = ptr(d.Seconds()) }
}

// WithPriority sets the job's priority, -1000..1000: higher runs first, FIFO within one
// priority.
func WithPriority(priority int) EnqueueOption {
	return func(o *mrqpb.JobOptions) { o.Priority = int32(priority) }
}

// WithDelay queues the job only once d has passed. Exclusive with WithETA.
func WithDelay(d time.Duration) EnqueueOption {
	return func(o *mrqpb.JobOptions) { o.DelayS = d.Seconds() }
}

// WithETA queues the job only once t has passed. Exclusive with WithDelay.
func WithETA(t time.Time) EnqueueOption {
	return func(o *mrqpb.JobOptions) { o.Eta = timestamppb.New(t) }
}

// WithMaxRetries sets how many times the job may be retried before it ends "maxretries".
func WithMaxRetries(n int) EnqueueOption {
	return func(o *mrqpb.JobOptions) { o.MaxRetries = ptr(int32(n)) }
}

// WithRetryDelay sets how long a retried job waits before it is queued again.
func WithRetryDelay(d time.Duration) EnqueueOption {
	return func(o *mrqpb.JobOptions) { o.RetryDelayS = ptr(d.Seconds()) }
}

// WithResultTTL sets how long a successful job's record and result are kept.
func WithResultTTL(d time.Duration) EnqueueOption {
	return func(o *mrqpb.JobOptions) { o.ResultTtlS = ptr(d.Seconds()) }
}

// WithDedupeKey makes Enqueue return the existing job's id, instead of creating a job, while
// a job with the same key is queued or started. Enqueue only: EnqueueMany refuses it.
func WithDedupeKey(key string) EnqueueOption {
	return func(o *mrqpb.JobOptions) { o.DedupeKey = key }
}

// WithUnique dedupes as WithDedupeKey does, on a key the broker makes from the task and
// params: enqueueing the same call twice while the first job is queued or started returns
// its id.
func WithUnique() EnqueueOption {
	return func(o *mrqpb.JobOptions) { o.Unique = true }
}

// jobOptions applies opts to an empty JobOptions message.
func jobOptions(opts []EnqueueOption) *mrqpb.JobOptions {
	o := &mrqpb.JobOptions{}
	for _, opt := range opts {
		opt(o)
	}
	return o
}

func ptr[T any](v T) *T { return &v }

// DialOption configures Dial.
type DialOption func(*dialConfig)

type dialConfig struct {
	creds    credentials.TransportCredentials
	tls      bool
	token    string
	grpcOpts []grpc.DialOption
}

// WithToken sends "authorization: Bearer <token>" on every call, for a broker started with
// MRQ_AUTH_TOKEN. Over plaintext (the default) the token travels in clear: use that on
// localhost or a private network only, and WithTLS elsewhere.
func WithToken(token string) DialOption {
	return func(c *dialConfig) { c.token = token }
}

// WithTLS connects over TLS. config may be nil for the system's roots; for a private CA,
// set its RootCAs (see credentials.NewClientTLSFromFile for a PEM file), and for mutual TLS
// its Certificates.
func WithTLS(config *tls.Config) DialOption {
	if config == nil {
		config = &tls.Config{MinVersion: tls.VersionTLS12}
	}
	return WithTransportCredentials(credentials.NewTLS(config))
}

// WithTransportCredentials connects with the given credentials, e.g.
// credentials.NewClientTLSFromFile("ca.pem", ""), instead of the default plaintext.
func WithTransportCredentials(creds credentials.TransportCredentials) DialOption {
	return func(c *dialConfig) {
		c.creds = creds
		c.tls = creds.Info().SecurityProtocol == "tls"
	}
}

// WithGRPCDialOptions passes extra options to grpc.NewClient, e.g. interceptors.
func WithGRPCDialOptions(opts ...grpc.DialOption) DialOption {
	return func(c *dialConfig) { c.grpcOpts = append(c.grpcOpts, opts...) }
}
