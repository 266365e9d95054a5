import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestStack, type TestStack } from "../helpers/stack";

const COUNTRY_WITH_FOCAL_POINTS = `{ country(code: "CR") { code name(lang: EN) focalPoints(role: NATIONAL) { role } } }`;
const DIRECTORY_ONLY = `{ procedures { code } representation(id: "ht-mx-emb-mexico-city") { city } }`;
const UNAVAILABLE = "The roster service is unavailable: the fields it serves are null. Try again later.";

describe("gateway with a subgraph down", () => {
  let stack: TestStack;
  const readyz = async () => {
    const response = await fetch(stack.url.replace(/\/graphql$/, "/readyz"));
    return { status: response.status, body: await response.json() };
  };
  beforeAll(async () => {
    stack = await startTestStack("sqlite");
    // Warm the gateway's keep-alive connections to every subgraph: a dead pooled socket is the hard case.
    expect((await stack.query(COUNTRY_WITH_FOCAL_POINTS)).body.errors).toBeUndefined();
    await stack.stopSubgraph("roster");
  });
  afterAll(() => stack?.stop());

  it("answers in full the queries that need only the others", async () => {
    const { status, body } = await stack.query(DIRECTORY_ONLY);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data.procedures).toHaveLength(9);
    expect(body.data.representation).toEqual({ city: "Mexico City" });
    const exchange = await stack.query(`{ country(code: "AR") { code partnerContacts(topic: EXTRA_REGIONAL_FLOWS) { institution } } }`);
    expect(exchange.body.errors).toBeUndefined();
    expect(exchange.body.data.country.partnerContacts.length).toBeGreaterThan(0);
  });

  it("gives partial data and an error naming the service to the queries that need it", async () => {
    const { status, body } = await stack.query(COUNTRY_WITH_FOCAL_POINTS);
    expect(status).toBe(200);
    expect(body.data).toEqual({ country: { code: "CR", name: "Costa Rica", focalPoints: null } });
    expect(body.errors).toEqual([expect.objectContaining({ message: UNAVAILABLE, extensions: { code: "SERVICE_UNAVAILABLE", serviceName: "roster" } })]);
    expect(JSON.stringify(body)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED/);
  });

  it("says in /readyz which subgraph is down", async () => {
    const { status, body } = await readyz();
    expect(status).toBe(503);
    expect(body.status).toBe("not ready");
    expect(body.subgraphs).toMatchObject({ directory: "up", exchange: "up", roster: expect.stringMatching(/^down/) });
  });

  it("recovers by itself when the subgraph comes back: the next request answers in full", async () => {
    await stack.restartSubgraph("roster");
    const { body } = await stack.query(COUNTRY_WITH_FOCAL_POINTS);
    expect(body).toEqual({ data: { country: { code: "CR", name: "Costa Rica", focalPoints: [{ role: "NATIONAL" }] } } });
    expect(await readyz()).toEqual({ status: 200, body: { status: "ready", subgraphs: { directory: "up", exchange: "up", roster: "up" } } });
  });
});
