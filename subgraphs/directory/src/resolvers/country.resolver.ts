import { Arg, Ctx, Field, FieldResolver, InputType, Query, Resolver, Root } from "type-graphql";
import { Lang } from "../../../../platform/src/lang";
import { likePattern, SEARCH_TEXT_DESCRIPTION, searchWords } from "../../../../platform/src/text";
import type { DirectoryContext } from "../context";
import { Country, Membership } from "../entities";
import { localized } from "../labels";
import { countryCode } from "../validation";
import { priorityNationalities } from "../quality/verification-plan";

@InputType()
export class CountryFilter {
  @Field(() => [Membership], { nullable: true, description: "Standing in the CRM: any of these." })
  crm?: Membership[];

  @Field(() => [Membership], { nullable: true, description: "Standing in the CSM: any of these." })
  csm?: Membership[];

  @Field(() => String, { nullable: true, description: `Part of a name in any language or a code; ignores case and accents. ${SEARCH_TEXT_DESCRIPTION}` })
  text?: string;
}

/** ISO 3166-1 entries with no permanent population (no one holds their nationality). */
const UNINHABITED = new Set(["AQ", "BV", "HM", "GS", "TF", "UM", "IO"]);
let priority: Set<string> | undefined;
const priorityNationalitySet = () => (priority ??= new Set(priorityNationalities()));

@Resolver(() => Country)
export class CountryResolver {
  @Query(() => [Country], { description: "ISO 3166-1 countries, ordered by code." })
  async countries(@Ctx() ctx: DirectoryContext, @Arg("filter", () => CountryFilter, { nullable: true }) filter?: CountryFilter): Promise<Country[]> {
    const qb = ctx.dataSource.getRepository(Country).createQueryBuilder("c").orderBy("c.code", "ASC");
    if (filter?.crm) qb.andWhere("c.crm_membership IN (:...crm)", { crm: filter.crm.length ? filter.crm : [""] });
    if (filter?.csm) qb.andWhere("c.csm_membership IN (:...csm)", { csm: filter.csm.length ? filter.csm : [""] });
    if (searchWords(filter?.text, "filter.text").length) qb.andWhere("c.search_text LIKE :text ESCAPE '\\'", { text: likePattern(filter?.text ?? "") });
    const countries = await qb.getMany();
    for (const country of countries) ctx.loaders.countryByCode.prime(country.code, country);
    return countries;
  }

  @Query(() => Country, { nullable: true, description: "A country by ISO 3166-1 alpha-2 code (any case)." })
  async country(@Ctx() ctx: DirectoryContext, @Arg("code") code: string): Promise<Country | null> {
    return ctx.loaders.countryByCode.load(await countryCode(code, "code", ctx.loaders));
  }

  @FieldResolver(() => Boolean, { description: "Among the nationalities the CRM meets most (subgraphs/directory/data/priority-nationalities.csv): the lookup lists them first." })
  metMostInRegion(@Root() country: Country): boolean {
    return priorityNationalitySet().has(country.code);
  }

  @FieldResolver(() => Boolean, { description: "A territory with no permanent population, hence no nationals (Antarctica, Bouvet Island…): left out of nationality lists." })
  uninhabited(@Root() country: Country): boolean {
    return UNINHABITED.has(country.code);
  }

  @FieldResolver(() => String, { description: "Name in the language asked (argument, else Accept-Language, else Spanish)." })
  name(@Root() country: Country, @Ctx() ctx: DirectoryContext, @Arg("lang", () => Lang, { nullable: true }) lang?: Lang): string {
    return localized(country, "name", lang ?? ctx.lang);
  }
}
