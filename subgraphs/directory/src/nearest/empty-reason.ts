import { Arg, Ctx, Field, FieldResolver, ObjectType, Resolver, Root } from "type-graphql";
import { Lang } from "../../../../platform/src/lang";
import type { DirectoryContext } from "../context";
import { EMPTY_REASON_WORDS, localized } from "../labels";
import { NearestForNationality } from "./nearest.types";
import { EmptyReasonCode, type EmptyReasonFacts } from "./empty-reason-code";
export { EmptyReasonCode, type EmptyReasonFacts };

@ObjectType({ simpleResolvers: true, description: "Why an answer is empty or has no competent office, and what to do next." })
export class EmptyReason {
  @Field(() => EmptyReasonCode) code!: EmptyReasonCode;
  @Field({ description: "What it means and what the official can do next, in the language of labels." }) message!: string;
}

/** The reason for a nationality's answer, or null when an office there can act. */
export function emptyReasonCode(f: EmptyReasonFacts): EmptyReasonCode | null {
  if (f.results > 0 && f.anyCovers) return null;
  if (f.isCrmMember) return EmptyReasonCode.CRM_MEMBER_STATE;
  if (f.officesAnywhere === 0) return EmptyReasonCode.NO_OFFICE_IN_DIRECTORY;
  if (f.results === 0) return EmptyReasonCode.NO_OFFICE_MATCHES;
  return EmptyReasonCode.NO_OFFICE_COVERS_PLACE;
}

export function emptyReason(f: EmptyReasonFacts, names: { nationality: string; place: string }, lang: Lang): EmptyReason | null {
  const code = emptyReasonCode(f);
  return code && { code, message: EMPTY_REASON_WORDS[code][lang](names.nationality, names.place) };
}

@Resolver(() => NearestForNationality)
export class NearestForNationalityResolver {
  @FieldResolver(() => EmptyReason, {
    nullable: true,
    description: "Null when an office listed can act in the place's country; else why not, and what to do next. Language as for labels.",
  })
  async emptyReason(@Root() n: NearestForNationality, @Ctx() ctx: DirectoryContext, @Arg("lang", () => Lang, { nullable: true }) lang?: Lang): Promise<EmptyReason | null> {
    const words = lang ?? ctx.lang;
    const place = await ctx.loaders.countryByCode.load(n.facts.placeCountry);
    return emptyReason(n.facts, { nationality: localized(n.nationality, "name", words), place: place ? localized(place, "name", words) : n.facts.placeCountry }, words);
  }
}
