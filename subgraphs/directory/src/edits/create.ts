import type { EntityManager } from "typeorm";
import { actorOf } from "../../../kit/src/access";
import type { Identity } from "../../../../platform/src/identity";
import { Country, JurisdictionBasis, JurisdictionRow, Procedure, ProcedureOfferRow, Representation, RepresentationStatus, type RepresentationKind } from "../entities";
import { representationId } from "../representation-id";
import { representationSearchFields } from "../search/search-document";
import { assignFields, checkCountryCodes, setConcurrent } from "./apply-changes";
import { typicalOfferRows } from "./typical-offers";
import type { CheckedChanges } from "./validate-changes";
import { auditEntry } from "./write";

const today = () => new Date().toISOString().slice(0, 10);

/**
 * Adds an office inside the caller's transaction: the one way an office is created through
 * the API (createRepresentation, an applied country table). ACTIVE, verified today by the
 * writer, its procedures those typical for its kind, audited as CREATED.
 */
export async function insertRepresentation(
  m: EntityManager,
  identity: Identity,
  office: { sender: string; host: string; kind: RepresentationKind; checked: CheckedChanges; id?: string; verifiedBy?: string },
  field = "input",
): Promise<Representation> {
  const { sender, host, kind, checked } = office;
  await checkCountryCodes(m, [sender], `${field}.sendingCountry`);
  await checkCountryCodes(m, [host], `${field}.hostCountry`);
  const taken = new Set((await m.find(Representation, { select: { id: true } })).map((r) => r.id));
  const rep = m.create(Representation, {
    id: office.id && !taken.has(office.id) ? office.id : representationId({ sendingCountryCode: sender, hostCountryCode: host, kind, city: checked.city ?? null }, (id) => taken.has(id)),
    kind,
    sendingCountryCode: sender,
    hostCountryCode: host,
    city: null,
    address: null,
    latitude: null,
    longitude: null,
    coordinatePrecision: null,
    phones: [],
    emails: [],
    website: null,
    openingHours: null,
    languages: [],
    status: RepresentationStatus.ACTIVE,
    statusSince: today(),
    sourceUrls: [],
    sourceDate: today(),
    lastVerifiedOn: today(),
    lastVerifiedBy: office.verifiedBy ?? actorOf(identity),
    searchText: "",
    searchNames: "",
    version: 1,
  });
  assignFields(rep, checked);
  const countries = new Map((await m.findBy(Country, [{ code: sender }, { code: host }])).map((c) => [c.code, c]));
  const [s, h] = [countries.get(sender), countries.get(host)];
  if (s && h) Object.assign(rep, representationSearchFields(rep, s, h));
  await m.insert(Representation, rep);
  await m.insert(JurisdictionRow, { representationId: rep.id, countryCode: host, basis: JurisdictionBasis.RESIDENT });
  const related = await setConcurrent(m, rep, checked.concurrent, field);
  const offers = typicalOfferRows(await m.find(Procedure), rep.id, rep.kind);
  if (offers.length) await m.insert(ProcedureOfferRow, offers);
  await m.save(auditEntry(m, identity, rep.id, "CREATED", { ...related, kind: [null, rep.kind], city: [null, rep.city], sourceUrls: [null, rep.sourceUrls] }));
  return rep;
}
