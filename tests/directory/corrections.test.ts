import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AuditEntry } from "../../subgraphs/directory/src/entities";
import { DATABASES } from "../helpers/databases";
import { startTestStack, type TestStack } from "../helpers/stack";

const ID = "in-pa-emb-panama-city";
const SUBMIT = `mutation ($id: ID!, $changes: RepresentationChanges!, $comment: String) {
  submitCorrection(representationId: $id, changes: $changes, comment: $comment) { id status representationVersion submitterCountry proposedChanges { field value } }
}`;
const MINE = `{ myCorrections { id status decisionReason representation { id } } }`;

describe.each(DATABASES)("corrections from the field (%s)", (db) => {
  let stack: TestStack;
  let as: Record<string, Record<string, string>>;
  const office = async () => (await stack.query(`{ representation(id: "${ID}") { version phones { e164 } } }`)).body.data.representation;

  beforeAll(async () => {
    stack = await startTestStack(db);
    as = await stack.callers({
      secretariat: { role: "SECRETARIAT", label: "ST" },
      official: { role: "OFFICIAL", country: "CR", label: "DGME Paso Canoas" },
      otherOfficial: { role: "OFFICIAL", country: "PA", label: "SNM" },
      partner: { role: "PARTNER", conference: "CSM", label: "CSM" },
    });
  });
  afterAll(() => stack?.stop());

  it("an official reports a phone that changed; the secretariat accepts it; the official sees the outcome", async () => {
    const before = await office();
    const submitted = await stack.query(SUBMIT, { id: ID, changes: { phones: ["+507 264 3043"] }, comment: "The old number does not answer" }, as.official);
    expect(submitted.body.errors).toBeUndefined();
    const correction = submitted.body.data.submitCorrection;
    expect(correction).toMatchObject({ status: "PENDING", representationVersion: before.version, submitterCountry: "CR", proposedChanges: [{ field: "phones", value: '["+507 264 3043"]' }] });
    expect(await office()).toEqual(before); // nothing applied yet

    const pending = await stack.query(`{ pendingCorrections { id representation { id } } }`, undefined, as.secretariat);
    expect(pending.body.data.pendingCorrections).toEqual([{ id: correction.id, representation: { id: ID } }]);

    const accepted = await stack.query(
      `mutation ($id: ID!, $v: Int!) { acceptCorrection(id: $id, representationVersion: $v) { status decidedAt } }`,
      { id: correction.id, v: before.version },
      as.secretariat,
    );
    expect(accepted.body.errors).toBeUndefined();
    expect(accepted.body.data.acceptCorrection.status).toBe("ACCEPTED");
    expect(await office()).toEqual({ version: before.version + 1, phones: [{ e164: "+5072643043" }] });
    const [entry] = await stack.subgraphs.directory.dataSource.manager.find(AuditEntry, { where: { entityId: ID, action: "CORRECTION_ACCEPTED" } });
    expect(entry.changes.correction[1]).toContain(correction.id); // the report is credited
    // Accepting it also verifies the office today, by the reporting country (issue 21).
    expect(Object.keys(entry.changes).sort()).toEqual(["correction", "lastVerifiedBy", "lastVerifiedOn", "phones"]);

    const mine = await stack.query(MINE, undefined, as.official);
    expect(mine.body.data.myCorrections).toEqual([{ id: correction.id, status: "ACCEPTED", decisionReason: null, representation: { id: ID } }]);
    expect((await stack.query(MINE, undefined, as.otherOfficial)).body.data.myCorrections).toEqual([]);
    expect((await stack.query(`{ pendingCorrections { id } }`, undefined, as.secretariat)).body.data.pendingCorrections).toEqual([]);
  });

  it("a rejected correction says why and changes nothing", async () => {
    const before = await office();
    const { id } = (await stack.query(SUBMIT, { id: ID, changes: { website: "https://example.org/not-the-embassy" } }, as.official)).body.data.submitCorrection;
    const noReason = await stack.query(`mutation ($id: ID!) { rejectCorrection(id: $id, reason: " ") { status } }`, { id }, as.secretariat);
    expect(noReason.body.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "reason" });
    const rejected = await stack.query(`mutation ($id: ID!) { rejectCorrection(id: $id, reason: "Not the embassy's site") { status decisionReason } }`, { id }, as.secretariat);
    expect(rejected.body.data.rejectCorrection).toEqual({ status: "REJECTED", decisionReason: "Not the embassy's site" });
    expect(await office()).toEqual(before);
    const again = await stack.query(`mutation ($id: ID!, $v: Int!) { acceptCorrection(id: $id, representationVersion: $v) { status } }`, { id, v: before.version }, as.secretariat);
    expect(again.body.errors?.[0]).toMatchObject({ message: "id: the correction is already REJECTED", extensions: { code: "BAD_USER_INPUT", field: "id" } });
  });

  it("accepting with a stale version is a VERSION_CONFLICT that leaves the correction pending", async () => {
    const before = await office();
    const { id } = (await stack.query(SUBMIT, { id: ID, changes: { emails: ["cons.panama@mea.gov.in"] } }, as.official)).body.data.submitCorrection;
    const stale = await stack.query(`mutation ($id: ID!, $v: Int!) { acceptCorrection(id: $id, representationVersion: $v) { status } }`, { id, v: before.version - 1 }, as.secretariat);
    expect(stale.body.errors?.[0].extensions?.code).toBe("VERSION_CONFLICT");
    expect((await stack.query(`{ pendingCorrections { id } }`, undefined, as.secretariat)).body.data.pendingCorrections).toEqual([{ id }]);
    expect(await office()).toEqual(before);
  });

  it.each([
    ["public", SUBMIT],
    ["partner", SUBMIT],
    ["secretariat", SUBMIT],
    ["official", `{ pendingCorrections { id } }`],
    ["public", MINE],
  ])("refuses %s: FORBIDDEN", async (who, query) => {
    const { body } = await stack.query(query, { id: ID, changes: { address: "x" } }, as[who]);
    expect(body.errors?.[0].extensions?.code).toBe("FORBIDDEN");
  });

  it.each([
    [{ id: ID, changes: { phones: ["12"] } }, "changes.phones[0]", "BAD_USER_INPUT"],
    [{ id: ID, changes: {} }, "changes", "BAD_USER_INPUT"],
    [{ id: "no-such-office", changes: { address: "x" } }, undefined, "NOT_FOUND"],
  ])("refuses a bad report %j", async (variables, field, code) => {
    const { body } = await stack.query(SUBMIT, variables, as.official);
    expect(body.errors?.[0].extensions).toMatchObject(field ? { code, field } : { code });
  });
});
