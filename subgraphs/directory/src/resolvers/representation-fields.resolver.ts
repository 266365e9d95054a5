import { cityName } from "../places/city-names";
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import { Lang } from "../../../../platform/src/lang";
import type { DirectoryContext } from "../context";
import { FieldChange, fieldChanges } from "../../../kit/src/field-change";
import { AuditEntry, Coordinates, Country, FieldSourceRow, JurisdictionRow, Procedure, ProcedureOfferRow, Provenance, Representation, RepresentationKind } from "../entities";
import { CoordinatePrecision } from "../entities/enums";
import { KIND_LABELS, localized, representationName } from "../labels";
import { requireRole } from "../../../kit/src/access";
import { RestrictedTo } from "../../../kit/src/restricted";
import { Role } from "../../../../platform/src/identity";
import { FIRST_DESCRIPTION, pageSize } from "../../../kit/src/pagination";
import { Staleness, stalenessOf } from "../staleness";
import { RepresentationConnection } from "./representation.types";
import { offersOf } from "../loaders/offers";

/**
 * Relations of a representation: rows through per-request loaders (no N+1), countries and
 * procedures from the request's catalogue (no statement, no promise).
 */
@Resolver(() => Representation)
export class RepresentationFieldsResolver {
  @FieldResolver(() => String, { description: 'E.g. "Embajada de Haití"; language as for labels.' })
  name(@Root() r: Representation, @Ctx() ctx: DirectoryContext, @Arg("lang", () => Lang, { nullable: true }) lang?: Lang): string {
    const sender = ctx.catalogue.countries.get(r.sendingCountryCode);
    return representationName(r.kind, sender ? localized(sender, "name", lang ?? ctx.lang) : r.sendingCountryCode, lang ?? ctx.lang, r.sendingCountryCode);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      'The city in the language asked (as for labels) where a page in that language names it ("Ciudad de Panamá"; subgraphs/directory/data/city-names.csv, each with its source); otherwise `city` as stored.',
  })
  cityName(@Root() r: Representation, @Ctx() ctx: DirectoryContext, @Arg("lang", () => Lang, { nullable: true }) lang?: Lang): string | null {
    return r.city === null ? null : cityName(r.hostCountryCode, r.city, lang ?? ctx.lang);
  }

  @FieldResolver(() => String, { description: "Label of the kind of office in the language asked." })
  kindLabel(@Root() r: Representation, @Ctx() ctx: DirectoryContext, @Arg("lang", () => Lang, { nullable: true }) lang?: Lang): string {
    return KIND_LABELS[r.kind as RepresentationKind][lang ?? ctx.lang];
  }

  @FieldResolver(() => Country, { description: "The country the office represents." })
  sendingCountry(@Root() r: Representation, @Ctx() ctx: DirectoryContext): Readonly<Country> | null {
    return ctx.catalogue.countries.get(r.sendingCountryCode) ?? null;
  }

  @FieldResolver(() => Country, { description: "The country the office sits in." })
  hostCountry(@Root() r: Representation, @Ctx() ctx: DirectoryContext): Readonly<Country> | null {
    return ctx.catalogue.countries.get(r.hostCountryCode) ?? null;
  }

  @FieldResolver(() => [JurisdictionRow], { description: "Countries the office can act in: its host first, then concurrent accreditations." })
  async jurisdiction(@Root() r: Representation, @Ctx() ctx: DirectoryContext): Promise<JurisdictionRow[]> {
    return ctx.loaders.jurisdictionByRepresentationId.load(r.id);
  }

  @FieldResolver(() => [ProcedureOfferRow], { description: "Procedures the office handles, each with its basis; catalogue order." })
  procedures(@Root() r: Representation, @Ctx() ctx: DirectoryContext): readonly Readonly<ProcedureOfferRow>[] | Promise<readonly Readonly<ProcedureOfferRow>[]> {
    // Reads answer from the offers held per revision (loaders/offers.ts), without a promise
    // once they are held; a mutation reads what it wrote.
    if (!ctx.operation.readOnly) return this.writtenOffers(r, ctx);
    const held = ctx.offers();
    return held instanceof Promise ? held.then((offers) => offersOf(offers, r.id)) : offersOf(held, r.id);
  }

  private async writtenOffers(r: Representation, ctx: DirectoryContext): Promise<readonly Readonly<ProcedureOfferRow>[]> {
    const offers = await ctx.loaders.offersByRepresentationId.load(r.id);
    // Attached here, once per office, rather than by a resolver per offer: lists of 50
    // offices carry ~450 offers, and a resolver each cost more than the SQL.
    return offers
      .flatMap((offer) => {
        const procedure = ctx.catalogue.procedures.get(offer.procedureCode) as Procedure | undefined;
        return procedure ? [Object.assign(offer, { procedure })] : [];
      })
      .sort((a, b) => a.procedure.position - b.procedure.position);
  }

  @FieldResolver(() => [FieldSourceRow], {
    description:
      "The source of each value (phone, e-mail, address, website, hours, status, caveats, confirmed procedures): URL, date and the exact excerpt. A value without one never enters the directory.",
  })
  async fieldSources(@Root() r: Representation, @Ctx() ctx: DirectoryContext): Promise<FieldSourceRow[]> {
    return ctx.loaders.fieldSourcesByRepresentationId.load(r.id);
  }

  @FieldResolver(() => Coordinates, { nullable: true, description: "Null when neither the office's nor its city's position is known." })
  coordinates(@Root() r: Representation): Coordinates | null {
    if (r.latitude === null || r.longitude === null) return null;
    return { latitude: r.latitude, longitude: r.longitude, precision: r.coordinatePrecision ?? CoordinatePrecision.EXACT };
  }

  @RestrictedTo(Role.SECRETARIAT)
  @FieldResolver(() => [AuditEntry], { nullable: true, description: "Every write to the office, newest first (SECRETARIAT; null and FORBIDDEN for others)." })
  async auditTrail(@Root() r: Representation, @Ctx() ctx: DirectoryContext, @Arg("first", () => Int, { nullable: true, description: FIRST_DESCRIPTION }) first?: number): Promise<AuditEntry[]> {
    requireRole(ctx.identity, [Role.SECRETARIAT], "Representation.auditTrail");
    return (await ctx.loaders.auditByRepresentationId.load(r.id)).slice(0, pageSize(first));
  }

  @FieldResolver(() => Staleness, { description: "Derived from provenance.lastVerifiedOn; public, so nobody trusts a stale phone number blindly." })
  staleness(@Root() r: Representation): Staleness {
    return stalenessOf(r.lastVerifiedOn);
  }

  @FieldResolver(() => Provenance)
  provenance(@Root() r: Representation): Provenance {
    const official = /^OFFICIAL ([A-Z]{2})\b/.exec(r.lastVerifiedBy ?? "");
    return { sources: r.sourceUrls, sourceDate: r.sourceDate, lastVerifiedOn: r.lastVerifiedOn, verifiedByCountry: official ? official[1] : null };
  }
}

@Resolver(() => RepresentationConnection)
export class RepresentationConnectionResolver {
  @FieldResolver(() => Int, { description: "How many offices match the filter, over all pages." })
  async totalCount(@Root() connection: RepresentationConnection): Promise<number> {
    return connection.count();
  }
}

@Resolver(() => JurisdictionRow)
export class JurisdictionResolver {
  @FieldResolver(() => Country)
  country(@Root() row: JurisdictionRow, @Ctx() ctx: DirectoryContext): Readonly<Country> | null {
    return ctx.catalogue.countries.get(row.countryCode) ?? null;
  }
}

@Resolver(() => AuditEntry)
export class AuditEntryResolver {
  @FieldResolver(() => [FieldChange])
  changes(@Root() entry: AuditEntry): FieldChange[] {
    return fieldChanges(entry.changes);
  }
}
