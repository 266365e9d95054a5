import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client } from "pg";
import type { DatabaseConfig } from "../../platform/src/database";

export type DatabaseKind = "sqlite" | "postgres";

/** SQLite always; PostgreSQL too when TEST_DATABASE_URL is set (CI sets it). */
export const DATABASES: DatabaseKind[] = process.env.TEST_DATABASE_URL ? ["sqlite", "postgres"] : ["sqlite"];

export interface TestDatabases {
  config(subgraph: string): DatabaseConfig;
  drop(): Promise<void>;
}

/**
 * Fresh, empty databases for one stack: a temporary folder of SQLite files, or one new
 * PostgreSQL database per subgraph on the TEST_DATABASE_URL server, dropped afterwards.
 */
export async function createTestDatabases(kind: DatabaseKind, subgraphs: string[]): Promise<TestDatabases> {
  if (kind === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "enlace-test-"));
    return { config: (name) => ({ sqlitePath: join(dir, `${name}.sqlite`) }), drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const admin = new URL(process.env.TEST_DATABASE_URL as string);
  const suffix = randomBytes(4).toString("hex");
  const names = Object.fromEntries(subgraphs.map((name) => [name, `enlace_${name}_${suffix}`]));
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    for (const db of Object.values(names)) await client.query(`CREATE DATABASE ${db}`);
  } finally {
    await client.end();
  }
  return {
    config: (name) => {
      const url = new URL(admin.toString());
      url.pathname = `/${names[name]}`;
      return { url: url.toString() };
    },
    drop: async () => {
      const c = new Client({ connectionString: admin.toString() });
      await c.connect();
      try {
        for (const db of Object.values(names)) await c.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}
