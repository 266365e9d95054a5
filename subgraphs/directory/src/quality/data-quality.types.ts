import { Field, ID, Int, ObjectType } from "type-graphql";

@ObjectType({ simpleResolvers: true, description: "An office that needs a human, and why." })
export class QualityOffice {
  @Field(() => ID) id!: string;
  @Field({ description: "Sending country (ISO alpha-2)." }) sender!: string;
  @Field({ description: "Host country (ISO alpha-2)." }) host!: string;
  @Field() kind!: string;
  @Field(() => String, { nullable: true }) city!: string | null;
  @Field(() => String, { nullable: true, description: 'What is wrong, when the section needs saying: "10342.5 km outside GT".' }) detail!: string | null;
}

@ObjectType({ simpleResolvers: true })
export class QualitySection {
  @Field(() => Int) count!: number;
  @Field(() => [QualityOffice], { description: "Ordered by id." }) offices!: QualityOffice[];
}

@ObjectType({ simpleResolvers: true, description: "Offices with the same sender, host, kind and city: probably one office entered twice." })
export class DuplicateGroup {
  @Field({ description: "sender/host/kind/city (city folded)." }) key!: string;
  @Field(() => [ID]) ids!: string[];
}

@ObjectType({ simpleResolvers: true, description: "What an official can act on: how many offices give each channel." })
export class ContactCoverage {
  @Field(() => Int) offices!: number;
  @Field(() => Int) withPhone!: number;
  @Field(() => Int) withEmail!: number;
  @Field(() => Int) withAddress!: number;
  @Field(() => Int) withWebsite!: number;
  @Field(() => QualitySection, { description: "Offices with no phone, no e-mail and no address." }) withNone!: QualitySection;
}

@ObjectType({ simpleResolvers: true, description: "A main extra-regional nationality with no office in the CRM region." })
export class NationalityGap {
  @Field({ description: "ISO alpha-2." }) country!: string;
  @Field({ description: "Why the country is on the list of main extra-regional nationalities." }) basis!: string;
  @Field(() => String, { nullable: true }) sourceUrl!: string | null;
  @Field(() => Int, { description: "Its active offices anywhere in the directory (none of them in or accredited to a CRM member state)." }) officesElsewhere!: number;
}

@ObjectType({ simpleResolvers: true, description: "A row someone doubted: what was found, and whether it was fixed (with a source) or awaits review." })
export class DoubtfulRowReport {
  @Field(() => ID) representationId!: string;
  @Field() doubt!: string;
  @Field() finding!: string;
  @Field({ description: "NEEDS_REVIEW, or the fix the seed applied with its source." }) verdict!: string;
  @Field(() => [String]) sources!: string[];
  @Field(() => String, { nullable: true }) sourceDate!: string | null;
  @Field(() => String, { nullable: true, description: "The office's kind in the directory now; null when it is not there." }) kind!: string | null;
  @Field(() => String, { nullable: true, description: "The office's status in the directory now." }) status!: string | null;
}

@ObjectType({ simpleResolvers: true, description: "What in the directory needs a human: the secretariat's work list." })
export class DataQuality {
  @Field({ description: "The day the report was made (ISO date); staleness counts from it." }) generatedOn!: string;
  @Field(() => Int, { description: "Offices that are not closed: every section counts among them." }) offices!: number;
  @Field(() => QualitySection, { description: "No position: neither the source's nor the city's is known." }) withoutPosition!: QualitySection;
  @Field(() => QualitySection, { description: "Coordinates more than 15 km outside the host country." }) outsideHost!: QualitySection;
  @Field(() => [DuplicateGroup]) likelyDuplicates!: DuplicateGroup[];
  @Field(() => QualitySection, { description: "Offices with no procedure at all (today kind OTHER): no procedure filter ever returns them." }) noProcedureFilterReturns!: QualitySection;
  @Field(() => QualitySection, { description: "Honorary consulates: returned only when asking for assistance to detained nationals." }) honoraryDetaineeOnly!: QualitySection;
  @Field(() => QualitySection, { description: "Not verified for over a year (or never)." }) notVerifiedForAYear!: QualitySection;
  @Field(() => ContactCoverage) contacts!: ContactCoverage;
  @Field(() => [NationalityGap]) nationalitiesWithoutOffice!: NationalityGap[];
  @Field(() => [DoubtfulRowReport]) doubtfulRows!: DoubtfulRowReport[];
}
