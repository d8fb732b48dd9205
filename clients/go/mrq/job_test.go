package mrq

import (
	"testing"

	"github.com/mrq-project/mrq/clients/go/mrqpb"
)

func TestEveryProtoStatusHasAConstant(t *testing.T) {
	known := map[Status]bool{
		StatusQueued: true, StatusStarted: true, StatusSuccess: true, StatusFailed: true,
		StatusCancel: true, StatusAbort: true, StatusInterrupt: true, StatusTimeout: true,
		StatusRetry: true, StatusMaxRetries: true, StatusMaxConcurrency: true, StatusDelayed: true,
	}
	for value, name := range mrqpb.JobStatus_name {
		s := statusFromProto(mrqpb.JobStatus(value))
		if value == 0 {
			if s != StatusUnspecified {
				t.Errorf("%s -> %q, want \"\"", name, s)
			}
			continue
		}
		if !known[s] {
			t.Errorf("%s -> %q, which has no Status constant", name, s)
		}
	}
	if len(known) != len(mrqpb.JobStatus_name)-1 {
		t.Errorf("%d constants for %d proto statuses", len(known), len(mrqpb.JobStatus_name)-1)
	}
}

func TestIsFinal(t *testing.T) {
	final := []Status{StatusSuccess, StatusFailed, StatusCancel, StatusAbort, StatusTimeout,
		StatusMaxRetries, StatusMaxConcurrency}
	notFinal := []Status{StatusUnspecified, StatusQueued, StatusStarted, StatusInterrupt,
		StatusRetry, StatusDelayed}
	for _, s := range final {
		if !s.IsFinal() {
			t.Errorf("%q is final", s)
		}
	}
	for _, s := range notFinal {
		if s.IsFinal() {
			t.Errorf("%q is not final", s)
		}
	}
}
