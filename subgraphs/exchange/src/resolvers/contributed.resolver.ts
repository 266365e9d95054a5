import { Arg, Ctx, Directive, FieldResolver, Resolver, Root } from "type-graphql";
import type { ExchangeContext } from "../context";
import { PartnerContact } from "../entities/partner-contact.entity";
import { CountryReference } from "../entities/country.reference";
import { FocalPointReference } from "../entities/focal-point.reference";
import { ExchangeTopic, TOPICS_OF_ROLE } from "../entities/topics";

/** Contributed by the exchange to the directory's Country. */
@Resolver(() => CountryReference)
export class CountryPartnerContactsResolver {
  @FieldResolver(() => [PartnerContact], {
    nullable: true, // the country still answers when the exchange is down
    description:
      "The partner conferences' current contacts in this country (exchange); personal fields as for any partner contact. Null, with an error naming the service, when the exchange is unavailable.",
  })
  async partnerContacts(@Root() country: CountryReference, @Ctx() ctx: ExchangeContext, @Arg("topic", () => ExchangeTopic, { nullable: true }) topic?: ExchangeTopic): Promise<PartnerContact[]> {
    const contacts = await ctx.loaders.contactsByCountry.load(country.code);
    return topic ? contacts.filter((c) => c.topics.includes(topic)) : contacts;
  }
}

/** Contributed by the exchange to the roster's FocalPoint. */
@Resolver(() => FocalPointReference)
export class FocalPointCounterpartsResolver {
  @Directive(`@requires(fields: "role")`)
  @FieldResolver(() => [PartnerContact], {
    nullable: true, // the focal point still answers when the exchange is down
    description:
      "Partner contacts on the same topics as this focal point's role (exchange). None for a NATIONAL focal point, whose remit is every topic. Null, with an error naming the service, when the exchange is unavailable.",
  })
  async counterparts(@Root() fp: FocalPointReference, @Ctx() ctx: ExchangeContext): Promise<PartnerContact[]> {
    const topics = fp.role ? TOPICS_OF_ROLE[fp.role] : [];
    const lists = await Promise.all(topics.map((t) => ctx.loaders.contactsByTopic.load(t)));
    const seen = new Set<string>();
    return lists.flat().filter((c) => !seen.has(c.id) && seen.add(c.id));
  }
}
