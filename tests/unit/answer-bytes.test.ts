import { describe, expect, it } from "vitest";
import { AnswerBytes, passAnswerBytes } from "../../gateway/src/answer-bytes";

/** A response with what passAnswerBytes reads and wraps. */
function fakeResponse(bytes: AnswerBytes[]) {
  const sent: unknown[] = [];
  const res = { locals: { answer: { wantsBytes: false, bytes } }, send: (payload: unknown) => sent.push(payload) };
  passAnswerBytes({} as never, res as never, () => undefined);
  return { res, sent };
}

describe("passAnswerBytes: the subgraph's bytes in place of their marker", () => {
  it("puts each answer's bytes where Apollo Server serialized its marker, in order", () => {
    const a = new AnswerBytes(Buffer.from('{"x":"é"}'));
    const b = new AnswerBytes(Buffer.from('{"y":[1,2]}'));
    const { res, sent } = fakeResponse([b, a]);
    res.send(JSON.stringify([{ data: a }, { data: b, errors: undefined }]));
    expect(Buffer.isBuffer(sent[0])).toBe(true);
    expect(JSON.parse(String(sent[0]))).toEqual([{ data: { x: "é" } }, { data: { y: [1, 2] } }]);
  });

  it("leaves any other answer as it is", () => {
    const { res, sent } = fakeResponse([new AnswerBytes(Buffer.from("{}"))]);
    res.send('{"errors":[{"message":"no"}]}');
    res.send(Buffer.from("x"));
    expect(sent).toEqual(['{"errors":[{"message":"no"}]}', Buffer.from("x")]);
    const none = fakeResponse([]);
    none.res.send('{"data":{}}');
    expect(none.sent).toEqual(['{"data":{}}']);
  });
});
