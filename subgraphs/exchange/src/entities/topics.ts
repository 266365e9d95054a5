import { registerEnumType } from "type-graphql";
import { FocalPointRole } from "../../../kit/src/focal-point-role";

/** The exchange topics agreed between the CRM and the CSM (2017) and those added since. */
export enum ExchangeTopic {
  TRAFFICKING_IN_PERSONS = "TRAFFICKING_IN_PERSONS",
  MIGRANT_SMUGGLING = "MIGRANT_SMUGGLING",
  EXTRA_REGIONAL_FLOWS = "EXTRA_REGIONAL_FLOWS",
  CONSULAR_PROTECTION = "CONSULAR_PROTECTION",
  CHILDREN = "CHILDREN",
  GLOBAL_COMPACT = "GLOBAL_COMPACT",
  COMMUNICATION = "COMMUNICATION",
  STATISTICS = "STATISTICS",
}
registerEnumType(ExchangeTopic, {
  name: "ExchangeTopic",
  valuesConfig: {
    TRAFFICKING_IN_PERSONS: { description: "Trafficking in persons." },
    MIGRANT_SMUGGLING: { description: "Migrant smuggling." },
    EXTRA_REGIONAL_FLOWS: { description: "Extra-regional (extra-continental) migration flows." },
    CONSULAR_PROTECTION: { description: "Consular protection and assistance." },
    CHILDREN: { description: "Migrant children and adolescents." },
    GLOBAL_COMPACT: { description: "Global Compact for Safe, Orderly and Regular Migration (PMM)." },
    COMMUNICATION: { description: "Communication." },
    STATISTICS: { description: "Migration statistics." },
  },
});

export const TOPICS = Object.values(ExchangeTopic) as string[];

/**
 * The topics a CRM focal point's role works on: its counterparts are the partner's
 * contacts on any of them. A national focal point covers everything, so it has none of
 * its own.
 */
export const TOPICS_OF_ROLE: Record<FocalPointRole, ExchangeTopic[]> = {
  [FocalPointRole.NATIONAL]: [],
  [FocalPointRole.COMMUNICATION]: [ExchangeTopic.COMMUNICATION],
  [FocalPointRole.EXTRA_REGIONAL_FLOWS]: [ExchangeTopic.EXTRA_REGIONAL_FLOWS],
  [FocalPointRole.GLOBAL_COMPACT]: [ExchangeTopic.GLOBAL_COMPACT],
  [FocalPointRole.TRAFFICKING_SMUGGLING_NETWORK]: [ExchangeTopic.TRAFFICKING_IN_PERSONS, ExchangeTopic.MIGRANT_SMUGGLING],
  [FocalPointRole.CONSULAR_PROTECTION_NETWORK]: [ExchangeTopic.CONSULAR_PROTECTION],
  [FocalPointRole.CHILD_PROTECTION_NETWORK]: [ExchangeTopic.CHILDREN],
  [FocalPointRole.CONSULAR_LIAISON]: [ExchangeTopic.CONSULAR_PROTECTION],
};
