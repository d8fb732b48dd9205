package mrq

import (
	"errors"
	"testing"

	"github.com/mrq-project/mrq/clients/go/mrqpb"
)

func TestJobFilterIsSentAsAJobQuery(t *testing.T) {
	query, err := JobFilter{
		Queue: "q", Status: StatusFailed, JobIDPrefix: "65f0", TasksetID: "ts", ScheduleID: "s",
		ParamsKey: "user", ParamsValue: 42,
	}.query()
	if err != nil {
		t.Fatal(err)
	}
	if query.GetQueue() != "q" || len(query.GetStatuses()) != 1 || query.GetStatuses()[0] != mrqpb.JobStatus_JOB_STATUS_FAILED {
		t.Errorf("queue and status: %v", query)
	}
	if query.GetJobIdPrefix() != "65f0" || query.GetTasksetId() != "ts" || query.GetScheduleId() != "s" {
		t.Errorf("id prefix, taskset and schedule: %v", query)
	}
	if query.GetParamsKey() != "user" || string(query.GetParamsValueJson()) != "42" {
		t.Errorf("params key and value: %v", query)
	}
}

func TestAParamsValueOfNilIsNullAndNoKeySendsNoValue(t *testing.T) {
	null, err := JobFilter{ParamsKey: "user"}.query()
	if err != nil || string(null.GetParamsValueJson()) != "null" {
		t.Errorf("nil value: %q, %v", null.GetParamsValueJson(), err)
	}
	none, err := JobFilter{Queue: "q"}.query()
	if err != nil || none.GetParamsValueJson() != nil || none.GetStatuses() != nil {
		t.Errorf("no key: %v, %v", none, err)
	}
	_, err = JobFilter{ParamsKey: "user", ParamsValue: make(chan int)}.query()
	if !errors.Is(err, ErrInvalidArgument) {
		t.Errorf("unserialisable value: %v", err)
	}
}
