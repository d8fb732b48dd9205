package mrq

import (
	"encoding/json"
	"fmt"
)

// encodeParams turns a job's params into the JSON bytes of params_json; field names the
// request field in the error when params can't be marshalled.
//
// A json.RawMessage is sent unchecked, so the broker is the one judge of its validity. nil
// sends no bytes, which the broker reads as `{}`. Anything else goes through json.Marshal.
func encodeParams(params any, field string) ([]byte, error) {
	switch p := params.(type) {
	case nil:
		return nil, nil
	case json.RawMessage:
		return p, nil
	}
	b, err := json.Marshal(params)
	if err != nil {
		return nil, invalidArgument(field, fmt.Sprintf("not JSON-serialisable: %v", err))
	}
	return b, nil
}
