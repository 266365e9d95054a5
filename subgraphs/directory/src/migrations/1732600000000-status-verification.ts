import { TableColumn, type MigrationInterface, type QueryRunner } from "typeorm";
import { column } from "../../../../platform/src/migration-columns";

/**
 * Since when an office has its status, who last verified it, and which kinds of office
 * typically handle each procedure (so that offices created through the API get the same
 * inferred offers as seeded ones). The values are those of seed/data/procedures.csv then.
 */
export class StatusVerification1732600000000 implements MigrationInterface {
  name = "StatusVerification1732600000000";

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn("representation", new TableColumn(column.varchar("status_since", 10, true)));
    await q.addColumn("representation", new TableColumn(column.varchar("last_verified_by", 200, true)));
    await q.addColumn("procedure", new TableColumn({ ...column.text("typical_for_kinds"), default: "''" }));
    const consular = "EMBASSY;CONSULATE_GENERAL;CONSULATE;VICE_CONSULATE;CONSULAR_SECTION";
    const typical: Record<string, string> = {
      PASSPORT: consular,
      EMERGENCY_TRAVEL_DOCUMENT: consular,
      IDENTITY_VERIFICATION: consular,
      CIVIL_REGISTRY: consular,
      CONSULAR_REGISTRATION: consular,
      LEGALIZATION: consular,
      VISA: "EMBASSY;CONSULATE_GENERAL;CONSULATE;CONSULAR_SECTION",
      ASSISTED_RETURN: "EMBASSY;CONSULATE_GENERAL;CONSULATE;CONSULAR_SECTION",
      DETAINEE_ASSISTANCE: `${consular};HONORARY_CONSULATE`,
    };
    const p = (n: number) => (q.connection.options.type === "postgres" ? `$${n}` : "?");
    for (const [code, kinds] of Object.entries(typical)) {
      await q.query(`UPDATE procedure SET typical_for_kinds = ${p(1)} WHERE code = ${p(2)}`, [kinds, code]);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn("procedure", "typical_for_kinds");
    await q.dropColumn("representation", "last_verified_by");
    await q.dropColumn("representation", "status_since");
  }
}
