/**
 * Set by a subgraph on an answer whose body is `{"data":…}` and nothing else (no errors,
 * no extensions), so that the gateway can pass those bytes on without parsing and
 * serializing them again (gateway/src/single-fetch.ts).
 */
export const DATA_ONLY_HEADER = "x-enlace-data-only";

const PREFIX = '{"data":';

/** The text of `data` in a data-only body, or undefined when the body is not one. */
export function dataTextOf(body: string): string | undefined {
  if (!body.startsWith(PREFIX)) return undefined;
  const end = body.lastIndexOf("}");
  if (end <= PREFIX.length || body.slice(end + 1).trim() !== "") return undefined;
  return body.slice(PREFIX.length, end);
}
