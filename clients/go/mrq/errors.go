package mrq

import (
	"context"
	"errors"
	"fmt"
	"regexp"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

// Sentinel errors, matched with errors.Is against the errors the client returns.
var (
	// ErrInvalidArgument means the broker refused a request; Error.Field names the bad field.
	ErrInvalidArgument = errors.New("mrq: invalid argument")
	// ErrNotFound means no job, taskset or schedule has that id (it never existed, or it
	// expired).
	ErrNotFound = errors.New("mrq: not found")
	// ErrUnavailable means the broker, or the databases behind it, could not be reached.
	// Nothing was accepted, so the call is safe to retry.
	ErrUnavailable = errors.New("mrq: broker unavailable")
	// ErrUnauthenticated means the broker requires a token (WithToken) and got none, or a
	// wrong one.
	ErrUnauthenticated = errors.New("mrq: unauthenticated")
	// ErrWaitTimeout means Wait's timeout passed before every job was final.
	ErrWaitTimeout = errors.New("mrq: jobs not final before the wait timeout")
)

// Error is a failed call to the broker, built from its gRPC status.
type Error struct {
	// Code is the gRPC status code, e.g. codes.InvalidArgument.
	Code codes.Code
	// Field names the offending request field for InvalidArgument (e.g. "task",
	// "params_json", "options.queue"), or is empty.
	Field string
	// Message is the broker's message, e.g. "task: required, e.g. 'tasks.add'".
	Message string

	status *status.Status
}

// Error implements error.
func (e *Error) Error() string {
	return fmt.Sprintf("mrq: %s: %s", e.Code, e.Message)
}

// Is reports whether the error matches one of the sentinels ErrInvalidArgument,
// ErrNotFound, ErrUnavailable or ErrUnauthenticated, or, for calls cut short by their context,
// context.Canceled or context.DeadlineExceeded.
func (e *Error) Is(target error) bool {
	switch target {
	case ErrInvalidArgument:
		return e.Code == codes.InvalidArgument
	case ErrNotFound:
		return e.Code == codes.NotFound
	case ErrUnavailable:
		return e.Code == codes.Unavailable
	case ErrUnauthenticated:
		return e.Code == codes.Unauthenticated
	case context.Canceled:
		return e.Code == codes.Canceled
	case context.DeadlineExceeded:
		return e.Code == codes.DeadlineExceeded
	}
	return false
}

// GRPCStatus returns the original status, so status.Code and status.FromError work on
// the errors this package returns.
func (e *Error) GRPCStatus() *status.Status {
	return e.status
}

// fieldPrefix matches the field name the broker puts before its message: "task: ...",
// "params_json[3]: ...", "options.queue: ...".
var fieldPrefix = regexp.MustCompile(`^([A-Za-z_][A-Za-z0-9_.\[\]]*): `)

// fromRPC converts an error returned by a gRPC call into an *Error. Errors that carry no
// gRPC status are returned as they are.
func fromRPC(err error) error {
	if err == nil {
		return nil
	}
	st, ok := status.FromError(err)
	if !ok {
		return err
	}
	e := &Error{Code: st.Code(), Message: st.Message(), status: st}
	if e.Code == codes.InvalidArgument {
		if m := fieldPrefix.FindStringSubmatch(e.Message); m != nil {
			e.Field = m[1]
		}
	}
	return e
}

// invalidArgument is the error for a request refused before it was sent, shaped like the
// broker's own.
func invalidArgument(field, message string) *Error {
	msg := field + ": " + message
	return &Error{
		Code:    codes.InvalidArgument,
		Field:   field,
		Message: msg,
		status:  status.New(codes.InvalidArgument, msg),
	}
}
