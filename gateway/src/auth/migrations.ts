import { Table, type MigrationInterface, type QueryRunner } from "typeorm";

export class ApiKeys1732400000000 implements MigrationInterface {
  name = "ApiKeys1732400000000";

  async up(q: QueryRunner): Promise<void> {
    const v = (name: string, length: number, nullable = false) => ({ name, type: "varchar", length: String(length), isNullable: nullable });
    await q.createTable(
      new Table({
        name: "api_key",
        columns: [
          { ...v("id", 16), isPrimary: true },
          v("role", 16),
          v("country", 2, true),
          v("conference", 16, true),
          { name: "label", type: "text" },
          { name: "secret_hash", type: "text" },
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
