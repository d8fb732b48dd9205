package mrq

import (
	"encoding/json"
	"strings"
	"time"

	"google.golang.org/protobuf/types/known/timestamppb"

	"github.com/mrq-project/mrq/clients/go/mrqpb"
)

// Status is a job status name, as stored and shown: "queued", "success"...
type Status string

// The statuses of mrq.v1.JobStatus, named as the broker stores them.
const (
	StatusUnspecified    Status = ""
	StatusQueued         Status = "queued"
	StatusStarted        Status = "started"
	StatusSuccess        Status = "success"
	StatusFailed         Status = "failed"
	StatusCancel         Status = "cancel"
	StatusAbort          Status = "abort"
	StatusInterrupt      Status = "interrupt"
	StatusTimeout        Status = "timeout"
	StatusRetry          Status = "retry"
	StatusMaxRetries     Status = "maxretries"
	StatusMaxConcurrency Status = "maxconcurrency"
	StatusDelayed        Status = "delayed"
)

// IsFinal reports whether a job with this status will not run again unless a user
// requeues it.
func (s Status) IsFinal() bool {
	switch s {
	case StatusSuccess, StatusFailed, StatusCancel, StatusAbort, StatusTimeout,
		StatusMaxRetries, StatusMaxConcurrency:
		return true
	}
	return false
}

// statusFromProto maps JOB_STATUS_QUEUED to "queued"; UNSPECIFIED and values this client
// does not know yet keep a readable name rather than failing.
func statusFromProto(s mrqpb.JobStatus) Status {
	if s == mrqpb.JobStatus_JOB_STATUS_UNSPECIFIED {
		return StatusUnspecified
	}
	return Status(strings.ToLower(strings.TrimPrefix(s.String(), "JOB_STATUS_")))
}

// Job is a job record as the broker returned it.
type Job struct {
	// ID is 24 hexadecimal characters, ordered by creation time.
	ID string
	// Task is the task's dotted path, e.g. "tasks.add".
	Task string
	// Params are the job's params as JSON.
	Params json.RawMessage
	// Queue is the queue the job was enqueued on.
	Queue  string
	Status Status
	// Result is the task's return value as JSON; empty until success.
	Result json.RawMessage
	// ExceptionType, Error and Traceback describe a failure of the latest attempt.
	ExceptionType string
	Error         string
	Traceback     string
	// TracebackHistory lists every failed, retried, interrupted or requeued attempt,
	// oldest first.
	TracebackHistory []TracebackEntry
	// Dates are zero when unset.
	DateEnqueued time.Time
	DateStarted  time.Time
	DateFinished time.Time
	DateUpdated  time.Time
	DateExpires  time.Time
	// WorkerID is the worker running the job, or that ran its latest attempt.
	WorkerID     string
	RetryCount   int
	RequeueCount int
	// Progress is reported by the task, 0.0 to 1.0.
	Progress float64
	// Options are the options in force for the job, defaults resolved.
	Options JobOptions
	// TasksetID is the taskset the job is a member of; empty for a job enqueued alone.
	TasksetID string
}

// DecodeResult unmarshals the job's JSON result into v.
func (j *Job) DecodeResult(v any) error {
	return json.Unmarshal(j.Result, v)
}

// TracebackEntry is one failed attempt of a job.
type TracebackEntry struct {
	Date          time.Time
	Status        Status
	ExceptionType string
	Error         string
	Traceback     string
	WorkerID      string
}

// JobOptions are the options in force for a job, as resolved by the broker.
type JobOptions struct {
	Queue      string
	Timeout    time.Duration // zero: no timeout
	MaxRetries int
	RetryDelay time.Duration
	ResultTTL  time.Duration
	Delay      time.Duration
	ETA        time.Time // zero when unset
	Priority   int
	DedupeKey  string
}

func jobFromProto(p *mrqpb.Job) *Job {
	j := &Job{
		ID:            p.GetId(),
		Task:          p.GetTask(),
		Params:        p.GetParamsJson(),
		Queue:         p.GetQueue(),
		Status:        statusFromProto(p.GetStatus()),
		Result:        p.GetResultJson(),
		ExceptionType: p.GetExceptionType(),
		Error:         p.GetError(),
		Traceback:     p.GetTraceback(),
		DateEnqueued:  timeFromProto(p.GetDateEnqueued()),
		DateStarted:   timeFromProto(p.GetDateStarted()),
		DateFinished:  timeFromProto(p.GetDateFinished()),
		DateUpdated:   timeFromProto(p.GetDateUpdated()),
		DateExpires:   timeFromProto(p.GetDateExpires()),
		WorkerID:      p.GetWorkerId(),
		RetryCount:    int(p.GetRetryCount()),
		RequeueCount:  int(p.GetRequeueCount()),
		Progress:      p.GetProgress(),
		Options:       optionsFromProto(p.GetOptions()),
		TasksetID:     p.GetTasksetId(),
	}
	for _, t := range p.GetTracebackHistory() {
		j.TracebackHistory = append(j.TracebackHistory, TracebackEntry{
			Date:          timeFromProto(t.GetDate()),
			Status:        statusFromProto(t.GetStatus()),
			ExceptionType: t.GetExceptionType(),
			Error:         t.GetError(),
			Traceback:     t.GetTraceback(),
			WorkerID:      t.GetWorkerId(),
		})
	}
	return j
}

func optionsFromProto(o *mrqpb.JobOptions) JobOptions {
	return JobOptions{
		Queue:      o.GetQueue(),
		Timeout:    seconds(o.GetTimeoutS()),
		MaxRetries: int(o.GetMaxRetries()),
		RetryDelay: seconds(o.GetRetryDelayS()),
		ResultTTL:  seconds(o.GetResultTtlS()),
		Delay:      seconds(o.GetDelayS()),
		ETA:        timeFromProto(o.GetEta()),
		Priority:   int(o.GetPriority()),
		DedupeKey:  o.GetDedupeKey(),
	}
}

// timeFromProto is the zero time for an unset timestamp.
func timeFromProto(t *timestamppb.Timestamp) time.Time {
	if t == nil {
		return time.Time{}
	}
	return t.AsTime()
}

func seconds(s float64) time.Duration {
	return time.Duration(s * float64(time.Second))
}

// statusToProto maps "queued" to JOB_STATUS_QUEUED; "" (and unknown names, which the
// broker then refuses) to UNSPECIFIED.
func statusToProto(s Status) mrqpb.JobStatus {
	return mrqpb.JobStatus(mrqpb.JobStatus_value["JOB_STATUS_"+strings.ToUpper(string(s))])
}
