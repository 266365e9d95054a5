import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Role } from "../../platform/src/identity";
import { DATABASES } from "../helpers/databases";
import { ROLE_KEYS, startTestStack, type TestStack } from "../helpers/stack";

const PERSONAL = ["personName", "position", "emails", "phones", "vcard", "jcard"];
const BY_COUNTRY = `{ country(code: "AR") { name partnerContacts(topic: EXTRA_REGIONAL_FLOWS) { externalId conference institution topics country { code } ${PERSONAL.join(" ")} } } }`;

describe.each(DATABASES)("partner contacts: who sees what (%s)", (db) => {
  let stack: TestStack;
  let as: Record<string, Record<string, string>>;
  beforeAll(async () => {
    stack = await startTestStack(db);
    as = await stack.callers(ROLE_KEYS);
  });
  afterAll(() => stack?.stop());

  it.each(["secretariat", "official", "partner"])("%s sees Argentina's CSM contact on extra-regional flows, with its vCard and jCard", async (who) => {
    const { body } = await stack.query(BY_COUNTRY, undefined, as[who]);
    expect(body.errors).toBeUndefined();
    const [c] = body.data.country.partnerContacts;
    expect(body.data.country.partnerContacts).toHaveLength(1);
    expect(c).toMatchObject({
      externalId: "csm-ar-extra-regional-flows",
      conference: "CSM",
      institution: "Institución ficticia de Argentina",
      topics: ["EXTRA_REGIONAL_FLOWS"],
      country: { code: "AR" },
    });
    expect(c.personName).toMatch(/^Persona Ficticia CSM \d+$/);
    expect(c.vcard).toContain("BEGIN:VCARD\r\nVERSION:4.0\r\n");
    expect(c.vcard).toContain("EMAIL;TYPE=work;PREF=1:csm.ar.extra-regional-flows@example.org");
    expect(c.jcard[0]).toBe("vcard");
    expect(c.jcard[1]).toContainEqual(["fn", {}, "text", c.personName]);
  });

  it("PUBLIC gets the contact without its personal fields: null, with FORBIDDEN at each path", async () => {
    const { body } = await stack.query(BY_COUNTRY, undefined, as.public);
    const [c] = body.data.country.partnerContacts;
    expect(c).toMatchObject({ externalId: "csm-ar-extra-regional-flows", institution: "Institución ficticia de Argentina" });
    for (const field of PERSONAL) {
      expect(c[field]).toBeNull();
      expect(body.errors!.find((e: any) => e.path.join(".") === `country.partnerContacts.0.${field}`)).toMatchObject({ extensions: { code: "FORBIDDEN" } });
    }
    expect(body.errors).toHaveLength(PERSONAL.length);
  });

  it("a partner of another conference loads none of the CSM's contacts", async () => {
    const identity = { role: Role.PARTNER, conference: "OTHER" };
    const list = await stack.querySubgraph("exchange", `{ partnerContacts(first: 100) { id } }`, undefined, { identity });
    expect(list.body.data.partnerContacts).toEqual([]);
    const anyId = (await stack.query(`{ partnerContacts(first: 1) { id } }`, undefined, as.secretariat)).body.data.partnerContacts[0].id;
    const one = await stack.querySubgraph("exchange", `query ($id: ID!) { partnerContact(id: $id) { id } }`, { id: anyId }, { identity });
    expect(one.body.data.partnerContact).toBeNull();
  });

  it("a CRM focal point's counterparts are the CSM contacts on its role's topics, resolved through federation", async () => {
    const q = `query ($id: ID!) { focalPoint(id: $id) { role counterparts { externalId topics country { code name } } } }`;
    const trafficking = (await stack.query(q, { id: "seed-cr-trafficking-smuggling-network" }, as.secretariat)).body;
    expect(trafficking.errors).toBeUndefined();
    const found = trafficking.data.focalPoint.counterparts;
    expect(found).toHaveLength(12);
    for (const c of found) expect(c.topics).toEqual(expect.arrayContaining(["TRAFFICKING_IN_PERSONS", "MIGRANT_SMUGGLING"]));
    expect(found.find((c: any) => c.country.code === "BR").country.name).toBe("Brasil");
    const national = (await stack.query(q, { id: "seed-cr-national" }, as.secretariat)).body.data.focalPoint;
    expect(national).toEqual({ role: "NATIONAL", counterparts: [] });
  });

  it("lists and filters partner contacts, and pages by offset", async () => {
    const q = `query ($filter: PartnerContactFilter, $first: Int, $offset: Int) { partnerContacts(filter: $filter, first: $first, offset: $offset) { externalId } }`;
    const gc = (await stack.query(q, { filter: { topic: "GLOBAL_COMPACT" }, first: 100 }, as.secretariat)).body.data.partnerContacts;
    expect(gc).toHaveLength(12);
    const page1 = (await stack.query(q, { first: 10 }, as.secretariat)).body.data.partnerContacts;
    const page2 = (await stack.query(q, { first: 10, offset: 10 }, as.secretariat)).body.data.partnerContacts;
    expect(new Set([...page1, ...page2].map((c: any) => c.externalId)).size).toBe(20);
    const bad = await stack.query(q, { offset: -1 }, as.secretariat);
    expect(bad.body.errors![0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT", field: "offset" } });
  });
});
