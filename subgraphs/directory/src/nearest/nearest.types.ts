import type { EmptyReasonFacts } from "./empty-reason-code";
import { Field, Float, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { CoordinatePrecision, Country, Representation } from "../entities";
import { PlaceCandidate, PlaceDivision, PlaceKind, PlaceMatch } from "../places/places.types";

export enum CoverageBasis {
  RESIDENT = "RESIDENT",
  CONCURRENT_ACCREDITATION = "CONCURRENT_ACCREDITATION",
  NONE = "NONE",
}
registerEnumType(CoverageBasis, {
  name: "CoverageBasis",
  description: "Whether an office can act in the place's country, and why.",
  valuesConfig: {
    RESIDENT: { description: "It sits in that country." },
    CONCURRENT_ACCREDITATION: { description: "It sits elsewhere and is accredited to that country." },
    NONE: { description: "It has no competence there: listed only because nothing closer covers the place." },
  },
});

@InputType({ description: "Where: coordinates, or a place name (resolved offline: GeoNames cities500 and the region's border posts). Give `country` at border posts." })
export class NearInput {
  @Field(() => Float, { nullable: true }) latitude?: number;
  @Field(() => Float, { nullable: true }) longitude?: number;
  @Field(() => String, {
    nullable: true,
    description:
      'A town, city or border post, any case, accents optional, other names too: "tapachula", "Ciudad de Panamá", "CDMX", "San José, Costa Rica", "Tonalá, Chiapas", "Tonalá (Chis.)", "Tonalá, Chiapas, México".',
  })
  place?: string;
  @Field(() => String, {
    nullable: true,
    description:
      "ISO alpha-2 of the place's country. With a place name it is a constraint (default: an official's own country, unless the name says \"Name, Country\"): nothing there is BAD_USER_INPUT with suggestions. With coordinates it says which side of a border they are on (default: the Natural Earth boundary they fall in).",
  })
  country?: string;
}

@ObjectType({ simpleResolvers: true, description: "The place the query was understood as." })
export class ResolvedPlace {
  @Field() name!: string;
  @Field(() => Country) country!: Country;
  @Field() latitude!: number;
  @Field() longitude!: number;
  @Field(() => Int, { nullable: true, description: "From GeoNames; null for coordinates given directly." }) population!: number | null;
  @Field(() => PlaceKind, { nullable: true, description: "What kind of place it is (a town, a border post, a reception point); null for coordinates given directly." }) kind!: PlaceKind | null;
  @Field(() => PlaceMatch, { description: "How the place was understood: check PARTIAL and ALTERNATE_NAME answers against `alternatives`." }) matchedBy!: PlaceMatch;
  @Field(() => PlaceDivision, { nullable: true, description: "Its state, province or department (CRM member states only); null for coordinates given directly." }) division!: PlaceDivision | null;
  @Field(() => [PlaceCandidate], { description: 'Up to 5 other places the name could mean, best first ("did you mean…"); empty for coordinates.' }) alternatives!: PlaceCandidate[];
}

@ObjectType({ simpleResolvers: true })
export class NearestResult {
  @Field(() => Representation) representation!: Representation;
  @Field(() => Float, { nullable: true, description: "Great-circle distance; null when neither the office's nor its city's position is known." }) distanceKm!: number | null;
  @Field({ description: "Whether the office can act in the place's country." }) coversLocation!: boolean;
  @Field(() => CoverageBasis) basis!: CoverageBasis;
  @Field(() => CoordinatePrecision, { nullable: true, description: "EXACT office position, or only its CITY's: the distance is then approximate." }) coordinatePrecision!: CoordinatePrecision | null;
}

@ObjectType({ simpleResolvers: true })
export class NearestForNationality {
  @Field(() => Country) nationality!: Country;
  @Field({ description: "Whether any office of this country covers the place; when false the results are the nearest anywhere." }) anyCovers!: boolean;
  @Field(() => [NearestResult], { description: "Offices that cover the place first, then the others; each group by distance." }) results!: NearestResult[];
  /** What `emptyReason` is worked out from (see empty-reason.ts). */
  facts!: EmptyReasonFacts & { placeCountry: string };
}

@ObjectType({ simpleResolvers: true })
export class NearestRepresentations {
  @Field(() => ResolvedPlace) place!: ResolvedPlace;
  @Field(() => [NearestForNationality], { description: "In the order the nationalities were given." }) byNationality!: NearestForNationality[];
}
