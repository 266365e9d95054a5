import { AuditEntry } from "./audit.entity";
import { Correction, CorrectionStatus, ProposedChange } from "./correction.entity";
import { Country } from "./country.entity";
import { CountryTableSubmission, SubmissionStatus } from "./country-table-submission.entity";
import { FieldSourceRow } from "./field-source.entity";
import { JurisdictionRow } from "./jurisdiction.entity";
import { Procedure } from "./procedure.entity";
import { ProcedureOfferRow } from "./procedure-offer.entity";
import { Coordinates, Phone, Provenance, Representation } from "./representation.entity";

export const entities = [Country, Procedure, Representation, JurisdictionRow, ProcedureOfferRow, AuditEntry, Correction, FieldSourceRow, CountryTableSubmission];
export {
  AuditEntry,
  Correction,
  CountryTableSubmission,
  SubmissionStatus,
  FieldSourceRow,
  CorrectionStatus,
  ProposedChange,
  Coordinates,
  Country,
  JurisdictionRow,
  Phone,
  Procedure,
  ProcedureOfferRow,
  Provenance,
  Representation,
};
export * from "./enums";
