import { Field, Int, ObjectType } from "type-graphql";
import type { DataSource } from "typeorm";
import { Membership, RepresentationStatus } from "../entities";

@ObjectType({ description: "How well a CRM member state keeps its part of the directory: the offices it hosts, and what its officials have confirmed." })
export class CountryTable {
  @Field({ description: "ISO alpha-2 of the member state." }) country!: string;
  @Field(() => Int, { description: "Offices in that country, not closed." }) offices!: number;
  @Field(() => Int, { description: "Of those, verified in the last 12 months (by anyone: an official, the secretariat, a dated source)." }) verifiedLast12Months!: number;
  @Field(() => Int, { description: "Of those, last confirmed by the country's own officials (a confirmation or an accepted report) in the last 12 months." }) confirmedByCountryLast12Months!: number;
  @Field(() => Int, { description: "With a phone." }) withPhone!: number;
  @Field(() => Int, { description: "With at least one procedure a source confirms." }) withConfirmedProcedures!: number;
  @Field(() => String, { nullable: true, description: "The newest confirmation by the country's officials (YYYY-MM-DD); null when none." }) lastConfirmedOn!: string | null;
  @Field(() => String, { nullable: true, description: "The day the country last sent its table (YYYY-MM-DD), whatever the secretariat decided; null when never." }) lastSubmittedOn!: string | null;
}

/**
 * Completeness per CRM member state (issue 21, point 4), oldest first: the reminder list
 * of whose table needs attention (never confirmed, then the longest ago). Four reads.
 */
export async function countryTables(dataSource: DataSource, today = new Date()): Promise<CountryTable[]> {
  const members = ((await dataSource.query(`SELECT code FROM country WHERE crm_membership = '${Membership.MEMBER}' ORDER BY code`)) as { code: string }[]).map((c) => c.code);
  const offices: { id: string; host: string; phones: string; verified: string | null; by: string | null }[] = await dataSource.query(
    `SELECT id, host_country_code AS host, phones, last_verified_on AS verified, last_verified_by AS by FROM representation WHERE status <> '${RepresentationStatus.CLOSED}'`,
  );
  const confirmed = new Set(((await dataSource.query(`SELECT DISTINCT representation_id AS id FROM procedure_offer WHERE basis = 'CONFIRMED'`)) as { id: string }[]).map((r) => r.id));
  const submitted = new Map(
    ((await dataSource.query(`SELECT country, MAX(submitted_at) AS at FROM country_table_submission GROUP BY country`)) as { country: string; at: string }[]).map((r) => [
      r.country,
      r.at.slice(0, 10),
    ]),
  );
  const yearAgo = new Date(today.getTime() - 365 * 86_400_000).toISOString().slice(0, 10);
  const tables = members.map((country) => {
    const hosted = offices.filter((o) => o.host === country);
    const byCountry = hosted.filter((o) => (o.by ?? "").startsWith(`OFFICIAL ${country}`));
    const last =
      byCountry
        .map((o) => o.verified ?? "")
        .sort()
        .pop() || null;
    return {
      country,
      offices: hosted.length,
      verifiedLast12Months: hosted.filter((o) => (o.verified ?? "") >= yearAgo).length,
      confirmedByCountryLast12Months: byCountry.filter((o) => (o.verified ?? "") >= yearAgo).length,
      withPhone: hosted.filter((o) => (JSON.parse(o.phones) as unknown[]).length > 0).length,
      withConfirmedProcedures: hosted.filter((o) => confirmed.has(o.id)).length,
      lastConfirmedOn: last,
      lastSubmittedOn: submitted.get(country) ?? null,
    };
  });
  return tables.sort((a, b) => (a.lastConfirmedOn ?? "").localeCompare(b.lastConfirmedOn ?? "") || a.country.localeCompare(b.country));
}
