/**
 * Set by a subgraph on an answer whose body is `{"data":…}` and nothing else (no errors,
 * no extensions), so that the gateway can pass those bytes on without parsing and
 * serializing them again (gateway/src/single-fetch.ts).
 */
export const DATA_ONLY_HEADER = "x-enlace-data-only";

const PREFIX = Buffer.from('{"data":');
const OPEN = "{".charCodeAt(0);
const CLOSE = "}".charCodeAt(0);
const NULL = Buffer.from("null");
const WHITESPACE = new Set([0x20, 0x0a, 0x0d, 0x09]);

/** The bytes of `data` in a data-only body (a view, not a copy), or undefined when the body is not one. */
export function dataBytesOf(body: Buffer): Buffer | undefined {
  if (body.length <= PREFIX.length || !body.subarray(0, PREFIX.length).equals(PREFIX)) return undefined;
  let end = body.length - 1;
  while (end > PREFIX.length && WHITESPACE.has(body[end])) end--;
  if (body[end] !== CLOSE || end <= PREFIX.length) return undefined;
  const data = body.subarray(PREFIX.length, end);
  // GraphQL's data is an object or null: anything else means the body is not what the header said.
  const isObject = data[0] === OPEN && data[data.length - 1] === CLOSE;
  return isObject || data.equals(NULL) ? data : undefined;
}
