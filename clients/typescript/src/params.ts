/** Params as carried on the wire (params_json): UTF-8 JSON bytes. */
import { invalidArgument } from './errors';

/** JSON text sent as is, unchecked: the broker is the one judge of its validity. */
export class RawJson {
  constructor(readonly text: string) {}
}

/**
 * Serialises a job's params; `field` names the request field in the error when they can't
 * be. `undefined` sends no bytes, which the broker reads as `{}`.
 */
export function encodeParams(params: unknown, field: string): Buffer {
  if (params instanceof RawJson) {
    return Buffer.from(params.text, 'utf8');
  }
  if (params === undefined) {
    return Buffer.alloc(0);
  }
  let text: string | undefined;
  try {
    text = JSON.stringify(params);
  } catch (err) {
    throw invalidArgument(field, `not JSON-serialisable: ${(err as Error).message}`);
  }
  if (text === undefined) {
    throw invalidArgument(field, `not JSON-serialisable: ${typeof params}`);
  }
  return Buffer.from(text, 'utf8');
}
