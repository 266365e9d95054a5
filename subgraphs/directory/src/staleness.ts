import { Field, Int, ObjectType, registerEnumType } from "type-graphql";

export enum StalenessLevel {
  FRESH = "FRESH",
  AGING = "AGING",
  STALE = "STALE",
  UNKNOWN = "UNKNOWN",
}
registerEnumType(StalenessLevel, {
  name: "StalenessLevel",
  description: "How long ago the record was last confirmed: FRESH under 180 days, AGING under a year, STALE after, UNKNOWN never.",
});

@ObjectType({ simpleResolvers: true, description: "How far to trust a record's details: call first when it is not FRESH." })
export class Staleness {
  @Field(() => StalenessLevel) level!: StalenessLevel;
  @Field(() => Int, { nullable: true, description: "Days since the last verification; null when never verified." }) daysSinceVerified!: number | null;
}

export const FRESH_DAYS = 180;
export const STALE_DAYS = 365;

/**
 * A partial date ("2019", "2018-03") is read as its first day: the record may be older
 * than that, never newer, so staleness errs on the side of caution.
 */
export function stalenessOf(lastVerifiedOn: string | null, today = new Date()): Staleness {
  if (!lastVerifiedOn) return { level: StalenessLevel.UNKNOWN, daysSinceVerified: null };
  const [year, month = "01", day = "01"] = lastVerifiedOn.split("-");
  const verified = Date.UTC(Number(year), Number(month) - 1, Number(day));
  const days = Math.max(0, Math.floor((Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()) - verified) / 86_400_000));
  const level = days < FRESH_DAYS ? StalenessLevel.FRESH : days < STALE_DAYS ? StalenessLevel.AGING : StalenessLevel.STALE;
  return { level, daysSinceVerified: days };
}
