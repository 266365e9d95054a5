import { describe, expect, it } from "vitest";
import { dataBytesOf } from "../../platform/src/data-only";

const of = (body: string) => dataBytesOf(Buffer.from(body))?.toString("utf8");

describe("dataBytesOf: the bytes of `data` in a data-only answer", () => {
  it("gives the data's text, with or without Apollo Server's trailing newline", () => {
    expect(of('{"data":{"a":1}}\n')).toBe('{"a":1}');
    expect(of('{"data":{"a":"}"}}')).toBe('{"a":"}"}');
    expect(of('{"data":null}')).toBe("null");
  });

  it("refuses anything else: errors first, another key, no closing brace, too short", () => {
    expect(of('{"errors":[{"message":"x"}],"data":null}')).toBeUndefined();
    expect(of('{"data" :{}}')).toBeUndefined();
    expect(of('{"data":{"a":1}')).toBeUndefined();
    expect(of('{"data":}')).toBeUndefined();
    expect(of('{"data":{}} x')).toBeUndefined();
    expect(of("")).toBeUndefined();
  });
});
