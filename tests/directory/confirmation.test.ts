import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATABASES } from "../helpers/databases";
import { startTestStack, type TestStack } from "../helpers/stack";

const CONFIRM = `mutation ($id: ID!, $v: Int!, $fields: [SourcedField!]!, $method: ConfirmationMethod!) {
  confirmRepresentation(id: $id, version: $v, fields: $fields, method: $method) { version provenance { lastVerifiedOn verifiedByCountry } }
}`;
const READ = `query ($id: ID!) { representation(id: $id) { version phones { raw } provenance { lastVerifiedOn verifiedByCountry } fieldSources { field value url published excerpt } } }`;
const OFFICE = "za-gt-hcons-nocity"; // hosted in Guatemala, with a phone and an e-mail

/** Issue 21, point 3: an official of the host country confirms an office's details in one step; an accepted correction verifies too. */
describe.each(DATABASES)("confirming an office's details (%s)", (db) => {
  let stack: TestStack;
  let as: Record<string, Record<string, string>>;
  const today = new Date().toISOString().slice(0, 10);
  beforeAll(async () => {
    stack = await startTestStack(db);
    as = await stack.callers({ gt: { role: "OFFICIAL", country: "GT", label: "IGM" }, mx: { role: "OFFICIAL", country: "MX", label: "INM" }, secretariat: { role: "SECRETARIAT", label: "ST" } });
  });
  afterAll(() => stack?.stop());
  const read = async (id = OFFICE) => (await stack.query(READ, { id })).body.data.representation;

  it("an official of Guatemala confirms the phone by a call: the value's source is the confirmation (country and role, never a person), the office is verified today by Guatemala", async () => {
    const before = await read();
    const { body } = await stack.query(CONFIRM, { id: OFFICE, v: before.version, fields: ["PHONE", "STATUS"], method: "PHONE_CALL" }, as.gt);
    expect(body.errors).toBeUndefined();
    expect(body.data.confirmRepresentation.provenance).toEqual({ lastVerifiedOn: today, verifiedByCountry: "GT" });
    const after = await read();
    const phone = after.fieldSources.find((s: { field: string }) => s.field === "PHONE");
    expect(phone).toMatchObject({ value: before.phones[0].raw, url: `enlace:confirmation/${OFFICE}/${today}`, published: today });
    expect(phone.excerpt).toBe(`Confirmed by phone by an OFFICIAL of GT on ${today}: phone ${before.phones[0].raw}`);
    // The e-mail was not confirmed: its source stays.
    expect(after.fieldSources.find((s: { field: string }) => s.field === "EMAIL").url).toMatch(/^https:\/\//);
  });

  it("an official of another country gets FORBIDDEN, a field without a value BAD_USER_INPUT naming it, and nothing changes", async () => {
    const before = await read();
    const mx = await stack.query(CONFIRM, { id: OFFICE, v: before.version, fields: ["PHONE"], method: "VISIT" }, as.mx);
    expect(mx.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const none = await stack.query(CONFIRM, { id: OFFICE, v: before.version, fields: ["PHONE", "OPENING_HOURS"], method: "VISIT" }, as.gt);
    expect(none.body.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "fields[1]" });
    expect(await read()).toEqual(before);
  });

  it("accepting a correction verifies the office today by the reporting country, with the report as the source of what it changed", async () => {
    const office = "in-gt-emb-guatemala-city";
    const report = await stack.query(
      `mutation { submitCorrection(representationId: "${office}", changes: { openingHours: "Mo-Fr 09:00-12:00" }, comment: "Llamé hoy a la embajada") { id } }`,
      undefined,
      as.gt,
    );
    expect(report.body.errors).toBeUndefined();
    const { version } = await read(office);
    const accepted = await stack.query(
      `mutation ($id: ID!, $v: Int!) { acceptCorrection(id: $id, representationVersion: $v) { status } }`,
      { id: report.body.data.submitCorrection.id, v: version },
      as.secretariat,
    );
    expect(accepted.body.errors).toBeUndefined();
    const after = await read(office);
    expect(after.provenance).toEqual({ lastVerifiedOn: today, verifiedByCountry: "GT" });
    expect(after.fieldSources.find((s: { field: string }) => s.field === "OPENING_HOURS")).toMatchObject({
      value: "Mo-Fr 09:00-12:00",
      url: `enlace:correction/${report.body.data.submitCorrection.id}`,
      published: today,
    });
  });
});

describe("completeness per country (issue 21, point 4)", () => {
  let stack: TestStack;
  let as: Record<string, Record<string, string>>;
  beforeAll(async () => {
    stack = await startTestStack("sqlite");
    as = await stack.callers({ gt: { role: "OFFICIAL", country: "GT", label: "IGM" }, secretariat: { role: "SECRETARIAT", label: "ST" } });
  });
  afterAll(() => stack?.stop());
  const TABLES = `{ countryTables { country offices confirmedByCountryLast12Months withPhone lastConfirmedOn } }`;

  it("lists every CRM member state, never-confirmed first; a confirmation by Guatemala's officials moves Guatemala to the end; FORBIDDEN to others", async () => {
    const before = (await stack.query(TABLES, undefined, as.secretariat)).body.data.countryTables;
    expect(before.map((r: { country: string }) => r.country).sort()).toEqual(["BZ", "CA", "CR", "DO", "GT", "HN", "MX", "NI", "PA", "SV", "US"]);
    const gt = before.find((r: { country: string }) => r.country === "GT");
    expect(gt).toMatchObject({ confirmedByCountryLast12Months: 0, lastConfirmedOn: null });
    expect(gt.offices).toBeGreaterThan(20);
    const { body } = await stack.query(`{ representation(id: "${OFFICE}") { version } }`);
    await stack.query(CONFIRM, { id: OFFICE, v: body.data.representation.version, fields: ["PHONE"], method: "VISIT" }, as.gt);
    const after = (await stack.query(TABLES, undefined, as.secretariat)).body.data.countryTables;
    expect(after[after.length - 1]).toMatchObject({ country: "GT", confirmedByCountryLast12Months: 1, lastConfirmedOn: new Date().toISOString().slice(0, 10) });
    expect((await stack.query(TABLES, undefined, as.gt)).body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});
