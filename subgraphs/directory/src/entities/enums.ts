import { registerEnumType } from "type-graphql";

export enum RepresentationKind {
  EMBASSY = "EMBASSY",
  CONSULATE_GENERAL = "CONSULATE_GENERAL",
  CONSULATE = "CONSULATE",
  VICE_CONSULATE = "VICE_CONSULATE",
  HONORARY_CONSULATE = "HONORARY_CONSULATE",
  CONSULAR_SECTION = "CONSULAR_SECTION",
  OTHER = "OTHER",
}
registerEnumType(RepresentationKind, {
  name: "RepresentationKind",
  description: "Kind of office. High commissions count as EMBASSY; OTHER covers de facto offices, interests sections and consular agencies.",
});

export enum RepresentationStatus {
  ACTIVE = "ACTIVE",
  TEMPORARILY_CLOSED = "TEMPORARILY_CLOSED",
  CLOSED = "CLOSED",
}
registerEnumType(RepresentationStatus, { name: "RepresentationStatus" });

export enum ProcedureCode {
  PASSPORT = "PASSPORT",
  EMERGENCY_TRAVEL_DOCUMENT = "EMERGENCY_TRAVEL_DOCUMENT",
  IDENTITY_VERIFICATION = "IDENTITY_VERIFICATION",
  CIVIL_REGISTRY = "CIVIL_REGISTRY",
  CONSULAR_REGISTRATION = "CONSULAR_REGISTRATION",
  LEGALIZATION = "LEGALIZATION",
  VISA = "VISA",
  ASSISTED_RETURN = "ASSISTED_RETURN",
  DETAINEE_ASSISTANCE = "DETAINEE_ASSISTANCE",
}
registerEnumType(ProcedureCode, { name: "ProcedureCode", description: "Consular procedures (trámites) of the catalogue." });

export enum OfferBasis {
  CONFIRMED = "CONFIRMED",
  TYPICAL_FOR_KIND = "TYPICAL_FOR_KIND",
}
registerEnumType(OfferBasis, {
  name: "OfferBasis",
  description: "Why the directory lists a procedure at an office.",
  valuesConfig: {
    CONFIRMED: { description: "A source (cited in the offer) says this office handles it." },
    TYPICAL_FOR_KIND: { description: "Inferred: offices of this kind usually handle it. Not confirmed for this office; call first." },
  },
});

export enum JurisdictionBasis {
  RESIDENT = "RESIDENT",
  CONCURRENT_ACCREDITATION = "CONCURRENT_ACCREDITATION",
}
registerEnumType(JurisdictionBasis, {
  name: "JurisdictionBasis",
  valuesConfig: {
    RESIDENT: { description: "The office sits in this country." },
    CONCURRENT_ACCREDITATION: { description: "The office sits elsewhere and is accredited to this country too." },
  },
});

export enum Membership {
  MEMBER = "MEMBER",
  OBSERVER = "OBSERVER",
}
registerEnumType(Membership, { name: "Membership", description: "Standing of a country in a conference." });

export enum CoordinatePrecision {
  EXACT = "EXACT",
  CITY = "CITY",
}
registerEnumType(CoordinatePrecision, {
  name: "CoordinatePrecision",
  valuesConfig: {
    EXACT: { description: "The source gives the office's own position." },
    CITY: { description: "Only the city's position is known; the office is somewhere in that city." },
  },
});
