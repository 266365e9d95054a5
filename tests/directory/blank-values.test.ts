import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AuditEntry } from "../../subgraphs/directory/src/entities";
import { DATABASES } from "../helpers/databases";
import { startTestStack, type TestStack } from "../helpers/stack";

const ID = "ht-mx-emb-mexico-city";
const READ = `query ($id: ID!) { representation(id: $id) { id version city address phones { raw } website } }`;
const UPDATE = `mutation ($id: ID!, $version: Int!, $changes: RepresentationChanges!) { updateRepresentation(id: $id, version: $version, changes: $changes) { id version city } }`;
const BLANK = "is blank; send null to clear a field, or leave it out to keep it";

describe.each(DATABASES)("blank is not a value (%s)", (db) => {
  let stack: TestStack;
  let as: Record<string, Record<string, string>>;
  const read = async () => (await stack.query(READ, { id: ID })).body.data.representation;
  const audits = () => stack.subgraphs.directory.dataSource.manager.count(AuditEntry, { where: { entityId: ID } });

  beforeAll(async () => {
    stack = await startTestStack(db);
    as = await stack.callers({ secretariat: { role: "SECRETARIAT", label: "ST" }, official: { role: "OFFICIAL", country: "MX", label: "INM" } });
  });
  afterAll(() => stack?.stop());

  it.each([
    [{ city: "   " }, "changes.city"],
    [{ address: "\t" }, "changes.address"],
    [{ website: " " }, "changes.website"],
    [{ phones: ["+525555802487", "  "] }, "changes.phones[1]"],
    [{ city: "Mexico City", emails: [""] }, "changes.emails[0]"],
  ])("refuses %j with BAD_USER_INPUT on the field, and changes nothing", async (changes, field) => {
    const before = await read();
    const auditsBefore = await audits();
    const { body } = await stack.query(UPDATE, { id: ID, version: before.version, changes }, as.secretariat);
    expect(body).toEqual({ data: null, errors: [expect.objectContaining({ message: `${field}: ${BLANK}`, extensions: expect.objectContaining({ code: "BAD_USER_INPUT", field }) })] });
    expect(await read()).toEqual(before);
    expect(await audits()).toBe(auditsBefore);
  });

  it("clears a field only when asked with null", async () => {
    const before = await read();
    expect(before.city).toBe("Mexico City");
    const { body } = await stack.query(UPDATE, { id: ID, version: before.version, changes: { city: null } }, as.secretariat);
    expect(body.errors).toBeUndefined();
    expect(body.data.updateRepresentation).toEqual({ id: ID, version: before.version + 1, city: null });
  });

  it("refuses a blank field when creating an office and in a correction from the field", async () => {
    const created = await stack.query(
      `mutation ($input: NewRepresentationInput!) { createRepresentation(input: $input) { id } }`,
      { input: { kind: "CONSULATE", sendingCountry: "HT", hostCountry: "MX", city: " ", source: "https://example.org/x" } },
      as.secretariat,
    );
    expect(created.body.errors?.[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT", field: "input.city" } });
    const corrected = await stack.query(
      `mutation ($id: ID!, $changes: RepresentationChanges!) { submitCorrection(representationId: $id, changes: $changes) { id } }`,
      { id: ID, changes: { address: "  " } },
      as.official,
    );
    expect(corrected.body.errors?.[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT", field: "changes.address" } });
  });
});
