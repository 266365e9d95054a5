import { registerEnumType } from "type-graphql";

/**
 * The roles of CRM focal points. The roster owns FocalPoint.role; the exchange declares the
 * field @external and requires it to find a focal point's counterparts, so both subgraphs
 * need the same enum, and subgraphs do not import each other.
 */
export enum FocalPointRole {
  NATIONAL = "NATIONAL",
  COMMUNICATION = "COMMUNICATION",
  EXTRA_REGIONAL_FLOWS = "EXTRA_REGIONAL_FLOWS",
  GLOBAL_COMPACT = "GLOBAL_COMPACT",
  TRAFFICKING_SMUGGLING_NETWORK = "TRAFFICKING_SMUGGLING_NETWORK",
  CONSULAR_PROTECTION_NETWORK = "CONSULAR_PROTECTION_NETWORK",
  CHILD_PROTECTION_NETWORK = "CHILD_PROTECTION_NETWORK",
  CONSULAR_LIAISON = "CONSULAR_LIAISON",
}
registerEnumType(FocalPointRole, {
  name: "FocalPointRole",
  valuesConfig: {
    NATIONAL: { description: "National CRM focal point." },
    COMMUNICATION: { description: "Communication focal point." },
    EXTRA_REGIONAL_FLOWS: { description: "Technical group on extra-regional flows." },
    GLOBAL_COMPACT: { description: "Global Compact for Migration (PMM) liaison." },
    TRAFFICKING_SMUGGLING_NETWORK: { description: "Liaison officers network on trafficking in persons and migrant smuggling." },
    CONSULAR_PROTECTION_NETWORK: { description: "Consular protection network." },
    CHILD_PROTECTION_NETWORK: { description: "Child protection network." },
    CONSULAR_LIAISON: { description: "Consular liaison at a representation." },
  },
});
