// Package mrq is the Go client of MRQ (Mongo Redis Queue): jobs, queues, schedules and
// tasksets on an mrq-broker, over the gRPC contract in proto/mrq/v1 (package mrqpb), with
// the same API as the Python and TypeScript clients.
//
//	c, err := mrq.Dial("127.0.0.1:50051")
//	if err != nil { ... }
//	defer c.Close()
//	res, err := c.Enqueue(ctx, "tasks.add", map[string]int{"a": 1, "b": 2}, mrq.WithQueue("math"))
//	jobs, err := c.Wait(ctx, []string{res.JobID}, 30*time.Second)
//
// Params travel as JSON: they are marshalled with encoding/json, except a
// json.RawMessage, which is sent as is. Errors returned by the broker are *Error values
// that match the sentinels ErrInvalidArgument, ErrNotFound, ErrUnauthenticated and
// ErrUnavailable with errors.Is; a Wait whose jobs are not all final by its timeout
// returns ErrWaitTimeout.
package mrq
