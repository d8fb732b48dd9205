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

// encodeAll encodes each entry of a bulk call, naming the bad one ("params_json[3]").
func encodeAll(params []any) ([][]byte, error) {
	encoded := make([][]byte, len(params))
	for i, p := range params {
		b, err := encodeParams(p, fmt.Sprintf("params_json[%d]", i))
		if err != nil {
			return nil, err
		}
		encoded[i] = b
	}
	return encoded, nil
}

// batchesBySize cuts items into consecutive batches of at most maxCount items and about
// maxBytes (an item larger than that goes alone).
func batchesBySize(items [][]byte, maxCount, maxBytes int) [][][]byte {
	var batches [][][]byte
	start, size := 0, 0
	for i, item := range items {
		itemSize := len(item) + entryOverheadBytes
		if i > start && (i-start == maxCount || size+itemSize > maxBytes) {
			batches = append(batches, items[start:i])
			start, size = i, 0
		}
		size += itemSize
	}
	return append(batches, items[start:])
}

// chunks cuts items into consecutive slices of at most size.
func chunks[T any](items []T, size int) [][]T {
	var out [][]T
	for start := 0; start < len(items); start += size {
		out = append(out, items[start:min(start+size, len(items))])
	}
	return out
}

// unique is ids without repeats, in first-seen order.
func unique(ids []string) []string {
	seen := make(map[string]bool, len(ids))
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}
