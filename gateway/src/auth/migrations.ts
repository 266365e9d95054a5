import { Table, type MigrationInterface, type QueryRunner } from "typeorm";
import { column } from "../../../platform/src/migration-columns";

export class ApiKeys1732400000000 implements MigrationInterface {
  name = "ApiKeys1732400000000";

  async up(q: QueryRunner): Promise<void> {
    const { varchar: v, text, primary } = column;
    await q.createTable(
      new Table({
        name: "api_key",
        columns: [primary(v("id", 16)), v("role", 16), v("country", 2, true), v("conference", 16, true), text("label"), text("secret_hash"), v("created_at", 32), v("revoked_at", 32, true)],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable("api_key");
  }
}

/** The web pages' sessions, in the gateway's database (issue 19: a restart or a second gateway keeps them). */
export class WebSessions1736100000000 implements MigrationInterface {
  name = "WebSessions1736100000000";

  async up(q: QueryRunner): Promise<void> {
    const { varchar: v, text, double, primary } = column;
    await q.createTable(
      new Table({
        name: "web_session",
        columns: [primary(v("id_hash", 64)), v("key_id", 16), text("sealed_key"), v("csrf", 64), double("created_at"), double("last_seen_at")],
        indices: [{ name: "idx_web_session_key", columnNames: ["key_id"] }],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable("web_session");
  }
}

export const keyMigrations = [ApiKeys1732400000000, WebSessions1736100000000];
