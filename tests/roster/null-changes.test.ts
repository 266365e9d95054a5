import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATABASES } from "../helpers/databases";
import { ROLE_KEYS, startTestStack, type TestStack } from "../helpers/stack";

const ID = "seed-cr-national";
const READ = `query ($id: ID!) { focalPoint(id: $id) { version personName institution emails phones languages } }`;
const UPDATE = `mutation ($id: ID!, $v: Int!, $changes: FocalPointChanges!) { updateFocalPoint(id: $id, version: $v, changes: $changes) { version emails languages } }`;

/** Found by the gateway's fuzz test: `changes: { institution: null }` was an INTERNAL_SERVER_ERROR ("reading 'trim'"). */
describe.each(DATABASES)("null in a focal point's changes (%s)", (db) => {
  let stack: TestStack;
  let as: Record<string, Record<string, string>>;
  const read = async () => (await stack.query(READ, { id: ID }, as.secretariat)).body.data.focalPoint;
  beforeAll(async () => {
    stack = await startTestStack(db);
    as = await stack.callers(ROLE_KEYS);
  });
  afterAll(() => stack?.stop());

  it.each(["personName", "institution"])("refuses null for %s, which cannot be cleared, and changes nothing", async (field) => {
    const before = await read();
    const { body } = await stack.query(UPDATE, { id: ID, v: before.version, changes: { [field]: null } }, as.secretariat);
    expect(body).toEqual({
      data: null,
      errors: [expect.objectContaining({ message: `changes.${field}: is required and cannot be cleared`, extensions: expect.objectContaining({ code: "BAD_USER_INPUT", field: `changes.${field}` }) })],
    });
    expect(await read()).toEqual(before);
  });

  it("clears the lists given as null", async () => {
    const before = await read();
    const { body } = await stack.query(UPDATE, { id: ID, v: before.version, changes: { emails: null, languages: null } }, as.secretariat);
    expect(body.errors).toBeUndefined();
    expect(body.data.updateFocalPoint).toEqual({ version: before.version + 1, emails: [], languages: [] });
  });
});

describe.each(DATABASES)("null lists in an office's changes (%s)", (db) => {
  it("clears phones, e-mails and languages given as null, as the input's description says", async () => {
    const stack = await startTestStack(db);
    try {
      const secretariat = (await stack.callers({ st: ROLE_KEYS.secretariat })).st;
      const read = `query { representation(id: "ht-mx-emb-mexico-city") { version phones { raw } emails languages } }`;
      const { version } = (await stack.query(read)).body.data.representation;
      const { body } = await stack.query(
        `mutation ($v: Int!) { updateRepresentation(id: "ht-mx-emb-mexico-city", version: $v, changes: { phones: null, emails: null, languages: null, concurrentAccreditation: null }) { version phones { raw } emails languages } }`,
        { v: version },
        secretariat,
      );
      expect(body.errors).toBeUndefined();
      expect(body.data.updateRepresentation).toMatchObject({ phones: [], emails: [], languages: [] });
    } finally {
      await stack.stop();
    }
  });
});
