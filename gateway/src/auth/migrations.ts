import { Table, type MigrationInterface, type QueryRunner } from "typeorm";
import { column } from "../../../subgraphs/shared/src/migration-columns";

export class ApiKeys1732400000000 implements MigrationInterface {
  name = "ApiKeys1732400000000";

  async up(q: QueryRunner): Promise<void> {
    const { varchar: v, text, primary } = column;
    await q.createTable(
      new Table({
        name: "api_key",
        columns: [
          primary(v("id", 16)),
          v("role", 16),
          v("country", 2, true),
          v("conference", 16, true),
          text("label"),
          text("secret_hash"),
          v("created_at", 32),
          v("revoked_at", 32, true),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable("api_key");
  }
}

export const keyMigrations = [ApiKeys1732400000000];
