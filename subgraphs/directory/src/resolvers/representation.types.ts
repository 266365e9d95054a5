import { SEARCH_TEXT_DESCRIPTION } from "../../../../platform/src/text";
import { Field, InputType, Int, ObjectType } from "type-graphql";
import { ProcedureCode, Representation, RepresentationKind, RepresentationStatus } from "../entities";

@InputType({ description: "All given conditions must hold; within a list, any value matches." })
export class RepresentationFilter {
  @Field(() => [String], { nullable: true, description: "Country the office represents (ISO alpha-2): any of these." })
  sendingCountry?: string[];

  @Field(() => [String], { nullable: true, description: "Country the office sits in: any of these." })
  hostCountry?: string[];

  @Field(() => [String], {
    nullable: true,
    description: "Country the office can act in, as host or by concurrent accreditation: any of these.",
  })
  jurisdictionCountry?: string[];

  @Field(() => [ProcedureCode], { nullable: true, description: "Procedures the office handles: all of these (any basis)." })
  procedures?: ProcedureCode[];

  @Field(() => [RepresentationKind], { nullable: true })
  kind?: RepresentationKind[];

  @Field(() => [RepresentationStatus], { nullable: true, description: "Default: ACTIVE and TEMPORARILY_CLOSED (closed offices are kept but hidden)." })
  status?: RepresentationStatus[];

  @Field(() => String, {
    nullable: true,
    description: `Words of the office's name, kind, city, address or countries, in es, en, fr or pt; case, accents and words such as "de", "of", "d'" ignored; the last word may be cut short ("tapach"). Results by relevance, an exact name first. ${SEARCH_TEXT_DESCRIPTION}`,
  })
  text?: string;

  @Field(() => String, { nullable: true, description: "Only offices not verified since this date (YYYY-MM-DD), or never: the secretariat's list of records to check." })
  notVerifiedSince?: string;
}

@ObjectType({ simpleResolvers: true })
export class PageInfo {
  @Field() hasNextPage!: boolean;
  @Field() hasPreviousPage!: boolean;
  @Field(() => String, { nullable: true }) startCursor!: string | null;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

@ObjectType({ simpleResolvers: true })
export class RepresentationEdge {
  @Field() cursor!: string;
  @Field(() => Representation) node!: Representation;
}

@ObjectType({ simpleResolvers: true, description: "A page of representations (Relay connection), ordered by id." })
export class RepresentationConnection {
  @Field(() => [RepresentationEdge]) edges!: RepresentationEdge[];
  @Field(() => [Representation], { description: "The nodes of `edges`, for clients that need no cursors." }) nodes!: Representation[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  /** Counted only when asked for: one statement less on pages that do not show it. */
  count!: () => Promise<number>;
}

export { Int };
