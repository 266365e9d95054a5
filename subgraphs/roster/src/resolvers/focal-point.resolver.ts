import { Arg, Ctx, Field, FieldResolver, ID, InputType, Int, Query, Resolver, Root } from "type-graphql";
import { Brackets } from "typeorm";
import { BadUserInputError } from "../../../../platform/src/errors";
import { requireRole } from "../../../kit/src/access";
import { Role } from "../../../../platform/src/identity";
import { OFFSET_DESCRIPTION, pageSize } from "../../../kit/src/pagination";
import { SEARCH_TEXT_DESCRIPTION, searchWords } from "../../../../platform/src/text";
import { FocalPointRole, FocalPointStatus } from "../entities/enums";
import type { RosterContext } from "../context";
import { CountryReference } from "../entities/country.reference";
import { FocalPoint } from "../entities/focal-point.entity";

@InputType()
export class FocalPointFilter {
  @Field(() => [String], { nullable: true, description: "ISO alpha-2: any of these." }) country?: string[];
  @Field(() => [FocalPointRole], { nullable: true }) role?: FocalPointRole[];
  @Field(() => FocalPointStatus, { nullable: true }) status?: FocalPointStatus;
  @Field(() => String, { nullable: true, description: "In office on this date (YYYY-MM-DD)." }) activeOn?: string;
  @Field(() => String, { nullable: true, description: `Words in the institution (and, for roles that may see it, the name). ${SEARCH_TEXT_DESCRIPTION}` }) text?: string;
}

@Resolver(() => FocalPoint)
export class FocalPointResolver {
  @Query(() => [FocalPoint], { description: "Focal points, by country then role. A PARTNER sees only those shared with its conference." })
  async focalPoints(
    @Ctx() ctx: RosterContext,
    @Arg("filter", () => FocalPointFilter, { nullable: true }) filter?: FocalPointFilter,
    @Arg("first", () => Int, { nullable: true, description: "0 to 100; default 20." }) first?: number,
    @Arg("offset", () => Int, { nullable: true, description: OFFSET_DESCRIPTION }) offset?: number,
  ): Promise<FocalPoint[]> {
    const qb = ctx.dataSource.getRepository(FocalPoint).createQueryBuilder("f").orderBy("f.country_code").addOrderBy("f.role").addOrderBy("f.id");
    if (filter?.country) qb.andWhere("f.country_code IN (:...countries)", { countries: filter.country.length ? filter.country.map((c) => c.toUpperCase()) : [""] });
    if (filter?.role) qb.andWhere("f.role IN (:...roles)", { roles: filter.role.length ? filter.role : [""] });
    if (filter?.status) qb.andWhere("f.status = :status", { status: filter.status });
    if (filter?.activeOn) {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(filter.activeOn)) throw new BadUserInputError("filter.activeOn", `"${filter.activeOn}" is not YYYY-MM-DD`);
      qb.andWhere("f.term_start <= :on AND (f.term_end IS NULL OR f.term_end >= :on)", { on: filter.activeOn });
    }
    if (searchWords(filter?.text, "filter.text").length) {
      const like = `%${(filter?.text ?? "").trim().toLowerCase()}%`;
      qb.andWhere(
        new Brackets((w) => {
          w.where("LOWER(f.institution) LIKE :like", { like });
          if (ctx.identity.role === Role.SECRETARIAT) w.orWhere("LOWER(f.person_name) LIKE :like", { like });
        }),
      );
    }
    // A partner sees only what was shared with its conference: in SQL, before paging.
    if (ctx.identity.role === Role.PARTNER) qb.andWhere("f.shared_with LIKE :shared", { shared: `%"${ctx.identity.conference ?? "?"}"%` });
    if (offset !== undefined && offset !== null && (!Number.isInteger(offset) || offset < 0)) throw new BadUserInputError("offset", "must be a non-negative integer");
    return qb
      .offset(offset ?? 0)
      .limit(pageSize(first))
      .getMany();
  }

  @Query(() => [FocalPoint], { description: "Terms that end within the next N days (0 to 366), soonest first, for reminders (SECRETARIAT)." })
  async focalPointsWithTermsEnding(@Ctx() ctx: RosterContext, @Arg("withinDays", () => Int) withinDays: number): Promise<FocalPoint[]> {
    requireRole(ctx.identity, [Role.SECRETARIAT], "focalPointsWithTermsEnding");
    if (!Number.isInteger(withinDays) || withinDays < 0 || withinDays > 366) throw new BadUserInputError("withinDays", "must be an integer from 0 to 366");
    const today = new Date();
    const until = new Date(today.getTime() + withinDays * 86_400_000).toISOString().slice(0, 10);
    return ctx.dataSource
      .getRepository(FocalPoint)
      .createQueryBuilder("f")
      .where("f.term_end >= :today AND f.term_end <= :until", { today: today.toISOString().slice(0, 10), until })
      .orderBy("f.term_end")
      .addOrderBy("f.id")
      .getMany();
  }

  @Query(() => FocalPoint, { nullable: true, description: "A focal point by id; null when there is none or it is not shared with you." })
  focalPoint(@Ctx() ctx: RosterContext, @Arg("id", () => ID) id: string): Promise<FocalPoint | null> {
    return ctx.loaders.focalPointById.load(id);
  }

  @FieldResolver(() => CountryReference, { description: "Resolved by the directory." })
  country(@Root() fp: FocalPoint): CountryReference {
    return { code: fp.countryCode };
  }
}
