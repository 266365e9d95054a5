import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATABASES } from "../helpers/databases";
import { startTestStack, type TestStack } from "../helpers/stack";

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const READ = `query ($id: ID!) { focalPoint(id: $id) { id version status termStart termEnd personName emails phones } }`;
const UPDATE = `mutation ($id: ID!, $v: Int!, $changes: FocalPointChanges!) { updateFocalPoint(id: $id, version: $v, changes: $changes) { version } }`;

describe.each(DATABASES)("the secretariat keeps the roster (%s)", (db) => {
  let stack: TestStack;
  let as: Record<string, Record<string, string>>;
  const read = async (id: string) => (await stack.query(READ, { id }, as.secretariat)).body.data.focalPoint;
  beforeAll(async () => {
    stack = await startTestStack(db);
    as = await stack.callers({
      secretariat: { role: "SECRETARIAT", label: "ST" },
      official: { role: "OFFICIAL", country: "PA", label: "SNM" },
      partner: { role: "PARTNER", conference: "CSM", label: "CSM" },
    });
  });
  afterAll(() => stack?.stop());

  it("Panama names a new technical focal point for extra-regional flows from a date; the history keeps both", async () => {
    const old = await read("seed-pa-extra-regional-flows");
    const from = day(8);
    const { body } = await stack.query(
      `mutation ($id: ID!, $v: Int!, $on: String!, $s: FocalPointChanges!) { replaceFocalPoint(id: $id, version: $v, effectiveOn: $on, successor: $s) { id termStart status institution personName } }`,
      { id: old.id, v: old.version, on: from, s: { personName: "Persona Ficticia Nueva", emails: ["nuevo.focal.pa@example.org"], phones: ["+5072070000"] } },
      as.secretariat,
    );
    expect(body.errors).toBeUndefined();
    const successor = body.data.replaceFocalPoint;
    expect(successor).toMatchObject({ termStart: from, status: "ACTIVE", institution: "Servicio Nacional de Migración", personName: "Persona Ficticia Nueva" });
    expect(await read(old.id)).toMatchObject({ version: old.version + 1, termEnd: day(7), status: "ACTIVE" }); // still in office until then

    const onDate = async (date: string) =>
      (await stack.query(`query ($d: String) { country(code: "PA") { focalPoints(role: EXTRA_REGIONAL_FLOWS, activeOn: $d) { id } } }`, { d: date })).body.data.country.focalPoints.map(
        (f: { id: string }) => f.id,
      );
    expect(await onDate(day(1))).toEqual([old.id]);
    expect(await onDate(day(10))).toEqual([successor.id]);

    const history = async (id: string) =>
      (await stack.query(`query ($id: ID!) { focalPoint(id: $id) { history { action actorRole changes { field to } } } }`, { id }, as.secretariat)).body.data.focalPoint.history;
    const [replaced] = await history(old.id);
    expect(replaced).toMatchObject({ action: "REPLACED", actorRole: "SECRETARIAT" });
    expect(replaced.changes).toContainEqual({ field: "successor", to: JSON.stringify(successor.id) });
    const [nominated] = await history(successor.id);
    expect(nominated.action).toBe("NOMINATED");
    expect(nominated.changes).toContainEqual({ field: "predecessor", to: JSON.stringify(old.id) });

    const ending = (await stack.query(`{ focalPointsWithTermsEnding(withinDays: 60) { id termEnd } }`, undefined, as.secretariat)).body.data.focalPointsWithTermsEnding;
    expect(ending).toContainEqual({ id: old.id, termEnd: day(7) });
    expect((await stack.query(`{ focalPointsWithTermsEnding(withinDays: 3) { id } }`, undefined, as.secretariat)).body.data.focalPointsWithTermsEnding).not.toContainEqual({ id: old.id });
  });

  it("lets exactly one of two concurrent updates of the same version win", async () => {
    const { version } = await read("seed-mx-communication");
    const results = await Promise.all(
      ["Persona Ficticia A", "Persona Ficticia B"].map((personName) => stack.query(UPDATE, { id: "seed-mx-communication", v: version, changes: { personName } }, as.secretariat)),
    );
    expect(results.map((r) => r.body.errors?.[0].extensions?.code ?? "OK").sort()).toEqual(["OK", "VERSION_CONFLICT"]);
    expect((await read("seed-mx-communication")).version).toBe(version + 1);
  });

  it.each([
    [{ emails: ["no-at-sign"] }, "changes.emails[0]"],
    [{ phones: ["2222-3333"] }, "changes.phones[0]"],
    [{ personName: "  " }, "changes.personName"],
    [{ termEnd: "2020-01-01" }, "changes.termEnd"],
    [{ languages: ["not a tag!"] }, "changes.languages[0]"],
  ])("refuses %j with BAD_USER_INPUT on %s and changes nothing", async (changes, field) => {
    const before = await read("seed-cr-national");
    const { body } = await stack.query(UPDATE, { id: "seed-cr-national", v: before.version, changes }, as.secretariat);
    expect(body.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
    expect(await read("seed-cr-national")).toEqual(before);
  });

  it("refuses a nomination for an unknown country, and nominates a consular liaison visible on its office", async () => {
    const nominate = `mutation ($input: NominationInput!) { nominateFocalPoint(input: $input) { id version role } }`;
    const input = {
      country: "PA",
      role: "CONSULAR_LIAISON",
      personName: "Persona Ficticia Enlace",
      institution: "Embajada de la India en Panamá",
      termStart: day(0),
      emails: ["enlace.in.pa@example.org"],
      representationId: "in-pa-emb-panama-city",
    };
    const bad = await stack.query(nominate, { input: { ...input, country: "XX" } }, as.secretariat);
    expect(bad.body.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.country" });
    const noOffice = await stack.query(nominate, { input: { ...input, representationId: null } }, as.secretariat);
    expect(noOffice.body.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.representationId" });
    const ok = await stack.query(nominate, { input }, as.secretariat);
    expect(ok.body.data.nominateFocalPoint).toMatchObject({ version: 1, role: "CONSULAR_LIAISON" });

    const { body } = await stack.query(`{ representation(id: "in-pa-emb-panama-city") { id contacts { personName emails representation { city } } } }`, undefined, as.official);
    expect(body.errors).toBeUndefined();
    expect(body.data.representation.contacts).toEqual([{ personName: "Persona Ficticia Enlace", emails: ["enlace.in.pa@example.org"], representation: { city: "Panama City" } }]);
    const anon = await stack.query(`{ representation(id: "in-pa-emb-panama-city") { contacts { emails } } }`);
    expect(anon.body.data.representation.contacts).toEqual([{ emails: null }]);
  });

  it("ends a term", async () => {
    const { version } = await read("seed-gt-national");
    const { body } = await stack.query(
      `mutation ($v: Int!, $on: String!) { endFocalPoint(id: "seed-gt-national", version: $v, endedOn: $on) { status termEnd } }`,
      { v: version, on: day(0) },
      as.secretariat,
    );
    expect(body.data.endFocalPoint).toEqual({ status: "ENDED", termEnd: day(0) });
    // an official no longer sees the personal data of an ended focal point
    const off = await stack.query(`{ focalPoint(id: "seed-gt-national") { status personName } }`, undefined, as.official);
    expect(off.body.data.focalPoint).toEqual({ status: "ENDED", personName: null });
  });

  it("shares a focal point with the CSM: the partner sees it from then on", async () => {
    const id = "seed-do-communication"; // not shared by the seed
    expect((await stack.query(`{ focalPoint(id: "${id}") { id } }`, undefined, as.partner)).body.data.focalPoint).toBeNull();
    const { version } = await read(id);
    const bad = await stack.query(`mutation ($v: Int!) { setFocalPointSharing(id: "${id}", version: $v, conferences: ["EU"]) { version } }`, { v: version }, as.secretariat);
    expect(bad.body.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "conferences[0]" });
    await stack.query(`mutation ($v: Int!) { setFocalPointSharing(id: "${id}", version: $v, conferences: ["CSM"]) { version } }`, { v: version }, as.secretariat);
    expect((await stack.query(`{ focalPoint(id: "${id}") { id emails } }`, undefined, as.partner)).body.data.focalPoint).toEqual({ id, emails: ["focal.do.communication@example.org"] });
  });

  it.each(["public", "official", "partner"])("refuses writes, history and reminders to %s", async (who) => {
    const { version } = await read("seed-hn-national");
    const write = await stack.query(UPDATE, { id: "seed-hn-national", v: version, changes: { personName: "x" } }, as[who]);
    expect(write.body.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    const history = await stack.query(`{ focalPoint(id: "seed-pa-global-compact") { id history { action } } }`, undefined, as[who]);
    expect(history.body.data.focalPoint).toEqual({ id: "seed-pa-global-compact", history: null });
    expect(history.body.errors?.[0]).toMatchObject({ path: ["focalPoint", "history"], extensions: { code: "FORBIDDEN" } });
    expect((await stack.query(`{ focalPointsWithTermsEnding(withinDays: 60) { id } }`, undefined, as[who])).body.errors?.[0].extensions?.code).toBe("FORBIDDEN");
  });
});
