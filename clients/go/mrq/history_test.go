package mrq_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/types/known/timestamppb"

	"github.com/mrq-project/mrq/clients/go/mrq"
	"github.com/mrq-project/mrq/clients/go/mrqpb"
)

// fakeMonitor is an in-process MonitorService answering GetHistory with getHistory.
type fakeMonitor struct {
	mrqpb.UnimplementedMonitorServiceServer

	getHistory func(*mrqpb.GetHistoryRequest) (*mrqpb.GetHistoryResponse, error)
}

func (f *fakeMonitor) GetHistory(_ context.Context, r *mrqpb.GetHistoryRequest) (*mrqpb.GetHistoryResponse, error) {
	return f.getHistory(r)
}

func startFakeMonitor(t *testing.T, f *fakeMonitor) *mrq.Client {
	t.Helper()
	return serveFake(t, func(srv *grpc.Server) { mrqpb.RegisterMonitorServiceServer(srv, f) })
}

func TestHistoryGetSendsTheQueryAndDecodesThePoints(t *testing.T) {
	start := time.Date(2026, 12, 4, 23, 0, 0, 0, time.UTC)
	var got *mrqpb.GetHistoryRequest
	c := startFakeMonitor(t, &fakeMonitor{getHistory: func(r *mrqpb.GetHistoryRequest) (*mrqpb.GetHistoryResponse, error) {
		got = r
		return &mrqpb.GetHistoryResponse{Points: []*mrqpb.HistoryPoint{
			{Start: timestamppb.New(start), Finished: 8, Failed: 2, QueueSize: proto.Int64(4),
				P50DurationS: proto.Float64(0.25), P95DurationS: proto.Float64(1.5)},
			{Start: timestamppb.New(start.Add(time.Hour))},
		}}, nil
	}})

	points, err := c.History.Get(context.Background(), mrq.HistoryQuery{Queue: "mail", Window: 24 * time.Hour, Step: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	if got.GetQueue() != "mail" || got.GetTask() != "" || got.GetWindowS() != 86400 || got.GetStepS() != 3600 {
		t.Errorf("request = %v", got)
	}
	first := points[0]
	if len(points) != 2 || !first.Start.Equal(start) || first.Finished != 8 || first.Failed != 2 || *first.QueueSize != 4 ||
		*first.P50 != 250*time.Millisecond || *first.P95 != 1500*time.Millisecond {
		t.Errorf("points = %+v", points)
	}
	if empty := points[1]; empty.QueueSize != nil || empty.P50 != nil || empty.P95 != nil {
		t.Errorf("an empty step = %+v, want nil size and durations", empty)
	}
}

func TestHistoryGetReportsTheBadField(t *testing.T) {
	c := startFakeMonitor(t, &fakeMonitor{getHistory: func(*mrqpb.GetHistoryRequest) (*mrqpb.GetHistoryResponse, error) {
		return nil, status.Error(codes.InvalidArgument, "step_s: must be a whole number of minutes")
	}})
	_, err := c.History.Get(context.Background(), mrq.HistoryQuery{Step: 90 * time.Second})
	var e *mrq.Error
	if !errors.Is(err, mrq.ErrInvalidArgument) || !errors.As(err, &e) || e.Field != "step_s" {
		t.Errorf("err = %v, want an InvalidArgumentError naming step_s", err)
	}
}
