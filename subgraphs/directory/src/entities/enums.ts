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

export enum SourcedField {
  EXISTENCE = "EXISTENCE",
  KIND = "KIND",
  ACCREDITATION = "ACCREDITATION",
  ADDRESS = "ADDRESS",
  PHONE = "PHONE",
  EMAIL = "EMAIL",
  WEBSITE = "WEBSITE",
  OPENING_HOURS = "OPENING_HOURS",
  STATUS = "STATUS",
  CAVEAT = "CAVEAT",
  PROCEDURE = "PROCEDURE",
}
registerEnumType(SourcedField, {
  name: "SourcedField",
  description: "A value of an office that carries its own source (Representation.fieldSources).",
  valuesConfig: {
    EXISTENCE: { description: "That the office exists where the directory says." },
    KIND: { description: "The kind of office (e.g. that it is an honorary consulate)." },
    ACCREDITATION: { description: "A country the office is concurrently accredited to (ISO code)." },
    STATUS: { description: "Closed or suspended, and since when." },
    CAVEAT: { description: "A warning for officials (OfficeCaveat)." },
    PROCEDURE: { description: "A procedure the office handles: the offer is CONFIRMED." },
  },
});

export enum PhoneLabel {
  GENERAL = "GENERAL",
  CONSULAR = "CONSULAR",
  EMERGENCY = "EMERGENCY",
  WHATSAPP = "WHATSAPP",
}
registerEnumType(PhoneLabel, { name: "PhoneLabel", description: "What a number is for, when its source says so." });

export enum OfficeCaveat {
  DOCUMENTS_NOT_RECOGNISED = "DOCUMENTS_NOT_RECOGNISED",
  SERVICES_SUSPENDED = "SERVICES_SUSPENDED",
  NO_TRAVEL_DOCUMENTS = "NO_TRAVEL_DOCUMENTS",
  NO_CONSULAR_SERVICES = "NO_CONSULAR_SERVICES",
  RELATIONS_BROKEN = "RELATIONS_BROKEN",
  UNCONFIRMED = "UNCONFIRMED",
}
registerEnumType(OfficeCaveat, {
  name: "OfficeCaveat",
  description: "A warning an official needs before relying on an office; each has a field source.",
  valuesConfig: {
    DOCUMENTS_NOT_RECOGNISED: { description: "The sending state's current authorities declared documents issued by this office invalid." },
    SERVICES_SUSPENDED: { description: "Consular services are suspended (the office may still exist)." },
    NO_TRAVEL_DOCUMENTS: { description: "The office (e.g. honorary) issues no passports or travel documents." },
    NO_CONSULAR_SERVICES: { description: "The office offers no consular services; another office of the country handles them." },
    RELATIONS_BROKEN: { description: "The host state and the sending state broke diplomatic relations; consular service may be limited." },
    UNCONFIRMED: { description: "No recent source confirms the office is open; call before sending anyone." },
  },
});
