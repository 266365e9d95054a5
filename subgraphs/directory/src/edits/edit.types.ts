import { Field, InputType, Int } from "type-graphql";
import { OfferBasis, ProcedureCode, RepresentationKind } from "../entities";

@InputType()
export class CoordinatesInput {
  @Field() latitude!: number;
  @Field() longitude!: number;
}

/** An office's details, for creating and for changing it. */
@InputType()
class OfficeDetailsInput {
  @Field(() => String, { nullable: true }) city?: string | null;
  @Field(() => String, { nullable: true }) address?: string | null;
  @Field(() => CoordinatesInput, { nullable: true }) coordinates?: CoordinatesInput | null;
  @Field(() => [String], { nullable: true, description: "E.164, or a national number of the host country." }) phones?: string[];
  @Field(() => [String], { nullable: true }) emails?: string[];
  @Field(() => String, { nullable: true, description: "http(s) URL." }) website?: string | null;
  @Field(() => String, { nullable: true, description: "OpenStreetMap opening_hours syntax, e.g. Mo-Fr 09:00-13:00; PH off." }) openingHours?: string | null;
  @Field(() => [String], { nullable: true, description: "BCP 47 tags, e.g. es, ht, en-US." }) languages?: string[];
  @Field(() => [String], { nullable: true, description: "Countries the office is also accredited to (ISO alpha-2), besides its host." }) concurrentAccreditation?: string[];
  @Field(() => String, { nullable: true, description: "Where the new values come from (URL); added to the provenance." }) source?: string | null;
}

/** Fields to change; an absent field stays as it is, null clears it. */
@InputType({ description: "Fields to change; a field left out stays as it is, null clears it." })
export class RepresentationChanges extends OfficeDetailsInput {
  @Field(() => RepresentationKind, { nullable: true, description: "E.g. a consulate raised to consulate general; inferred offers follow the kind, confirmed ones stay." }) kind?: RepresentationKind;
}

@InputType()
export class NewRepresentationInput extends OfficeDetailsInput {
  @Field(() => RepresentationKind) kind!: RepresentationKind;
  @Field({ description: "ISO alpha-2 of the country the office represents." }) sendingCountry!: string;
  @Field({ description: "ISO alpha-2 of the country it sits in." }) hostCountry!: string;
}

@InputType()
export class ProcedureOfferInput {
  @Field(() => ProcedureCode) procedure!: ProcedureCode;
  @Field(() => OfferBasis, { defaultValue: OfferBasis.CONFIRMED }) basis!: OfferBasis;
  @Field(() => String, { nullable: true, description: "Required for CONFIRMED: where the office says it handles this." }) sourceUrl?: string | null;
  @Field(() => String, { nullable: true, description: "E.g. by appointment; fee." }) note?: string | null;
}

export { Int };
