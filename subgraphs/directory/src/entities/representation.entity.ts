import { Directive, Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryColumn, VersionColumn } from "typeorm";
import { CoordinatePrecision, OfficeCaveat, PhoneLabel, RepresentationKind, RepresentationStatus } from "./enums";

@ObjectType({ simpleResolvers: true, description: "A telephone number: E.164 when it could be normalised, always as the source wrote it." })
export class Phone {
  @Field(() => String, { nullable: true, description: "E.164 form (+50622892226), null when the source's text is not a valid number." })
  e164!: string | null;

  @Field({ description: "As the source wrote it." })
  raw!: string;

  @Field(() => PhoneLabel, { nullable: true, description: "What the number is for (consular, emergency line...), when its source says so." })
  label?: PhoneLabel | null;
}

@ObjectType({ simpleResolvers: true })
export class Coordinates {
  @Field() latitude!: number;
  @Field() longitude!: number;
  @Field(() => CoordinatePrecision)
  precision!: CoordinatePrecision;
}

@ObjectType({ simpleResolvers: true, description: "Where a record comes from and how fresh it is." })
export class Provenance {
  @Field(() => [String], { description: "Source URLs; the first is the main one." })
  sources!: string[];

  @Field(() => String, { nullable: true, description: "Date of the source (ISO 8601; may be a year or year-month only)." })
  sourceDate!: string | null;

  @Field(() => String, { nullable: true, description: "When someone last confirmed the record (ISO 8601 date). For seeded and imported rows, the source's date." })
  lastVerifiedOn!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The country (ISO alpha-2) of the official who last confirmed the record or reported the correction that did; null when the secretariat, an import or a source did. Never a person.",
  })
  verifiedByCountry!: string | null;
}

@Directive(`@key(fields: "id")`)
@ObjectType({ simpleResolvers: true, description: "An embassy, consulate or other office of a sending country in a host country." })
@Entity({ name: "representation" })
@Index("idx_representation_sending", ["sendingCountryCode"])
@Index("idx_representation_host", ["hostCountryCode"])
export class Representation {
  @Field(() => ID, { description: "Stable slug: sender-host-kind-city." })
  @PrimaryColumn({ type: "varchar", length: 120 })
  id!: string;

  @Field(() => RepresentationKind)
  @Column({ type: "varchar", length: 24 })
  kind!: RepresentationKind;

  @Column({ name: "sending_country_code", type: "varchar", length: 2 })
  sendingCountryCode!: string;

  @Column({ name: "host_country_code", type: "varchar", length: 2 })
  hostCountryCode!: string;

  @Field(() => String, { nullable: true, description: "City as the source names it." })
  @Column({ type: "text", nullable: true })
  city!: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: "text", nullable: true })
  address!: string | null;

  @Column({ type: "double precision", nullable: true })
  latitude!: number | null;

  @Column({ type: "double precision", nullable: true })
  longitude!: number | null;

  @Column({ name: "coordinate_precision", type: "varchar", length: 8, nullable: true })
  coordinatePrecision!: CoordinatePrecision | null;

  @Field(() => [Phone])
  @Column({ type: "simple-json" })
  phones!: Phone[];

  @Field(() => [String])
  @Column({ type: "simple-json" })
  emails!: string[];

  @Field(() => String, { nullable: true })
  @Column({ type: "text", nullable: true })
  website!: string | null;

  @Field(() => String, { nullable: true, description: "Opening hours in OpenStreetMap opening_hours syntax." })
  @Column({ name: "opening_hours", type: "text", nullable: true })
  openingHours!: string | null;

  @Field(() => [String], { description: "Languages spoken at the office (BCP 47)." })
  @Column({ type: "simple-json" })
  languages!: string[];

  @Field(() => RepresentationStatus)
  @Column({ type: "varchar", length: 24 })
  status!: RepresentationStatus;

  @Field(() => String, { nullable: true, description: "Since when the office has its status (ISO date), when known." })
  @Column({ name: "status_since", type: "varchar", length: 10, nullable: true })
  statusSince!: string | null;

  @Field(() => [OfficeCaveat], { description: "Warnings an official needs before relying on the office, each with its field source." })
  @Column({ type: "simple-json", default: "[]" })
  caveats!: OfficeCaveat[];

  @Column({ name: "source_urls", type: "simple-json" })
  sourceUrls!: string[];

  @Column({ name: "source_date", type: "varchar", length: 10, nullable: true })
  sourceDate!: string | null;

  @Column({ name: "last_verified_on", type: "varchar", length: 10, nullable: true })
  lastVerifiedOn!: string | null;

  /** The key (or command) that last verified the record. */
  @Column({ name: "last_verified_by", type: "varchar", length: 200, nullable: true })
  lastVerifiedBy!: string | null;

  /** Folded words of the city (in its other names too), address, kind and both countries, for full-text search (search/). */
  @Column({ name: "search_text", type: "text" })
  searchText!: string;

  /** The office's names in es/en/fr/pt as folded words between "|": an exact-name match ranks first. */
  @Column({ name: "search_names", type: "text", default: "" })
  searchNames!: string;

  @Field(() => Int, { description: "Increases with every change; writes must send the version they read." })
  @VersionColumn()
  version!: number;
}
