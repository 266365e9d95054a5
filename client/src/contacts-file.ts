import { readFileSync } from "node:fs";
import { extname } from "node:path";
import { list, readCsv } from "../../subgraphs/shared/src/contact-card/csv";
import { parseVCards } from "../../subgraphs/shared/src/contact-card/vcard";
import type { PartnerContactInput } from "../../operations/generated/graphql";

/**
 * Reads the partner's own contacts from a CSV (the columns Enlace writes: external_id,
 * country, topics, person_name, position, institution, emails, phones, languages; lists
 * separated by ";") or a vCard file (UID is the external id, CATEGORIES the topics).
 * Nothing is checked here: the server checks every row and reports the bad ones.
 */
export function readContactsFile(path: string): PartnerContactInput[] {
  const text = readFileSync(path, "utf8");
  const kind = extname(path).toLowerCase();
  if (kind === ".vcf" || kind === ".vcard") {
    return parseVCards(text).map((c) => ({
      externalId: c.uid,
      country: c.country,
      topics: c.categories,
      personName: c.fullName,
      position: c.position,
      institution: c.institution,
      emails: c.emails,
      phones: c.phones,
      languages: c.languages,
    }));
  }
  if (kind === ".csv") {
    return readCsv(text).map((r) => ({
      externalId: r.external_id,
      country: r.country,
      topics: list(r.topics),
      personName: r.person_name,
      position: r.position || null,
      institution: r.institution,
      emails: list(r.emails),
      phones: list(r.phones),
      languages: list(r.languages),
    }));
  }
  throw new Error(`--push: ${path} is neither .csv nor .vcf`);
}
