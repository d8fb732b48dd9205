package mrq_test

import (
	"context"
	"net"
	"testing"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/test/bufconn"

	"github.com/mrq-project/mrq/clients/go/mrq"
	"github.com/mrq-project/mrq/clients/go/mrqpb"
)

// fakeJobs is an in-process JobService: each test sets the handlers it needs, and the
// requests it received are kept for inspection.
type fakeJobs struct {
	mrqpb.UnimplementedJobServiceServer

	enqueue     func(*mrqpb.EnqueueRequest) (*mrqpb.EnqueueResponse, error)
	enqueueMany func(*mrqpb.EnqueueManyRequest) (*mrqpb.EnqueueManyResponse, error)
	getJob      func(*mrqpb.GetJobRequest) (*mrqpb.GetJobResponse, error)
	waitJobs    func(context.Context, *mrqpb.WaitJobsRequest) (*mrqpb.WaitJobsResponse, error)
	tasksets    func(*mrqpb.ListTasksetsRequest) (*mrqpb.ListTasksetsResponse, error)
	calls       int
}

func (f *fakeJobs) Enqueue(_ context.Context, r *mrqpb.EnqueueRequest) (*mrqpb.EnqueueResponse, error) {
	f.calls++
	return f.enqueue(r)
}

func (f *fakeJobs) EnqueueMany(_ context.Context, r *mrqpb.EnqueueManyRequest) (*mrqpb.EnqueueManyResponse, error) {
	f.calls++
	return f.enqueueMany(r)
}

func (f *fakeJobs) GetJob(_ context.Context, r *mrqpb.GetJobRequest) (*mrqpb.GetJobResponse, error) {
	f.calls++
	return f.getJob(r)
}

func (f *fakeJobs) WaitJobs(ctx context.Context, r *mrqpb.WaitJobsRequest) (*mrqpb.WaitJobsResponse, error) {
	f.calls++
	return f.waitJobs(ctx, r)
}

func (f *fakeJobs) ListTasksets(_ context.Context, r *mrqpb.ListTasksetsRequest) (*mrqpb.ListTasksetsResponse, error) {
	f.calls++
	return f.tasksets(r)
}

func (f *fakeJobs) GetServerInfo(context.Context, *mrqpb.GetServerInfoRequest) (*mrqpb.GetServerInfoResponse, error) {
	f.calls++
	return &mrqpb.GetServerInfoResponse{Version: "0.1.0", MaxBatchSize: 10, MaxWaitS: 1.5, Features: []string{"dedupe"}}, nil
}

// startFake serves f over an in-memory listener and returns a client of it.
func startFake(t *testing.T, f *fakeJobs) *mrq.Client {
	t.Helper()
	return serveFake(t, func(srv *grpc.Server) { mrqpb.RegisterJobServiceServer(srv, f) })
}

// serveFake serves the services register adds over an in-memory listener and returns a
// client of it.
func serveFake(t *testing.T, register func(*grpc.Server)) *mrq.Client {
	t.Helper()
	lis := bufconn.Listen(1 << 20)
	srv := grpc.NewServer()
	register(srv)
	go func() { _ = srv.Serve(lis) }()
	t.Cleanup(srv.Stop)

	conn, err := grpc.NewClient("passthrough:///fake",
		grpc.WithContextDialer(func(ctx context.Context, _ string) (net.Conn, error) { return lis.DialContext(ctx) }),
		grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = conn.Close() })
	return mrq.NewClient(conn)
}
