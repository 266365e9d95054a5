import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDataSource, openDatabase } from "../../platform/src/database";
import { createRosterDataSource } from "../../subgraphs/roster/src/database";
import { FeedEntry } from "../../subgraphs/roster/src/feed/feed-entry.entity";
import { Roster1733000000000 } from "../../subgraphs/roster/src/migrations/1733000000000-roster";
import { RosterAudit1733100000000 } from "../../subgraphs/roster/src/migrations/1733100000000-roster-audit";
import { currentSeq } from "../../subgraphs/kit/src/sync/sync-state";
import { createTestDatabases, DATABASES, type TestDatabases } from "../helpers/databases";

/** A roster that existed before the change feed: upgrading it puts every focal point in the feeds. */
describe.each(DATABASES)("upgrading a roster to the change feed (%s)", (kind) => {
  let databases: TestDatabases;
  beforeAll(async () => {
    databases = await createTestDatabases(kind, ["roster"]);
  });
  afterAll(() => databases?.drop());

  it("backfills each focal point into '*', and the shared active ones into the partner's feed", async () => {
    const before = await openDatabase(createDataSource(databases.config("roster"), { owner: "roster", entities: [], migrations: [Roster1733000000000, RosterAudit1733100000000] }));
    const row = (id: string, shared: string[], status: string) => ({
      id,
      country_code: "CR",
      role: "NATIONAL",
      person_name: "Persona Ficticia",
      position: null,
      institution: "Institución",
      emails: "[]",
      phones: "[]",
      languages: "[]",
      term_start: "2025-01-01",
      term_end: null,
      status,
      shared_with: JSON.stringify(shared),
      representation_id: null,
      version: 1,
    });
    await before
      .createQueryBuilder()
      .insert()
      .into("focal_point")
      .values([row("a", ["CSM"], "ACTIVE"), row("b", [], "ACTIVE"), row("c", ["CSM"], "ENDED")])
      .execute();
    await before.destroy();

    const after = await openDatabase(createRosterDataSource(databases.config("roster")));
    try {
      const entries = await after.manager.find(FeedEntry, { order: { seq: "ASC" } });
      expect(entries.map((e) => [e.audience, e.entityId, e.removed])).toEqual([
        ["*", "a", 0],
        ["partner:CSM", "a", 0],
        ["*", "b", 0],
        ["*", "c", 0],
      ]);
      expect(await currentSeq(after.manager)).toBe(Math.max(...entries.map((e) => e.seq)));
    } finally {
      await after.destroy();
    }
  });
});
