/** JSON as the wire carries it (params_json, result_json): UTF-8 bytes, none for "no value". */

/** Parses JSON bytes; empty input is `undefined`. */
export function decodeJson(data: Buffer): unknown {
  return data.length === 0 ? undefined : JSON.parse(data.toString('utf8'));
}
