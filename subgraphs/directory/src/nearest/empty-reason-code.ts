import { registerEnumType } from "type-graphql";

export enum EmptyReasonCode {
  CRM_MEMBER_STATE = "CRM_MEMBER_STATE",
  NO_OFFICE_IN_DIRECTORY = "NO_OFFICE_IN_DIRECTORY",
  NO_OFFICE_MATCHES = "NO_OFFICE_MATCHES",
  NO_OFFICE_COVERS_PLACE = "NO_OFFICE_COVERS_PLACE",
}
registerEnumType(EmptyReasonCode, {
  name: "EmptyReasonCode",
  description: "Why a nationality's answer has no office, or none that can act in the place's country.",
  valuesConfig: {
    CRM_MEMBER_STATE: { description: "The nationality is a CRM member state: the directory does not list the member states' own consular networks." },
    NO_OFFICE_IN_DIRECTORY: { description: "The directory holds no active office of this country anywhere." },
    NO_OFFICE_MATCHES: { description: "The country has offices, but none passes the procedure, kinds or maxDistanceKm asked for." },
    NO_OFFICE_COVERS_PLACE: { description: "Offices are listed, but none is resident in or accredited to the place's country." },
  },
});

export interface EmptyReasonFacts {
  isCrmMember: boolean;
  /** Active offices of the nationality in the directory, before any filter. */
  officesAnywhere: number;
  results: number;
  anyCovers: boolean;
}
