import { Field, Float, Int, ObjectType, registerEnumType } from "type-graphql";
import type { Lang } from "../../../../platform/src/lang";
import { Country } from "../entities";

export enum PlaceMatch {
  EXACT = "EXACT",
  ALTERNATE_NAME = "ALTERNATE_NAME",
  BORDER_POST = "BORDER_POST",
  PARTIAL = "PARTIAL",
  COORDINATES = "COORDINATES",
  DIVISION = "DIVISION",
}
registerEnumType(PlaceMatch, {
  name: "PlaceMatch",
  description: "How a place was understood.",
  valuesConfig: {
    EXACT: { description: "The place's own GeoNames name, ignoring case and accents." },
    ALTERNATE_NAME: { description: 'One of its other names (GeoNames alternate names in any language, or a curated alias such as "D.F.").' },
    BORDER_POST: { description: "A curated land border crossing or migrant reception point of the region, by its name or one of its other names." },
    PARTIAL: { description: 'The text starts a word of the name ("Paso Canoas" → "Paso Canoas Arriba"): check it.' },
    COORDINATES: { description: "Given as coordinates; the country comes from Natural Earth boundaries." },
    DIVISION: {
      description:
        'The name of a first-level division of a CRM member state ("Darién", "Petén") that no town of its country carries: its curated border posts and reception points, else its largest town and the curated places within 50 km of it.',
    },
  },
});

export enum PlaceKind {
  CITY = "CITY",
  BORDER_POST = "BORDER_POST",
  RECEPTION_POINT = "RECEPTION_POINT",
}
registerEnumType(PlaceKind, { name: "PlaceKind", description: "A populated place (GeoNames), or a curated border post or migrant reception point." });

@ObjectType({ description: "A first-level division of a CRM member state (state, province, department, district): iso3166-2-db names, GeoNames admin1 codes." })
export class PlaceDivision {
  @Field({ description: 'ISO 3166-2 code, e.g. "MX-CHP".' }) code!: string;
  /** The division's names, for the `name` field resolver. */
  names!: Record<Lang, string>;
  @Field(() => [String], { description: 'Usual abbreviations, each with a source (seed/data/SOURCES.md): "Chis.", "TX"; empty when none is sourced.' }) abbreviations!: string[];
}

@ObjectType({ simpleResolvers: true, description: "A gazetteer place that matches a name." })
export class PlaceCandidate {
  @Field() name!: string;
  @Field(() => Country) country!: Country;
  @Field(() => Float) latitude!: number;
  @Field(() => Float) longitude!: number;
  @Field(() => Int, { nullable: true, description: "From GeoNames (for a border place, the town it is in); null when unknown." }) population!: number | null;
  @Field(() => PlaceKind) kind!: PlaceKind;
  @Field(() => PlaceMatch) matchedBy!: PlaceMatch;
  @Field(() => PlaceDivision, { nullable: true, description: 'Its state, province or department (CRM member states only): tells namesakes apart ("Tonalá" in Jalisco or Chiapas).' })
  division!: PlaceDivision | null;
}
