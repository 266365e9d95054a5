import { GraphQLJSON } from "graphql-scalars";
import { Arg, Ctx, Field, FieldResolver, ID, InputType, Int, Query, Resolver, Root } from "type-graphql";
import { Role } from "../../../../platform/src/identity";
import { RestrictedTo } from "../../../kit/src/restricted";
import { toJCard, toVCard } from "../../../../platform/src/contact-card/vcard";
import { BadUserInputError } from "../../../../platform/src/errors";
import { OFFSET_DESCRIPTION, pageSize } from "../../../kit/src/pagination";
import { conferenceFilter, personal } from "../access";
import type { ExchangeContext } from "../context";
import { PartnerContact } from "../entities/partner-contact.entity";
import { CountryReference } from "../entities/country.reference";
import { ExchangeTopic } from "../entities/topics";
import { cardOf } from "../card";

@InputType()
export class PartnerContactFilter {
  @Field(() => [String], { nullable: true, description: "ISO alpha-2: any of these." }) country?: string[];
  @Field(() => ExchangeTopic, { nullable: true }) topic?: ExchangeTopic;
  @Field(() => String, { nullable: true, description: "Partner conference, e.g. CSM." }) conference?: string;
}

@Resolver(() => PartnerContact)
export class PartnerContactResolver {
  @Query(() => [PartnerContact], { description: "Current partner contacts by country, institution. A PARTNER sees only its own conference's." })
  partnerContacts(
    @Ctx() ctx: ExchangeContext,
    @Arg("filter", () => PartnerContactFilter, { nullable: true }) filter?: PartnerContactFilter,
    @Arg("first", () => Int, { nullable: true, description: "0 to 100; default 20." }) first?: number,
    @Arg("offset", () => Int, { nullable: true, description: OFFSET_DESCRIPTION }) offset?: number,
  ): Promise<PartnerContact[]> {
    if (offset !== undefined && offset !== null && (!Number.isInteger(offset) || offset < 0)) throw new BadUserInputError("offset", "must be a non-negative integer");
    const qb = ctx.dataSource.getRepository(PartnerContact).createQueryBuilder("c").where("c.removed_at IS NULL").orderBy("c.country_code").addOrderBy("c.institution").addOrderBy("c.id");
    if (filter?.country) qb.andWhere("c.country_code IN (:...countries)", { countries: filter.country.length ? filter.country.map((c) => c.toUpperCase()) : [""] });
    if (filter?.topic) qb.andWhere("c.topics LIKE :topic", { topic: `%"${filter.topic}"%` });
    if (filter?.conference) qb.andWhere("c.conference = :conference", { conference: filter.conference });
    const own = conferenceFilter(ctx.identity);
    if (own) qb.andWhere("c.conference = :own", { own });
    return qb
      .offset(offset ?? 0)
      .limit(pageSize(first))
      .getMany();
  }

  @Query(() => PartnerContact, { nullable: true, description: "A partner contact by id (also a removed one); null when there is none or it is not yours to see." })
  partnerContact(@Ctx() ctx: ExchangeContext, @Arg("id", () => ID) id: string): Promise<PartnerContact | null> {
    return ctx.loaders.contactById.load(id);
  }

  @FieldResolver(() => CountryReference, { description: "Resolved by the directory." })
  country(@Root() c: PartnerContact): CountryReference {
    return { code: c.countryCode };
  }

  @RestrictedTo(Role.OFFICIAL, Role.PARTNER, Role.SECRETARIAT)
  @FieldResolver(() => String, { nullable: true, description: "Personal: SECRETARIAT; OFFICIAL while current; the PARTNER that designated it." })
  personName(@Root() c: PartnerContact, @Ctx() ctx: ExchangeContext): string {
    return personal(ctx.identity, c, "personName", c.personName);
  }

  @RestrictedTo(Role.OFFICIAL, Role.PARTNER, Role.SECRETARIAT)
  @FieldResolver(() => String, { nullable: true, description: "Personal, as personName." })
  position(@Root() c: PartnerContact, @Ctx() ctx: ExchangeContext): string | null {
    return personal(ctx.identity, c, "position", c.position);
  }

  @RestrictedTo(Role.OFFICIAL, Role.PARTNER, Role.SECRETARIAT)
  @FieldResolver(() => [String], { nullable: true, description: "Personal, as personName." })
  emails(@Root() c: PartnerContact, @Ctx() ctx: ExchangeContext): string[] {
    return personal(ctx.identity, c, "emails", c.emails);
  }

  @RestrictedTo(Role.OFFICIAL, Role.PARTNER, Role.SECRETARIAT)
  @FieldResolver(() => [String], { nullable: true, description: "Personal, as personName. E.164." })
  phones(@Root() c: PartnerContact, @Ctx() ctx: ExchangeContext): string[] {
    return personal(ctx.identity, c, "phones", c.phones);
  }

  @RestrictedTo(Role.OFFICIAL, Role.PARTNER, Role.SECRETARIAT)
  @FieldResolver(() => String, { nullable: true, description: "The contact as a vCard 4.0 (RFC 6350). Personal, as personName." })
  vcard(@Root() c: PartnerContact, @Ctx() ctx: ExchangeContext): string {
    return personal(ctx.identity, c, "vcard", toVCard(cardOf(c, ctx.identity)));
  }

  @RestrictedTo(Role.OFFICIAL, Role.PARTNER, Role.SECRETARIAT)
  @FieldResolver(() => GraphQLJSON, { nullable: true, description: "The contact as jCard (RFC 7095). Personal, as personName." })
  jcard(@Root() c: PartnerContact, @Ctx() ctx: ExchangeContext): unknown {
    return personal(ctx.identity, c, "jcard", toJCard(cardOf(c, ctx.identity)));
  }
}
