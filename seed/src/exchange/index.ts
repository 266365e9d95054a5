import countries from "i18n-iso-countries";
import type { DataSource } from "typeorm";
import { applyBatch } from "../../../subgraphs/exchange/src/batch/apply-batch";
import { BatchMode, type PartnerContactInput } from "../../../subgraphs/exchange/src/batch/batch.types";
import { ExchangeTopic } from "../../../subgraphs/exchange/src/entities/topics";

/** Members of the South American Conference on Migration. */
const CSM_MEMBERS = ["AR", "BO", "BR", "CL", "CO", "EC", "GY", "PY", "PE", "SR", "UY", "VE"];
const LANGUAGE: Record<string, string> = { BR: "pt", GY: "en", SR: "nl" };

/** The 2017 agreement's topics, one contact each (trafficking and smuggling share one). */
const DESIGNATIONS: { key: string; topics: ExchangeTopic[] }[] = [
  { key: "trafficking-smuggling", topics: [ExchangeTopic.TRAFFICKING_IN_PERSONS, ExchangeTopic.MIGRANT_SMUGGLING] },
  { key: "extra-regional-flows", topics: [ExchangeTopic.EXTRA_REGIONAL_FLOWS] },
  { key: "global-compact", topics: [ExchangeTopic.GLOBAL_COMPACT] },
];

const SEED_BATCH_ID = "enlace-seed-csm-1";

/**
 * The CSM's contacts, clearly fictitious (names, institutions, example.org), pushed as the
 * CSM would: one INCREMENTAL batch with a fixed id, so that starting again replays it and
 * changes nothing, and contacts the CSM has since replaced stay replaced.
 */
export async function seedExchange(dataSource: DataSource): Promise<string> {
  let n = 0;
  const contacts: PartnerContactInput[] = CSM_MEMBERS.flatMap((cc) =>
    DESIGNATIONS.map(({ key, topics }) => ({
      externalId: `csm-${cc.toLowerCase()}-${key}`,
      country: cc,
      topics,
      personName: `Persona Ficticia CSM ${++n}`,
      position: "Punto focal (ficticio)",
      institution: `Institución ficticia de ${countries.getName(cc, "es")}`,
      emails: [`csm.${cc.toLowerCase()}.${key}@example.org`],
      phones: [],
      languages: [LANGUAGE[cc] ?? "es"],
    })),
  );
  const report = await applyBatch(dataSource, { conference: "CSM", actor: "seed", batchId: SEED_BATCH_ID, mode: BatchMode.INCREMENTAL, contacts });
  return `exchange seed: CSM contacts ${report.replayed ? `already seeded (batch ${SEED_BATCH_ID} applied ${report.appliedAt})` : `${report.counts.created} created`} (fictitious people at example.org)`;
}
