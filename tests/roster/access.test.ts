import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATABASES } from "../helpers/databases";
import { ROLE_KEYS, startTestStack, type TestStack } from "../helpers/stack";

const PERSONAL = ["personName", "position", "emails", "phones", "vcard", "jcard"];
const ONE = `query ($id: ID!) { focalPoint(id: $id) { id role institution status termStart ${PERSONAL.join(" ")} } }`;
const SHARED = "seed-pa-extra-regional-flows"; // shared with the CSM
const NOT_SHARED = "seed-cr-communication";

describe.each(DATABASES)("focal points: who sees what (%s)", (db) => {
  let stack: TestStack;
  let as: Record<string, Record<string, string>>;
  beforeAll(async () => {
    stack = await startTestStack(db);
    as = await stack.callers(ROLE_KEYS);
  });
  afterAll(() => stack?.stop());

  const expectDenied = (body: any, field: string, path: (string | number)[]) => {
    expect(body.errors?.find((e: any) => e.path?.join(".") === [...path, field].join("."))).toMatchObject({ extensions: { code: "FORBIDDEN" } });
  };

  it.each(["secretariat", "official", "partner"])("%s sees the personal data of an active focal point shared with the CSM", async (who) => {
    const { body } = await stack.query(ONE, { id: SHARED }, as[who]);
    expect(body.errors).toBeUndefined();
    expect(body.data.focalPoint).toMatchObject({ id: SHARED, institution: "Servicio Nacional de Migración", emails: ["focal.pa.extra-regional-flows@example.org"] });
    expect(body.data.focalPoint.personName).toMatch(/^Persona Ficticia \d+$/);
    expect(body.data.focalPoint.vcard).toContain(`FN:${body.data.focalPoint.personName}\r\n`);
    expect(body.data.focalPoint.jcard[1]).toContainEqual(["email", { type: ["work"], pref: "1" }, "text", "focal.pa.extra-regional-flows@example.org"]);
  });

  it("PUBLIC gets every personal field as null with a FORBIDDEN error at its path, the rest as usual", async () => {
    const { body } = await stack.query(ONE, { id: SHARED }, as.public);
    const fp = body.data.focalPoint;
    expect(fp).toMatchObject({ id: SHARED, role: "EXTRA_REGIONAL_FLOWS", institution: "Servicio Nacional de Migración", status: "ACTIVE" });
    for (const field of PERSONAL) {
      expect(fp[field]).toBeNull();
      expectDenied(body, field, ["focalPoint"]);
    }
    expect(body.errors).toHaveLength(PERSONAL.length);
  });

  it("PARTNER cannot see, list or reach through federation a focal point that is not shared with it", async () => {
    expect((await stack.query(ONE, { id: NOT_SHARED }, as.partner)).body.data.focalPoint).toBeNull();
    const list = await stack.query(`{ focalPoints(first: 100) { id } }`, undefined, as.partner);
    const ids = list.body.data.focalPoints.map((f: { id: string }) => f.id);
    expect(ids).toContain(SHARED);
    expect(ids).not.toContain(NOT_SHARED);
    const viaCountry = await stack.query(`{ country(code: "CR") { focalPoints { id } } }`, undefined, as.partner);
    expect(viaCountry.body.data.country.focalPoints.map((f: { id: string }) => f.id)).not.toContain(NOT_SHARED);
  });

  it("PARTNER gets FORBIDDEN, like an official, for a shared focal point whose term has ended (by id, by status filter, vCard)", async () => {
    const { body: read } = await stack.query(`{ focalPoint(id: "${SHARED}") { version } }`, undefined, as.secretariat);
    const ended = await stack.query(`mutation ($v: Int!) { endFocalPoint(id: "${SHARED}", version: $v, endedOn: "2026-01-31") { status } }`, { v: read.data.focalPoint.version }, as.secretariat);
    expect(ended.body.data.endFocalPoint.status).toBe("ENDED");
    const byId = await stack.query(ONE, { id: SHARED }, as.partner);
    for (const field of PERSONAL) {
      expect(byId.body.data.focalPoint[field]).toBeNull();
      expectDenied(byId.body, field, ["focalPoint"]);
    }
    const list = await stack.query(`{ focalPoints(filter: { status: ENDED }, first: 100) { id personName emails vcard } }`, undefined, as.partner);
    const mine = list.body.data.focalPoints.find((f: { id: string }) => f.id === SHARED);
    expect(mine).toEqual({ id: SHARED, personName: null, emails: null, vcard: null });
    expect(list.body.errors?.every((e: any) => e.extensions?.code === "FORBIDDEN")).toBe(true);
  });

  it("only the SECRETARIAT sees with whom a focal point is shared", async () => {
    const q = `query ($id: ID!) { focalPoint(id: $id) { sharedWith } }`;
    expect((await stack.query(q, { id: SHARED }, as.secretariat)).body.data.focalPoint.sharedWith).toEqual(["CSM"]);
    for (const who of ["public", "official", "partner"]) {
      const { body } = await stack.query(q, { id: SHARED }, as[who]);
      expect(body.data.focalPoint.sharedWith).toBeNull();
      expectDenied(body, "sharedWith", ["focalPoint"]);
    }
  });

  it("an official of Costa Rica asks for the communication focal points of every member state, with their e-mail", async () => {
    const { body } = await stack.query(`{ countries(filter: { crm: [MEMBER] }) { code name focalPoints(role: COMMUNICATION) { institution emails } } }`, undefined, as.official);
    expect(body.errors).toBeUndefined();
    expect(body.data.countries).toHaveLength(11);
    const panama = body.data.countries.find((c: { code: string }) => c.code === "PA");
    expect(panama).toEqual({ code: "PA", name: "Panamá", focalPoints: [{ institution: "Servicio Nacional de Migración", emails: ["focal.pa.communication@example.org"] }] });
    // and anonymously: institutions yes, e-mails no
    const anon = await stack.query(`{ countries(filter: { crm: [MEMBER] }) { code focalPoints(role: COMMUNICATION) { institution emails } } }`);
    expect(anon.body.data.countries[0].focalPoints[0].emails).toBeNull();
    expect(anon.body.errors).toHaveLength(11);
  });

  it("resolves FocalPoint.country from the directory", async () => {
    const { body } = await stack.query(`{ focalPoints(filter: { country: ["PA"], role: [NATIONAL] }) { id country { code name alpha3 crmMembership } } }`);
    expect(body.data.focalPoints).toEqual([{ id: "seed-pa-national", country: { code: "PA", name: "Panamá", alpha3: "PAN", crmMembership: "MEMBER" } }]);
  });

  it("runs as many SQL statements for 1 country's focal points as for 11, across both subgraphs", async () => {
    const count = async (crm: string[]) => {
      stack.resetStatements();
      const q = crm.length ? `{ countries(filter: { crm: [MEMBER] }) { code focalPoints { id institution } } }` : `{ countries(filter: { text: "panama" }) { code focalPoints { id institution } } }`;
      await stack.query(q, undefined, as.secretariat);
      return stack.statements();
    };
    expect(await count(["MEMBER"])).toBe(await count([]));
  });
});
